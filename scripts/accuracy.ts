/**
 * `npm run accuracy [-- --set dev|sealed|all] [--misses] [--category C] [--language L|non-en] [--prefix P]
 * [--exclude P]`: extraction accuracy on the labelled (`--prefix`: only items whose name starts with P, e.g. a
 * batch's first run; `--exclude`: leave out items whose name starts with P, e.g. a batch still being labelled)
 * corpus, per field, per category, with the calibration of confidences. `--misses` lists each item's
 * differences (dev set only, unless --set sealed is asked for after the sealed labels are committed).
 */
import { evaluateSet, loadItems } from "../src/extract/accuracy/corpus.js";
import {
  calibrationTable,
  categoryTable,
  failures,
  fieldTable,
  summaryLine,
} from "../src/extract/accuracy/report.js";

const args = process.argv.slice(2);
const setArg = args[args.indexOf("--set") + 1] ?? "dev";
const sets = (
  args.includes("--set") ? (setArg === "all" ? ["dev", "sealed"] : [setArg]) : ["dev", "sealed"]
) as ("dev" | "sealed")[];
const category = args.includes("--category") ? args[args.indexOf("--category") + 1] : undefined;
const language = args.includes("--language") ? args[args.indexOf("--language") + 1] : undefined;
const prefix = args.includes("--prefix") ? args[args.indexOf("--prefix") + 1] : undefined;
const exclude = args.includes("--exclude") ? args[args.indexOf("--exclude") + 1] : undefined;
const inLanguage = (l: string) => !language || (language === "non-en" ? l !== "en" : l === language);

for (const set of sets) {
  const all = loadItems(set).filter(
    (i) =>
      (!category || i.label.category === category) &&
      inLanguage(i.label.language ?? "en") &&
      (!prefix || i.label.item.startsWith(prefix)) &&
      (!exclude || !i.label.item.startsWith(exclude)),
  );
  // Sealed items whose files rule writers could read (identical to a sample, or listed in seen.json) are not sealed evidence: counted apart.
  const seen = set === "sealed" ? all.filter((i) => i.seen) : [];
  const items = all.filter((i) => !seen.includes(i));
  if (seen.length)
    console.log(
      `\n${set}: ${seen.length} items left out, identical to or overlapping files rule writers could read: ${seen.map((i) => i.label.item).join(", ")}`,
    );
  const s = await evaluateSet(items);
  console.log(`\n## ${summaryLine(set, s)}\n`);
  console.log(fieldTable(s).join("\n"));
  console.log(`\n${categoryTable(s).join("\n")}\n`);
  console.log(calibrationTable(s).join("\n"));
  const fail = failures(s);
  console.log(fail.length ? `\nbelow threshold: ${fail.join("; ")}` : "\nall thresholds met");
  if (args.includes("--confident-wrong") && set === "dev")
    for (const r of s.results)
      for (const p of r.score.predictions)
        if (!p.right && p.confidence >= 0.9)
          console.log(`${r.item.label.item}: ${p.field} ${p.value} (${p.confidence})`);
  if (args.includes("--misses"))
    for (const r of s.results)
      if (r.score.misses.length)
        console.log(
          `\n${r.item.label.item} [${r.item.label.category}] (${r.cls})\n  ${r.score.misses.join("\n  ")}`,
        );
}
