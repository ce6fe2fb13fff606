/**
 * Appending a step to a document: picks a free step id, and chains the new step to the previous step's
 * output unless inputs are given. Pure: returns a new document.
 */
import type { LineageDocument, ModelInput, Step } from "../schema/lineage.js";

/** A step without an id or inputs yet; `appendStep` fills what is missing. */
export type StepDraft = Step extends infer S
  ? S extends Step
    ? Omit<S, "id"> & { id?: string }
    : never
  : never;

/** A free step id based on `wanted` (`dpo`, `dpo-2`, …). */
export function freeStepId(doc: LineageDocument, wanted: string): string {
  return stepIdAllocator(doc.steps.map((s) => s.id))(wanted);
}

/**
 * Hands out free step ids one after another (`sft`, `sft-2`, `sft-3`…), remembering what it gave: for a document
 * built step by step, each id costs O(1) instead of a scan of every step so far.
 */
export function stepIdAllocator(existing: Iterable<string>): (wanted: string) => string {
  const taken = new Set(existing);
  const next = new Map<string, number>();
  return (wanted) => {
    const base = wanted.replace(/[^A-Za-z0-9._-]/g, "-").replace(/^[^A-Za-z0-9]+/, "") || "step";
    let id = base;
    for (let n = next.get(base) ?? 2; taken.has(id); n++) {
      id = `${base}-${n}`;
      next.set(base, n + 1);
    }
    taken.add(id);
    return id;
  };
}

/** The input that continues the chain: the previous step's output, else the only base. */
export function defaultInput(doc: LineageDocument): ModelInput | undefined {
  const previous = doc.steps.at(-1);
  if (previous) return previous.output ? { id: previous.output.id } : { step: previous.id };
  if (doc.bases.length === 1 && doc.bases[0]) return { id: doc.bases[0].id };
  return undefined;
}

/** Turns a user's `--input X` into a reference: a step id when one matches, else a model id. */
export function inputReference(doc: LineageDocument, reference: string): ModelInput {
  const byStep = doc.steps.find((s) => s.id === reference);
  const byOutput = doc.steps.find((s) => s.output?.id === reference);
  if (byStep && !byOutput && !doc.bases.some((b) => b.id === reference)) return { step: reference };
  return { id: reference };
}

function defaultIdFor(draft: StepDraft): string {
  if (draft.kind === "fine-tune") return draft.objective ?? "fine-tune";
  if (draft.kind === "quantization") return draft.method ? `quant-${draft.method}` : "quantization";
  return draft.kind;
}

/**
 * Appends a step. When the draft names no input models, the previous step's output (or the single base)
 * becomes its input.
 *
 * @example
 * appendStep(doc, { kind: "fine-tune", objective: "dpo", parameterization: "lora", adapter: { rank: 64 } })
 */
export function appendStep(
  doc: LineageDocument,
  draft: StepDraft,
): { document: LineageDocument; step: Step } {
  const models = draft.inputs?.models ?? [];
  const chained = models.length === 0 && draft.kind !== "merge" ? defaultInput(doc) : undefined;
  const inputs = { ...(draft.inputs ?? {}), ...(chained ? { models: [chained] } : {}) };
  const hasInputs = (inputs.models?.length ?? 0) > 0 || (inputs.datasets?.length ?? 0) > 0;
  const { id, ...rest } = draft;
  const step = {
    id: id ?? freeStepId(doc, defaultIdFor(draft)),
    ...rest,
    ...(hasInputs ? { inputs } : {}),
  } as Step;
  return { document: { ...doc, steps: [...doc.steps, step] }, step };
}
