/** `ftl ingest FILE.jsonl|DIR...`: bulk import in batched transactions, resumable, with a progress bar. */

import { existsSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileKind } from "../../io/bounded-read.js";
import { type IngestProgress, ingest } from "../../store/ingest.js";
import { CliError, type Command, EXIT, flag, printJson, str } from "../command.js";
import { terminalBar } from "../progress-bar.js";
import { DB_OPTION, REGISTRY_DETAILS, wholeNumber, withStore } from "./query.js";

const integer = new Intl.NumberFormat("en-US");

export const ingestCommand: Command = {
  path: ["ingest"],
  summary: "bulk-import JSONL files or folders of documents into the registry",
  usage: "ftl ingest FILE.jsonl|DIR... [--batch-size N] [--trusted] [--source NAME] [--json] [--db PATH|URL]",
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "FILE.jsonl|DIR" },
  options: {
    ...DB_OPTION,
    "batch-size": { type: "string", value: "N", description: "Documents per transaction", default: "1000" },
    trusted: {
      type: "boolean",
      description:
        "Skip schema validation (only the shape the registry needs is checked); for generated data",
    },
    source: {
      type: "string",
      value: "NAME",
      description: "Source of documents that do not name one (default: the file's path as given)",
    },
    json: { type: "boolean", description: "Print the summary as JSON" },
  },
  details: `JSONL: one JSON object per line, either an ftl/v1 document or {"source": "...", "document": {...}}.
Blank lines are ignored. A folder is read recursively: *.jsonl and *.ndjson as JSONL, *.json, *.yaml and
*.yml as one document each (hidden files and folders are skipped). Lines that are not valid documents are
skipped and reported. Each batch is one transaction: if the import is interrupted, run it again — what was
committed is recognised (same content and source) and skipped, and the end state is the same.
${REGISTRY_DETAILS} The SQLite file is created if missing.
Exit codes: 0 all read documents added or already stored, 1 some were invalid (the rest are added),
2 usage error (missing file, bad registry).`,
  examples: [
    "ftl ingest registry.jsonl",
    "ftl ingest crawl/ --db postgres://127.0.0.1/ftl --batch-size 5000",
    "ftl ingest gen.jsonl --trusted --json",
  ],
  async run(ctx) {
    const batchSize = wholeNumber(ctx, "batch-size", 1) ?? 1000;
    const paths = ctx.positionals.map((p) => (isAbsolute(p) ? p : join(ctx.io.cwd, p)));
    ctx.positionals.forEach((p, i) => {
      const path = paths[i] as string;
      if (!existsSync(path)) throw new CliError(`${p}: no such file or folder`);
      const stats = statSync(path);
      const kind = stats.isDirectory() ? undefined : fileKind(stats);
      if (kind !== undefined)
        throw new CliError(`${p}: is ${kind}; expected a JSONL or document file, or a folder`);
    });
    const shown = new Map(paths.map((p, i) => [p, ctx.positionals[i] as string]));
    const json = flag(ctx.values, "json");
    const bar = terminalBar(
      ctx.io.isTTY && !json,
      "ingest [{bar}] {percentage}% | {added} added, {duplicates} already stored, {invalid} invalid",
    );
    const started = Date.now();
    let barStarted = false;
    const onProgress = (p: IngestProgress): void => {
      if (bar === undefined) return;
      const payload = {
        added: integer.format(p.added),
        duplicates: integer.format(p.duplicates),
        invalid: integer.format(p.invalid),
      };
      if (!barStarted) {
        bar.start(Math.max(1, p.totalBytes), 0, payload);
        barStarted = true;
      }
      bar.update(p.bytesRead, payload);
    };
    const source = str(ctx.values, "source");
    const { summary, where } = await withStore(ctx, { create: true }, async (store) => {
      try {
        const summary = await ingest(store, paths, {
          batchSize,
          validation: flag(ctx.values, "trusted") ? "trusted" : "schema",
          onProgress,
          ...(source !== undefined ? { source } : {}),
        });
        return { summary, where: store.location };
      } finally {
        if (barStarted) bar?.stop();
      }
    });
    const seconds = (Date.now() - started) / 1000;
    const problems = summary.problems.map((p) => ({ ...p, file: shown.get(p.file) ?? p.file }));
    if (json) printJson(ctx.io, { ...summary, problems, registry: where, seconds });
    else {
      const lines = [
        `read ${integer.format(summary.read)} documents from ${summary.files} file${summary.files === 1 ? "" : "s"} into ${where} in ${seconds.toFixed(1)} s`,
        `  ${integer.format(summary.added)} added${summary.superseded > 0 ? ` (${integer.format(summary.superseded)} older documents of the same model and source kept as history)` : ""}`,
        `  ${integer.format(summary.duplicates)} skipped: already stored (same content from the same source)`,
      ];
      if (summary.invalid > 0) {
        lines.push(`  ${integer.format(summary.invalid)} skipped: not valid documents`);
        for (const p of problems)
          lines.push(`    ${p.file}${p.line !== undefined ? `:${p.line}` : ""}: ${p.message}`);
        if (summary.invalid > problems.length)
          lines.push(`    … and ${integer.format(summary.invalid - problems.length)} more`);
      }
      ctx.io.stdout(`${lines.join("\n")}\n`);
    }
    return summary.invalid > 0 ? EXIT.invalid : EXIT.ok;
  },
};
