import { BlockSplitter } from '../../src/renderer/markdown/splitBlocks';
import { chunk, generateAnswer } from './answer';
const doc = generateAnswer(100 * 1024, 1);
const chunks = chunk(doc);
for (let rep = 0; rep < 3; rep++) {
  const s = new BlockSplitter();
  let text = '';
  const times: [number, number][] = [];
  for (let i = 0; i < chunks.length; i++) {
    text += chunks[i];
    if (i % 4 !== 0) continue;
    const t = performance.now();
    s.update(text);
    times.push([text.length, performance.now() - t]);
  }
  const avg = (a: number, b: number) => { const x = times.filter(([l]) => l >= a && l < b); return (x.reduce((s, [, t]) => s + t, 0) / x.length * 1000).toFixed(1) + 'µs'; };
  console.log('5K', avg(2500, 7500), '100K', avg(doc.length - 5000, doc.length));
}
