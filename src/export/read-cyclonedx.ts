/**
 * Reads a CycloneDX JSON BOM back into a lineage document: exactly for BOMs ftl wrote (formulation tasks plus
 * `ftl:` properties), and from `pedigree.ancestors` and `modelCard` datasets for BOMs other tools wrote, with a
 * warning for every piece of lineage the file does not carry.
 */
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
import { CDX_HASH_ALGORITHMS } from "./cyclonedx.js";
import type { StandardImport } from "./reimport.js";

const ALGORITHM_FROM_CDX: Record<string, Digest["algorithm"]> = Object.fromEntries(
  Object.entries(CDX_HASH_ALGORITHMS).map(([ftl, cdx]) => [cdx, ftl as Digest["algorithm"]]),
);

const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function properties(object: Json): Property[] {
  return array(object.properties).filter(
    (p): p is Property => isObject(p) && typeof p.name === "string" && typeof p.value === "string",
  );
}

function componentName(c: Json): string {
  const name = text(c.name) ?? text(c["bom-ref"]) ?? "unnamed";
  const group = text(c.group);
  return group && !name.startsWith(`${group}/`) ? `${group}/${name}` : name;
}

/** The native artefact fields of a component (version, hash, licence, website), with warnings. */
function artefact(c: Json, where: string, warnings: string[]): Partial<ModelRef> {
  const out: Partial<ModelRef> = {};
  const version = text(c.version);
  if (version) out.revision = version;
  const hash = array(c.hashes).find(isObject);
  if (hash) {
    const algorithm = ALGORITHM_FROM_CDX[String(hash.alg)];
    const value = String(hash.content ?? "").toLowerCase();
    if (algorithm) out.digest = { algorithm, value };
    else warnings.push(`${where}.hashes[0]: algorithm ${String(hash.alg)} has no ftl equivalent; not kept`);
  }
  const license = array(c.licenses).find(isObject);
  if (license) {
    const inner = isObject(license.license) ? license.license : {};
    const value = text(license.expression) ?? text(inner.id) ?? text(inner.name);
    if (value) out.license = value;
  }
  const reference = array(c.externalReferences).find(
    (r) => isObject(r) && (r.type === "website" || r.type === "distribution") && typeof r.url === "string",
  ) as Json | undefined;
  if (reference && URL.canParse(String(reference.url))) out.url = String(reference.url);
  return out;
}

function modelRef(c: Json, where: string, warnings: string[]): ModelRef {
  const { fields, problems } = uncarry(properties(c), ["baseIndex", "unidentified", "baseRef", "anonymous"]);
  for (const p of problems) warnings.push(`${where}: ${p}`);
  return { id: componentName(c), ...artefact(c, where, warnings), ...fields } as ModelRef;
}

function datasetRef(c: Json, where: string, warnings: string[]): DatasetRef {
  const props = properties(c);
  const { fields, problems } = uncarry(props, ["anonymous"]);
  for (const p of problems) warnings.push(`${where}: ${p}`);
  const anonymous = propertyValue(props, `${FTL_PREFIX}anonymous`) === "true";
  const dataset: Json = { ...artefact(c, where, warnings) };
  if (!anonymous) dataset.id = componentName(c);
  const description = text(c.description);
  if (description) dataset.description = description;
  return { ...dataset, ...fields } as DatasetRef;
}

