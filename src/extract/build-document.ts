/** Turning merged step facts into an ftl/v1 document, with every fact's provenance under `sources`. */
import { stepIdAllocator } from "../model/append-step.js";
import { isRegistrableId, LOCAL_PREFIX, UNKNOWN_MODEL_ID } from "../model/refs.js";
import { FORMAT_V1 } from "../model/vocabulary.js";
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
import { baseProvenance } from "./calibration.js";
import { extracted, type Fact, type FileFacts, inferred, type StepFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";

const MAX_ID = 512;

/** Makes a string usable as an identifier (no surrounding space, at most 512 characters). */
export function cleanId(id: string): string {
  return id.trim().replace(/\s+/g, " ").slice(0, MAX_ID).trim();
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

/** Builds the document from the ordered steps and the files' document-level facts. */
/**
 * Can a step's output name the subject: a Hub id, or a repository name a recipe pushes to (`hub_model_id`
 * without its org, in the pusher's namespace; classification asks for the org). A local folder never does.
 */
function isSubjectName(output: Fact<string>): boolean {
  if (output.value.startsWith(LOCAL_PREFIX)) return false;
  return isRegistrableId(output.value) || /(^|\.)hub_model_id$/.test(output.source.field ?? "");
}

export function buildDocument(
  chain: StepFacts[],
  files: FileFacts[],
  options: { subject?: string },
): { document: LineageDocument; notes: string[] } {
  const notes: string[] = [];
  const doc: LineageDocument = { format: FORMAT_V1, subject: { id: "unknown" }, bases: [], steps: [] };
  const card = files.find((f) => f.kind === "model-card");
  const outputs: (string | undefined)[] = [];
  chain.forEach((s, i) => {
    const next = chain[i + 1];
    // A later step's input that names this step's output more fully (org/name) renames the output.
    const nextInput = next?.inputs[0]?.value.id;
    if (
      s.output &&
      nextInput &&
      sameModel(s.output.value, nextInput) &&
      nextInput.length > s.output.value.length
    )
      s.output = { value: nextInput, source: s.output.source };
    outputs.push(s.output?.value);
  });
  // The subject is the last step's output when it is a Hub id; a local output folder is the step's output,
  // never the model's name.
  const lastOutput = chain[chain.length - 1]?.output;
  const subjectFact: Fact<string> | undefined = options.subject
    ? { value: options.subject, source: { source: "declared", by: "ftl import --subject" } }
    : lastOutput && isSubjectName(lastOutput)
      ? lastOutput
      : files.find((f) => f.subject)?.subject;
  // The files name the model and the last run wrote it to a local folder: the folder is where the run put the
  // model the files name (kept in the step's notes), so the chain ends at the named model.
  const last = chain[chain.length - 1];
  if (last?.output?.value.startsWith(LOCAL_PREFIX) && subjectFact && subjectFact !== lastOutput) {
    last.notes.push(`written to ${last.output.value}`);
    last.output = {
      value: subjectFact.value,
      source: inferred(
        last.output.source.file ?? "?",
        `the run wrote ${last.output.value}; the files name the model ${subjectFact.value}`,
        0.7,
      ),
    };
  }
  doc.subject = { id: cleanId(subjectFact?.value ?? UNKNOWN_MODEL_ID) };
  doc.subject.provenance = subjectFact
    ? subjectFact.source
    : inferred(
        files[0]?.file ?? "?",
        "no file names the model this document describes; give it with --subject",
        0,
      );
  const license = files.find((f) => f.license);
  if (license?.license) {
    doc.subject.license = license.license.value;
    doc.subject.sources = { ...(doc.subject.sources ?? {}), license: license.license.source };
    if (license.licenseName) doc.subject.licenseName = license.licenseName.value;
    if (license.licenseLink && /^https?:\/\//.test(license.licenseLink.value))
      doc.subject.licenseLink = license.licenseLink.value;
  }
  if (card?.description) doc.description = card.description.replace(/\s+/g, " ").trim();

  const baseIds: { id: string; source: Provenance }[] = [];
  const addBase = (id: string, source: Provenance) => {
    if (!baseIds.some((b) => b.id === id)) baseIds.push({ id, source });
  };
  const freeStepId = stepIdAllocator(doc.steps.map((s) => s.id));
  chain.forEach((s, i) => {
    const sources: Record<string, Provenance> = {};
    const models: ModelInput[] = [];
    const prevId = doc.steps[i - 1]?.id;
    const prevOutput = outputs[i - 1];
    s.inputs.forEach((input, k) => {
      const id = cleanId(input.value.id);
      const matchesPrev = prevOutput !== undefined && sameModel(prevOutput, id);
      const ref: ModelInput = matchesPrev ? { id: cleanId(prevOutput) } : { id };
      if (input.value.weight !== undefined) ref.weight = input.value.weight;
      if (input.value.parameters) ref.parameters = input.value.parameters as ModelInput["parameters"];
      models.push(ref);
      sources[`inputs.models[${k}]`] = input.source;
      if (!matchesPrev && !outputs.slice(0, i).some((o) => o !== undefined && sameModel(o, id)))
        addBase(id, input.source);
    });
    if (models.length === 0 && i > 0 && prevId !== undefined) {
      models.push(prevOutput ? { id: cleanId(prevOutput) } : { step: prevId });
      sources["inputs.models[0]"] = inferred(s.origin.file ?? "?", "the step before it in the chain", 0.8);
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
    if (s.framework) {
      common.framework = s.framework.value;
      sources.framework = s.framework.source;
    }
    if (s.software.length > 0) common.software = s.software.map((f) => f.value);
    if (s.hardware) {
      common.hardware = s.hardware.value;
      sources.hardware = s.hardware.source;
    }
    if (s.notes.length > 0) common.notes = s.notes.join("; ");
    common.provenance = s.origin;
    let step: Record<string, unknown>;
    const wanted =
      s.kind === "fine-tune"
        ? (s.objective?.value ?? "fine-tune")
        : s.kind === "quantization"
          ? "quantization"
          : s.kind;
    const id = freeStepId(wanted);
    switch (s.kind) {
      case "fine-tune": {
        step = { id, kind: "fine-tune" };
        if (s.objective) {
          step.objective = s.objective.value;
          sources.objective = s.objective.source;
        }
        if (s.parameterization) {
          step.parameterization = s.parameterization.value;
          sources.parameterization = s.parameterization.source;
        }
        const adapter = adapterOf(s, sources);
        if (adapter) step.adapter = adapter;
        break;
      }
      case "merge": {
        step = { id, kind: "merge" };
        if (s.mergeMethod) {
          step.method = s.mergeMethod.value;
          sources.method = s.mergeMethod.source;
        }
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
        if (s.quantMethod) {
          step.method = s.quantMethod.value;
          sources.method = s.quantMethod.source;
        }
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
    Object.assign(step, common);
    if (Object.keys(sources).length > 0) step.sources = sources;
    doc.steps.push(step as Step);
  });
  if (chain.length > 0) {
    for (const b of baseIds) doc.bases.push({ id: b.id, provenance: baseProvenance(b.id, b.source) });
  }
  for (const f of files)
    for (const b of f.bases)
      if (
        chain.length > 0 &&
        !chain.some((s) => s.inputs.some((i) => sameModel(i.value.id, b.value))) &&
        chain[0]?.kind !== "merge"
      )
        notes.push(`${b.value} named as base in ${f.file} but not used as an input`);
  doc.generator = { name: "ftl import" };
  doc.provenance = extracted(files.map((f) => f.file).join(", ") || "?", { note: "extracted by ftl import" });
  return { document: doc, notes };
}
