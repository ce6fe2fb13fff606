/**
 * Reads SPDX 3 JSON-LD back into a lineage document: exactly for documents ftl wrote (builds, relationships
 * and `ftl:` extension properties), and from `ai_AIPackage`s with `descendantOf`/`ancestorOf`/`trainedOn`
 * relationships for documents other tools wrote, with a warning for what is missing.
 */
import { hyperparametersFromEntries as trainerHyperparameters } from "../model/hyperparameters.js";
import { FORMAT_V1 } from "../model/vocabulary.js";
import type { DatasetRef, Digest, LineageDocument, ModelInput, ModelRef, Step } from "../schema/lineage.js";
import { type ForeignModel, lineageFromParents } from "./_foreign-lineage.js";
import {
  FTL_PREFIX,
  hyperparametersFromEntries,
  isObject,
  type Json,
  type Property,
  parseCarried,
  propertyValue,
  text,
  uncarry,
} from "./_shared.js";
import type { StandardImport } from "./reimport.js";
import { SPDX_BUILD_TYPE, SPDX_HASH_ALGORITHMS, SPDX_TOOL_ID } from "./spdx3.js";

const array = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const typeOf = (e: Json): string => String(e.type ?? e["@type"] ?? "");
const idOf = (e: Json): string | undefined => text(e.spdxId) ?? text(e["@id"]);

function properties(e: Json): Property[] {
  return array(e.extension)
    .filter(isObject)
    .flatMap((x) => array(x.extension_cdxProperty))
    .filter(isObject)
    .flatMap((p) =>
      typeof p.extension_cdxPropName === "string"
        ? [{ name: p.extension_cdxPropName, value: String(p.extension_cdxPropValue ?? "") }]
        : [],
    );
}

interface Graph {
  elements: Json[];
  byId: Map<string, { e: Json; where: string }>;
  relationships: { r: Json; where: string }[];
  /** Relationships by their `from` element, in file order. */
  from: Map<string, Json[]>;
}

function artefact(e: Json, where: string, graph: Graph, warnings: string[]): Partial<ModelRef> {
  const out: Partial<ModelRef> = {};
  const version = text(e.software_packageVersion);
  if (version) out.revision = version;
  const hash = array(e.verifiedUsing).find((h) => isObject(h) && typeOf(h) === "Hash") as Json | undefined;
  if (hash) {
    const algorithm = String(hash.algorithm);
    if ((SPDX_HASH_ALGORITHMS as readonly string[]).includes(algorithm))
      out.digest = {
        algorithm: algorithm as Digest["algorithm"],
        value: String(hash.hashValue).toLowerCase(),
      };
    else warnings.push(`${where}.verifiedUsing: hash algorithm ${algorithm} has no ftl equivalent; not kept`);
  }
  const location = text(e.software_downloadLocation);
  if (location && URL.canParse(location)) out.url = location;
  const id = idOf(e);
  const licence = (graph.from.get(id ?? "") ?? []).find((r) => r.relationshipType === "hasDeclaredLicense");
  const target = licence ? graph.byId.get(String(array(licence.to)[0])) : undefined;
  const expression = target ? text(target.e.simplelicensing_licenseExpression) : undefined;
  if (expression) out.license = expression;
  return out;
}

function modelRef(e: Json, where: string, graph: Graph, warnings: string[]): ModelRef {
  const { fields } = uncarry(properties(e), ["baseIndex", "baseRef", "unidentified"]);
  return {
    id: text(e.name) ?? idOf(e) ?? "unnamed",
    ...artefact(e, where, graph, warnings),
    ...fields,
  } as ModelRef;
}

function datasetRef(e: Json, where: string, graph: Graph, warnings: string[]): DatasetRef {
  const props = properties(e);
  const { fields } = uncarry(props, ["anonymous"]);
  const dataset: Json = { ...artefact(e, where, graph, warnings) };
  if (propertyValue(props, `${FTL_PREFIX}anonymous`) !== "true") dataset.id = text(e.name) ?? idOf(e);
  const description = text(e.description);
  if (description) dataset.description = description;
  return { ...dataset, ...fields } as DatasetRef;
}

