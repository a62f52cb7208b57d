import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineProcess } from './localEngine';

/**
 * The engine as a Node child process run from source through tsx (the browser host and tests;
 * the app uses Electron's `utilityProcess` with the built file instead).
 */
export function spawnSourceEngine(): EngineProcess {
  const entry = fileURLToPath(new URL('./engineChild.ts', import.meta.url));
  // stdout/stderr ignored: llama.cpp's logs stay out of Penpal's (they may name the file).
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  return {
    send: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill(),
  };
}
