// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Snippet } from './Snippet';

afterEach(cleanup);

describe('Snippet', () => {
  it('marks the matching parts only', () => {
    const { container } = render(
      <Snippet
        parts={[
          { text: '我们去', match: false },
          { text: '学校', match: true },
          { text: '吧，还有', match: false },
          { text: '猫', match: true },
        ]}
      />,
    );
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['学校', '猫']);
    expect(container.textContent).toBe('我们去学校吧，还有猫');
  });

  it('shows markup as text, never as HTML', () => {
    const { container } = render(
      <Snippet
        parts={[
          { text: '<img src=x onerror="alert(1)">', match: false },
          { text: '<b>bold</b>', match: true },
        ]}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<b>bold</b>');
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });
});
