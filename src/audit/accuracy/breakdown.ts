/**
 * Where an audit corpus's figures come from, in aggregate: the verdicts ftl gave against the labelled ones (a
 * confusion table), and each error kind's precision and recall. Aggregates only, so printing them for the
 * sealed set tells which kinds of situation fail without showing any one item.
 */
import { VERDICT_LEVELS } from "./corpus.js";

/** One scored situation: the labelled verdict and errors beside ftl's. */
export interface Outcome {
  expected: string;
  got: string;
  expectedErrors: readonly string[];
  raised: readonly string[];
}

/** Rows: the labelled verdict; columns: ftl's (the four levels, then anything else ftl printed). */
export function confusionTable(outcomes: readonly Outcome[]): string[] {
  const extra = [...new Set(outcomes.map((o) => o.got))].filter(
    (g) => !(VERDICT_LEVELS as readonly string[]).includes(g),
  );
  const columns = [...VERDICT_LEVELS, ...extra.sort()];
  const lines = [
    `| label \\ ftl | ${columns.join(" | ")} |`,
    `| --- | ${columns.map(() => "---:").join(" | ")} |`,
  ];
  for (const row of VERDICT_LEVELS) {
    const mine = outcomes.filter((o) => o.expected === row);
    if (mine.length === 0) continue;
    const cells = columns.map((c) => String(mine.filter((o) => o.got === c).length));
    lines.push(`| ${row} | ${cells.join(" | ")} |`);
  }
  return lines;
}

/** Per error kind: raised and right (precision), expected and found (recall); kinds sorted by name. */
export function errorKindTable(outcomes: readonly Outcome[]): string[] {
  const kinds = new Map<string, { raised: number; right: number; expected: number }>();
  const of = (k: string) => {
    const known = kinds.get(k);
    if (known !== undefined) return known;
    const fresh = { raised: 0, right: 0, expected: 0 };
    kinds.set(k, fresh);
    return fresh;
  };
  for (const o of outcomes) {
    const expected = new Set(o.expectedErrors);
    for (const k of new Set(o.raised)) {
      of(k).raised++;
      if (expected.has(k)) of(k).right++;
    }
    for (const k of expected) of(k).expected++;
  }
  const lines = ["| error kind | right / raised | found / expected |", "| --- | ---: | ---: |"];
  for (const [k, c] of [...kinds].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`| ${k} | ${c.right}/${c.raised} | ${c.right}/${c.expected} |`);
  return lines;
}
