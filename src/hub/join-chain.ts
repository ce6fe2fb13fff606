/**
 * Joining per-model lineage into one ftl/v1 document for a whole chain. Each fetched model contributes the
 * steps that produce it (from its extracted document, cut where an input is another fetched model, or one
 * step made from the Hub's own `base_model` metadata when the files say nothing); parents come first.
 */
import type { ExtractResult, ExtractWarning } from "../extract/types.js";
import { indexReferences, resolveInput, stepModelInputs } from "../model/graph.js";
import { FORMAT_V1, OBJECTIVES, type Objective } from "../model/vocabulary.js";
import type { LineageDocument, ModelInput, ModelRef, Provenance, Step } from "../schema/lineage.js";
import { type HubModel, hubFileUrl } from "./fetch-model.js";
import type { HubParents } from "./hub-parents.js";

/** One fetched model, what was extracted from its files, and its Hub-declared parents. */
export interface ChainNode {
  model: HubModel;
  extract: ExtractResult;
  hub: HubParents;
  /** Parents actually followed (fetched); the rest stay bases. */
  followed: string[];
}

const OBJECTIVE_TAGS = [
  "sft",
  "dpo",
  "orpo",
  "kto",
  "ipo",
  "simpo",
  "cpo",
  "grpo",
] as const satisfies readonly Objective[];

function slug(id: string): string {
  const name = id.split("/").pop() ?? id;
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+/, "")
      .slice(0, 100) || "step"
  );
}

function readmeUrl(endpoint: string, model: HubModel): string {
  return hubFileUrl(endpoint, model.id, model.sha, "README.md");
}

function validUrl(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return new URL(value).protocol.startsWith("http") ? value : undefined;
  } catch {
    return undefined;
  }
}

const nonEmpty = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/** The model as a reference: id, pinned commit, Hub page, licence from the card. */
export function hubModelRef(endpoint: string, model: HubModel, extracted?: ModelRef): ModelRef {
  const card = model.cardData ?? {};
  const licenseLink = validUrl(card.license_link);
  const license = nonEmpty(card.license) ? card.license : undefined;
  const ref: ModelRef = {
    ...extracted,
    id: model.id,
    revision: model.sha,
    url: `${endpoint}/${model.id}`,
    ...(license ? { license } : {}),
    ...(nonEmpty(card.license_name) ? { licenseName: card.license_name } : {}),
    ...(licenseLink ? { licenseLink } : {}),
    provenance: {
      source: "extracted",
      url: `${endpoint}/api/models/${model.id}/revision/${model.sha}`,
      note: "Hub model info: commit sha; licence from the card metadata",
    },
  };
  return ref;
}

/** One step made from the Hub's `base_model` metadata, for a model whose files describe no step. */
function hubStep(endpoint: string, node: ChainNode, id: string): Step {
  const { model, hub } = node;
  const inputs: ModelInput[] = [...hub.parents, ...hub.unresolved].map((p) => ({ id: p }));
  const provenance: Provenance = {
    source: hub.relationSource === "inferred" ? "inferred" : "extracted",
    file:
      hub.parentSource === "adapter_config"
        ? hubFileUrl(endpoint, model.id, model.sha, "adapter_config.json")
        : readmeUrl(endpoint, model),
    field:
      hub.parentSource === "adapter_config"
        ? "base_model_name_or_path"
        : hub.parentSource === "tags"
          ? "tags"
          : "base_model",
    confidence: hub.relationSource === "inferred" ? 0.7 : 0.9,
    note: `Hub metadata: ${hub.relation ?? "finetune"} of ${inputs.map((i) => i.id).join(", ")} (relation from ${hub.relationSource})`,
  };
  const output = hubModelRef(endpoint, model);
  const common = { id, inputs: { models: inputs }, output, provenance };
  switch (hub.relation) {
    case "merge":
      return { kind: "merge", ...common };
    case "quantized": {
      const lower = [...model.tags, ...model.filePaths].map((t) => t.toLowerCase());
      const method = (["gguf", "gptq", "awq", "exl2"] as const).find((m) => lower.some((t) => t.includes(m)));
      return { kind: "quantization", ...(method ? { method } : {}), ...common };
    }
    case "adapter":
      return { kind: "fine-tune", parameterization: "lora", ...common };
    default: {
      const tagged = OBJECTIVE_TAGS.filter((t) => model.tags.includes(t));
      const datasets = (
        Array.isArray(model.cardData?.datasets) ? model.cardData.datasets : [model.cardData?.datasets]
      )
        .filter(nonEmpty)
        .map((d) => ({
          id: d.trim(),
          provenance: { source: "extracted" as const, file: readmeUrl(endpoint, model), field: "datasets" },
        }));
      const objective =
        tagged.length === 1 && (OBJECTIVES as readonly string[]).includes(tagged[0] as string)
          ? tagged[0]
          : undefined;
      return {
        kind: "fine-tune",
        ...(objective ? { objective } : {}),
        ...common,
        inputs: { models: inputs, ...(datasets.length > 0 ? { datasets } : {}) },
        ...(objective
          ? { sources: { objective: { source: "inferred", field: "tags", confidence: 0.6 } } }
          : {}),
      };
    }
  }
}

