import { formatReport } from "../../render/report-text.js";
import { CliError, type Command, EXIT, flag, printJson } from "../command.js";
import { exitCodeFor, type LoadedReport, loadReport } from "../load-document.js";

/** With several files the exit code is the worst: usage 2, invalid 1, not-lineage 4, partial 3, lineage 0. */
const PRIORITY: readonly number[] = [EXIT.usage, EXIT.invalid, EXIT.notLineage, EXIT.partial, EXIT.ok];

export const validateCommand: Command = {
  path: ["validate"],
  summary: "check a lineage document and classify it as lineage, partial or not-lineage",
  usage: "ftl validate FILE... [--json] [--verbose]",
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "FILE" },
  options: {
    json: {
      type: "boolean",
      description:
        "Print {valid, class, score, issues} (a list of them, each with its file, for several files)",
    },
    verbose: { type: "boolean", short: "v", description: "Also list suggestions (info-level issues)" },
  },
  details: `Checks, in order: syntax and schema, graph rules, classification. FILE may be - for standard input.
Exit codes: 0 lineage, 3 partial, 4 not-lineage, 1 invalid document, 2 usage error (missing or unreadable file).`,
  examples: [
    "ftl validate lineage.json",
    "ftl validate examples/*.lineage.json --json",
    "cat doc.yaml | ftl validate -",
  ],
  run({ positionals, values, io }) {
    const json = flag(values, "json");
    const results: { file: string; report?: LoadedReport; error?: CliError }[] = positionals.map((file) => {
      try {
        return { file, report: loadReport(file) };
      } catch (error) {
        if (error instanceof CliError) return { file, error };
        throw error;
      }
    });
    if (results.length === 1 && results[0]?.error) throw results[0].error;
    const codes = results.map((r) => (r.error ? r.error.exitCode : exitCodeFor(r.report!)));
    const exitCode = PRIORITY.find((code) => codes.includes(code as never)) ?? EXIT.ok;
    if (json) {
      const objects = results.map((r) => {
        if (r.error) return { file: r.file, error: r.error.message, exitCode: r.error.exitCode };
        const { valid, class: cls, score, issues } = r.report!;
        return { file: r.file, valid, class: cls, score, issues };
      });
      if (objects.length === 1 && !results[0]?.error) {
        const { file: _file, ...single } = objects[0] as Record<string, unknown>;
        printJson(io, single);
      } else printJson(io, objects);
    } else {
      for (const r of results) {
        if (r.error) io.stderr(`ftl: ${r.error.message}\n`);
        else
          io.stdout(
            `${formatReport(r.file === "-" ? "<stdin>" : r.file, r.report!, flag(values, "verbose"))}\n`,
          );
      }
    }
    return exitCode;
  },
};
