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

/**
 * The steps of one model's own document that lead to it, stopping at inputs that are other fetched models.
 * Returns undefined when the document has no step producing the model.
 */
function ownSteps(node: ChainNode, fetched: Set<string>): { steps: Step[]; producing: Step[] } | undefined {
  const doc = node.extract.document;
  const id = node.model.id;
  let producing = doc.steps.filter((s) => s.output?.id === id);
  if (producing.length === 0) {
    const last = doc.steps.at(-1);
    if (!last || (last.output !== undefined && last.output.id !== doc.subject.id)) return undefined;
    producing = [last];
  }
  const index = indexReferences(doc);
  const keep = new Set<number>();
  const cut = new Map<string, string>(); // step id → fetched model id it produced
  const queue = producing.map((s) => doc.steps.indexOf(s));
  while (queue.length > 0) {
    const i = queue.pop() as number;
    if (keep.has(i)) continue;
    keep.add(i);
    const step = doc.steps[i] as Step;
    for (const input of stepModelInputs(step)) {
      const resolved = resolveInput(input, index, doc);
      if (resolved.kind !== "step") continue;
      const producer = doc.steps[resolved.stepIndex];
      const out = producer?.output?.id;
      if (out !== undefined && out !== id && fetched.has(out)) {
        if (producer) cut.set(producer.id, out);
        continue;
      }
      queue.push(resolved.stepIndex);
    }
  }
  const rewrite = (input: ModelInput): ModelInput =>
    input.step !== undefined && cut.has(input.step)
      ? { ...input, step: undefined, id: cut.get(input.step) }
      : input;
  const steps = doc.steps
    .filter((_, i) => keep.has(i))
    .map((step) => {
      const models = step.inputs?.models
        ?.map(rewrite)
        .map(({ step: s, ...rest }) => (s === undefined ? rest : { ...rest, step: s }));
      const next = {
        ...step,
        ...(step.inputs ? { inputs: { ...step.inputs, ...(models ? { models } : {}) } } : {}),
      } as Step;
      if (next.kind === "merge" && next.baseModel) {
        const { step: s, ...rest } = rewrite(next.baseModel);
        next.baseModel = s === undefined ? rest : { ...rest, step: s };
      }
      return next;
    });
  return { steps, producing: steps.filter((s) => producing.some((p) => p.id === s.id)) };
}

/** Joins the fetched models into one document for `leafId`, parents' steps first. */
export function joinChain(
  endpoint: string,
  leafId: string,
  nodes: Map<string, ChainNode>,
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
    const node = nodes.get(id);
    if (!node || done.has(id)) return;
    onPath.add(id);
    for (const parent of node.followed) {
      if (onPath.has(parent)) {
        warnings.push({
          code: "hub.cycle",
          message: `${id} and ${parent} name each other as base model; the loop is not followed`,
        });
        continue;
      }
      visit(parent);
    }
    onPath.delete(id);
    done.add(id);
    const own = ownSteps(node, fetched);
    if (!own) {
      if (node.hub.parents.length + node.hub.unresolved.length > 0)
        steps.push(hubStep(endpoint, node, claimId(slug(id), id)));
      return;
    }
    // Rename step ids that collide with earlier models' steps.
    const renamed = new Map<string, string>();
    for (const step of own.steps) renamed.set(step.id, claimId(step.id, id));
    const fix = (input: ModelInput): ModelInput =>
      input.step !== undefined ? { ...input, step: renamed.get(input.step) ?? input.step } : input;
    const referenced = new Set<string>();
    for (const step of own.steps) {
      const next = { ...step, id: renamed.get(step.id) ?? step.id } as Step;
      if (next.inputs?.models) next.inputs = { ...next.inputs, models: next.inputs.models.map(fix) };
      if (next.kind === "merge" && next.baseModel) next.baseModel = fix(next.baseModel);
      for (const input of stepModelInputs(next)) if (input.id) referenced.add(input.id);
      if (own.producing.some((p) => p.id === step.id))
        next.output = hubModelRef(endpoint, node.model, step.output);
      steps.push(next);
    }
    const missing = node.hub.parents.filter((p) => !referenced.has(p));
    const target = steps.find((s) => s.output?.id === id);
    if (missing.length > 0 && target) {
      target.inputs = {
        ...target.inputs,
        models: [...(target.inputs?.models ?? []), ...missing.map((p) => ({ id: p }))],
      };
      warnings.push({
        code: "hub.parent-added",
        message: `${id}: the Hub declares ${missing.join(", ")} as base model, which the extracted steps do not name; added as input`,
        file: readmeUrl(endpoint, node.model),
        field: "base_model",
      });
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
      by: "ftl import hf",
      note: `joined from ${nodes.size} model repositor${nodes.size === 1 ? "y" : "ies"} on ${endpoint}`,
    },
  };
  return { document, warnings };
}
