/**
 * `ftl recipe`: writes the configuration that re-runs one step of a lineage in TRL, alignment-handbook,
 * axolotl, LLaMA-Factory or mergekit format. What the lineage does not record stays visible: required values
 * are commented placeholders, listed, and exit 8 says "written, but incomplete".
 */
import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { readInput } from "../../io/read-input.js";
import { writeFailure, writeFileAtomic } from "../../io/write-document.js";
import { FORMAT_LABELS, RECIPE_FORMATS, RecipeError, type RecipeResult } from "../../recipe/model.js";
import { keysRead, sourceKeysNotCarried } from "../../recipe/source-keys.js";
import { writeRecipe } from "../../recipe/write-recipe.js";
import type { LineageDocument } from "../../schema/lineage.js";
import { validateLineage } from "../../validate/validate.js";
import {
  CliError,
  type Command,
  choice,
  EXIT,
  flag,
  type Io,
  printJson,
  str,
  UsageError,
} from "../command.js";

interface Loaded {
  document: LineageDocument;
  from: "document" | "import" | "hub" | "registry";
  warnings: string[];
  /** The input's own keys when it is a configuration file (a recipe read by `ftl import`). */
  source?: Record<string, unknown>;
}

/**
 * A registered model's own current document (the newest, when several sources have one); a model the registry
 * knows only as an ancestor gets the document its step edges make, which records no training settings.
 */
async function fromRegistry(id: string, db: string | undefined, io: Io): Promise<Loaded> {
  const { openStore, StoreError } = await import("../../store/index.js");
  const { documentFromStore } = await import("../../audit/from-store.js");
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    store = await openStore(db, { env: io.env, cwd: io.cwd, mustExist: true });
    const own = (await store.documentsFor(id)).documents.filter((d) => d.current);
    const newest = own.sort((a, b) => b.addedAt.localeCompare(a.addedAt))[0];
    const warnings =
      own.length > 1
        ? [`${id}: ${own.length} sources have a document; using the newest (${newest?.source})`]
        : [];
    if (newest) return { document: newest.document, from: "registry", warnings };
    const built = await documentFromStore(store, id);
    if (!built) throw new CliError(`${id}: not in the registry ${store.location}`);
    return {
      document: built.document,
      from: "registry",
      warnings: [`${id}: no document of its own in the registry; its steps come from its ancestry only`],
    };
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(`registry: ${error.message}`);
    throw error;
  } finally {
    await store?.close();
  }
}

async function fromHub(ref: string, io: Io): Promise<Loaded> {
  const { importFromHub, HubError } = await import("../../hub/index.js");
  try {
    const result = await importFromHub(ref, {
      ...(io.env.HF_ENDPOINT ? { endpoint: io.env.HF_ENDPOINT } : {}),
      ...(io.env.HF_TOKEN ? { token: io.env.HF_TOKEN } : {}),
      ...(io.isTTY ? { onProgress: (m: string) => io.stderr(`${m}\n`) } : {}),
    });
    return { document: result.document, from: "hub", warnings: result.warnings.map((w) => w.message) };
  } catch (error) {
    if (error instanceof HubError) throw new CliError(`${ref}: ${error.message}`, EXIT.usage);
    throw error;
  }
}

/** An ftl/v1 document, or any file `ftl import` reads (a card, a recipe, a folder). */
async function fromFile(path: string): Promise<Loaded> {
  let directory = false;
  try {
    directory = statSync(path).isDirectory();
  } catch {
    throw new CliError(`${path}: no such file or folder`);
  }
  const read = directory ? ({ ok: false, kind: "folder" } as const) : readInput(path);
  if (!read.ok && read.kind === "usage") throw new CliError(read.message);
  const value = read.ok ? read.value : undefined;
  if (typeof value === "object" && value !== null && "format" in value) {
    const report = validateLineage(value);
    const errors = report.issues.filter((i) => i.severity === "error");
    if (errors.length > 0 || !report.document)
      throw new CliError(
        `${path}: not a valid ftl/v1 document\n${errors
          .slice(0, 5)
          .map((i) => `  ✗ ${i.message}`)
          .join("\n")}`,
        EXIT.invalid,
      );
    return { document: report.document, from: "document", warnings: [] };
  }
  const { importGroups } = await import("../../extract/import-files.js");
  const grouped = await importGroups([path]);
  const only = grouped.documents[0];
  if (!only || grouped.documents.length > 1)
    throw new CliError(
      `${path}: ${only ? "holds more than one lineage (ftl import --split writes each)" : "nothing ftl import reads"}`,
      EXIT.invalid,
    );
  const source = typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
  return {
    document: only.document,
    from: "import",
    warnings: [...grouped.warnings, ...only.warnings].map((w) => w.message),
    ...(source ? { source: source as Record<string, unknown> } : {}),
  };
}

