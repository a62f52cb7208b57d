/** Small statistics for the benchmarks' samples. */

/**
 * The p-th percentile (nearest rank) of `values`. Throws on an empty list: nothing measured must not
 * become a figure.
 */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list: nothing was measured');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: number[]): number => percentile(values, 50);