function ftlImport(bom: Json, workflow: Json): StandardImport {
  const warnings: string[] = [];
  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  const subjectComponent = isObject(metadata.component) ? metadata.component : {};
  const components = [subjectComponent, ...array(bom.components).filter(isObject)];
  const byRef = new Map<string, { c: Json; where: string }>();
  components.forEach((c, i) => {
    const ref = text(c["bom-ref"]);
    if (ref) byRef.set(ref, { c, where: i === 0 ? "metadata.component" : `components[${i - 1}]` });
  });
  const subject = modelRef(subjectComponent, "metadata.component", warnings);
  const bases = components
    .map((c, i) => ({ c, i, index: propertyValue(properties(c), `${FTL_PREFIX}baseIndex`) }))
    .filter((b) => b.index !== undefined)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map(({ c, i }) => {
      const carried = propertyValue(properties(c), `${FTL_PREFIX}baseRef`);
      return carried
        ? ((parseCarried(carried, `components[${i - 1}]`, warnings) as ModelRef | undefined) ?? {
            id: "unknown",
          })
        : modelRef(c, i === 0 ? "metadata.component" : `components[${i - 1}]`, warnings);
    });
  const steps = array(workflow.tasks)
    .filter(isObject)
    .map((t, i) => {
      const where = `formulation[0].workflows[0].tasks[${i}]`;
      const props = properties(t);
      const { fields, problems } = uncarry(props, ["output"]);
      for (const p of problems) warnings.push(`${where}: ${p}`);
      const step: Json = { id: String(t.uid), ...fields };
      if (text(t.name)) step.name = t.name;
      if (text(t.timeStart)) step.startedAt = t.timeStart;
      if (text(t.timeEnd)) step.endedAt = t.timeEnd;
      const models: ModelInput[] = [];
      const datasets: DatasetRef[] = [];
      for (const input of array(t.inputs).filter(isObject)) {
        const ref = isObject(input.resource) ? text(input.resource.ref) : undefined;
        const target = ref ? byRef.get(ref) : undefined;
        if (!target) {
          warnings.push(`${where}.inputs: resource ${ref ?? "(none)"} is not a component of this BOM`);
          continue;
        }
        const inputProps = properties(input);
        const role = propertyValue(inputProps, `${FTL_PREFIX}role`);
        if (role === "dataset") {
          datasets.push(datasetRef(target.c, target.where, warnings));
          continue;
        }
        const carried = uncarry(inputProps, ["role", "position"]).fields;
        const modelInput = (
          carried.step !== undefined ? carried : { id: componentName(target.c), ...carried }
        ) as ModelInput;
        if (role === "baseModel") step.baseModel = modelInput;
        else models.push(modelInput);
      }
      if (models.length > 0 || datasets.length > 0)
        step.inputs = {
          ...(models.length > 0 ? { models } : {}),
          ...(datasets.length > 0 ? { datasets } : {}),
        };
      const outputRef = array(t.outputs)
        .filter(isObject)
        .map((o) => (isObject(o.resource) ? text(o.resource.ref) : undefined))[0];
      const output = outputRef ? byRef.get(outputRef) : undefined;
      const carriedOutput = propertyValue(props, `${FTL_PREFIX}output`);
      if (carriedOutput) step.output = parseCarried(carriedOutput, where, warnings);
      else if (output && propertyValue(properties(output.c), `${FTL_PREFIX}unidentified`) !== "true")
        step.output = modelRef(output.c, output.where, warnings);
      const hp = hyperparametersFromEntries(
        props
          .filter((p) => p.name.startsWith(`${FTL_PREFIX}hyperparameter:`))
          .map((p) => [p.name.slice(`${FTL_PREFIX}hyperparameter:`.length), p.value] as [string, string]),
      );
      if (hp) step.hyperparameters = hp;
      return step as unknown as Step;
    });
  const { fields } = uncarry(properties(metadata));
  const document: Json = { format: FORMAT_V1, subject, bases, steps, ...fields };
  const description = text(subjectComponent.description);
  if (description) document.description = description;
  return { format: "cyclonedx", document: document as unknown as LineageDocument, warnings };
}

