/**
 * The benchmarks' seeded PRNG, so every run builds the same data. No Node imports: the streaming
 * bench's page (bench/streaming, bundled by Vite for the browser) uses it too.
 */

/** mulberry32: a small, fast 32-bit PRNG; returns numbers in [0, 1), the same sequence for a seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
