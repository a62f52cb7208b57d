import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL, appPage, devServerUrlFrom } from '../../src/main/appUrl';
import { IPC_REQUEST_CHANNEL } from '../../src/shared/contract';
import { APP_URL, createServerSide, ipcTransport } from './transports';

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
    window.webContents.mainFrame.url = 'file:///opt/Penpal/resources/app.asar/out/renderer/index.html';
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    window.webContents.mainFrame.url = 'http://localhost:5173/';
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    window.webContents.mainFrame.url = APP_URL;
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
  // Built exactly as src/main/index.ts builds it: from app.isPackaged and the environment.
  const packaged = appPage({
    isPackaged: true,
    env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' },
  }).isAppUrl;
  const unpackagedNoDevServer = appPage({ isPackaged: false, env: {} }).isAppUrl;
  const dev = appPage({
    isPackaged: false,
    env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' },
  }).isAppUrl;

  it('accepts only app://penpal/index.html (any hash or query) in a build', () => {
    for (const check of [packaged, unpackagedNoDevServer]) {
      expect(check('app://penpal/index.html')).toBe(true);
      expect(check('app://penpal/index.html?x=1#/settings')).toBe(true);
    }
  });

  it('refuses the same path on another scheme or host, other paths and odd forms', () => {
    for (const url of [
      'https://evil.example/index.html',
      'http://evil.example/index.html',
      'file:///opt/Penpal/resources/app.asar/out/renderer/index.html',
      'file:///index.html',
      'app://other/index.html',
      'app://penpal.evil/index.html',
      'app://penpal:8080/index.html',
      'app://user:pw@penpal/index.html',
      'app://penpal/',
      'app://penpal/../',
      'app://penpal/other.html',
      'app://penpal/assets/index.html',
      'app://penpal/%69ndex.html',
      'app:penpal/index.html',
      'not a url',
      '',
    ]) {
      expect([url, packaged(url)]).toEqual([url, false]);
      expect([url, dev(url)]).toEqual([url, false]);
    }
  });

  it('refuses a dev-server URL when there is no dev server (packaged, or no variable set)', () => {
    expect(packaged('http://localhost:5173/')).toBe(false);
    expect(packaged('http://localhost:5173/index.html')).toBe(false);
    expect(unpackagedNoDevServer('http://localhost:5173/')).toBe(false);
    expect(appPage({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } }).url).toBe(
      APP_PAGE_URL,
    );
  });

  it('in development accepts the dev server page only, at its origin', () => {
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5173/index.html#/chat')).toBe(true);
    expect(dev('http://localhost:5173/other.html')).toBe(false);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://127.0.0.1:5173/')).toBe(false);
    expect(dev('https://localhost:5173/')).toBe(false);
    // In development the window shows the dev server, not the build.
    expect(dev(APP_PAGE_URL)).toBe(false);
  });

  it('trusts a dev server only when unpackaged and on a loopback http URL', () => {
    const from = (isPackaged: boolean, url: string) =>
      devServerUrlFrom({ isPackaged, env: { ELECTRON_RENDERER_URL: url } });
    expect(from(false, 'http://localhost:5173')).toBe('http://localhost:5173/');
    expect(from(false, 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(from(false, 'http://[::1]:5173/')).toBe('http://[::1]:5173/');
    expect(from(true, 'http://localhost:5173/')).toBeUndefined();
    for (const url of [
      'https://evil.example/',
      'http://evil.example:5173/',
      'http://192.168.1.10:5173/',
      'http://localhost.evil.example/',
      'file:///tmp/index.html',
      'app://penpal/index.html',
      'http://user:pw@localhost:5173/',
      'not a url',
    ]) {
      expect([url, from(false, url)]).toEqual([url, undefined]);
    }
  });

  it('drives the real adapter with the real check: a dev-server page in a packaged app is forbidden', async () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    const server = createServerSide();
    const packagedApp = await ipcTransport(server, {
      page: appPage({ isPackaged: true, env }),
      windowUrl: 'http://localhost:5173/',
    });
    const text = await packagedApp.openWindow().ipcRenderer.invoke(IPC_REQUEST_CHANNEL, 'app.info', '{}');
    expect(JSON.parse(String(text))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await packagedApp.close();

    const devApp = await ipcTransport(server, {
      page: appPage({ isPackaged: false, env }),
      windowUrl: 'http://localhost:5173/',
    });
    const answer = await devApp.openWindow().ipcRenderer.invoke(IPC_REQUEST_CHANNEL, 'app.info', '{}');
    expect(JSON.parse(String(answer))).toMatchObject({ ok: true });
    await devApp.close();
    expect(server.calls.get('app.info')).toBe(1);
  });
});
