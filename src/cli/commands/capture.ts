/**
 * `ftl capture OUTPUT_DIR`: after a training run, reads the output folder with the extraction readers, hashes
 * it the OMS way and appends a step whose output carries the root digest and the per-file manifest.
 */
import { existsSync } from "node:fs";
import {
  CaptureError,
  type CaptureOptions,
  type CaptureResult,
  captureFolder,
} from "../../integrity/capture/index.js";
import { HashError } from "../../integrity/hash/index.js";
import {
  replaceFileKeeping,
  serializeDocument,
  writeFailure,
  writeFileAtomic,
} from "../../io/write-document.js";
import { OBJECTIVES, PARAMETERIZATIONS } from "../../model/vocabulary.js";
import { describeStep } from "../../render/describe.js";
import { terminalSafe } from "../../render/visible.js";
import type { LineageDocument } from "../../schema/lineage.js";
import { validateLineage } from "../../validate/validate.js";
import {
  CliError,
  type Command,
  type CommandContext,
  choice,
  EXIT,
  flag,
  type Io,
  printJson,
  str,
} from "../command.js";
import { exitCodeFor, loadValidDocument } from "../load-document.js";
import { HASH_OPTIONS, hashFailure, hashOptionsFrom, hashProgress } from "./hash.js";
import { datasetsFrom, hyperparametersFrom, STEP_FACT_OPTIONS } from "./step-facts.js";

function optionsFrom(
  values: CommandContext["values"],
  document: LineageDocument | undefined,
): CaptureOptions {
  const objective = choice(values, "objective", OBJECTIVES);
  const parameterization = choice(values, "param", PARAMETERIZATIONS);
  const datasets = datasetsFrom(values);
  const output = str(values, "output")?.trim();
  if (output === "") throw new CliError("--output: expected a model id, e.g. my-org/my-model");
  return {
    ...(document ? { document } : {}),
    ...(output ? { output } : {}),
    ...(objective ? { objective } : {}),
    ...(parameterization ? { parameterization } : {}),
    datasets,
    hyperparameters: hyperparametersFrom(values),
  };
}

/** Captures with a progress bar on a terminal; capture and hashing refusals become CLI errors. */
async function capture(
  dir: string,
  options: CaptureOptions,
  values: CommandContext["values"],
  io: Io,
): Promise<CaptureResult> {
  const progress = hashProgress(io, flag(values, "json"));
  try {
    const hash = { ...hashOptionsFrom(values, io, dir), onProgress: progress.onProgress };
    return await captureFolder(dir, { ...options, hash });
  } catch (error) {
    if (error instanceof CaptureError) throw new CliError(error.message, EXIT.usage);
    if (error instanceof HashError) throw hashFailure(error);
    throw error;
  } finally {
    progress.stop();
  }
}

function summaryLines(dir: string, result: CaptureResult, status: string, file: string | undefined): string {
  const count = result.manifest.resources.length;
  return [
    `captured ${dir} as step "${result.step.id}": ${describeStep(result.step)}`,
    `root digest sha256:${result.manifest.rootDigest} (${count} file${count === 1 ? "" : "s"})`,
    `${status}${file ? `; written to ${file}` : ""}`,
  ].join("\n");
}

function write(file: string, document: LineageDocument): void {
  try {
    if (existsSync(file)) replaceFileKeeping(file, serializeDocument(document, file));
    else writeFileAtomic(file, serializeDocument(document, file));
  } catch (error) {
    throw new CliError(`${file}: cannot write (${writeFailure(error)})`);
  }
}

