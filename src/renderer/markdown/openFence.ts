/**
 * Fast path for the commonest expensive streaming case: the growing block is one unclosed code
 * fence (a long program being written). Its code is known without parsing markdown, so each
 * update costs a string slice instead of a full parse of everything written so far.
 */

const OPENING = /^( {0,3})(`{3,}|~{3,})([^\n]*)\n/;

/** The code and language of `block` if it is a single fence that has not closed yet, else null. */
export function openFence(block: string): { code: string; language: string } | null {
  const opening = OPENING.exec(block);
  if (!opening) return null;
  const [line, indent, fence, info] = opening;
  if (fence[0] === '`' && info.includes('`')) return null;
  const lines = block.slice(line.length).split('\n');
  const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  if (lines.some((content) => closing.test(content.replace(/\r$/, '')))) return null;
  // CommonMark: content lines lose up to as many leading spaces as the fence was indented.
  const strip = indent.length ? new RegExp(`^ {0,${indent.length}}`) : null;
  const code = (strip ? lines.map((content) => content.replace(strip, '')) : lines).join('\n');
  return { code: code.replace(/\n$/, ''), language: info.trim().split(/\s/)[0] ?? '' };
}
