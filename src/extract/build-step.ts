/**
 * Is a local path a checkpoint the previous step wrote: a folder under its output (`output/v1-…/checkpoint-200`
 * under `output`), or, when that step names no output, a `checkpoint-N` folder?
 */
function checkpointOf(id: string, prevOutput: string | undefined): boolean {
  if (!id.startsWith("local:")) return false;
  const path = id.slice(6).replace(/^\.\//, "");
  if (prevOutput?.startsWith("local:")) {
    const dir = trimEnd(prevOutput.slice(6).replace(/^\.\//, ""), "/");
    if (dir !== "" && path.startsWith(`${dir}/`)) return true;
  }
  return /(?:^|\/)checkpoint-\d+\/?$/.test(path);
}

/** Does an input list already name the previous step (by its output or its id)? */
function mergesPrevious(models: ModelInput[], prevId: string, prevOutput: string | undefined): boolean {
  return models.some(
    (m) =>
      ("step" in m && m.step === prevId) ||
      (prevOutput !== undefined && "id" in m && m.id === cleanId(prevOutput)),
  );
}

/** One step of an extracted document, built from its merged facts, with every fact's provenance under `sources`. */

import { trimEnd } from "../model/trim.js";
import type {
  Adapter,
  DatasetRef,
  Hyperparameters,
  LineageDocument,
  ModelInput,
  ModelRef,
  Provenance,
  Step,
} from "../schema/lineage.js";
import { inferred, type StepFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";

const MAX_ID = 512;

/** Makes a string usable as an identifier (no surrounding space, at most 512 characters). */
export function cleanId(id: string): string {
  return id.trim().replace(/\s+/g, " ").slice(0, MAX_ID).trim();
}

/** Copies a fact, when there is one, into the step under `key`, with its provenance under the same key. */
function put(
  into: Record<string, unknown>,
  sources: Record<string, Provenance>,
  key: string,
  f: { value: unknown; source: Provenance } | undefined,
): void {
  if (!f) return;
  into[key] = f.value;
  sources[key] = f.source;
}

function adapterOf(step: StepFacts, sources: Record<string, Provenance>): Adapter | undefined {
  const adapter: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(step.adapter)) {
    adapter[k] = f.value;
    sources[`adapter.${k}`] = f.source;
  }
  return Object.keys(adapter).length > 0 ? (adapter as Adapter) : undefined;
}

function hyperparametersOf(
  step: StepFacts,
  sources: Record<string, Provenance>,
): Hyperparameters | undefined {
  const hp: Record<string, unknown> = {};
  const other: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(step.hyperparameters)) {
    if (k.startsWith("other.")) other[k.slice(6)] = f.value;
    else hp[k] = f.value;
    sources[`hyperparameters.${k}`] = f.source;
  }
  if (Object.keys(other).length > 0) hp.other = other;
  return Object.keys(hp).length > 0 ? (hp as Hyperparameters) : undefined;
}

function datasetsOf(step: StepFacts, sources: Record<string, Provenance>): DatasetRef[] {
  return step.datasets.map((d, i) => {
    sources[`inputs.datasets[${i}]`] = d.source;
    const value: DatasetRef = { ...d.value };
    if (value.id !== undefined) value.id = cleanId(value.id);
    return value;
  });
}

/** The fields of a step that depend on its kind (objective and adapter, merge method and base, quantisation). */
function kindFields(
  s: StepFacts,
  id: string,
  sources: Record<string, Provenance>,
  addBase: (id: string, source: Provenance) => void,
): Record<string, unknown> {
  let step: Record<string, unknown>;
  switch (s.kind) {
    case "fine-tune": {
      step = { id, kind: "fine-tune" };
      put(step, sources, "objective", s.objective);
      put(step, sources, "parameterization", s.parameterization);
      const adapter = adapterOf(s, sources);
      if (adapter) step.adapter = adapter;
      break;
    }
    case "merge": {
      step = { id, kind: "merge" };
      put(step, sources, "method", s.mergeMethod);
      if (s.mergeBase) {
        const baseId = cleanId(s.mergeBase.value);
        step.baseModel = { id: baseId };
        sources.baseModel = s.mergeBase.source;
        addBase(baseId, s.mergeBase.source);
      }
      break;
    }
    case "quantization": {
      step = { id, kind: "quantization" };
      put(step, sources, "method", s.quantMethod);
      if (s.bits && s.bits.value > 0 && s.bits.value <= 32) {
        step.bits = s.bits.value;
        sources.bits = s.bits.source;
      }
      if (s.format) step.format = s.format.value;
      if (
        typeof s.parameters.group_size?.value === "number" &&
        Number.isInteger(s.parameters.group_size.value)
      )
        step.groupSize = s.parameters.group_size.value;
      break;
    }
    case "other":
      step = { id, kind: "other", ...(s.description ? { description: s.description.value } : {}) };
      break;
    default:
      step = { id, kind: s.kind };
  }
  return step;
}

/** A step's other parameters: kept as `parameters`, or (an adapter merge) said in its notes. */
function otherParameters(
  s: StepFacts,
  step: Record<string, unknown>,
  common: Record<string, unknown>,
  sources: Record<string, Provenance>,
): void {
  if (s.kind !== "fine-tune" && s.kind !== "adapter-merge") {
    const params: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(s.parameters)) {
      if (s.kind === "quantization" && k === "group_size") continue;
      params[k] = f.value;
      sources[`parameters.${k}`] = f.source;
    }
    if (Object.keys(params).length > 0) step.parameters = params;
  } else if (s.kind === "adapter-merge" && Object.keys(s.parameters).length > 0) {
    common.notes = [
      common.notes,
      Object.entries(s.parameters)
        .map(([k, f]) => `${k}=${JSON.stringify(f.value)}`)
        .join(", "),
    ]
      .filter(Boolean)
      .join("; ");
  }
}

/** What building a step needs from the chain and the document. */
export interface StepContext {
  chain: StepFacts[];
  outputs: (string | undefined)[];
  options: { subject?: string };
  doc: LineageDocument;
  addBase: (id: string, source: Provenance) => void;
  freeStepId: (wanted: string) => string;
}

/** The document step of the chain's step `i`, with the provenance of each of its facts under `sources`. */
export function buildStep(s: StepFacts, i: number, ctx: StepContext): Step {
  const { chain, outputs, options, doc, addBase, freeStepId } = ctx;
  const sources: Record<string, Provenance> = {};
  const models: ModelInput[] = [];
  const prevId = doc.steps[i - 1]?.id;
  const prevOutput = outputs[i - 1];
  s.inputs.forEach((input, k) => {
    const id = cleanId(input.value.id);
    const matchesPrev = prevOutput !== undefined && sameModel(prevOutput, id);
    // The checkpoint folder an adapter merge reads (`--ckpt_dir output/v1-…/checkpoint-200`) is what the
    // training before it wrote, not a model of its own.
    // A `checkpoint-N` folder is a training's output by its name: never a root model, wherever its training sits.
    const checkpoint = !matchesPrev && s.kind === "adapter-merge" && checkpointOf(id, prevOutput);
    const prevCheckpoint = checkpoint && prevId !== undefined;
    const ref: ModelInput = matchesPrev
      ? { id: cleanId(prevOutput as string) }
      : prevCheckpoint
        ? prevOutput
          ? { id: cleanId(prevOutput) }
          : { step: prevId as string }
        : { id };
    if (input.value.weight !== undefined) ref.weight = input.value.weight;
    if (input.value.parameters) ref.parameters = input.value.parameters as ModelInput["parameters"];
    models.push(ref);
    sources[`inputs.models[${k}]`] = input.source;
    if (!matchesPrev && !checkpoint && !outputs.slice(0, i).some((o) => o !== undefined && sameModel(o, id)))
      addBase(id, input.source);
  });
  if (models.length === 0 && i > 0 && prevId !== undefined) {
    models.push(prevOutput ? { id: cleanId(prevOutput) } : { step: prevId });
    sources["inputs.models[0]"] = inferred(s.origin.file ?? "?", "the step before it in the chain", 0.8);
  } else if (
    s.kind === "adapter-merge" &&
    i > 0 &&
    prevId !== undefined &&
    !mergesPrevious(models, prevId, prevOutput)
  ) {
    // An adapter merge named only by its base folds in the adapter the step before it trained: both are inputs.
    models.push(prevOutput ? { id: cleanId(prevOutput) } : { step: prevId });
    sources[`inputs.models[${models.length - 1}]`] = inferred(
      s.origin.file ?? "?",
      "the adapter the step before it trained",
      0.8,
    );
  }
  const datasets = datasetsOf(s, sources);
  const common: Record<string, unknown> = {};
  if (s.name) common.name = s.name;
  if (models.length > 0 || datasets.length > 0)
    common.inputs = { ...(models.length ? { models } : {}), ...(datasets.length ? { datasets } : {}) };
  const hp = hyperparametersOf(s, sources);
  if (hp) common.hyperparameters = hp;
  if (s.output) {
    const output: ModelRef = {
      id: cleanId(i === chain.length - 1 && options.subject ? options.subject : s.output.value),
    };
    common.output = output;
    sources["output.id"] = s.output.source;
  } else if (i === chain.length - 1 && options.subject) {
    common.output = { id: cleanId(options.subject) };
  }
  put(common, sources, "framework", s.framework);
  if (s.software.length > 0) common.software = s.software.map((f) => f.value);
  put(common, sources, "hardware", s.hardware);
  if (s.notes.length > 0) common.notes = s.notes.join("; ");
  common.provenance = s.origin;
  const wanted =
    s.kind === "fine-tune"
      ? (s.objective?.value ?? "fine-tune")
      : s.kind === "quantization"
        ? "quantization"
        : s.kind;
  const id = freeStepId(wanted);
  const step = kindFields(s, id, sources, addBase);
  otherParameters(s, step, common, sources);
  Object.assign(step, common);
  if (Object.keys(sources).length > 0) step.sources = sources;
  return step as Step;
}
