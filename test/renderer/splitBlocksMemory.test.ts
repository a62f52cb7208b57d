import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BlockSplitter } from '../../src/renderer/markdown/splitBlocks';

// A real collection before each reading: `gc` is exposed to contexts created after the flag is set.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('BlockSplitter memory', () => {
  it('keeps each finished block, not the intermediate answer it was cut from', () => {
    const splitter = new BlockSplitter();
    // Chinese makes the strings two-byte, as in real answers.
    const paragraph = (index: number): string => `Paragraph ${index} 今天 ${'word '.repeat(20)}\n\n`;
    let text = '';
    const before = heapAfterGc();
    // 1,000 deltas, each finishing one block: a block that kept the text it was cut from would
    // keep about 1,000 × 60 KB on average alive.
    for (let index = 0; index < 1000; index++) {
      text += paragraph(index);
      splitter.update(text);
    }
    const grown = heapAfterGc() - before;
    const snapshot = splitter.update(text);
    expect(snapshot.finished).toHaveLength(999);
    // What must stay: the blocks (~240 KB) and the text itself (~240 KB).
    expect(grown).toBeLessThan(5 * 1024 * 1024);
  });
});
