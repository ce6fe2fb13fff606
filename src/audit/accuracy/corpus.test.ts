/**
 * Licence-audit accuracy on real situations labelled before ftl ran on them (issue 16): verdict agreement, and
 * precision and recall of the errors raised (an error is an item's expected error kind; ftl's findings are
 * mapped to those kinds by `raisedKind`: notes never count, and `undeclared-license` only as an error). Prints
 * both sets; fails below the floors in
 * `test/fixtures/audit-corpus/floors.json` (the figures last measured). The issue's target (0.90 each on the
 * sealed set) is printed, met or not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../../cli/test-io.js";
import { confusionTable, disagreementWarningTable, errorKindTable, type Outcome } from "./breakdown.js";
import { AUDIT_CORPUS, type AuditItem, loadAuditItems, raisedKind, type Severity } from "./corpus.js";

interface Figures {
  items: number;
  verdicts: number;
  errorsRight: number;
  errorsRaised: number;
  errorsFound: number;
  errorsExpected: number;
}

async function score(
  items: AuditItem[],
): Promise<{ figures: Figures; lines: string[]; outcomes: Outcome[] }> {
  const f: Figures = {
    items: items.length,
    verdicts: 0,
    errorsRight: 0,
    errorsRaised: 0,
    errorsFound: 0,
    errorsExpected: 0,
  };
  const lines: string[] = [];
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const r = await ftl(["audit", join(item.dir, "files"), "--json"]);
    let level = "error";
    let raised = new Set<string>();
    let warnings: string[] = [];
    try {
      const report = JSON.parse(r.stdout) as {
        verdict?: { level?: string };
        findings?: { code: string; severity: Severity; ancestor?: { kind: "model" | "dataset" } }[];
      };
      warnings = (report.findings ?? [])
        .filter((x) => x.severity === "warning")
        .map((x) => (x.code === "unknown-license" ? `unknown-license (${x.ancestor?.kind ?? "?"})` : x.code));
      level = report.verdict?.level ?? "none";
      raised = new Set((report.findings ?? []).flatMap((x) => raisedKind(x) ?? []));
    } catch {
      level = `exit ${r.code}`;
    }
    const expected = new Set(item.label.expected_errors.map((e) => e.kind));
    outcomes.push({
      expected: item.label.expected_verdict,
      got: level,
      expectedErrors: [...expected],
      raised: [...raised],
      warnings,
    });
    if (level === item.label.expected_verdict) f.verdicts++;
    f.errorsRaised += raised.size;
    f.errorsExpected += expected.size;
    const hits = [...raised].filter((k) => expected.has(k)).length;
    f.errorsRight += hits;
    f.errorsFound += hits;
    if (level !== item.label.expected_verdict || hits < raised.size || hits < expected.size)
      lines.push(
        `${item.label.item}: verdict ${level} (label ${item.label.expected_verdict}); raised [${[...raised]}], expected [${[...expected]}]`,
      );
  }
  return { figures: f, lines, outcomes };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe("licence audits on real situations", () => {
  const floors = JSON.parse(readFileSync(join(AUDIT_CORPUS, "floors.json"), "utf8")) as Record<
    string,
    { verdict: number; errorPrecision: number; errorRecall: number }
  >;
  for (const set of ["dev", "sealed"] as const)
    it(`${set} set: verdict agreement and error precision/recall, at or above the floors`, async () => {
      const all = loadAuditItems(set);
      // Sealed items whose sources a rule writer read (seen.json) are not sealed evidence: left out, counted.
      const seen = set === "sealed" ? all.filter((i) => i.seen).length : 0;
      const { figures: f, lines, outcomes } = await score(all.filter((i) => set !== "sealed" || !i.seen));
      const verdict = ratio(f.verdicts, f.items);
      const precision = ratio(f.errorsRight, f.errorsRaised);
      const recall = ratio(f.errorsFound, f.errorsExpected);
      console.log(
        [
          `\n## audit ${set}: ${f.items} situations${seen > 0 ? ` (${seen} more left out: listed in seen.json or sharing a file with the extraction dev set)` : ""}`,
          `verdict agreement ${verdict.toFixed(3)} (${f.verdicts}/${f.items}); errors: precision ${precision.toFixed(3)} (${f.errorsRight}/${f.errorsRaised}), recall ${recall.toFixed(3)} (${f.errorsFound}/${f.errorsExpected})`,
          `issue 16 target (sealed, 0.90 each): ${verdict >= 0.9 && precision >= 0.9 && recall >= 0.9 ? "met" : "not met"}`,
          "",
          ...confusionTable(outcomes),
          "",
          ...errorKindTable(outcomes),
          "",
          ...disagreementWarningTable(outcomes),
          ...(set === "dev" && process.env.FTL_ACCURACY_VERBOSE ? lines : []),
        ].join("\n"),
      );
      const floor = floors[set];
      if (!floor) return;
      expect(verdict).toBeGreaterThanOrEqual(floor.verdict - 1e-9);
      expect(precision).toBeGreaterThanOrEqual(floor.errorPrecision - 1e-9);
      expect(recall).toBeGreaterThanOrEqual(floor.errorRecall - 1e-9);
    }, 120_000);
});
