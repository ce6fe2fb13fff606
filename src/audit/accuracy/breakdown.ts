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
  /** The codes of ftl's warning-level findings (an unknown licence with its ancestor's kind), when recorded. */
  warnings?: readonly string[];
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

/**
 * What ftl's verdict rested on where it disagrees with the label: for each pair (label → ftl) of disagreeing
 * verdicts, how many of its situations carried each warning code, most frequent first. Aggregates only.
 */
export function disagreementWarningTable(outcomes: readonly Outcome[]): string[] {
  const cells = new Map<string, { items: number; codes: Map<string, number> }>();
  for (const o of outcomes) {
    if (o.expected === o.got) continue;
    const key = `${o.expected} → ${o.got}`;
    const cell = cells.get(key) ?? { items: 0, codes: new Map<string, number>() };
    cells.set(key, cell);
    cell.items++;
    for (const code of new Set(o.warnings ?? [])) cell.codes.set(code, (cell.codes.get(code) ?? 0) + 1);
  }
  const lines = ["| label → ftl | situations | warnings ftl raised (situations) |", "| --- | ---: | --- |"];
  for (const [key, cell] of [...cells].sort((a, b) => b[1].items - a[1].items || a[0].localeCompare(b[0]))) {
    const codes = [...cell.codes]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([c, n]) => `${c} ${n}`)
      .join(", ");
    lines.push(`| ${key} | ${cell.items} | ${codes || "none"} |`);
  }
  return lines;
}
