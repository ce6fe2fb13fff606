/**
 * Where the captured step goes: as the last step of the folder's own extracted document (a new lineage), or
 * appended to an existing lineage with the previous step's output as its input.
 */
import type { ExtractWarning } from "../../extract/types.js";
import { appendStep, defaultInput, type StepDraft } from "../../model/append-step.js";
import { UNKNOWN_MODEL_ID } from "../../model/refs.js";
import type { LineageDocument, ModelRef, Provenance, Step } from "../../schema/lineage.js";

/** A document whose last step is the captured one, and the output id that step had before capture. */
export interface Placed {
  document: LineageDocument;
  step: Step;
  /** The output id the files gave the step (undefined when they gave none). */
  filesOutput?: ModelRef;
}

/** Field sources that belong to the parts of a step capture replaces (its id, input models and output). */
function keptSources(
  sources: Record<string, Provenance> | undefined,
): Record<string, Provenance> | undefined {
  if (sources === undefined) return undefined;
  const kept = Object.entries(sources).filter(([k]) => !/^(inputs\.models|output)(\b|\[|\.)/.test(k));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The folder's step as a draft: what the files say about the run, without id, input models or output. */
function draftFrom(step: Step | undefined): StepDraft {
  if (step === undefined) return { kind: "fine-tune" };
  const { id: _id, output: _output, inputs, sources, ...rest } = step;
  const sourcesKept = keptSources(sources);
  return {
    ...rest,
    ...(inputs?.datasets?.length ? { inputs: { datasets: inputs.datasets } } : {}),
    ...(sourcesKept ? { sources: sourcesKept } : {}),
  } as StepDraft;
}

/**
 * The checkpoint id the files give the folder's step: its output, or else the subject (an extracted chain's
 * last step without an output is the subject), never `unknown`.
 */
function filesOutputOf(extracted: LineageDocument, step: Step | undefined): ModelRef | undefined {
  const ref = step?.output ?? (step === extracted.steps.at(-1) ? { id: extracted.subject.id } : undefined);
  return ref === undefined || ref.id === UNKNOWN_MODEL_ID ? undefined : ref;
}

/** A new lineage: the folder's extracted document, its last step the captured one (one is added if none). */
export function placeInNew(extracted: LineageDocument): Placed {
  const last = extracted.steps.at(-1);
  if (last !== undefined) {
    const filesOutput = filesOutputOf(extracted, last);
    return { document: extracted, step: last, ...(filesOutput ? { filesOutput } : {}) };
  }
  const { document, step } = appendStep(extracted, { kind: "fine-tune" });
  return { document, step };
}

/** Continues `previous`: the folder's step appended, its input the last step's output (or the only base). */
export function placeAfter(
  previous: LineageDocument,
  extracted: LineageDocument,
  warnings: ExtractWarning[],
): Placed {
  const folderStep = extracted.steps.at(-1);
  const draft = draftFrom(folderStep);
  const chained = defaultInput(previous);
  const filesInputs = folderStep?.inputs?.models ?? [];
  let base = previous;
  if (chained === undefined && filesInputs.length > 0) {
    // Nothing to chain to: keep the inputs the files name, and their bases.
    const known = new Set(previous.bases.map((b) => b.id));
    base = { ...previous, bases: [...previous.bases, ...extracted.bases.filter((b) => !known.has(b.id))] };
    draft.inputs = { ...(draft.inputs ?? {}), models: filesInputs };
  }
  const filesBase = filesInputs[0]?.id;
  if (chained?.id !== undefined && filesBase !== undefined && filesBase !== chained.id)
    warnings.push({
      code: "capture.input-mismatch",
      message: `the folder's files name ${filesBase} as the base, but the lineage's last output is ${chained.id}; the step's input is ${chained.id}`,
      field: "inputs.models",
    });
  const { document, step } = appendStep(base, draft);
  const filesOutput = filesOutputOf(extracted, folderStep);
  return { document, step, ...(filesOutput ? { filesOutput } : {}) };
}
