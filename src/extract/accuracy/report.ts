/** Tables of corpus accuracy, as printed by the accuracy test and `npm run accuracy`. */
import { calibration, type Summary } from "./corpus.js";
import { precisionRecall, SCORED_FIELDS, type ScoredField } from "./score.js";

const pct = (x: number) => x.toFixed(3);

/** Sealed-set thresholds of the truth issue (precision of every field at least 0.90 as well). */
export const THRESHOLDS: Partial<Record<ScoredField, number>> = {
  instance: 0.95,
  base: 0.95,
  method: 0.9,
  datasets: 0.9,
  hyperparameters: 0.9,
};
export const MIN_PRECISION = 0.9;

export function fieldTable(s: Summary): string[] {
  const lines = [
    "| field | precision | recall | right / asserted | found / labelled |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const f of SCORED_FIELDS) {
    const c = s.totals[f];
    const { precision, recall } = precisionRecall(c);
    lines.push(
      `| ${f} | ${pct(precision)} | ${pct(recall)} | ${c.hits}/${c.predicted} | ${c.found}/${c.expected} |`,
    );
  }
  return lines;
}

export function categoryTable(s: Summary): string[] {
  const fields: ScoredField[] = [
    "instance",
    "base",
    "method",
    "datasets",
    "hyperparameters",
    "rank",
    "mergeParents",
  ];
  const lines = [
    `| category | items | ${fields.map((f) => `${f} P/R`).join(" | ")} |`,
    `| --- | --- | ${fields.map(() => "---").join(" | ")} |`,
  ];
  for (const [cat, v] of [...s.byCategory].sort()) {
    const cells = fields.map((f) => {
      const c = v.totals[f];
      if (c.predicted === 0 && c.expected === 0) return "–";
      const { precision, recall } = precisionRecall(c);
      return `${precision.toFixed(2)}/${recall.toFixed(2)}`;
    });
    lines.push(`| ${cat} | ${v.items} | ${cells.join(" | ")} |`);
  }
  return lines;
}

export function calibrationTable(s: Summary): string[] {
  const lines = ["| confidence | facts | right | precision |", "| --- | --- | --- | --- |"];
  for (const b of calibration(s.predictions))
    lines.push(`| ${b.bucket} | ${b.facts} | ${b.right} | ${b.facts ? pct(b.precision) : "–"} |`);
  return lines;
}

/** Fields below their threshold, as messages (empty when all pass). */
export function failures(s: Summary): string[] {
  const out: string[] = [];
  for (const f of SCORED_FIELDS) {
    const { precision, recall } = precisionRecall(s.totals[f]);
    const min = THRESHOLDS[f];
    if (min !== undefined && recall < min) out.push(`${f} recall ${pct(recall)} < ${min}`);
    if (min !== undefined && precision < min) out.push(`${f} precision ${pct(precision)} < ${min}`);
    else if (precision < MIN_PRECISION) out.push(`${f} precision ${pct(precision)} < ${MIN_PRECISION}`);
  }
  const high = calibration(s.predictions).at(-1);
  if (high && high.facts > 0 && high.precision < 0.97)
    out.push(`facts with confidence ≥ 0.9 right ${pct(high.precision)} of the time (< 0.97)`);
  return out;
}

export function summaryLine(name: string, s: Summary): string {
  return `${name}: ${s.items} items, ${s.files} files, ${s.repos} repositories`;
}
