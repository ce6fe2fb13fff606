/**
 * `npm run audit:regex [-- --timeout MS] [--write-cache] [DIR]`: every regular-expression literal in src/ (tests
 * left out) checked for super-linear backtracking with recheck (https://makenowjust-labs.github.io/recheck/),
 * which decides each pattern by automaton analysis and fuzzing. Prints the patterns that are not `safe`, with file
 * and line, and the totals. About a minute for all patterns (recheck takes ~80 ms even for a simple one);
 * `--write-cache` records the safe ones in test/regex/safe-patterns.json so that `npm test`
 * (test/regex/regex-safety.test.ts) checks only new or edited patterns.
 */
import { checkSync } from "recheck";
import { regexLiterals, writeSafeCache } from "../test/regex/regex-literals.js";

const args = process.argv.slice(2);
const timeoutArg = args.indexOf("--timeout");
/** How long recheck may think about one pattern; a pattern it cannot decide in time is `undecided`. */
const TIMEOUT_MS = timeoutArg === -1 ? 10_000 : Number(args[timeoutArg + 1]);
const root = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--timeout") ?? "src";

const start = performance.now();
const counts = { safe: 0, vulnerable: 0, unknown: 0 };
const safe: string[] = [];
const found = regexLiterals(root);
for (const r of found) {
  const res = checkSync(r.source, r.flags, { timeout: TIMEOUT_MS });
  const status = res.status === "safe" ? "safe" : res.status === "vulnerable" ? "vulnerable" : "unknown";
  counts[status]++;
  if (status === "safe") safe.push(r.text);
  else {
    const kind = res.status === "vulnerable" ? res.complexity.type : "";
    console.log(`${status} ${kind} ${r.file}:${r.line} ${r.text.slice(0, 100)}`);
  }
}
if (args.includes("--write-cache")) writeSafeCache(safe);
console.log(
  `${found.length} patterns: ${counts.safe} safe, ${counts.vulnerable} vulnerable, ${counts.unknown} undecided (${((performance.now() - start) / 1000).toFixed(0)} s)`,
);
process.exit(counts.safe === found.length ? 0 : 1);