/** The step kind the Hub's relation requires, when it requires one. */
const REQUIRED_KIND = { quantized: "quantization", merge: "merge" } as const;

type Own = { steps: Step[]; producing: Step; notes: ExtractWarning[] };

/**
 * The steps of one model's own extracted document that lead to it, cut where an input is another fetched
 * model, reconciled with the Hub's metadata: the producing step must be of the kind the Hub's relation says
 * (a quantisation, a merge) and start from the parents the Hub declares. Returns undefined when the document
 * has no usable step, so a step is made from the Hub metadata instead.
 */
function ownSteps(node: ChainNode, fetched: Set<string>, endpoint: string): Own | undefined {
  const doc = node.extract.document;
  const id = node.model.id;
  const { hub } = node;
  const notes: ExtractWarning[] = [];
  const file = readmeUrl(endpoint, node.model);
  let producing = doc.steps.filter((s) => s.output?.id === id).at(-1);
  if (!producing) {
    const last = doc.steps.at(-1);
    if (last && (last.output === undefined || last.output.id === doc.subject.id)) producing = last;
  }
  if (!producing) return undefined;
  const required =
    hub.relation === "quantized" || hub.relation === "merge" ? REQUIRED_KIND[hub.relation] : undefined;
  if (required && producing.kind !== required) {
    const other = doc.steps.filter((s) => s.kind === required).at(-1);
    notes.push({
      code: "hub.relation-conflict",
      message: `${id}: the Hub says ${hub.relation} (from ${hub.relationSource}) but the files describe a ${producing.kind} step; ${other ? `used the ${required} step` : "used the Hub's metadata"}`,
      file,
      field: "base_model_relation",
    });
    if (!other) return undefined;
    producing = other;
  }
  const index = indexReferences(doc);
  const closure = (start: Step) => {
    const keep = new Set<number>();
    const cut = new Map<string, string>(); // step id → the fetched model it produced
    const queue = [doc.steps.indexOf(start)];
    while (queue.length > 0) {
      const i = queue.pop() as number;
      if (keep.has(i)) continue;
      keep.add(i);
      for (const input of stepModelInputs(doc.steps[i] as Step)) {
        const resolved = resolveInput(input, index, doc);
        if (resolved.kind !== "step") continue;
        const producer = doc.steps[resolved.stepIndex];
        const out = producer?.output?.id;
        if (producer && out !== undefined && out !== id && fetched.has(out)) cut.set(producer.id, out);
        else queue.push(resolved.stepIndex);
      }
    }
    return { keep, cut };
  };
  const withoutStep = ({ step: _s, ...rest }: ModelInput): ModelInput => rest;
  let { keep, cut } = closure(producing);
  const referenced = new Set<string>();
  for (const i of keep)
    for (const input of stepModelInputs(doc.steps[i] as Step)) {
      if (input.id !== undefined) referenced.add(input.id);
      if (input.step !== undefined && cut.has(input.step)) referenced.add(cut.get(input.step) as string);
    }
  const missing = hub.parents.filter((p) => !referenced.has(p));
  let rewired: Step | undefined;
  if (missing.length > 0) {
    if (producing.kind === "merge") {
      rewired = {
        ...producing,
        inputs: {
          ...producing.inputs,
          models: [...(producing.inputs?.models ?? []), ...missing.map((p) => ({ id: p }))],
        },
      };
    } else if (hub.parents.length === 1) {
      rewired = {
        ...producing,
        inputs: { ...producing.inputs, models: hub.parents.map((p) => ({ id: p })) },
      };
    } else return undefined;
    notes.push({
      code: "hub.parent-rewired",
      message: `${id}: the Hub declares ${missing.join(", ")} as base model, which the extracted steps do not start from; used the Hub's declaration`,
      file,
      field: "base_model",
    });
    // Steps only reachable through the replaced inputs drop out.
    const start = doc.steps.indexOf(producing);
    const original = doc.steps[start] as Step;
    doc.steps[start] = rewired;
    ({ keep, cut } = closure(rewired));
    doc.steps[start] = original;
  }
  const rewrite = (input: ModelInput): ModelInput =>
    input.step !== undefined && cut.has(input.step)
      ? { ...withoutStep(input), id: cut.get(input.step) as string }
      : input;
  const producingIndex = doc.steps.indexOf(producing);
  const steps = doc.steps
    .map((step, i) => (i === producingIndex && rewired ? rewired : step))
    .filter((_, i) => keep.has(i))
    .map((step) => {
      const next = { ...step } as Step;
      if (step.inputs?.models) next.inputs = { ...step.inputs, models: step.inputs.models.map(rewrite) };
      if (next.kind === "merge" && next.baseModel) next.baseModel = rewrite(next.baseModel);
      return next;
    });
  const finalProducing = steps.find((s) => s.id === producing.id) as Step;
  return { steps, producing: finalProducing, notes };
}

