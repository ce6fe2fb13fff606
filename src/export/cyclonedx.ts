/**
 * CycloneDX 1.6 JSON ML-BOM: the subject as `metadata.component` (a `machine-learning-model` with a
 * `modelCard`), every other checkpoint as a component with `pedigree.ancestors`, every dataset use as a `data`
 * component, and the steps as the tasks of one `formulation` workflow with hyperparameters as properties.
 */
import type { Objective } from "../model/vocabulary.js";
import { describeStep } from "../render/describe.js";
import type { DatasetRef, Digest, ModelRef } from "../schema/lineage.js";
import {
  carry,
  type ExportOptions,
  FTL_PREFIX,
  hyperparameterEntries,
  type Json,
  type Property,
  sameJson,
  stableUuid,
} from "./_shared.js";
import {
  buildExportModel,
  type CheckpointNode,
  type ExportModel,
  parentsOf,
  type StepNode,
} from "./model.js";

/** ftl digest algorithms → CycloneDX `hash-alg` (git-sha1 has none: it is carried as a property). */
export const CDX_HASH_ALGORITHMS: Record<string, string> = {
  sha256: "SHA-256",
  sha384: "SHA-384",
  sha512: "SHA-512",
  sha1: "SHA-1",
  blake3: "BLAKE3",
};

/** Fields of a model reference with a native CycloneDX place. */
export const CDX_MODEL_NATIVE = ["id", "revision", "digest", "license", "url"] as const;
/** Fields of a dataset reference with a native CycloneDX place. */
export const CDX_DATASET_NATIVE = ["id", "description", "revision", "digest", "license", "url"] as const;
/** Fields of a step with a native CycloneDX place (the rest become `ftl:` task properties). */
export const CDX_STEP_NATIVE = [
  "id",
  "name",
  "inputs",
  "output",
  "baseModel",
  "hyperparameters",
  "startedAt",
  "endedAt",
] as const;
/** Document fields with a native place. */
export const CDX_DOCUMENT_NATIVE = ["format", "subject", "bases", "steps", "description"] as const;

const APPROACH: Partial<Record<Objective, string>> = {
  sft: "supervised",
  distillation: "supervised",
  "reward-model": "supervised",
  dpo: "reinforcement-learning",
  ipo: "reinforcement-learning",
  kto: "reinforcement-learning",
  orpo: "reinforcement-learning",
  simpo: "reinforcement-learning",
  cpo: "reinforcement-learning",
  "rlhf-ppo": "reinforcement-learning",
  grpo: "reinforcement-learning",
  rloo: "reinforcement-learning",
  "continued-pretraining": "self-supervised",
};

function nativeDigest(digest: Digest | undefined): Digest | undefined {
  return digest && CDX_HASH_ALGORITHMS[digest.algorithm] ? digest : undefined;
}

function artefactFields(ref: {
  revision?: string | undefined;
  digest?: Digest | undefined;
  license?: string | undefined;
  url?: string | undefined;
}): Json {
  const out: Json = {};
  if (ref.revision !== undefined) out.version = ref.revision;
  const digest = nativeDigest(ref.digest);
  if (digest) out.hashes = [{ alg: CDX_HASH_ALGORITHMS[digest.algorithm], content: digest.value }];
  if (ref.license !== undefined) out.licenses = [{ expression: ref.license }];
  if (ref.url !== undefined) out.externalReferences = [{ type: "website", url: ref.url }];
  return out;
}

function extras(ref: object | undefined, native: readonly string[], digest?: Digest): Property[] {
  const keep = digest && !nativeDigest(digest) ? native.filter((k) => k !== "digest") : native;
  return carry(ref, keep);
}

function withProperties(object: Json, properties: Property[]): Json {
  if (properties.length > 0) object.properties = properties;
  return object;
}

function modelComponent(model: ExportModel, node: CheckpointNode): Json {
  const ref: ModelRef | undefined = node.isSubject ? model.doc.subject : node.ref;
  const component: Json = {
    type: "machine-learning-model",
    "bom-ref": node.key,
    name: node.label,
    ...(ref ? artefactFields(ref) : {}),
  };
  if (node.isSubject && model.doc.description !== undefined) component.description = model.doc.description;
  const step = node.stepIndex !== undefined ? model.steps[node.stepIndex] : undefined;
  if (step) {
    const parameters: Json = {};
    if (step.step.kind === "fine-tune" && step.step.objective) {
      const approach = APPROACH[step.step.objective];
      if (approach) parameters.approach = { type: approach };
    }
    if (step.datasets.length > 0) parameters.datasets = step.datasets.map((d) => ({ ref: d.key }));
    if (Object.keys(parameters).length > 0) component.modelCard = { modelParameters: parameters };
    const parents = parentsOf(model, node);
    if (parents.length > 0)
      component.pedigree = {
        ancestors: parents.map((p) => ({
          type: "machine-learning-model",
          name: p.label,
          ...(p.ref?.revision !== undefined ? { version: p.ref.revision } : {}),
        })),
      };
  }
  const properties: Property[] = [];
  const baseIndex = model.bases.indexOf(node);
  if (baseIndex >= 0) properties.push({ name: `${FTL_PREFIX}baseIndex`, value: String(baseIndex) });
  if (baseIndex >= 0 && node.isSubject && !sameJson(node.ref, ref))
    properties.push({ name: `${FTL_PREFIX}baseRef`, value: JSON.stringify(node.ref) });
  if (!ref) properties.push({ name: `${FTL_PREFIX}unidentified`, value: "true" });
  properties.push(...extras(ref, CDX_MODEL_NATIVE, ref?.digest));
  return withProperties(component, properties);
}

