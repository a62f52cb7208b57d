import { describe, expect, it } from 'vitest';
import { DeltaCoalescer } from './deltaCoalescer';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('DeltaCoalescer', () => {
  it('sends the first piece at once, then at most one event per interval, losing nothing', async () => {
    const sent: string[] = [];
    const coalescer = new DeltaCoalescer((delta) => sent.push(delta), 33);
    coalescer.push('a');
    expect(sent).toEqual(['a']);
    const started = performance.now();
    for (let i = 0; i < 100; i++) {
      coalescer.push(String(i % 10));
      await sleep(3);
    }
    coalescer.flush();
    const elapsed = performance.now() - started;
    expect(sent.join('')).toBe(`a${'0123456789'.repeat(10)}`);
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(elapsed / 33) + 2);
  });

  it('sends nothing for empty pieces, and a held piece once the interval has passed', async () => {
    const sent: string[] = [];
    const coalescer = new DeltaCoalescer((delta) => sent.push(delta), 20);
    coalescer.push('');
    coalescer.flush();
    expect(sent).toEqual([]);
    coalescer.push('x');
    coalescer.push('y');
    coalescer.push('');
    expect(sent).toEqual(['x']);
    await sleep(40);
    expect(sent).toEqual(['x', 'y']);
    coalescer.flush();
    expect(sent).toEqual(['x', 'y']);
  });
});
