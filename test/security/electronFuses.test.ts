import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The fuses electron-builder flips in the packaged binary. The Electron binary cannot be
// downloaded here, so the packaged result is not inspected; the configuration that produces it is.

/** The `electronFuses:` block of electron-builder.yml as name → value (it is a flat mapping). */
function fuses(): Record<string, string> {
  const text = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
  const block = /^electronFuses:\n((?:(?: {2}.*)?\n)+)/m.exec(text)?.[1] ?? '';
  return Object.fromEntries(
    [...block.matchAll(/^ {2}(\w+):\s*(\S+)\s*$/gm)].map((match) => [match[1]!, match[2]!]),
  );
}

describe('Electron fuses at packaging', () => {
  it('turns off Node-as-runtime, NODE_OPTIONS, the inspector flags and file:// privileges; turns on asar checks and cookie encryption', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      enableCookieEncryption: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('packs the app into an asar (the fuses that check it need one)', () => {
    expect(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')).toMatch(
      /^asar: true$/m,
    );
  });

  it('names only options electron-builder knows', () => {
    const scheme = JSON.parse(
      readFileSync(new URL('../../node_modules/app-builder-lib/scheme.json', import.meta.url), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const name of Object.keys(fuses())) expect(known).toContain(name);
  });
});