function datasetComponent(key: string, label: string, dataset: DatasetRef): Json {
  const component: Json = { type: "data", "bom-ref": key, name: label, ...artefactFields(dataset) };
  if (dataset.description !== undefined) component.description = dataset.description;
  const data: Json = { type: "dataset", name: label };
  if (dataset.url !== undefined) data.contents = { url: dataset.url };
  component.data = [data];
  const properties: Property[] = [];
  if (dataset.id === undefined) properties.push({ name: `${FTL_PREFIX}anonymous`, value: "true" });
  properties.push(...extras(dataset, CDX_DATASET_NATIVE, dataset.digest));
  return withProperties(component, properties);
}

function task(doc: ExportModel["doc"], step: StepNode): Json {
  const s = step.step;
  const inputs: Json[] = [
    // a position makes inputs distinct (the schema wants unique items; a merge may take one model twice)
    ...step.models.map((m, k) =>
      withProperties({ resource: { ref: m.node.key } }, [
        { name: `${FTL_PREFIX}role`, value: m.role },
        { name: `${FTL_PREFIX}position`, value: String(k) },
        ...carry(m.input, ["id"]),
      ]),
    ),
    ...step.datasets.map((d) =>
      withProperties({ resource: { ref: d.key } }, [{ name: `${FTL_PREFIX}role`, value: "dataset" }]),
    ),
  ];
  const object: Json = {
    "bom-ref": step.key,
    uid: s.id,
    ...(s.name !== undefined ? { name: s.name } : {}),
    description: describeStep(s),
    taskTypes: [s.kind === "merge" ? "merge" : s.kind === "other" ? "other" : "build"],
  };
  if (inputs.length > 0) object.inputs = inputs;
  object.outputs = [{ resource: { ref: step.output.key }, type: "artifact" }];
  if (s.startedAt !== undefined) object.timeStart = s.startedAt;
  if (s.endedAt !== undefined) object.timeEnd = s.endedAt;
  const properties: Property[] = [
    ...carry(s, CDX_STEP_NATIVE),
    ...(step.output.isSubject && s.output && !sameJson(s.output, doc.subject)
      ? [{ name: `${FTL_PREFIX}output`, value: JSON.stringify(s.output) }]
      : []),
    ...hyperparameterEntries(s.hyperparameters).map(([name, value]) => ({
      name: `${FTL_PREFIX}hyperparameter:${name}`,
      value,
    })),
  ];
  return withProperties(object, properties);
}

/**
 * The CycloneDX 1.6 JSON BOM of a lineage document, as a plain object.
 *
 * @example
 * const bom = toCycloneDx(doc);
 * bom.metadata.component.name; // the subject's id
 */
export function toCycloneDx(doc: ExportModel["doc"], options: ExportOptions = {}): Json {
  const model = buildExportModel(doc);
  const metadata: Json = {};
  if (options.timestamp !== undefined) metadata.timestamp = options.timestamp;
  metadata.tools = { components: [{ type: "application", name: "fine-tune-lineage" }] };
  metadata.component = modelComponent(model, model.subject);
  const documentProperties = carry(doc, CDX_DOCUMENT_NATIVE);
  if (documentProperties.length > 0) metadata.properties = documentProperties;

  const components: Json[] = model.checkpoints
    .filter((node) => node !== model.subject)
    .map((node) => modelComponent(model, node));
  for (const step of model.steps)
    for (const d of step.datasets) components.push(datasetComponent(d.key, d.label, d.dataset));

  const bom: Json = {
    $schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: `urn:uuid:${stableUuid(`cyclonedx:${JSON.stringify(doc)}`)}`,
    version: 1,
    metadata,
  };
  if (components.length > 0) bom.components = components;
  const dependencies = model.steps.map((step) => ({
    ref: step.output.key,
    dependsOn: [...new Set([...step.models.map((m) => m.node.key), ...step.datasets.map((d) => d.key)])],
  }));
  if (dependencies.length > 0) bom.dependencies = dependencies;
  const tasks = model.steps.map((s) => task(doc, s));
  if (model.steps.length > 0)
    bom.formulation = [
      {
        "bom-ref": "formulation",
        workflows: [
          {
            "bom-ref": "workflow:lineage",
            uid: "lineage",
            name: `Fine-tune lineage of ${doc.subject.id}`,
            taskTypes: [...new Set(tasks.flatMap((t) => t.taskTypes as string[]))],
            tasks,
            taskDependencies: model.steps
              .map((s) => ({
                ref: s.key,
                dependsOn: [
                  ...new Set(
                    s.models
                      .map((m) => m.node.stepIndex)
                      .filter((i): i is number => i !== undefined)
                      .map((i) => model.steps[i]?.key ?? ""),
                  ),
                ],
              }))
              .filter((d) => d.dependsOn.length > 0),
          },
        ],
      },
    ];
  return bom;
}

/** The CycloneDX 1.6 JSON text (2-space indented, trailing newline). */
export function exportCycloneDx(doc: ExportModel["doc"], options: ExportOptions = {}): string {
  return `${JSON.stringify(toCycloneDx(doc, options), null, 2)}\n`;
}
