import { renderChain } from "../../render/chain-text.js";
import { formatIssue } from "../../render/report-text.js";
import { type Command, flag, printJson } from "../command.js";
import { loadValidDocument } from "../load-document.js";

export const showCommand: Command = {
  path: ["show"],
  summary: "show the chain of a lineage document, one line per step",
  usage: "ftl show [FILE] [--json] [--sources]",
  positionals: { min: 0, max: 1, names: "FILE" },
  options: {
    json: { type: "boolean", description: "Print {document, class, score, issues}" },
    sources: { type: "boolean", description: "Show where each fact came from (provenance)" },
  },
  details: "FILE defaults to lineage.json. Exit codes: 0 shown, 1 invalid document, 2 usage error.",
  examples: ["ftl show", "ftl show examples/zephyr-7b-beta.lineage.json --sources"],
  run({ positionals, values, io }) {
    const file = positionals[0] ?? "lineage.json";
    const { document, report } = loadValidDocument(file, { allow: ["graph.subject-mismatch"] });
    if (flag(values, "json")) {
      printJson(io, { document, class: report.class, score: report.score, issues: report.issues });
      return 0;
    }
    const licence = document.subject.license ? ` · licence ${document.subject.license}` : "";
    io.stdout(`${document.subject.id} — ${report.class}, score ${report.score}/100${licence}\n`);
    if (flag(values, "sources") && document.description) io.stdout(`  “${document.description}”\n`);
    io.stdout(`${renderChain(document, { sources: flag(values, "sources") })}\n`);
    const missing = report.issues.filter((i) => i.severity === "warning" || i.severity === "error");
    if (missing.length > 0) {
      io.stdout("\nMissing for complete lineage:\n");
      for (const i of missing) io.stdout(`${formatIssue(i)}\n`);
    }
    return 0;
  },
};