export const captureCommand: Command = {
  path: ["capture"],
  summary: "record a training output folder as a step whose output carries its OMS digests",
  usage:
    "ftl capture OUTPUT_DIR [--file lineage.json] [--objective O] [--param P] [--dataset ID[:COUNT:UNIT]]... [--hp k=v]... [--output ID] [--json]",
  positionals: { min: 1, max: 1, names: "OUTPUT_DIR" },
  rawStdout: true,
  options: {
    file: {
      type: "string",
      value: "PATH",
      description:
        "Lineage to continue and rewrite (created when missing); without it the document is printed",
    },
    output: {
      type: "string",
      value: "ID",
      description: "The checkpoint's id (overrides what the files say)",
    },
    objective: { type: "string", value: "OBJ", description: `fine-tune objective: ${OBJECTIVES.join(", ")}` },
    param: { type: "string", value: "P", description: `parameterization: ${PARAMETERIZATIONS.join(", ")}` },
    ...STEP_FACT_OPTIONS,
    "allow-symlinks": HASH_OPTIONS["allow-symlinks"],
    "ignore-paths": HASH_OPTIONS["ignore-paths"],
    json: { type: "boolean", description: "Print {document, step, rootDigest, class, warnings}" },
  },
  details: `The folder is read as ftl import reads it (adapter_config.json, trainer_state.json, training_args,
config.json, README.md; the latest checkpoint-N sub-folder) and hashed as ftl hash hashes it (OMS v1.0, files
serialization). The step's input is the previous step's output of --file (a new document: the base the files
name); its output is {id, digest: {algorithm: "sha256", value: ROOT}, files: [{path, size, digest}]}. The id
is --output, else the one the files give (hub_model_id, the card's own id); a folder name never is one: without
either it is "unknown" and the document is partial. The subject follows the new output when it was unknown or
the previous output. Flags fill in or override what the files say.
A model file is a weights file (*.safetensors, *.bin, *.pt, *.pth, *.ckpt, *.gguf, *.ggml, *.onnx, *.h5,
*.keras, *.tflite, *.msgpack, adapter_model.*; not training_args.bin, optimizer.pt, scheduler.pt, scaler.pt,
rng_state*.pth) or config.json, adapter_config.json, model_index.json.
Exit codes: 0 written (class lineage), 3 written, partial (e.g. the output id is unknown), 4 written,
not-lineage, 1 the step would make the document invalid (nothing written) or --file is invalid, or a file could
not be read, 2 usage error (no such folder, no model file in it, a refused symbolic link).`,
  examples: [
    "ftl capture ./outputs/run-1 --file lineage.json",
    "ftl capture ./outputs/dpo --file lineage.json --objective dpo --param lora --dataset org/prefs:50k:pairs --hp beta=0.1 --output my-org/m-dpo",
    "ftl capture examples/tiny-model > lineage.json",
  ],
  async run({ positionals, values, io }) {
    const dir = positionals[0] as string;
    const file = str(values, "file");
    const json = flag(values, "json");
    const previous =
      file !== undefined && existsSync(file)
        ? loadValidDocument(file, { allow: ["graph.subject-mismatch"] }).document
        : undefined;
    const result = await capture(dir, { ...optionsFrom(values, previous) }, values, io);
    const report = validateLineage(result.document);
    // As with ftl step add: a chain being built need not end at the subject yet; every other error blocks.
    const blocking = report.issues.filter(
      (i) => i.severity === "error" && i.code !== "graph.subject-mismatch",
    );
    const writable = blocking.length === 0;
    if (writable && file !== undefined) write(file, result.document);
    const code = writable ? exitCodeFor({ ...report, valid: true }) : EXIT.invalid;
    if (json) {
      printJson(io, {
        written: writable && file !== undefined ? file : null,
        document: result.document,
        step: result.step,
        rootDigest: result.manifest.rootDigest,
        class: report.class,
        score: report.score,
        warnings: result.warnings,
        issues: report.issues,
      });
      return code;
    }
    if (!writable) {
      const lines = blocking.map((i) => `  ✗ ${i.message}`).join("\n");
      io.stderr(
        `${file ?? dir}: the captured step would make the document invalid (nothing written)\n${lines}\n`,
      );
      return code;
    }
    if (file === undefined) io.stdout(serializeDocument(result.document, "lineage.json"));
    const summary = summaryLines(dir, result, `class: ${report.class} (score ${report.score})`, file);
    (file === undefined ? io.stderr : io.stdout)(terminalSafe(`${summary}\n`));
    for (const w of result.warnings) io.stderr(`warning: ${w.message}\n`);
    return code;
  },
};
