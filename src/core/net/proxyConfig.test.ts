import { describe, expect, it } from 'vitest';
import { bypasses, parseBypassList, parseProxyURL } from './proxyConfig';

describe('the Proxy field', () => {
  it('splits the password out of the URL it saves and shows', () => {
    expect(parseProxyURL('http://me:s%40cret@proxy.example:3128')).toEqual({
      protocol: 'http',
      displayURL: 'http://me@proxy.example:3128',
      hostname: 'proxy.example',
      port: 3128,
      username: 'me',
      password: 's@cret',
    });
    expect(parseProxyURL('socks5h://10.0.0.2')).toMatchObject({ protocol: 'socks5', port: 1080 });
    expect(parseProxyURL('  ')).toBeNull();
  });

  it('refuses what is not a proxy address', () => {
    expect(() => parseProxyURL('ftp://host')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => parseProxyURL('not a url')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('the Bypass field', () => {
  const rules = parseBypassList('localhost, *.corp.example; 10.0.0.0/8 .lan <local> 192.168.1.5');
  it.each([
    ['localhost', true],
    ['api.corp.example', true],
    ['corp.example', true],
    ['evilcorp.example', false],
    ['10.20.30.40', true],
    ['11.0.0.1', false],
    ['printer.lan', true],
    ['intranet', true],
    ['127.0.0.1', true],
    ['192.168.1.5', true],
    ['api.openai.com', false],
  ])('%s → direct: %s', (host, direct) => {
    expect(bypasses(rules, host)).toBe(direct);
  });

  it('sends everything through the proxy when empty', () => {
    expect(bypasses(parseBypassList(''), 'localhost')).toBe(false);
  });
});