function ftlImport(graph: Graph, document: Json | undefined): StandardImport {
  const warnings: string[] = [];
  const rootId = document ? String(array(document.rootElement)[0]) : undefined;
  const root = rootId ? graph.byId.get(rootId) : undefined;
  const subject: ModelRef = root ? modelRef(root.e, root.where, graph, warnings) : { id: "unknown" };
  const bases = graph.elements
    .map((e, i) => ({ e, i, index: propertyValue(properties(e), `${FTL_PREFIX}baseIndex`) }))
    .filter((b) => b.index !== undefined && typeOf(b.e) === "ai_AIPackage")
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map(({ e, i }) => {
      const carried = propertyValue(properties(e), `${FTL_PREFIX}baseRef`);
      return carried
        ? ((parseCarried(carried, `@graph[${i}]`, warnings) as ModelRef | undefined) ?? { id: "unknown" })
        : modelRef(e, `@graph[${i}]`, graph, warnings);
    });
  const steps = graph.elements
    .map((e, i) => ({ e, where: `@graph[${i}]` }))
    .filter(({ e }) => typeOf(e) === "build_Build")
    .map(({ e, where }) => {
      const buildId = idOf(e);
      const props = properties(e);
      const { fields } = uncarry(props, ["output"]);
      const step: Json = { id: text(e.build_buildId) ?? buildId, ...fields };
      if (text(e.name)) step.name = e.name;
      if (text(e.build_buildStartTime)) step.startedAt = e.build_buildStartTime;
      if (text(e.build_buildEndTime)) step.endedAt = e.build_buildEndTime;
      const models: ModelInput[] = [];
      const datasets: DatasetRef[] = [];
      let outputElement: { e: Json; where: string } | undefined;
      for (const r of graph.from.get(buildId ?? "") ?? []) {
        const target = graph.byId.get(String(array(r.to)[0]));
        if (!target) continue;
        if (r.relationshipType === "hasOutput") outputElement = target;
        if (r.relationshipType !== "hasInput") continue;
        const relProps = properties(r);
        const role = propertyValue(relProps, `${FTL_PREFIX}role`);
        if (role === "dataset" || typeOf(target.e) === "dataset_DatasetPackage") {
          datasets.push(datasetRef(target.e, target.where, graph, warnings));
          continue;
        }
        const carried = uncarry(relProps, ["role"]).fields;
        const input = (
          carried.step !== undefined ? carried : { id: text(target.e.name) ?? idOf(target.e), ...carried }
        ) as ModelInput;
        if (role === "baseModel") step.baseModel = input;
        else models.push(input);
      }
      if (models.length > 0 || datasets.length > 0)
        step.inputs = {
          ...(models.length > 0 ? { models } : {}),
          ...(datasets.length > 0 ? { datasets } : {}),
        };
      const carriedOutput = propertyValue(props, `${FTL_PREFIX}output`);
      if (carriedOutput) step.output = parseCarried(carriedOutput, where, warnings);
      else if (
        outputElement &&
        propertyValue(properties(outputElement.e), `${FTL_PREFIX}unidentified`) !== "true"
      )
        step.output = modelRef(outputElement.e, outputElement.where, graph, warnings);
      const hp = hyperparametersFromEntries(
        array(outputElement?.e.ai_hyperparameter)
          .filter(isObject)
          .map((d) => [String(d.key), String(d.value ?? "")] as [string, string]),
      );
      if (hp) step.hyperparameters = hp;
      if (!step.kind) {
        const type = String(e.build_buildType ?? "");
        step.kind = type.startsWith(SPDX_BUILD_TYPE) ? type.slice(SPDX_BUILD_TYPE.length) : "other";
        warnings.push(`${where}: no ftl:kind; step kind taken from build_buildType`);
      }
      return step as unknown as Step;
    });
  const { fields } = uncarry(document ? properties(document) : []);
  const doc: Json = { format: FORMAT_V1, subject, bases, steps, ...fields };
  const description = root ? text(root.e.description) : undefined;
  if (description) doc.description = description;
  return { format: "spdx3", document: doc as unknown as LineageDocument, warnings };
}

