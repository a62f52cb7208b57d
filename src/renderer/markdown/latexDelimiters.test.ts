import { describe, expect, it } from 'vitest';
import { toDollarMath } from './latexDelimiters';

describe('toDollarMath', () => {
  it('turns \\(…\\) into inline math and a \\[…\\] on its own lines into a math block', () => {
    expect(toDollarMath('Energy \\( E = mc^2 \\) is conserved.')).toBe('Energy $E = mc^2$ is conserved.');
    expect(toDollarMath('The area is:\n\\[\n\\pi r^2\n\\]\nDone.')).toBe(
      'The area is:\n$$\n\\pi r^2\n$$\nDone.',
    );
  });

  it('keeps a \\[…\\] inside a sentence on its line', () => {
    expect(toDollarMath('so \\[x+1\\] holds')).toBe('so $$x+1$$ holds');
  });

  it('leaves code spans and fenced code alone', () => {
    const code = 'Write `\\(x\\)` or:\n\n```tex\n\\[ y \\]\n```\n';
    expect(toDollarMath(code)).toBe(code);
    expect(toDollarMath('`\\(a\\)` and \\(b\\)')).toBe('`\\(a\\)` and $b$');
  });

  it('returns text without LaTeX delimiters unchanged', () => {
    const plain = 'Costs $5 and [a link](https://example.com).';
    expect(toDollarMath(plain)).toBe(plain);
  });
});
