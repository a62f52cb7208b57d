import { screenshot } from './fixtures/library';
import { expect, sendMessage, test } from './fixtures/test';

// Model output is untrusted: everything below must render as designed under the app's strict
// Content Security Policy (no inline styles or scripts; the fixture fails on any violation).
const RICH_ANSWER = [
  'Here is **everything** at once.',
  '',
  '```ts',
  'export function area(radius: number): number {',
  '  return Math.PI * radius ** 2;',
  '}',
  '```',
  '',
  'Inline math $a^2 + b^2 = c^2$ and a display formula:',
  '',
  '$$',
  '\\int_0^1 x^2 \\, dx = \\frac{1}{3}',
  '$$',
  '',
  'The way models often write it, \\(e^{i\\pi} + 1 = 0\\), and as a block:',
  '\\[',
  '\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}',
  '\\]',
  '',
  '| planet | moons |',
  '| ------ | ----: |',
  '| Earth  |     1 |',
  '| Mars   |     2 |',
  '',
  '- [x] boil water',
  '- [ ] add pasta',
  '',
  'Raw HTML stays text: <img src=x onerror="document.title=\'owned\'"> <script>document.title="owned"</script>',
  '',
  'Read [the docs](https://example.com/docs).',
].join('\n');

/** An element's text colour (the e2e sources are type-checked without the DOM's types). */
function textColor(element: unknown): string {
  const view = globalThis as unknown as { getComputedStyle(element: unknown): { color: string } };
  return view.getComputedStyle(element).color;
}

test('an answer with code, math, a table, tasks, a link and raw HTML renders safely under the strict CSP', async ({
  ready,
  server,
}) => {
  const { page } = ready;
  server.script([{ reply: RICH_ANSWER }]);
  await sendMessage(page, 'Show me everything');
  const answer = page.locator('article.msg-assistant').last();
  await expect(answer).toContainText('Read the docs.');

  // Code: highlighted (the highlighter's classes and stylesheet applied), with a copy button.
  const keyword = answer.locator('pre code .hljs-keyword').first();
  await expect(keyword).toHaveText('export');
  const codeColor = await answer.locator('pre code').evaluate(textColor);
  expect(await keyword.evaluate(textColor)).not.toBe(codeColor);
  await expect(answer.getByRole('button', { name: 'Copy code' })).toBeVisible();

  // Math: typeset by KaTeX, its stylesheet and inline layout applied (the MathML copy is hidden).
  // Also with LaTeX's own delimiters, \\(…\\) and \\[…\\], as models often write them.
  await expect(answer.locator('.katex')).toHaveCount(4);
  await expect(answer.locator('.katex-display .katex')).toHaveCount(2);
  await expect(answer.locator('.katex-mathml').first()).toHaveCSS('position', 'absolute');
  await expect(answer.locator('.katex-display .mfrac').first()).toBeVisible();

  // GFM: a table with its header, a task list with checkboxes.
  await expect(answer.getByRole('table')).toBeVisible();
  await expect(answer.getByRole('columnheader')).toHaveText(['planet', 'moons']);
  await expect(answer.getByRole('checkbox')).toHaveCount(2);
  await expect(answer.getByRole('checkbox').first()).toBeChecked();

  // Raw HTML is shown as text, never run.
  await expect(answer).toContainText('<img src=x onerror=');
  await expect(answer).toContainText('<script>document.title="owned"</script>');
  await expect(answer.locator('img, script')).toHaveCount(0);
  expect(await page.title()).not.toBe('owned');

  // A link asks before it leaves the app; cancelling stays here.
  await answer.getByRole('link', { name: 'the docs' }).click();
  const confirm = page.getByRole('dialog', { name: 'Open this link in your browser?' });
  await expect(confirm).toContainText('https://example.com/docs');
  await screenshot(page, 'markdown-rich');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  expect(page.url()).not.toContain('example.com');
});
