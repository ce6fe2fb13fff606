/**
 * What the Hub's own metadata says, as ftl/v1 pieces: a model reference pinned to its commit, and the step that
 * made a model, from `base_model` and the relation, for models whose files describe none.
 */
import { OBJECTIVES, type Objective } from "../model/vocabulary.js";
import type { ModelInput, ModelRef, Provenance, Step } from "../schema/lineage.js";
import type { ChainNode } from "./chain-node.js";
import { type HubModel, hubFileUrl } from "./fetch-model.js";

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

export function slug(id: string): string {
  const name = id.split("/").pop() ?? id;
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[^a-z0-9]+/, "")
      .slice(0, 100) || "step"
  );
}

export function readmeUrl(endpoint: string, model: HubModel): string {
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
export function hubStep(endpoint: string, node: ChainNode, id: string): Step {
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
