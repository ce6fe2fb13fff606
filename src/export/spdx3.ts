/**
 * SPDX 3.0.1 JSON-LD with the AI and Dataset profiles: an `ai_AIPackage` per checkpoint (hyperparameters in
 * `ai_hyperparameter`), a `dataset_DatasetPackage` per dataset use, a `build_Build` per step with `hasInput`/
 * `hasOutput`, and `trainedOn`, `descendantOf`, `ancestorOf` and `hasDeclaredLicense` relationships. Fields
 * without a native place travel in `extension_CdxPropertiesExtension` entries named `ftl:<field>`.
 */
import { describeStep } from "../render/describe.js";
import type { DatasetRef, Digest, LineageDocument, ModelRef } from "../schema/lineage.js";
import {
  canonicalUtc,
  carry,
  type ExportOptions,
  FTL_PREFIX,
  FTL_PRODUCER,
  hyperparameterEntries,
  type Json,
  NO_TIME,
  type Property,
  sameJson,
  segment,
  toUtcSeconds,
} from "./_shared.js";
import { buildExportModel, type CheckpointNode, type ExportModel, parentsOf } from "./model.js";

export const SPDX_CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
export const SPDX_TOOL_ID = "urn:ftl:tool:fine-tune-lineage";
const SPDX_AGENT_ID = "urn:ftl:agent:fine-tune-lineage";
const CREATION_INFO = "_:creationinfo";
/** `build_buildType` of a step: this prefix plus the step kind. */
export const SPDX_BUILD_TYPE = `${FTL_PRODUCER}/build-type/`;

/** ftl digest algorithms with an SPDX `HashAlgorithm` of the same name (git-sha1 is carried instead). */
export const SPDX_HASH_ALGORITHMS = ["sha256", "sha384", "sha512", "sha1", "blake3"] as const;
export const SPDX_MODEL_NATIVE = ["id", "revision", "digest", "license", "url"] as const;
export const SPDX_DATASET_NATIVE = ["id", "description", "revision", "digest", "license", "url"] as const;
export const SPDX_DOCUMENT_NATIVE = ["format", "subject", "bases", "steps", "description"] as const;

const nativeDigest = (d: Digest | undefined): d is Digest =>
  d !== undefined && (SPDX_HASH_ALGORITHMS as readonly string[]).includes(d.algorithm);

function extension(properties: Property[]): Json {
  return properties.length === 0
    ? {}
    : {
        extension: [
          {
            type: "extension_CdxPropertiesExtension",
            extension_cdxProperty: properties.map((p) => ({
              type: "extension_CdxPropertyEntry",
              extension_cdxPropName: p.name,
              extension_cdxPropValue: p.value,
            })),
          },
        ],
      };
}

/** The spdxId namespace of one document: `urn:ftl:<subject>:`. */
export function spdxNamespace(doc: LineageDocument): string {
  return `urn:ftl:${segment(doc.subject.id)}:`;
}

/** spdxId of a checkpoint: `urn:ftl:model:<id>`, or a step-scoped id for an unidentified output. */
function checkpointId(ns: string, node: CheckpointNode): string {
  return node.key.startsWith("model:")
    ? `urn:ftl:model:${segment(node.label)}`
    : `${ns}step/${segment(node.stepId ?? "")}/output`;
}

/**
 * The SPDX 3.0.1 JSON-LD document of a lineage document, as a plain object.
 *
 * @example
 * const spdx = toSpdx3(doc);
 * spdx["@graph"].filter((e) => e.type === "build_Build").length; // one per step
 */
