import { describe, expect, it } from 'vitest';
import { isLocalOrPrivateHost, originOf, sendsKeyInClear } from './endpoint';

describe('originOf', () => {
  it('normalises scheme, host and default port, and keeps a port that matters', () => {
    expect(originOf('HTTPS://API.OpenAI.com:443/v1/')).toBe('https://api.openai.com');
    expect(originOf('http://127.0.0.1:11434/v1')).toBe('http://127.0.0.1:11434');
    expect(originOf('http://[::1]:8080/v1')).toBe('http://[::1]:8080');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('data:text/plain,hi')).toBeNull();
  });
});

describe('isLocalOrPrivateHost', () => {
  it('accepts this computer and the local network', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      '127.0.0.1',
      '127.8.9.10',
      '[::1]',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.20',
      '169.254.3.4',
      '[fd12:3456::1]',
      '[fe80::1]',
      '[::ffff:192.168.0.2]',
      'nas.local',
      '0.0.0.0',
    ]) {
      expect(isLocalOrPrivateHost(host), host).toBe(true);
    }
  });

  it('treats everything else as the internet', () => {
    for (const host of [
      'example.com',
      '8.8.8.8',
      '172.32.0.1',
      '11.0.0.1',
      '[2001:db8::1]',
      '[::ffff:8.8.8.8]',
      'localhost.example.com',
      '10.0.0.1.example.com',
      'gpu-box',
    ]) {
      expect(isLocalOrPrivateHost(host), host).toBe(false);
    }
  });
});

describe('sendsKeyInClear', () => {
  it('is true only for plain http to a public host', () => {
    expect(sendsKeyInClear('http://example.com/v1')).toBe(true);
    expect(sendsKeyInClear('http://0x7f.1:8080/v1')).toBe(false); // the URL parser makes it 127.0.0.1
    expect(sendsKeyInClear('https://example.com/v1')).toBe(false);
    expect(sendsKeyInClear('http://192.168.0.5:1234/v1')).toBe(false);
    expect(sendsKeyInClear('garbage')).toBe(false);
  });
});
