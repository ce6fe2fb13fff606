/** Small statistics for benchmark figures: median and nearest-rank percentiles. */

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** The median (mean of the two middle values for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** p50 and p99 of one round of timings, in milliseconds. */
export interface RoundFigures {
  p50: number;
  p99: number;
}

export function roundFigures(timingsMs: readonly number[]): RoundFigures {
  return { p50: percentile(timingsMs, 50), p99: percentile(timingsMs, 99) };
}

/** The median, over rounds, of each figure. */
export function medianOfRounds(rounds: readonly RoundFigures[]): RoundFigures {
  return { p50: median(rounds.map((r) => r.p50)), p99: median(rounds.map((r) => r.p99)) };
}
