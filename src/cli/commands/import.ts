/**
 * `ftl import PATH...`: extracts a lineage document from model cards, trainer output folders and recipes.
 * Arguments starting with `hf:` go to the Hub importer.
 */
import type { GroupedResult } from "../../extract/extract-from-files.js";
import { importGroups } from "../../extract/import-files.js";
import type { ExtractResult } from "../../extract/types.js";
import { serializeDocument, writeFileAtomic } from "../../io/write-document.js";
import { formatProvenance, renderChain } from "../../render/chain-text.js";
import { validateLineage } from "../../validate/validate.js";
import {
  CliError,
  type Command,
  type CommandContext,
  EXIT,
  type ExitCode,
  flag,
  type Io,
  printJson,
  str,
} from "../command.js";
import { unrelatedError, worstExit, writeGroups } from "./import-groups.js";

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

/** Warnings that mean a named input could not be read at all: when no input was readable, the exit is 2. */
const UNREADABLE =
  /^file\.(missing|unreadable|binary|encoding|too-large|symlink-loop|empty|unrecognised|syntax|not-mapping|outside)$/;

/** A usage error when no path given could be read at all. */
function refuseUnreadable(local: string[], grouped: GroupedResult): void {
  const all = [...grouped.warnings, ...grouped.documents.flatMap((d) => d.warnings)];
  const failed = new Set(all.filter((w) => UNREADABLE.test(w.code)).map((w) => w.file));
  if (local.length > 0 && !local.some((p) => !failed.has(p)))
    throw new CliError(all.map((w) => w.message).join("\n") || "no readable input", EXIT.usage);
}

/** The one document of a grouped import, with the warnings about the inputs as a whole. */
function withGlobalWarnings(grouped: GroupedResult): ExtractResult {
  const only = grouped.documents[0] as ExtractResult;
  return {
    ...only,
    warnings: [...grouped.warnings, ...only.warnings],
    complete: only.complete && !grouped.warnings.some((w) => UNREADABLE.test(w.code)),
  };
}

/** `--split`: every group its own document; `--json` prints them all, `--out-dir` writes one file each. */
function printSplit(grouped: GroupedResult, values: CommandContext["values"], io: Io): ExitCode {
  if (str(values, "out")) throw new CliError("--out writes one document; with --split use --out-dir DIR");
  const dir = str(values, "out-dir");
  const written = dir ? writeGroups(dir, grouped) : [];
  const code = worstExit(grouped.documents.map(importExitCode));
  // A document's own warnings say which document (`group`, counted from 1 as the groups are listed): several
  // groups often share a warning's text ("no file names the model …"), which printed alone reads as a repeat.
  const groupWarnings = grouped.documents.flatMap((d, i) => d.warnings.map((w) => ({ ...w, group: i + 1 })));
  if (flag(values, "json")) {
    printJson(io, {
      documents: grouped.documents.map((d) => d.document),
      warnings: [...grouped.warnings, ...groupWarnings],
      ...(dir ? { written } : {}),
    });
    return code;
  }
  const several = grouped.documents.length > 1;
  const blocks = grouped.documents.map((d, i) => {
    const report = validateLineage(d.document);
    return `${several ? `(${i + 1}) ` : ""}${renderChain(d.document)}\nclass: ${report.class} (score ${report.score})${written[i] ? `\nwritten to ${written[i]}` : ""}`;
  });
  io.stdout(`${blocks.join("\n\n")}\n`);
  for (const w of grouped.warnings) if (w.code !== "extract.unrelated") io.stderr(`warning: ${w.message}\n`);
  for (const w of groupWarnings) io.stderr(`warning: ${several ? `(${w.group}) ` : ""}${w.message}\n`);
  return code;
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
    "ftl import PATH...|hf:ORG/NAME[@REV] [--depth N] [--out lineage.json] [--json] [--subject ID] [--sources] [--split [--out-dir DIR]]",
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
    split: {
      type: "boolean",
      description:
        "Files that describe unrelated lineages become one document each (else exit 1); each document's warnings say which one: (N), or 'group' in --json",
    },
    "out-dir": { type: "string", value: "DIR", description: "With --split: write one file per subject here" },
    depth: {
      type: "string",
      value: "N",
      description: "hf: only: parent links to follow upward (default 16)",
    },
  },
  details: `PATH is a model card (README.md or another .md in a folder), a trainer output folder (its latest
checkpoint-N included), adapter_config.json, config.json, trainer_state.json, training_args.json/.yaml,
all_results.json, generation_config.json, a recipe (TRL / alignment-handbook, axolotl, LLaMA-Factory and its v1
layout, mergekit, open-instruct, torchtune, verl / EasyR1, mlx-lm YAML; XTuner .py configs; in a folder, a
project's own small JSON config that sets a learning rate and names a model) or a training script (.sh). Facts about the same step from several files are merged; disagreements are listed as warnings
naming both files. Nothing is guessed by a language model, and no model id is made up: a folder or file name
is never one, local paths are kept as local:PATH, and when no file names the model the subject is "unknown"
(give --subject ORG/NAME).
Files are joined only when they connect (one step's output is another's input, or they are one run's files);
the order of the arguments never links them. Unrelated files exit 1 naming each group, unless --split.
Exit codes: 0 lineage, 3 partial, 4 not-lineage (e.g. a base model's card), 5 incomplete (a file could not be
read: the document lacks what it held), 1 the extracted document is invalid or the files describe unrelated
lineages, 2 usage error (no readable input). With --split, the most serious code of the documents.`,
  examples: [
    "ftl import README.md",
    "ftl import ./outputs/my-run --out lineage.json",
    "ftl import recipes/sft.yaml recipes/dpo.yaml --json",
    "ftl import examples/ --split --out-dir lineages/",
    "ftl import hf:HuggingFaceH4/zephyr-7b-beta",
  ],
  async run({ positionals, values, io }) {
    const subject = str(values, "subject");
    const hub = positionals.filter((p) => p.startsWith("hf:"));
    const local = positionals.filter((p) => !p.startsWith("hf:"));
    if (hub.length > 0 && local.length > 0)
      throw new CliError("give either hf:ORG/NAME references or local paths, not both");
    if (hub.length > 0 && (flag(values, "split") || str(values, "out-dir")))
      throw new CliError("--split and --out-dir apply to local paths");
    let result: ExtractResult;
    if (hub.length > 0) result = await importHub(hub, subject, io, str(values, "depth"));
    else {
      const grouped = await importGroups(local, subject ? { subject } : {});
      refuseUnreadable(local, grouped);
      if (flag(values, "split")) return printSplit(grouped, values, io);
      if (grouped.documents.length > 1)
        throw unrelatedError(
          local,
          grouped,
          "import them one at a time, or give --split (with --out-dir DIR to write one file each)",
        );
      result = withGlobalWarnings(grouped);
    }
    if (str(values, "out-dir")) throw new CliError("--out-dir needs --split");
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
