import { describe, expect, it } from 'vitest';
import { createAppUrlCheck } from '../../src/main/appUrl';
import { IPC_REQUEST_CHANNEL } from '../../src/shared/contract';
import { APP_FILE, createServerSide, ipcTransport } from './transports';

describe('Electron IPC adapter: sender check', () => {
  it('refuses a subframe, another page and a closed window, and never calls the handler', async () => {
    const server = createServerSide();
    const transport = await ipcTransport(server);
    const window = transport.openWindow();
    const ask = () =>
      window.ipcRenderer
        .invoke(IPC_REQUEST_CHANNEL, 'app.info', '{}')
        .then((text) => JSON.parse(String(text)));

    expect(await ask()).toMatchObject({ ok: true });
    expect(server.calls.get('app.info')).toBe(1);

    window.senderFrame = { url: window.webContents.mainFrame.url }; // same URL, but an iframe
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    window.senderFrame = null; // the frame is gone
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    window.senderFrame = window.webContents.mainFrame;
    window.webContents.mainFrame.url = 'https://evil.example/index.html';
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    window.webContents.mainFrame.url = 'file:///tmp/elsewhere/out/renderer/index.html';
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    window.webContents.mainFrame.url = `file://${APP_FILE}`;
    window.webContents.destroyed = true; // not one of our live windows any more
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(server.calls.get('app.info')).toBe(1);
    await transport.close();
  });

  it('answers input that is not JSON text with invalid_input', async () => {
    const server = createServerSide();
    const transport = await ipcTransport(server);
    const window = transport.openWindow();
    for (const input of [{ raw: 'object' }, 'not json', undefined]) {
      const text = await window.ipcRenderer.invoke(IPC_REQUEST_CHANNEL, 'app.info', input);
      expect(JSON.parse(String(text))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(server.calls.size).toBe(0);
    await transport.close();
  });

  it('does not send events to a closed window', async () => {
    const server = createServerSide();
    // Every window is a target here, the closed one too: only the adapter's own check skips it.
    const transport = await ipcTransport(server, { targets: 'all' });
    const open = transport.openWindow();
    const closed = transport.openWindow();
    closed.webContents.destroyed = true;
    const sent: string[] = [];
    closed.webContents.send = (channel) => void sent.push(channel);
    const arrived = new Promise((resolve) =>
      open.ipcRenderer.on('penpal:event', (_event, text) => resolve(text)),
    );
    server.events.emit('library.changed', {});
    expect(JSON.parse(String(await arrived))).toEqual({ name: 'library.changed', payload: {} });
    expect(sent).toEqual([]);
    await transport.close();
  });
});

describe('Electron IPC adapter: what counts as our page', () => {
  const packaged = createAppUrlCheck({ rendererFile: '/opt/Penpal/out/renderer/index.html' });
  const dev = createAppUrlCheck({
    rendererFile: '/opt/Penpal/out/renderer/index.html',
    devServerUrl: 'http://localhost:5173/',
  });

  it('accepts only the built index.html (any hash or query) in production', () => {
    expect(packaged('file:///opt/Penpal/out/renderer/index.html')).toBe(true);
    expect(packaged('file:///opt/Penpal/out/renderer/index.html?x=1#/settings')).toBe(true);
    expect(packaged('file:///opt/Penpal/out/renderer/other.html')).toBe(false);
    expect(packaged('http://localhost:5173/')).toBe(false);
    expect(packaged('not a url')).toBe(false);
  });

  it('accepts the dev server origin only when one is configured', () => {
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://127.0.0.1:5173/')).toBe(false);
  });
});
