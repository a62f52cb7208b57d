import { utilityProcess } from 'electron';
import type { EngineProcess } from '../core/localModel/localEngine';
import engineChildFile from '../core/localModel/engineChild?modulePath';

/**
 * The model engine as an Electron utility process (a Node process of its own, which the
 * `runAsNode` fuse leaves possible, unlike `child_process.fork` of the app binary). A crash
 * there leaves the app running.
 */
export function spawnUtilityEngine(): EngineProcess {
  // stdout/stderr ignored: llama.cpp's logs stay out of Penpal's.
  const child = utilityProcess.fork(engineChildFile, [], {
    serviceName: 'Penpal model engine',
    stdio: 'ignore',
  });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
