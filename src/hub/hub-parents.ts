/**
 * What the Hub itself says about a model's parents: the card's `base_model` (string or list) and
 * `base_model_relation`, the Hub's derived `base_model:RELATION:ID` tags, and, for PEFT adapters without card
 * metadata, `adapter_config.json`'s `base_model_name_or_path`.
 */
import type { HubModel } from "./fetch-model.js";
import { normalizeParentId } from "./hub-ref.js";

/** The Hub's `base_model_relation` values. */
export const HUB_RELATIONS = ["finetune", "adapter", "merge", "quantized"] as const;
export type HubRelation = (typeof HUB_RELATIONS)[number];

const isRelation = (value: unknown): value is HubRelation =>
  typeof value === "string" && (HUB_RELATIONS as readonly string[]).includes(value);

export interface HubParents {
  /** Hub ids of the parents, in the card's order, without the model itself. */
  parents: string[];
  /** Declared parents that are not Hub ids (local paths, prose), kept for the record. */
  unresolved: string[];
  relation?: HubRelation;
  /** Where the parents and the relation were read. */
  parentSource: "card" | "tags" | "adapter_config" | "none";
  relationSource: "card" | "tags" | "inferred" | "none";
}

function adapterConfig(model: HubModel): Record<string, unknown> | undefined {
  const file = model.files.find((f) => f.path.endsWith("/adapter_config.json"));
  if (!file) return undefined;
  try {
    const value = JSON.parse(file.text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function tagParents(tags: string[]): { id: string; relation?: HubRelation }[] {
  const out: { id: string; relation?: HubRelation }[] = [];
  for (const tag of tags) {
    if (!tag.startsWith("base_model:")) continue;
    const rest = tag.slice("base_model:".length);
    const colon = rest.indexOf(":");
    const head = colon === -1 ? "" : rest.slice(0, colon);
    if (isRelation(head)) out.push({ id: rest.slice(colon + 1), relation: head });
    else out.push({ id: rest });
  }
  return out;
}

function inferRelation(model: HubModel, parentCount: number): HubRelation {
  if (parentCount > 1) return "merge";
  if (model.filePaths.includes("adapter_config.json") || model.libraryName === "peft") return "adapter";
  const quantTags = ["gguf", "gptq", "awq", "exl2", "4-bit", "8-bit", "bitsandbytes"];
  if (
    model.tags.some((t) => quantTags.includes(t.toLowerCase())) ||
    model.filePaths.some((p) => p.toLowerCase().endsWith(".gguf")) ||
    (model.config && "quantization_config" in model.config)
  )
    return "quantized";
  return "finetune";
}

/** The parents the Hub declares for a model, and how it relates to them. */
export function hubParents(model: HubModel): HubParents {
  const card = model.cardData;
  const raw = card?.base_model;
  const declared = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  const unresolved: string[] = [];
  let parents: string[] = [];
  let parentSource: HubParents["parentSource"] = "none";
  for (const value of declared) {
    const id = normalizeParentId(value);
    if (id === undefined) unresolved.push(value);
    else if (id !== model.id && !parents.includes(id)) parents.push(id);
  }
  if (declared.length > 0) parentSource = "card";
  const tagged = tagParents(model.tags);
  if (parents.length === 0 && declared.length === 0 && tagged.length > 0) {
    parents = [...new Set(tagged.map((t) => t.id))].filter((id) => id !== model.id);
    parentSource = "tags";
  }
  if (parents.length === 0 && declared.length === 0) {
    const fromAdapter = adapterConfig(model)?.base_model_name_or_path;
    if (typeof fromAdapter === "string") {
      const id = normalizeParentId(fromAdapter);
      if (id === undefined) unresolved.push(fromAdapter);
      else if (id !== model.id) parents = [id];
      parentSource = "adapter_config";
    }
  }
  if (parents.length === 0 && unresolved.length === 0)
    return { parents, unresolved, parentSource: "none", relationSource: "none" };
  if (isRelation(card?.base_model_relation))
    return { parents, unresolved, relation: card.base_model_relation, parentSource, relationSource: "card" };
  const fromTags = tagged.find((t) => t.relation !== undefined && parents.includes(t.id))?.relation;
  if (fromTags) return { parents, unresolved, relation: fromTags, parentSource, relationSource: "tags" };
  return {
    parents,
    unresolved,
    relation: inferRelation(model, parents.length + unresolved.length),
    parentSource,
    relationSource: "inferred",
  };
}