function foreignImport(graph: Graph, document: Json | undefined, fileName: string): StandardImport {
  const warnings: string[] = [];
  const packages = graph.elements
    .map((e, i) => ({ e, where: `@graph[${i}]` }))
    .filter(({ e }) => typeOf(e) === "ai_AIPackage");
  const rootIds = document ? array(document.rootElement).map(String) : [];
  if (packages.length === 0) {
    const root = rootIds.map((id) => graph.byId.get(id)).find(Boolean);
    const named = graph.elements.find((e) => typeOf(e) === "software_Package");
    warnings.push(
      "no ai_AIPackage element: this SPDX document describes no AI model, so it carries no fine-tune lineage",
    );
    const subjectElement = named ?? root?.e;
    const id = (subjectElement && (text(subjectElement.name) ?? idOf(subjectElement))) ?? fileName;
    const doc: LineageDocument = {
      format: FORMAT_V1,
      subject: { id, provenance: { source: "extracted", file: fileName, field: "rootElement" } },
      bases: [],
      steps: [],
    };
    return { format: "spdx3", document: doc, warnings };
  }
  const nameOf = (id: string): string | undefined => {
    const target = graph.byId.get(id);
    return target ? (text(target.e.name) ?? id) : undefined;
  };
  const parents = new Map<string, string[]>();
  const datasets = new Map<string, DatasetRef[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) =>
    map.set(key, [...(map.get(key) ?? []), value]);
  for (const { r } of graph.relationships) {
    const from = String(r.from);
    const to = array(r.to).map(String);
    if (r.relationshipType === "descendantOf") for (const t of to) push(parents, from, nameOf(t) ?? t);
    if (r.relationshipType === "ancestorOf") for (const t of to) push(parents, t, nameOf(from) ?? from);
    if (r.relationshipType === "trainedOn")
      for (const t of to) {
        const target = graph.byId.get(t);
        if (target) push(datasets, from, datasetRef(target.e, target.where, graph, warnings));
        else push(datasets, from, { id: t });
      }
  }
  const models: ForeignModel[] = packages.map(({ e, where }) => {
    const id = idOf(e) ?? "";
    const entries = Object.fromEntries(
      array(e.ai_hyperparameter)
        .filter(isObject)
        .map((d) => [String(d.key), String(d.value ?? "")]),
    );
    const { hyperparameters, problems } = trainerHyperparameters(entries);
    for (const p of problems) warnings.push(`${where}.ai_hyperparameter: ${p.message}; not kept`);
    return {
      id: text(e.name) ?? id,
      where,
      ref: artefact(e, where, graph, warnings),
      parents: [...new Set(parents.get(id) ?? [])],
      datasets: datasets.get(id) ?? [],
      ...(Object.keys(hyperparameters).length > 0 ? { hyperparameters } : {}),
    };
  });
  const ancestors = new Set(models.flatMap((m) => m.parents));
  const subject =
    models.find((m) => rootIds.includes(idOf(packages[models.indexOf(m)]?.e ?? {}) ?? "")) ??
    models.find((m) => !ancestors.has(m.id)) ??
    (models[0] as ForeignModel);
  return { format: "spdx3", document: lineageFromParents(models, subject, fileName, warnings), warnings };
}

/** Recognises SPDX 3 JSON-LD; null for anything else. */
export function readSpdx3(source: string, fileName: string): StandardImport | null {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const context = JSON.stringify(value["@context"] ?? "");
  if (!context.includes("spdx.org/rdf/3")) return null;
  const elements = array(value["@graph"]).filter(isObject);
  const byId = new Map<string, { e: Json; where: string }>();
  elements.forEach((e, i) => {
    const id = idOf(e);
    if (id) byId.set(id, { e, where: `@graph[${i}]` });
  });
  const relationships = elements
    .map((r, i) => ({ r, where: `@graph[${i}]` }))
    .filter(({ r }) => typeOf(r).endsWith("Relationship"));
  const from = new Map<string, Json[]>();
  for (const { r } of relationships) from.set(String(r.from), [...(from.get(String(r.from)) ?? []), r]);
  const graph: Graph = { elements, byId, relationships, from };
  const document = elements.find((e) => typeOf(e) === "SpdxDocument");
  const creation = elements.find((e) => typeOf(e) === "CreationInfo");
  const byFtl = array(creation?.createdUsing).includes(SPDX_TOOL_ID);
  return byFtl ? ftlImport(graph, document) : foreignImport(graph, document, fileName);
}
