/**
 * `npm run audit:regex`: every regular-expression literal in src/ (tests left out) checked for super-linear
 * backtracking with recheck (https://makenowjust-labs.github.io/recheck/), which decides each pattern by
 * automaton analysis and fuzzing. Prints the patterns that are not `safe`, with file and line, and the totals.
 * Slow (minutes: each vulnerable pattern takes recheck a fraction of a second), so it is not part of
 * `npm test`; the readers' own linear-time test (src/extract/linear-time.test.ts) is.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSync } from "recheck";
import ts from "typescript";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

const found: { file: string; line: number; text: string }[] = [];
for (const f of files(process.argv[2] ?? "src")) {
  const src = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node) => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral)
      found.push({
        file: f,
        line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1,
        text: n.getText(),
      });
    ts.forEachChild(n, visit);
  };
  visit(src);
}
const start = performance.now();
const counts = { safe: 0, vulnerable: 0, unknown: 0 };
for (const r of found) {
  const last = r.text.lastIndexOf("/");
  const res = checkSync(r.text.slice(1, last), r.text.slice(last + 1), { timeout: 2000 });
  const status = res.status === "safe" ? "safe" : res.status === "vulnerable" ? "vulnerable" : "unknown";
  counts[status]++;
  if (status !== "safe") {
    const kind = res.status === "vulnerable" ? res.complexity.type : "";
    console.log(`${status} ${kind} ${r.file}:${r.line} ${r.text.slice(0, 100)}`);
  }
}
console.log(
  `${found.length} patterns: ${counts.safe} safe, ${counts.vulnerable} vulnerable, ${counts.unknown} undecided (${((performance.now() - start) / 1000).toFixed(0)} s)`,
);
