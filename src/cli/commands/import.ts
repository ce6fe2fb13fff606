/**
 * `ftl import PATH...`: extracts a lineage document from model cards, trainer output folders and recipes.
 * Arguments starting with `hf:` go to the Hub importer.
 */
import { importFiles } from "../../extract/import-files.js";
import type { ExtractResult } from "../../extract/types.js";
import { serializeDocument, writeFileAtomic } from "../../io/write-document.js";
import { formatProvenance, renderChain } from "../../render/chain-text.js";
import { validateLineage } from "../../validate/validate.js";
import { CliError, type Command, EXIT, type ExitCode, flag, type Io, printJson, str } from "../command.js";

/** Imports `hf:ORG/NAME[@REV]` references; the Hub area replaces this with `importFromHub`. */
export type HubImporter = (
  refs: string[],
  options: { subject?: string; env: NodeJS.ProcessEnv; depth?: number; io?: Io },
) => Promise<ExtractResult>;

let hubImporter: HubImporter | undefined;

/** Lets the Hub area plug its importer in (kept out of this file so that the command has no network code). */
export function setHubImporter(importer: HubImporter | undefined): void {
  hubImporter = importer;
}

async function importHub(
  refs: string[],
  subject: string | undefined,
  io: Io,
  depthText: string | undefined,
): Promise<ExtractResult> {
  const hub = await import("../../hub/cli-support.js");
  const depth = hub.wholeNumber(depthText, "depth");
  return (hubImporter ?? hub.importHubRefs)(refs, {
    ...(subject ? { subject } : {}),
    env: io.env,
    ...(depth !== undefined ? { depth } : {}),
    io,
  });
}

/** The exit code of an import: 5 when an input could not be read, else the document's class. */
export function importExitCode(result: ExtractResult): ExitCode {
  const report = validateLineage(result.document);
  if (!report.valid) return EXIT.invalid;
  if (!result.complete) return EXIT.incomplete;
  return report.class === "lineage" ? EXIT.ok : report.class === "partial" ? EXIT.partial : EXIT.notLineage;
}

export const importCommand: Command = {
  path: ["import"],
  summary: "extract lineage from model cards, trainer output folders and recipes",
  usage:
    "ftl import PATH...|hf:ORG/NAME[@REV] [--depth N] [--out lineage.json] [--json] [--subject ID] [--sources]",
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "PATH" },
  options: {
    out: { type: "string", value: "FILE", description: "Write the document here (JSON, or YAML for .yaml)" },
    json: { type: "boolean", description: 'Print {"document": ..., "warnings": [...]}' },
    subject: {
      type: "string",
      value: "ID",
      description: "Id of the model described, when the files do not name it",
    },
    sources: { type: "boolean", description: "Show where each fact was read" },
    depth: {
      type: "string",
      value: "N",
      description: "hf: only: parent links to follow upward (default 16)",
    },
  },
  details: `PATH is a model card (README.md), a trainer output folder, adapter_config.json, config.json,
trainer_state.json, training_args.json/.yaml, all_results.json, generation_config.json, or a recipe (TRL /
alignment-handbook, axolotl, LLaMA-Factory, mergekit, open-instruct YAML). Facts about the same step from several
files are merged; disagreements are listed as warnings naming both files. Nothing is guessed by a language model.
Exit codes: 0 lineage, 3 partial, 4 not-lineage (e.g. a base model's card), 5 incomplete (a file could not be
read: the document lacks what it held), 1 the extracted document is invalid, 2 usage error (no readable input).`,
  examples: [
    "ftl import README.md",
    "ftl import ./outputs/my-run --out lineage.json",
    "ftl import recipes/sft.yaml recipes/dpo.yaml --json",
    "ftl import hf:HuggingFaceH4/zephyr-7b-beta",
  ],
  async run({ positionals, values, io }) {
    const subject = str(values, "subject");
    const hub = positionals.filter((p) => p.startsWith("hf:"));
    const local = positionals.filter((p) => !p.startsWith("hf:"));
    if (hub.length > 0 && local.length > 0)
      throw new CliError("give either hf:ORG/NAME references or local paths, not both");
    const result =
      hub.length > 0
        ? await importHub(hub, subject, io, str(values, "depth"))
        : await importFiles(local, subject ? { subject } : {});
    const failed = new Set(
      result.warnings
        .filter((w) => /^file\.(missing|unreadable|binary|encoding|too-large|symlink-loop)$/.test(w.code))
        .map((w) => w.file),
    );
    const readable = local.length === 0 || local.some((p) => !failed.has(p));
    if (!readable)
      throw new CliError(result.warnings.map((w) => w.message).join("\n") || "no readable input", EXIT.usage);
    const out = str(values, "out");
    if (out) {
      try {
        writeFileAtomic(out, serializeDocument(result.document, out));
      } catch (error) {
        throw new CliError(
          `${out}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        );
      }
    }
    const code = importExitCode(result);
    if (flag(values, "json")) {
      printJson(io, { document: result.document, warnings: result.warnings });
      return code;
    }
    const report = validateLineage(result.document);
    const lines = [renderChain(result.document, { sources: flag(values, "sources") })];
    if (flag(values, "sources")) {
      for (const b of result.document.bases)
        if (b.provenance) lines.push(`  base ${b.id}: ${formatProvenance(b.provenance)}`);
    }
    lines.push(
      `class: ${report.class} (score ${report.score})${result.complete ? "" : " — incomplete: some input could not be read"}`,
    );
    if (out) lines.push(`written to ${out}`);
    io.stdout(`${lines.join("\n")}\n`);
    for (const w of result.warnings) io.stderr(`warning: ${w.message}\n`);
    return code;
  },
};