/** Joins the fetched models into one document for `leafId`, parents' steps first. */
export function joinChain(
  endpoint: string,
  leafId: string,
  nodes: Map<string, ChainNode>,
  /** The tool named in the document's provenance. */
  by = "ftl import hf",
): { document: LineageDocument; warnings: ExtractWarning[] } {
  const warnings: ExtractWarning[] = [];
  const fetched = new Set(nodes.keys());
  const steps: Step[] = [];
  const taken = new Set<string>();
  const done = new Set<string>();
  const onPath = new Set<string>();

  const claimId = (wanted: string, owner: string): string => {
    let id = taken.has(wanted) ? `${wanted}-${slug(owner)}`.slice(0, 128) : wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
    taken.add(id);
    return id;
  };

  const visit = (id: string): void => {
    const found = nodes.get(id);
    if (!found || done.has(id)) return;
    let node = found;
    let cycled = false;
    onPath.add(id);
    for (const parent of found.followed) {
      if (onPath.has(parent)) {
        // A loop (A names B, B names A): the edge that closes it is dropped, so the document stays a chain.
        warnings.push({
          code: "hub.cycle",
          message: `${id} names ${parent} as base model, which descends from ${id}; that link is dropped`,
          file: readmeUrl(endpoint, found.model),
          field: "base_model",
        });
        cycled = true;
        node = {
          ...node,
          followed: node.followed.filter((p) => p !== parent),
          hub: { ...node.hub, parents: node.hub.parents.filter((p) => p !== parent) },
        };
        continue;
      }
      visit(parent);
    }
    onPath.delete(id);
    done.add(id);
    // After a dropped loop the files' own steps may still name the dropped parent: use the Hub metadata only.
    const own = cycled ? undefined : ownSteps(node, fetched, endpoint);
    if (!own) {
      if (node.hub.parents.length + node.hub.unresolved.length > 0)
        steps.push(hubStep(endpoint, node, claimId(slug(id), id)));
      return;
    }
    warnings.push(...own.notes);
    // Rename step ids that collide with earlier models' steps.
    const renamed = new Map<string, string>();
    for (const step of own.steps) renamed.set(step.id, claimId(step.id, id));
    const fix = (input: ModelInput): ModelInput =>
      input.step !== undefined ? { ...input, step: renamed.get(input.step) ?? input.step } : input;
    for (const step of own.steps) {
      const next = { ...step, id: renamed.get(step.id) ?? step.id } as Step;
      if (next.inputs?.models) next.inputs = { ...next.inputs, models: next.inputs.models.map(fix) };
      if (next.kind === "merge" && next.baseModel) next.baseModel = fix(next.baseModel);
      if (step === own.producing) next.output = hubModelRef(endpoint, node.model, step.output);
      else if (next.output?.id === id) {
        // An earlier step of the same model cannot claim the model's id as its output.
        const { output: _o, ...rest } = next;
        steps.push(rest as Step);
        continue;
      }
      steps.push(next);
    }
  };
  visit(leafId);

  // Bases: every input id that no step produces.
  const outputs = new Set(steps.map((s) => s.output?.id).filter((v): v is string => v !== undefined));
  const bases: ModelRef[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    for (const input of stepModelInputs(step)) {
      if (input.id === undefined || outputs.has(input.id) || seen.has(input.id)) continue;
      seen.add(input.id);
      const node = nodes.get(input.id);
      const extracted = [...nodes.values()]
        .flatMap((n) => n.extract.document.bases)
        .find((b) => b.id === input.id);
      bases.push(node ? hubModelRef(endpoint, node.model, extracted) : (extracted ?? { id: input.id }));
    }
  }
  const leaf = nodes.get(leafId);
  if (!leaf) throw new Error(`joinChain: ${leafId} was not fetched`);
  if (steps.length === 0 && bases.length === 0) {
    // A model with no parent at all: the document is the model itself.
  }
  const document: LineageDocument = {
    format: FORMAT_V1,
    subject: hubModelRef(endpoint, leaf.model, leaf.extract.document.subject),
    bases,
    steps,
    ...(leaf.extract.document.description ? { description: leaf.extract.document.description } : {}),
    provenance: {
      source: "extracted",
      url: `${endpoint}/${leafId}`,
      by,
      note: `joined from ${nodes.size} model repositor${nodes.size === 1 ? "y" : "ies"} on ${endpoint}`,
    },
  };
  return { document, warnings };
}
