/**
 * Reads PROV-O JSON-LD written by ftl (`prov-jsonld`) back into a lineage document. PROV files written by other
 * tools are not read: they carry no ftl:LineageDocument node, so the reader returns null for them.
 */
import type { DatasetRef, LineageDocument, ModelInput, ModelRef, Step } from "../schema/lineage.js";
import { FTL_NS, isObject, type Json } from "./_shared.js";
import { PROV_PREFIXES, PROV_ROLES } from "./prov.js";
import type { StandardImport } from "./reimport.js";

const all = (node: Json | undefined, predicate: string): unknown[] => {
  const value = node?.[predicate];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
const types = (node: Json): string[] => all(node, "@type").map(String);

/** A literal's value: plain strings, typed literals and `@json` literals. */
function literal(value: unknown): unknown {
  if (isObject(value)) return "@value" in value ? value["@value"] : undefined;
  return value;
}
const iri = (value: unknown): string | undefined =>
  isObject(value) && typeof value["@id"] === "string" ? value["@id"] : undefined;

/** Every `ftl:` property of a node as a field, except the ones named in `skip`. */
function ftlFields(node: Json | undefined, skip: readonly string[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(node ?? {})) {
    if (!key.startsWith("ftl:")) continue;
    const name = key.slice(4);
    if (skip.includes(name)) continue;
    out[name] = literal(value);
  }
  return out;
}

const ENTITY_SKIP = ["unidentified"];

/** Recognises PROV JSON-LD written by ftl; null for anything else. */
export function readProvJsonLd(source: string, _fileName: string): StandardImport | null {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return null;
  }
  if (!isObject(value) || !isObject(value["@context"])) return null;
  const context = value["@context"];
  if (context.prov !== PROV_PREFIXES.prov || context.ftl !== FTL_NS) return null;
  const graph = all(value, "@graph").filter(isObject);
  const documentNode = graph.find((n) => types(n).includes("ftl:LineageDocument"));
  if (!documentNode) return null;
  const warnings: string[] = [];
  const byId = new Map(graph.flatMap((n) => (typeof n["@id"] === "string" ? [[n["@id"], n] as const] : [])));

  const generatedBy = new Map<string, Json>();
  for (const n of graph)
    for (const g of all(n, "prov:wasGeneratedBy")) {
      const step = iri(g);
      if (step !== undefined && !generatedBy.has(step)) generatedBy.set(step, n);
    }
  const entityRef = (id: string | undefined): ModelRef | undefined => {
    const node = id ? byId.get(id) : undefined;
    if (!node) {
      warnings.push(`@graph: entity ${id ?? "(none)"} is not described in this file`);
      return undefined;
    }
    if (literal(node["ftl:unidentified"]) === true) return undefined;
    return ftlFields(node, ENTITY_SKIP) as unknown as ModelRef;
  };
  const listOf = (predicate: string): string[] => {
    const holder = all(documentNode, predicate)[0];
    return (isObject(holder) ? all(holder, "@list") : [])
      .map(iri)
      .filter((x): x is string => x !== undefined);
  };

  const subjectIri = iri(documentNode["ftl:subject"]);
  const carriedSubject = literal(documentNode["ftl:subjectRef"]);
  const subject = (carriedSubject as ModelRef | undefined) ?? entityRef(subjectIri) ?? { id: "unknown" };
  const bases = listOf("ftl:bases")
    .map(entityRef)
    .filter((b): b is ModelRef => b !== undefined);
  const steps = listOf("ftl:steps").flatMap((stepIri): Step[] => {
    const activity = byId.get(stepIri);
    if (!activity) {
      warnings.push(`ftl:steps: activity ${stepIri} is not described in this file`);
      return [];
    }
    const step: Json = ftlFields(activity, []);
    const started = literal(activity["prov:startedAtTime"]);
    const ended = literal(activity["prov:endedAtTime"]);
    if (typeof started === "string") step.startedAt = started;
    if (typeof ended === "string") step.endedAt = ended;
    const association = all(activity, "prov:qualifiedAssociation").find(isObject);
    const agent = byId.get(iri(association?.["prov:agent"]) ?? "");
    const agentName = literal(agent?.["ftl:name"]);
    if (typeof agentName === "string") {
      const version = literal(agent?.["ftl:version"]);
      step.framework = { name: agentName, ...(typeof version === "string" ? { version } : {}) };
    }
    const plan = byId.get(iri(association?.["prov:hadPlan"]) ?? "");
    const hyperparameters = literal(plan?.["ftl:hyperparameters"]);
    if (hyperparameters !== undefined) step.hyperparameters = hyperparameters;
    const usages = all(activity, "prov:qualifiedUsage")
      .filter(isObject)
      .sort((a, b) => Number(literal(a["ftl:position"])) - Number(literal(b["ftl:position"])));
    const models: ModelInput[] = [];
    const datasets: DatasetRef[] = [];
    for (const usage of usages) {
      const role = iri(usage["prov:hadRole"]);
      const target = iri(usage["prov:entity"]);
      const node = target ? byId.get(target) : undefined;
      if (role === PROV_ROLES.dataset) {
        datasets.push(ftlFields(node, []) as unknown as DatasetRef);
        continue;
      }
      const carried = ftlFields(usage, ["position"]);
      const input = (
        carried.step !== undefined ? carried : { id: literal(node?.["ftl:id"]), ...carried }
      ) as ModelInput;
      if (role === PROV_ROLES.baseModel) step.baseModel = input;
      else models.push(input);
    }
    if (models.length > 0 || datasets.length > 0)
      step.inputs = {
        ...(models.length > 0 ? { models } : {}),
        ...(datasets.length > 0 ? { datasets } : {}),
      };
    const generated = generatedBy.get(stepIri);
    const output = generated ? entityRef(generated["@id"] as string) : undefined;
    if (output) step.output = output;
    return [step as unknown as Step];
  });
  const document: Json = { ...ftlFields(documentNode, ["subject", "subjectRef", "bases", "steps"]) };
  Object.assign(document, { subject, bases, steps });
  const description = literal(documentNode["rdfs:comment"]);
  if (typeof description === "string") document.description = description;
  return { format: "prov-jsonld", document: document as unknown as LineageDocument, warnings };
}
