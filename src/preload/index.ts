import { contextBridge, ipcRenderer } from 'electron';
import { createIpcBridge } from './ipcBridge';

// The whole preload: `window.bridge` with `request` and `onEvent`, nothing else. No ipcRenderer,
// process or require reaches the page; the channels are fixed and method names are not known here.
const bridge = createIpcBridge(ipcRenderer);

contextBridge.exposeInMainWorld('bridge', {
  request: (method: string, input: unknown) => bridge.request(method, input),
  onEvent: (listener: (event: unknown) => void) => bridge.onEvent(listener),
});
