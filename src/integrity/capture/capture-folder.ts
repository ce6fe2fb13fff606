/**
 * `captureFolder`: a training output folder read with the extraction readers, hashed the OMS way, and
 * recorded as a lineage step whose output carries the folder's root digest and per-file manifest.
 */
import { stat } from "node:fs/promises";
import { importFiles } from "../../extract/import-files.js";
import type { ExtractWarning } from "../../extract/types.js";
import { freeStepId } from "../../model/append-step.js";
import { UNKNOWN_MODEL_ID } from "../../model/refs.js";
import type { FileRef, LineageDocument, ModelRef, Provenance, Step } from "../../schema/lineage.js";
import { hashPath, listModelFiles } from "../hash/hash-path.js";
import type { Manifest } from "../hash/types.js";
import { applyFlags } from "./apply-flags.js";
import { type Placed, placeAfter, placeInNew } from "./chain.js";
import { isModelFile, MODEL_FILES_DESCRIPTION } from "./model-files.js";
import { CaptureError, type CaptureOptions, type CaptureResult } from "./types.js";

/** Refuses a path that is missing, not a folder, or holds no model file (before anything is hashed). */
async function checkFolder(dir: string, options: CaptureOptions): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) throw new CaptureError("not-found", `${dir}: no such folder`);
  if (!info.isDirectory())
    throw new CaptureError(
      "not-a-folder",
      `${dir}: not a folder; ftl capture takes a training output folder (ftl hash FILE hashes one file)`,
    );
  const { files } = await listModelFiles(dir, options.hash ?? {});
  if (!files.some((f) => isModelFile(f.name)))
    throw new CaptureError(
      "no-model-files",
      `${dir}: no model file (${files.length} file${files.length === 1 ? "" : "s"} looked at); expected ${MODEL_FILES_DESCRIPTION}`,
    );
}

/** The output reference: its id, the root digest and one entry per file. */
function outputRef(id: string, manifest: Manifest, filesOutput: ModelRef | undefined): ModelRef {
  const files: FileRef[] = manifest.resources.map((r) => ({
    path: r.name,
    size: r.size,
    digest: { algorithm: "sha256", value: r.digest },
  }));
  const { id: _id, digest: _digest, files: _files, ...kept } = filesOutput?.id === id ? filesOutput : { id };
  return { id, ...kept, digest: { algorithm: "sha256", value: manifest.rootDigest }, files };
}

function outputSources(dir: string, manifest: Manifest, options: CaptureOptions, known: boolean) {
  const ignored = manifest.serialization.ignorePaths.join(", ");
  const sources: Record<string, Provenance> = {
    "output.digest": {
      source: "extracted",
      file: dir,
      by: "ftl capture",
      note: `OMS v1.0 root digest, files serialization, sha256${manifest.serialization.allowSymlinks ? ", symbolic links followed" : ""}; left out: ${ignored}`,
    },
  };
  if (options.output !== undefined) sources["output.id"] = { source: "declared", by: "ftl capture --output" };
  else if (!known)
    sources["output.id"] = {
      source: "inferred",
      confidence: 0,
      note: `no file in ${dir} names this checkpoint; give its id with ftl capture --output ORG/NAME`,
    };
  return sources;
}

/**
 * The subject follows the captured output when it was unknown, the files' name for it, or the previous
 * output; it becomes `unknown` (and says why) when the new output's id is not known.
 */
function withSubject(
  doc: LineageDocument,
  placed: Placed,
  output: ModelRef,
  dir: string,
  previousOutput?: string,
): LineageDocument {
  const digest = output.digest;
  const subjectId = doc.subject.id;
  if (subjectId === output.id && subjectId !== UNKNOWN_MODEL_ID)
    return { ...doc, subject: { ...doc.subject, digest } };
  const follows =
    subjectId === UNKNOWN_MODEL_ID ||
    (placed.filesOutput !== undefined && subjectId === placed.filesOutput.id) ||
    (previousOutput !== undefined && subjectId === previousOutput);
  if (!follows) return doc;
  const provenance: Provenance =
    output.id === UNKNOWN_MODEL_ID
      ? {
          source: "inferred",
          confidence: 0,
          note: `the last step's output, captured from ${dir}: no file there names it; give it with ftl capture --output ORG/NAME`,
        }
      : { source: "declared", by: "ftl capture", note: `the last step's output, captured from ${dir}` };
  return {
    ...doc,
    subject: { id: output.id, ...(output.id === UNKNOWN_MODEL_ID ? {} : { digest }), provenance },
  };
}

/** The extraction's warnings that still hold once the flags and the chain have filled in what they may. */
function stillTrue(warnings: ExtractWarning[], options: CaptureOptions): ExtractWarning[] {
  return warnings.filter((w) => {
    if (w.code !== "extract.unresolved") return true;
    if (w.field === "subject.id") return false; // capture names the output, or says it cannot
    if (w.field === "objective") return options.objective === undefined;
    if (w.field === "inputs.models") return options.document === undefined;
    if (w.field === "inputs.datasets" && /no training dataset/.test(w.message))
      return (options.datasets?.length ?? 0) === 0;
    return true;
  });
}

/** A step id that still matches the objective once `--objective` changed it (`sft` → `dpo`). */
function renamed(doc: LineageDocument, before: Step, after: Step): string {
  if (before.kind !== "fine-tune" || after.kind !== "fine-tune") return after.id;
  const old = before.objective ?? "fine-tune";
  const wanted = after.objective ?? "fine-tune";
  const suffix = after.id.startsWith(`${old}-`) ? after.id.slice(old.length + 1) : undefined;
  if (wanted === old || (after.id !== old && !/^\d+$/.test(suffix ?? ""))) return after.id;
  return freeStepId({ ...doc, steps: doc.steps.filter((s) => s !== before) }, wanted);
}

/**
 * Captures a training output folder as a lineage step.
 *
 * @throws CaptureError (`not-found`, `not-a-folder`, `no-model-files`, `not-applicable`), HashError.
 * @example
 * const { document, step } = await captureFolder("outputs/run-1", { document: lineage, output: "me/model-dpo" });
 * step.output?.digest // { algorithm: "sha256", value: "…" }
 */
export async function captureFolder(dir: string, options: CaptureOptions = {}): Promise<CaptureResult> {
  await checkFolder(dir, options);
  const extracted = await importFiles([dir]);
  const manifest = await hashPath(dir, { ...(options.hash ?? {}) });
  const warnings = stillTrue(extracted.warnings, options);
  const previousOutput = options.document?.steps.at(-1)?.output?.id;
  const placed = options.document
    ? placeAfter(options.document, extracted.document, warnings)
    : placeInNew(extracted.document);
  const id = options.output ?? placed.filesOutput?.id ?? UNKNOWN_MODEL_ID;
  const known = id !== UNKNOWN_MODEL_ID;
  if (!known)
    warnings.push({
      code: "capture.output-unknown",
      message: `no file in ${dir} names the checkpoint; its id is "unknown" and the lineage is partial (give --output ORG/NAME)`,
      file: dir,
    });
  const output = outputRef(id, manifest, placed.filesOutput);
  const flagged = applyFlags(placed.step, options);
  const step: Step = {
    ...flagged,
    id: renamed(placed.document, placed.step, flagged),
    output,
    sources: { ...(flagged.sources ?? {}), ...outputSources(dir, manifest, options, known) },
  };
  const steps = [...placed.document.steps.slice(0, -1), step];
  const document = withSubject({ ...placed.document, steps }, placed, output, dir, previousOutput);
  return { document, step, manifest, warnings, outputKnown: known };
}
