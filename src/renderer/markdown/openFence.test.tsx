// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import type { MarkdownMessageProps } from './MarkdownMessage';
import { openFence } from './openFence';

const fence = '```';
let fast: ComponentType<MarkdownMessageProps>;
let parsed: ComponentType<MarkdownMessageProps>;

beforeAll(async () => {
  initI18n('en');
  fast = (await import('./MarkdownMessage')).MarkdownMessage;
  vi.resetModules();
  vi.doMock('./openFence', () => ({ openFence: () => null }));
  parsed = (await import('./MarkdownMessage')).MarkdownMessage;
});
afterEach(cleanup);

function html(Component: ComponentType<MarkdownMessageProps>, text: string): string {
  const { container, unmount } = render(<Component text={text} streaming onOpenLink={() => {}} />);
  const markup = container.innerHTML;
  unmount();
  return markup;
}

describe('openFence (streaming code fast path)', () => {
  const cases = [
    `${fence}python\ndef f():\n\n    return 1\n`,
    `${fence}python\ndef f():\n    return 1`,
    `${fence}\nno language\n\n\n`,
    `~~~ts title="x.ts"\nconst a = 1;\n${fence}\nstill code`,
    `  ${fence}js\n  indented\n    more\n`,
    `${fence}js\n<script>alert(1)</script>\n中文注释`,
    `${fence}js\n`,
  ];

  it.each(cases)('renders exactly what parsing the markdown renders: %j', (text) => {
    expect(openFence(text)).not.toBeNull();
    expect(html(fast, text)).toBe(html(parsed, text));
  });

  it('does not apply once the fence has closed or to other blocks', () => {
    expect(openFence(`${fence}js\na\n${fence}`)).toBeNull();
    expect(openFence(`${fence}js\na\n${fence}\ntext after`)).toBeNull();
    expect(openFence('Intro\n```js\na')).toBeNull();
    expect(openFence('``` a`b\ncode')).toBeNull();
  });
});