export function toSpdx3(doc: LineageDocument, options: ExportOptions = {}): Json {
  const model: ExportModel = buildExportModel(doc);
  const ns = spdxNamespace(doc);
  const graph: Json[] = [];
  const relationships: Json[] = [];
  const licences = new Map<string, string>();
  const common = { creationInfo: CREATION_INFO };
  const relate = (from: string, type: string, to: string[], props: Property[] = []): void => {
    relationships.push({
      type: "Relationship",
      spdxId: `${ns}relationship/${relationships.length + 1}`,
      ...common,
      from,
      relationshipType: type,
      to,
      ...extension(props),
    });
  };
  const licence = (from: string, expression: string | undefined): void => {
    if (expression === undefined) return;
    let id = licences.get(expression);
    if (!id) {
      id = `${ns}license/${licences.size + 1}`;
      licences.set(expression, id);
    }
    relate(from, "hasDeclaredLicense", [id]);
  };
  const artefact = (spdxId: string, ref: Omit<DatasetRef, "id"> | ModelRef): Json => {
    const out: Json = {};
    if (ref.revision !== undefined) out.software_packageVersion = ref.revision;
    if (nativeDigest(ref.digest))
      out.verifiedUsing = [{ type: "Hash", algorithm: ref.digest.algorithm, hashValue: ref.digest.value }];
    if (ref.url !== undefined) out.software_downloadLocation = ref.url;
    licence(spdxId, ref.license);
    return out;
  };

  const ids = new Map<CheckpointNode, string>();
  for (const node of model.checkpoints) ids.set(node, checkpointId(ns, node));
  for (const node of model.checkpoints) {
    const spdxId = ids.get(node) as string;
    const ref = node.isSubject ? doc.subject : node.ref;
    const step = node.stepIndex !== undefined ? model.steps[node.stepIndex] : undefined;
    const props: Property[] = [];
    const baseIndex = model.bases.indexOf(node);
    if (baseIndex >= 0) props.push({ name: `${FTL_PREFIX}baseIndex`, value: String(baseIndex) });
    if (baseIndex >= 0 && node.isSubject && !sameJson(node.ref, ref))
      props.push({ name: `${FTL_PREFIX}baseRef`, value: JSON.stringify(node.ref) });
    if (!ref) props.push({ name: `${FTL_PREFIX}unidentified`, value: "true" });
    props.push(
      ...carry(
        ref,
        nativeDigest(ref?.digest) ? SPDX_MODEL_NATIVE : SPDX_MODEL_NATIVE.filter((k) => k !== "digest"),
      ),
    );
    const element: Json = {
      type: "ai_AIPackage",
      spdxId,
      ...common,
      name: node.label,
      ...(ref ? artefact(spdxId, ref) : {}),
      software_primaryPurpose: "model",
    };
    if (node.isSubject && doc.description !== undefined) element.description = doc.description;
    if (step) {
      const hp = hyperparameterEntries(step.step.hyperparameters);
      if (hp.length > 0)
        element.ai_hyperparameter = hp.map(([key, value]) => ({ type: "DictionaryEntry", key, value }));
      element.ai_informationAboutTraining = describeStep(step.step);
    }
    graph.push({ ...element, ...extension(props) });
  }
  for (const step of model.steps)
    for (const d of step.datasets) {
      const spdxId = `${ns}dataset/${segment(step.step.id)}/${d.index}`;
      const props: Property[] = [];
      if (d.dataset.id === undefined) props.push({ name: `${FTL_PREFIX}anonymous`, value: "true" });
      props.push(
        ...carry(
          d.dataset,
          nativeDigest(d.dataset.digest)
            ? SPDX_DATASET_NATIVE
            : SPDX_DATASET_NATIVE.filter((k) => k !== "digest"),
        ),
      );
      graph.push({
        type: "dataset_DatasetPackage",
        spdxId,
        ...common,
        name: d.label,
        ...(d.dataset.description !== undefined ? { description: d.dataset.description } : {}),
        ...artefact(spdxId, d.dataset),
        software_primaryPurpose: "data",
        dataset_datasetType: ["noAssertion"],
        ...extension(props),
      });
    }
  for (const step of model.steps) {
    const s = step.step;
    const buildId = `${ns}step/${segment(s.id)}`;
    const start = canonicalUtc(s.startedAt);
    const end = canonicalUtc(s.endedAt);
    const native = ["id", "name", "inputs", "output", "baseModel", "hyperparameters"];
    if (start) native.push("startedAt");
    if (end) native.push("endedAt");
    const props = carry(s, native);
    if (step.output.isSubject && s.output && !sameJson(s.output, doc.subject))
      props.push({ name: `${FTL_PREFIX}output`, value: JSON.stringify(s.output) });
    graph.push({
      type: "build_Build",
      spdxId: buildId,
      ...common,
      ...(s.name !== undefined ? { name: s.name } : {}),
      comment: describeStep(s),
      build_buildType: `${SPDX_BUILD_TYPE}${s.kind}`,
      build_buildId: s.id,
      ...(start ? { build_buildStartTime: start } : {}),
      ...(end ? { build_buildEndTime: end } : {}),
      ...extension(props),
    });
    const outputId = ids.get(step.output) as string;
    for (const m of step.models)
      relate(
        buildId,
        "hasInput",
        [ids.get(m.node) as string],
        [{ name: `${FTL_PREFIX}role`, value: m.role }, ...carry(m.input, ["id"])],
      );
    for (const d of step.datasets)
      relate(
        buildId,
        "hasInput",
        [`${ns}dataset/${segment(s.id)}/${d.index}`],
        [{ name: `${FTL_PREFIX}role`, value: "dataset" }],
      );
    relate(buildId, "hasOutput", [outputId]);
    const parents = parentsOf(model, step.output);
    if (parents.length > 0)
      relate(
        outputId,
        "descendantOf",
        parents.map((p) => ids.get(p) as string),
      );
    if (step.datasets.length > 0 && s.kind === "fine-tune")
      relate(
        outputId,
        "trainedOn",
        step.datasets.map((d) => `${ns}dataset/${segment(s.id)}/${d.index}`),
      );
  }
  const subjectId = ids.get(model.subject) as string;
  for (const base of model.bases)
    if (base !== model.subject && model.steps.length > 0)
      relate(ids.get(base) as string, "ancestorOf", [subjectId]);

  const licenceElements = [...licences].map(([expression, spdxId]) => ({
    type: "simplelicensing_LicenseExpression",
    spdxId,
    ...common,
    simplelicensing_licenseExpression: expression,
  }));
  const elements = [...graph, ...licenceElements, ...relationships];
  const created = options.timestamp !== undefined ? toUtcSeconds(options.timestamp) : NO_TIME;
  return xmlSafe({
    "@context": SPDX_CONTEXT,
    "@graph": [
      {
        type: "CreationInfo",
        "@id": CREATION_INFO,
        specVersion: "3.0.1",
        created,
        createdBy: [SPDX_AGENT_ID],
        createdUsing: [SPDX_TOOL_ID],
        ...(options.timestamp === undefined
          ? { comment: "Creation time not recorded (exported without --timestamp, for reproducible output)." }
          : {}),
      },
      { type: "SoftwareAgent", spdxId: SPDX_AGENT_ID, ...common, name: "fine-tune-lineage (ftl)" },
      { type: "Tool", spdxId: SPDX_TOOL_ID, ...common, name: "fine-tune-lineage" },
      {
        type: "SpdxDocument",
        spdxId: `${ns}document`,
        ...common,
        name: `Fine-tune lineage of ${doc.subject.id}`,
        profileConformance: ["core", "software", "ai", "dataset", "build", "simpleLicensing"],
        rootElement: [subjectId],
        element: [SPDX_AGENT_ID, SPDX_TOOL_ID, ...elements.map((e) => e.spdxId as string)],
        ...extension(carry(doc, SPDX_DOCUMENT_NATIVE)),
      },
      ...elements,
    ],
  });
}

/** Characters an xsd:string cannot hold (XML 1.0 `Char`): C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Replaces characters that SPDX's RDF strings cannot hold with U+FFFD, everywhere in a JSON value. */
export function xmlSafe<T>(value: T): T {
  if (typeof value === "string") return value.replace(NOT_XML_CHAR, "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [xmlSafe(k), xmlSafe(v)])) as T;
  return value;
}

/** The SPDX 3.0.1 JSON-LD text (2-space indented, trailing newline). */
export function exportSpdx3(doc: LineageDocument, options: ExportOptions = {}): string {
  return `${JSON.stringify(toSpdx3(doc, options), null, 2)}\n`;
}
