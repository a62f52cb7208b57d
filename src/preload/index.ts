import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createIpcBridge } from './ipcBridge';

// The whole preload: `window.bridge` with `request`, `onEvent` and `pathsForFiles`, nothing else.
// No ipcRenderer, process or require reaches the page; the channels are fixed and method names
// are not known here. `pathsForFiles` gives the paths of files the user dropped or chose (Electron
// no longer puts them on `File.path`) so main can read a dropped folder itself and nothing large
// crosses IPC; it reads nothing, and a path is only a string the page could not use on its own.
const bridge = createIpcBridge(ipcRenderer);

contextBridge.exposeInMainWorld('bridge', {
  request: (method: string, input: unknown) => bridge.request(method, input),
  onEvent: (listener: (event: unknown) => void) => bridge.onEvent(listener),
  pathsForFiles: (files: File[]) => Array.from(files, (file) => webUtils.getPathForFile(file)),
});
