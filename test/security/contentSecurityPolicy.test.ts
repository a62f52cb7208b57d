import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/core/transport/contentSecurityPolicy';

// The renderer's index.html carries the policy in a <meta> too (it applies before any header can,
// e.g. in the dev server). It must say exactly what the header says, less what only a header can.

const INDEX_HTML = join(import.meta.dirname, '../../src/renderer/index.html');

/** Directives a <meta> policy ignores: they only work as a response header. */
const HEADER_ONLY = ['frame-ancestors'];

function metaPolicies(html: string): string[] {
  const policies: string[] = [];
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(tag) ?? /\bcontent\s*=\s*'([^']*)'/i.exec(tag);
    if (content) policies.push(content[1]!);
  }
  return policies;
}

describe("the renderer's Content Security Policy", () => {
  it('is the same in index.html as in CONTENT_SECURITY_POLICY, less the header-only directives', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((directive) => directive.trim());
    const headerOnly = directives.filter((directive) => HEADER_ONLY.includes(directive.split(/\s+/)[0]!));
    expect(headerOnly).toEqual(["frame-ancestors 'none'"]);
    const expected = directives.filter((directive) => !headerOnly.includes(directive)).join('; ');

    const policies = metaPolicies(readFileSync(INDEX_HTML, 'utf8'));
    expect(policies).toHaveLength(1);
    expect(policies[0]).toBe(expected);
  });
});
