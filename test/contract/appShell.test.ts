import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/core/transport/contentSecurityPolicy';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppRequest,
} from '../../src/main/appProtocol';
import { APP_SCHEME } from '../../src/main/appUrl';
import { decideWindowOpen, linkConfirmText, openLinkAfterAsking } from '../../src/main/externalLinks';
import { createCrashPolicy, crashText, MAX_RELOADS, RELOAD_WINDOW_MS } from '../../src/main/rendererCrash';
import { spellcheckPolicy } from '../../src/main/spellcheck';

// The Electron shell's decisions, as the pure functions src/main/index.ts hands to Electron (the
// Electron binary cannot run here). Electron's own calls around them are type-checked only.

const root = mkdtempSync(join(tmpdir(), 'penpal-app-protocol-'));
const rendererDir = join(root, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Penpal</title>');
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'top secret');
mkdirSync(join(root, 'etc'));
writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0');

// What net.fetch does with a file: URL, for a test: the file's bytes, or a failed response.
const handler = createAppProtocolHandler({
  rendererDir,
  fetchFile: async (url) => {
    try {
      return new Response(await readFile(fileURLToPath(url)));
    } catch {
      return new Response(null, { status: 404 });
    }
  },
});
const get = async (url: string, method = 'GET') => {
  const response = await handler(new Request(url, { method }));
  return { status: response.status, headers: response.headers, body: await response.text() };
};

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves the page and its assets with their types and the strict CSP', async () => {
    for (const url of ['app://penpal/index.html', 'app://penpal/', 'app://penpal/index.html?x#/chat']) {
      const page = await get(url);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Penpal</title>');
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const script = await get('app://penpal/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get('app://penpal/index.html', 'HEAD')).body).toBe('');
  });

  it('refuses every way out of the renderer folder, with the CSP on the refusal too', async () => {
    for (const url of [
      'app://penpal/../secret.txt',
      'app://penpal/../../etc/passwd',
      'app://penpal/%2e%2e/secret.txt',
      'app://penpal/%2e%2e/%2e%2e/etc/passwd',
      'app://penpal/..%2fsecret.txt',
      'app://penpal/%2e%2e%2fsecret.txt',
      'app://penpal/assets/..%2f..%2fsecret.txt',
      'app://penpal/..%2f..%2fetc%2fpasswd',
      'app://penpal/..%5csecret.txt',
      'app://penpal/%00',
      'app://penpal/%E0%A4%A',
      'app://penpal/missing.js',
      'app://other/index.html',
    ]) {
      const response = await get(url);
      expect([url, response.status]).toEqual([
        url,
        expect.toSatisfy((s: number) => [400, 403, 404].includes(s)),
      ]);
      expect(response.body).not.toContain('top secret');
      expect(response.body).not.toContain('root:x');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('resolves paths to files inside the folder only', () => {
    expect(resolveAppRequest('app://penpal/', rendererDir)).toEqual({
      file: join(rendererDir, 'index.html'),
    });
    expect(resolveAppRequest('app://penpal/assets/a%20b.js', rendererDir)).toEqual({
      file: join(rendererDir, 'assets', 'a b.js'),
    });
    expect(resolveAppRequest('app://penpal/..%2f..%2fetc%2fpasswd', rendererDir)).toMatchObject({
      status: 403,
    });
    expect(resolveAppRequest('file:///etc/passwd', rendererDir)).toMatchObject({ status: 404 });
    expect(resolveAppRequest('app://penpal/%E0%A4%A', rendererDir)).toMatchObject({ status: 400 });
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://penpal/index.html', 'POST')).status).toBe(405);
  });
});

describe('links that ask for a new window', () => {
  it('asks for https, denies everything else', () => {
    expect(decideWindowOpen('https://example.com/page')).toBe('ask');
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://penpal/index.html',
      'mailto:a@example.com',
      'smb://host/share',
      'https://user:pw@example.com/',
      'not a url',
    ]) {
      expect([url, decideWindowOpen(url)]).toEqual([url, 'deny']);
    }
  });

  it('opens only after the user says yes, and never asks about a denied link', async () => {
    const asked: string[] = [];
    const opened: string[] = [];
    const steps = (answer: boolean) => ({
      ask: async (url: string) => (asked.push(url), answer),
      open: async (url: string) => void opened.push(url),
    });
    expect(await openLinkAfterAsking('https://example.com/a b', steps(false))).toBe(false);
    expect(opened).toEqual([]);
    expect(await openLinkAfterAsking('https://example.com/a b', steps(true))).toBe(true);
    expect(opened).toEqual(['https://example.com/a%20b']);
    expect(await openLinkAfterAsking('http://example.com/', steps(true))).toBe(false);
    expect(asked).toEqual(['https://example.com/a%20b', 'https://example.com/a%20b']);
  });

  it('shows the whole address, in English or Chinese', () => {
    expect(linkConfirmText('en-US', 'https://x.example/')).toMatchObject({
      detail: 'https://x.example/',
      buttons: ['Open', 'Cancel'],
    });
    expect(linkConfirmText('zh-CN', 'https://x.example/').buttons).toEqual(['打开', '取消']);
  });
});

describe('a renderer that dies', () => {
  it('is reloaded, but not in a loop, and a clean exit is left alone', () => {
    let now = 0;
    const decide = createCrashPolicy(() => now);
    expect(decide('clean-exit')).toBe('ignore');
    for (let i = 0; i < MAX_RELOADS; i++) expect(decide('crashed')).toBe('reload');
    expect(decide('oom')).toBe('give-up');
    now += RELOAD_WINDOW_MS + 1;
    expect(decide('crashed')).toBe('reload');
  });

  it('tells the user their conversations are safe', () => {
    expect(crashText('en', 'oom', 'reload').detail).toContain('nothing was lost');
    expect(crashText('zh-CN', 'oom', 'give-up').buttons).toEqual(['重新载入', '退出']);
  });
});

describe('the spellchecker', () => {
  it('never downloads: dictionaries come from a local folder, and Linux (Hunspell only) has it off', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const policy = spellcheckPolicy(platform, '/opt/Penpal/resources');
      expect(policy.dictionaryDownloadUrl).toBe('file:///opt/Penpal/resources/spellcheck-dictionaries/');
      expect(policy.enabled).toBe(platform !== 'linux');
    }
  });
});
