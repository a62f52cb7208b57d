import { describe, expect, it } from 'vitest';
import { methods } from './contract';
import { MAX_TITLE_CHARS } from './limits';

describe('the contract and the size limits agree', () => {
  it('refuses a rename past the title limit with a clear message, and accepts one at it', () => {
    const rename = methods['conversation.rename'].input;
    const tooLong = rename.safeParse({ id: 'c1', title: 'T'.repeat(MAX_TITLE_CHARS + 1) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toBe('A title can be at most 500 characters long.');
    expect(rename.safeParse({ id: 'c1', title: 'T'.repeat(MAX_TITLE_CHARS) }).success).toBe(true);
  });
});