/** Lineage from what any CycloneDX ML-BOM carries: model components, pedigree ancestors, model-card datasets. */
function foreignImport(bom: Json, fileName: string): StandardImport {
  const warnings: string[] = [];
  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  const listed = array(bom.components).filter(isObject);
  const all: { c: Json; where: string }[] = [
    ...(isObject(metadata.component) ? [{ c: metadata.component, where: "metadata.component" }] : []),
    ...listed.map((c, i) => ({ c, where: `components[${i}]` })),
  ];
  const byRef = new Map(all.flatMap((e) => (text(e.c["bom-ref"]) ? [[String(e.c["bom-ref"]), e]] : [])));
  const models = all.filter((e) => e.c.type === "machine-learning-model");
  const provenance = (field: string) => ({ source: "extracted" as const, file: fileName, field });
  if (models.length === 0) {
    const top = all[0];
    warnings.push(
      "no machine-learning-model component: this BOM describes no model, so it carries no fine-tune lineage",
    );
    return {
      format: "cyclonedx",
      document: {
        format: FORMAT_V1,
        subject: {
          id: top ? componentName(top.c) : fileName,
          provenance: provenance(top?.where ?? "metadata"),
        },
        bases: [],
        steps: [],
      },
      warnings,
    };
  }
  const ancestorNames = new Set(models.flatMap((e) => ancestorsOf(e.c)));
  const foreign: ForeignModel[] = models.map((e) => ({
    id: componentName(e.c),
    where: e.where,
    ref: artefact(e.c, e.where, warnings),
    parents: ancestorsOf(e.c),
    datasets: datasetsOf(e, byRef, warnings),
  }));
  const subject =
    foreign.find((m) => m.where === "metadata.component") ??
    foreign.find((m) => !ancestorNames.has(m.id)) ??
    (foreign[0] as ForeignModel);
  return {
    format: "cyclonedx",
    document: lineageFromParents(foreign, subject, fileName, warnings),
    warnings,
  };
}

function ancestorsOf(c: Json): string[] {
  const pedigree = isObject(c.pedigree) ? c.pedigree : {};
  return array(pedigree.ancestors).filter(isObject).map(componentName);
}

function datasetsOf(
  entry: { c: Json; where: string },
  byRef: Map<string, { c: Json; where: string }>,
  warnings: string[],
): DatasetRef[] {
  const card = isObject(entry.c.modelCard) ? entry.c.modelCard : {};
  const parameters = isObject(card.modelParameters) ? card.modelParameters : {};
  return array(parameters.datasets)
    .filter(isObject)
    .flatMap((d, k): DatasetRef[] => {
      const where = `${entry.where}.modelCard.modelParameters.datasets[${k}]`;
      if (typeof d.ref === "string") {
        const target = byRef.get(d.ref);
        if (!target) {
          warnings.push(`${where}: ref ${d.ref} is not a component of this BOM; dataset not kept`);
          return [];
        }
        return [datasetRef(target.c, target.where, warnings)];
      }
      const name = text(d.name);
      const contents = isObject(d.contents) ? d.contents : {};
      const url = typeof contents.url === "string" && URL.canParse(contents.url) ? contents.url : undefined;
      if (!name && !url) {
        warnings.push(`${where}: dataset has neither a name nor a URL; not kept`);
        return [];
      }
      return [{ ...(name ? { id: name } : { description: url ?? "dataset" }), ...(url ? { url } : {}) }];
    });
}

/** Recognises CycloneDX JSON; null for anything else. */
export function readCycloneDx(text_: string, fileName: string): StandardImport | null {
  let bom: unknown;
  try {
    bom = JSON.parse(text_);
  } catch {
    return null;
  }
  if (!isObject(bom) || bom.bomFormat !== "CycloneDX") return null;
  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  const tools = isObject(metadata.tools) ? array(metadata.tools.components) : [];
  if (tools.some((t) => isObject(t) && t.name === "fine-tune-lineage")) {
    const workflow = array(bom.formulation)
      .filter(isObject)
      .flatMap((f) => array(f.workflows).filter(isObject))
      .find((w) => w["bom-ref"] === "workflow:lineage");
    return ftlImport(bom, workflow ?? {});
  }
  const result = foreignImport(bom, fileName);
  if (bom.specVersion !== "1.6" && bom.specVersion !== "1.5")
    result.warnings.unshift(
      `specVersion ${String(bom.specVersion)}: read as CycloneDX 1.6; ML fields need 1.5 or later`,
    );
  return result;
}
