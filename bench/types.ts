/** One benchmark figure, printed by `npm run bench` against its budget. */
export interface BenchResult {
  /** What was measured, e.g. "search p95, 200k messages". */
  name: string;
  value: number;
  unit: string;
  /** The budget; `pass` is true when `value` is within it. */
  budget: number;
  /** Whether lower is better ("max") or higher is better ("min"). */
  kind: 'max' | 'min';
  pass: boolean;
}

/** Builds a result and decides pass/fail from the budget. */
export function result(
  name: string,
  value: number,
  unit: string,
  budget: number,
  kind: 'max' | 'min' = 'max',
): BenchResult {
  const rounded = Math.round(value * 100) / 100;
  return {
    name,
    value: rounded,
    unit,
    budget,
    kind,
    pass: kind === 'max' ? value <= budget : value >= budget,
  };
}
