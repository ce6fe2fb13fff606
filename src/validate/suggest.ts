/** "Did you mean": the closest of a few known words to what a person typed (options, values, commands). */

/** Lower-cased, separator-free form used to spot near misses (`SFT` for `sft`, `rlhf_ppo` for `rlhf-ppo`). */
export function squash(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Optimal-string-alignment distance (edits, with adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * The known word closest to `input`: equal once squashed, else within a third of its length in edits
 * (at least 1, at most 3); undefined when nothing is close. Inputs over 64 characters are not compared.
 *
 * @example
 * closest("sfft", ["sft", "dpo"]) // "sft"
 */
export function closest(input: string, known: readonly string[]): string | undefined {
  if (input.length > 64) return undefined;
  const typed = squash(input);
  const same = known.find((k) => squash(k) === typed);
  if (same !== undefined) return same;
  const max = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(input.toLowerCase(), word.toLowerCase(), max);
    if (distance <= max && (best === undefined || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}

/** ` (did you mean "x"?)`, or "" when nothing is close. */
export function didYouMean(input: string, known: readonly string[], quote = '"'): string {
  const hit = closest(input, known);
  return hit === undefined ? "" : ` (did you mean ${quote}${hit}${quote}?)`;
}
