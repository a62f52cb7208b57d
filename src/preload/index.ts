import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createIpcBridge } from './ipcBridge';

// The whole preload: `window.bridge` with `request`, `onEvent` and `pathsForFiles`, nothing else.
// No ipcRenderer, process or require reaches the page; the channels are fixed and method names
// are not known here.
const bridge = createIpcBridge(ipcRenderer);

contextBridge.exposeInMainWorld('bridge', {
  request: (method: string, input: unknown) => bridge.request(method, input),
  onEvent: (listener: (event: unknown) => void) => bridge.onEvent(listener),
  // Files dropped on a window: their real paths, which sandboxed pages cannot read from a File.
  pathsForFiles: (files: File[]) => Array.from(files, (file) => webUtils.getPathForFile(file)),
});