function summary(result: RecipeResult, out: string | undefined, notModelled: string[]): string {
  const lines = [
    `${FORMAT_LABELS[result.format]} recipe for step '${result.step}'${out ? ` written to ${out}` : ""}; run: ${result.run}`,
  ];
  if (result.unknown.length > 0) {
    lines.push(`UNKNOWN (required, placeholders in the file — exit ${EXIT.recipeIncomplete}):`);
    for (const u of result.unknown) lines.push(`  ? ${u.key}: ${u.what} — ${u.reason}`);
  }
  if (result.notCarried.length > 0) {
    lines.push("Recorded in the lineage, not carried (the format has no key):");
    for (const n of result.notCarried) lines.push(`  - ${n.field} = ${JSON.stringify(n.value)}: ${n.reason}`);
  }
  if (notModelled.length > 0)
    lines.push(`Keys of the input ftl does not model, not in the recipe: ${notModelled.join(", ")}`);
  if (result.defaulted.length > 0)
    lines.push(
      `Not recorded, left to the framework's default: ${result.defaulted.map((d) => d.key).join(", ")}`,
    );
  return `${lines.join("\n")}\n`;
}

export const recipeCommand: Command = {
  path: ["recipe"],
  summary:
    "write the configuration that re-runs a step (TRL, alignment-handbook, axolotl, LLaMA-Factory, mergekit)",
  usage:
    "ftl recipe FILE|hf:ID|registry:ID --format trl|alignment-handbook|axolotl|llama-factory|mergekit [--step ID] [--out FILE] [--json] [--db PATH|URL]",
  positionals: { min: 1, max: 1, names: "FILE, hf:ID or registry:ID" },
  options: {
    format: { type: "string", value: "FORMAT", description: `One of ${RECIPE_FORMATS.join(", ")}` },
    step: { type: "string", value: "ID", description: "The step to write (default: the last step)" },
    out: {
      type: "string",
      value: "FILE",
      description: "Write the recipe to FILE instead of standard output",
    },
    json: { type: "boolean", description: "Print the recipe and what it leaves out as JSON" },
    db: {
      type: "string",
      value: "PATH|URL",
      description: "Registry for registry:ID (default FTL_DB or .ftl/registry.db)",
    },
  },
  details: `The input model is the step's input (an earlier step's output or a base), its revision pinned when known.
Required values the lineage does not record are written as '# UNKNOWN: …' placeholders and listed; the
framework's default is never put in their place. Exit 0: complete; 8: written, but with placeholders; 2: the
format cannot express the step (the message names the formats that can), or no such step.`,
  examples: [
    "ftl recipe examples/zephyr-7b-beta.lineage.json --step dpo --format alignment-handbook",
    "ftl recipe lineage.json --format axolotl --out axolotl.yaml --json",
    "ftl recipe registry:HuggingFaceH4/zephyr-7b-beta --step sft --format trl --db .ftl/registry.db",
  ],
  async run({ positionals, values, io }) {
    const target = positionals[0] as string;
    const format = choice(values, "format", RECIPE_FORMATS);
    if (format === undefined)
      throw new UsageError(`--format is required: one of ${RECIPE_FORMATS.join(", ")}`);
    const loaded = target.startsWith("registry:")
      ? await fromRegistry(target.slice("registry:".length), str(values, "db"), io)
      : target.startsWith("hf:")
        ? await fromHub(target, io)
        : await fromFile(target);
    let result: RecipeResult;
    try {
      const step = str(values, "step");
      const out = str(values, "out");
      result = writeRecipe(loaded.document, {
        format,
        ...(step !== undefined ? { step } : {}),
        ...(out !== undefined ? { file: basename(out) } : {}),
      });
    } catch (error) {
      if (error instanceof RecipeError) throw new CliError(`${target}: ${error.message}`, EXIT.usage);
      throw error;
    }
    const out = str(values, "out");
    if (out !== undefined) {
      try {
        writeFileAtomic(resolve(io.cwd, out), result.text);
      } catch (error) {
        throw new CliError(`${out}: cannot write (${writeFailure(error)})`, EXIT.usage);
      }
    }
    const exitCode = result.complete ? EXIT.ok : EXIT.recipeIncomplete;
    const notModelled = loaded.source
      ? sourceKeysNotCarried(loaded.source, result.text, keysRead(loaded.document))
      : [];
    if (flag(values, "json"))
      printJson(io, {
        ...result,
        notModelled,
        ...(out ? { out } : {}),
        input: { target, from: loaded.from, warnings: loaded.warnings },
        exitCode,
      });
    else {
      for (const w of loaded.warnings) io.stderr(`warning: ${w}\n`);
      if (out === undefined) io.stdout(result.text);
      (out === undefined ? io.stderr : io.stdout)(summary(result, out, notModelled));
    }
    return exitCode;
  },
};
