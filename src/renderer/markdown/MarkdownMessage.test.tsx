// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { loadHighlighter } from './highlighter';
import { MarkdownMessage } from './MarkdownMessage';
import { hasMath } from './mathSupport';

const fence = '```';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

function show(text: string, onOpenLink = vi.fn(), streaming = false) {
  return render(<MarkdownMessage text={text} streaming={streaming} onOpenLink={onOpenLink} />);
}

describe('MarkdownMessage: GFM and math', () => {
  it('renders a GFM table, task list, strikethrough and autolink', () => {
    const { container } = show(
      '| name | age |\n|---|---|\n| Ada | 36 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ see www.example.com',
    );
    expect(container.querySelectorAll('table th')).toHaveLength(2);
    expect(container.querySelector('table td')?.textContent).toBe('Ada');
    const boxes = container.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
    expect([...boxes].map((box) => box.checked)).toEqual([true, false]);
    expect(container.querySelector('del')?.textContent).toBe('old');
    expect(screen.getByRole('link', { name: 'www.example.com' }).getAttribute('href')).toBe(
      'http://www.example.com/',
    );
  });

  it('shows math as code until KaTeX has loaded, then renders inline and display math with it', async () => {
    const { container } = show('Energy $E=mc^2$.\n\n$$\n\\int_0^1 x\\,dx\n$$');
    // KaTeX is a chunk of its own, fetched only now that a message holds math.
    expect(container.querySelector('.katex')).toBeNull();
    expect(container.querySelector('code.language-math')?.textContent).toBe('E=mc^2');
    expect(container.querySelector('pre.md-math-source')?.textContent).toBe('\\int_0^1 x\\,dx');
    await waitFor(() => expect(container.querySelectorAll('.katex').length).toBeGreaterThanOrEqual(2));
    expect(container.querySelector('.katex-display')).not.toBeNull();
  });

  it('detects math cheaply: two dollar signs at least', () => {
    expect(hasMath('Energy $E=mc^2$.')).toBe(true);
    expect(hasMath('$$\n\\int x\n$$')).toBe(true);
    expect(hasMath('It costs $5 today.')).toBe(false);
    expect(hasMath('no dollars here')).toBe(false);
  });

  it('keeps Chinese text intact', () => {
    const text = '今天我去了学校，见到了老朋友。\n\n| 名字 | 城市 |\n|---|---|\n| 鲁迅 | 北京 |';
    const { container } = show(text);
    expect(container.textContent).toContain('今天我去了学校，见到了老朋友。');
    expect(container.querySelector('td')?.textContent).toBe('鲁迅');
  });
});

describe('MarkdownMessage: untrusted content', () => {
  it('shows raw HTML as literal text and creates no element from it', () => {
    const { container } = show('Hello <img src=x onerror=alert(1)> there\n\n<script>alert(2)</script>');
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.textContent).toContain('<script>alert(2)</script>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('renders javascript:, data: and file: links as plain text', () => {
    const { container } = show(
      '[a](javascript:alert(1)) [b](data:text/html,hi) [c](file:///etc/passwd) [d](java\tscript:x)',
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('a b c');
  });

  it('opens http(s) links through onOpenLink without navigating', () => {
    const onOpenLink = vi.fn();
    show('[docs](https://example.com/a?b=1) and <mailto:me@example.com>', onOpenLink);
    const link = screen.getByRole('link', { name: 'docs' });
    const notPrevented = fireEvent.click(link);
    expect(notPrevented).toBe(false);
    expect(onOpenLink).toHaveBeenCalledWith('https://example.com/a?b=1');
    fireEvent.click(screen.getByRole('link', { name: 'mailto:me@example.com' }));
    expect(onOpenLink).toHaveBeenLastCalledWith('mailto:me@example.com');
  });

  it('never requests a remote image: placeholder with alt text and URL', () => {
    const { container } = show('![a cat](https://evil.example/cat.png?id=123)');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('a cat');
    expect(container.textContent).toContain('https://evil.example/cat.png?id=123');
  });

  it('renders inline data: images', () => {
    const { container } = show('![dot](data:image/png;base64,iVBORw0KGgo=)');
    expect(container.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
  });
});

describe('MarkdownMessage: code blocks', () => {
  it('has a language label and a Copy button that copies the raw code', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const code = 'const x = "<b>";\n\nconsole.log(x);';
    const { container } = show(`${fence}js\n${code}\n${fence}`);
    expect(container.querySelector('.md-code-language')?.textContent).toBe('js');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    });
    expect(writeText).toHaveBeenCalledWith(code);
    expect(screen.getByRole('button', { name: 'Copy code' }).textContent).toBe('Copied');
  });

  it('highlights finished code once highlight.js has loaded, without innerHTML', async () => {
    // Any HTML string written into the DOM (dangerouslySetInnerHTML included) goes through this setter.
    const innerHTML = vi.spyOn(Element.prototype, 'innerHTML', 'set');
    try {
      const { container } = show(`${fence}ts\nconst answer: number = 42;\n${fence}`);
      await act(() => loadHighlighter());
      await waitFor(() => expect(container.querySelector('.hljs-keyword')?.textContent).toBe('const'));
      expect(container.querySelector('code')?.textContent).toBe('const answer: number = 42;');
      expect(innerHTML).not.toHaveBeenCalled();
    } finally {
      innerHTML.mockRestore();
    }
  });

  it('keeps a code block that is still streaming as plain text', async () => {
    await loadHighlighter();
    const { container } = show(`Intro\n\n${fence}ts\nconst a = 1;\n`, vi.fn(), true);
    expect(container.querySelector('.hljs-keyword')).toBeNull();
    expect(container.querySelector('pre code')?.textContent).toBe('const a = 1;');
  });
});
