/**
 * W3C PROV-O, as JSON-LD (`prov-jsonld`) and Turtle (`prov-turtle`), both serialised from one graph: each step
 * a `prov:Activity` that `prov:used` its input checkpoints and datasets (with `prov:qualifiedUsage` roles), each
 * checkpoint `prov:wasGeneratedBy` its step and `prov:wasDerivedFrom` its inputs, the hyperparameters a
 * `prov:Plan` reached through `prov:qualifiedAssociation`/`prov:hadPlan`, the framework a `prov:SoftwareAgent`.
 */
import { DataFactory, type Quad_Object, Writer } from "n3";
import { describeStep } from "../render/describe.js";
import type { Framework, LineageDocument } from "../schema/lineage.js";
import { carry, type ExportOptions, FTL_NS, FTL_PREFIX, sameJson, segment } from "./_shared.js";
import { buildExportModel, type CheckpointNode, type ExportModel, parentsOf } from "./model.js";

export const PROV_PREFIXES = {
  prov: "http://www.w3.org/ns/prov#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  ftl: FTL_NS,
} as const;

/** A value in the graph: an IRI, a literal, a JSON literal, a blank node or an ordered list. */
export type ProvValue =
  | { iri: string }
  | { literal: string; datatype?: string }
  | { json: unknown }
  | { node: ProvNode }
  | { list: ProvValue[] };

/** A node: its IRI (blank when absent), its types and its properties, in output order. */
export interface ProvNode {
  id?: string;
  types: string[];
  props: [predicate: string, value: ProvValue][];
}

/** Role IRIs of `prov:hadRole`. */
export const PROV_ROLES = {
  model: "ftl:role-input-model",
  baseModel: "ftl:role-merge-base-model",
  dataset: "ftl:role-training-data",
} as const;

const ENTITY_NATIVE = ["id"] as const;
const STEP_NATIVE = ["inputs", "output", "baseModel", "hyperparameters", "startedAt", "endedAt", "framework"];
const DOCUMENT_NATIVE = ["subject", "bases", "steps", "description"];

/** JSON values as properties: strings stay plain literals, everything else is an `rdf:JSON` literal. */
function extras(object: object | undefined, native: readonly string[]): [string, ProvValue][] {
  return carry(object, native).map(({ name, value }) => {
    const parsed: unknown = JSON.parse(value);
    return [
      `ftl:${name.slice(FTL_PREFIX.length)}`,
      typeof parsed === "string" ? { literal: parsed } : { json: parsed },
    ];
  });
}

function agentId(framework: Framework | undefined): string {
  if (!framework) return "urn:ftl:agent:unrecorded";
  return `urn:ftl:software:${segment(framework.name)}${framework.version !== undefined ? `/${segment(framework.version)}` : ""}`;
}

/** The PROV graph of a document: the nodes both serialisations write. */
export function provGraph(doc: LineageDocument): ProvNode[] {
  const model: ExportModel = buildExportModel(doc);
  const ns = `urn:ftl:${segment(doc.subject.id)}:`;
  const entityId = (node: CheckpointNode): string =>
    node.key.startsWith("model:")
      ? `urn:ftl:model:${segment(node.label)}`
      : `${ns}step/${segment(node.stepId ?? "")}/output`;
  const stepId = (id: string): string => `${ns}step/${segment(id)}`;
  const datasetId = (step: string, k: number): string => `${ns}dataset/${segment(step)}/${k}`;

  const documentNode: ProvNode = {
    id: `${ns}document`,
    types: ["prov:Bundle", "ftl:LineageDocument"],
    props: [
      ["rdfs:label", { literal: `Fine-tune lineage of ${doc.subject.id}` }],
      ["ftl:subject", { iri: entityId(model.subject) }],
      ["ftl:bases", { list: model.bases.map((b) => ({ iri: entityId(b) })) }],
      ["ftl:steps", { list: model.steps.map((s) => ({ iri: stepId(s.step.id) })) }],
    ],
  };
  if (doc.description !== undefined) documentNode.props.push(["rdfs:comment", { literal: doc.description }]);
  if (!sameJson(model.subject.ref, doc.subject))
    documentNode.props.push(["ftl:subjectRef", { json: doc.subject }]);
  documentNode.props.push(...extras(doc, DOCUMENT_NATIVE));
  const nodes: ProvNode[] = [documentNode];

  for (const node of model.checkpoints) {
    const props: [string, ProvValue][] = [["rdfs:label", { literal: node.label }]];
    if (node.ref) props.push(["ftl:id", { literal: node.ref.id }]);
    else props.push(["ftl:unidentified", { json: true }]);
    const step = node.stepIndex !== undefined ? model.steps[node.stepIndex] : undefined;
    if (step) props.push(["prov:wasGeneratedBy", { iri: stepId(step.step.id) }]);
    for (const parent of parentsOf(model, node))
      props.push(["prov:wasDerivedFrom", { iri: entityId(parent) }]);
    props.push(...extras(node.ref, ENTITY_NATIVE));
    nodes.push({ id: entityId(node), types: ["prov:Entity", "ftl:Checkpoint"], props });
  }
  for (const step of model.steps)
    for (const d of step.datasets)
      nodes.push({
        id: datasetId(step.step.id, d.index),
        types: ["prov:Entity", "ftl:Dataset"],
        props: [["rdfs:label", { literal: d.label }], ...extras(d.dataset, [])],
      });

  const agents = new Map<string, ProvNode>();
  for (const step of model.steps) {
    const s = step.step;
    const id = stepId(s.id);
    const agent = agentId(s.framework);
    if (!agents.has(agent))
      agents.set(agent, {
        id: agent,
        types: ["prov:SoftwareAgent", "prov:Agent"],
        props: s.framework
          ? [
              ["rdfs:label", { literal: [s.framework.name, s.framework.version].filter(Boolean).join(" ") }],
              ["ftl:name", { literal: s.framework.name }],
              ...(s.framework.version !== undefined
                ? [["ftl:version", { literal: s.framework.version }] as [string, ProvValue]]
                : []),
            ]
          : [["rdfs:label", { literal: "training software not recorded" }]],
      });
    const plan: ProvNode = {
      id: `${id}/plan`,
      types: ["prov:Plan", "prov:Entity"],
      props: [["rdfs:label", { literal: `Recipe of step ${s.id}` }]],
    };
    if (s.hyperparameters !== undefined)
      plan.props.push(["ftl:hyperparameters", { json: s.hyperparameters }]);
    const used: ProvNode[] = [
      ...step.models.map((m, k) => ({
        types: ["prov:Usage"],
        props: [
          ["prov:entity", { iri: entityId(m.node) }],
          ["prov:hadRole", { iri: PROV_ROLES[m.role] }],
          ["ftl:position", { json: k }],
          ...extras(m.input, ["id"]),
        ] as [string, ProvValue][],
      })),
      ...step.datasets.map((d) => ({
        types: ["prov:Usage"],
        props: [
          ["prov:entity", { iri: datasetId(s.id, d.index) }],
          ["prov:hadRole", { iri: PROV_ROLES.dataset }],
          ["ftl:position", { json: step.models.length + d.index }],
        ] as [string, ProvValue][],
      })),
    ];
    const props: [string, ProvValue][] = [
      ["rdfs:label", { literal: s.name ?? s.id }],
      ["rdfs:comment", { literal: describeStep(s) }],
    ];
    for (const target of new Set([
      ...step.models.map((m) => entityId(m.node)),
      ...step.datasets.map((d) => datasetId(s.id, d.index)),
    ]))
      props.push(["prov:used", { iri: target }]);
    for (const usage of used) props.push(["prov:qualifiedUsage", { node: usage }]);
    if (s.startedAt !== undefined)
      props.push(["prov:startedAtTime", { literal: s.startedAt, datatype: "xsd:dateTime" }]);
    if (s.endedAt !== undefined)
      props.push(["prov:endedAtTime", { literal: s.endedAt, datatype: "xsd:dateTime" }]);
    props.push(["prov:wasAssociatedWith", { iri: agent }]);
    props.push([
      "prov:qualifiedAssociation",
      {
        node: {
          types: ["prov:Association"],
          props: [
            ["prov:agent", { iri: agent }],
            ["prov:hadPlan", { iri: plan.id as string }],
          ],
        },
      },
    ]);
    props.push(...extras(s, STEP_NATIVE));
    nodes.push({ id, types: ["prov:Activity", "ftl:Step"], props }, plan);
  }
  nodes.push(...agents.values());
  return nodes;
}

function jsonLdValue(value: ProvValue): unknown {
  if ("iri" in value) return { "@id": value.iri };
  if ("literal" in value)
    return value.datatype ? { "@value": value.literal, "@type": value.datatype } : value.literal;
  if ("json" in value) return { "@type": "@json", "@value": value.json };
  if ("list" in value) return { "@list": value.list.map(jsonLdValue) };
  return jsonLdNode(value.node);
}

function jsonLdNode(node: ProvNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (node.id !== undefined) out["@id"] = node.id;
  out["@type"] = node.types.length === 1 ? node.types[0] : node.types;
  for (const [predicate, value] of node.props) {
    const v = jsonLdValue(value);
    const existing = out[predicate];
    out[predicate] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return out;
}

/**
 * PROV-O as a JSON-LD object (inline context, so no remote context is needed to read it).
 *
 * @example
 * toProvJsonLd(doc)["@graph"].filter((n) => n["@type"].includes("prov:Activity"));
 */
export function toProvJsonLd(doc: LineageDocument, options: ExportOptions = {}): Record<string, unknown> {
  const graph = provGraph(doc).map(jsonLdNode);
  if (options.timestamp !== undefined) {
    const first = graph[0] as Record<string, unknown>;
    first["prov:generatedAtTime"] = { "@value": options.timestamp, "@type": "xsd:dateTime" };
  }
  return { "@context": { ...PROV_PREFIXES }, "@graph": graph };
}

export function exportProvJsonLd(doc: LineageDocument, options: ExportOptions = {}): string {
  return `${JSON.stringify(toProvJsonLd(doc, options), null, 2)}\n`;
}

/** Canonical JSON text (sorted keys), as `rdf:JSON` literals are compared. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** PROV-O as Turtle, written with n3 (prefixed names, blank nodes inline, lists as collections). */
export function exportProvTurtle(doc: LineageDocument, options: ExportOptions = {}): string {
  const { namedNode, literal } = DataFactory;
  const writer = new Writer({ prefixes: { ...PROV_PREFIXES } });
  const expand = (curie: string): string => {
    const [prefix, local] = curie.split(/:(.*)/s) as [keyof typeof PROV_PREFIXES, string];
    return prefix in PROV_PREFIXES ? `${PROV_PREFIXES[prefix]}${local}` : curie;
  };
  const term = (value: ProvValue): Quad_Object => {
    if ("iri" in value) return namedNode(expand(value.iri));
    if ("literal" in value)
      return value.datatype
        ? literal(value.literal, namedNode(expand(value.datatype)))
        : literal(value.literal);
    if ("json" in value) return literal(canonicalJson(value.json), namedNode(expand("rdf:JSON")));
    if ("list" in value) return writer.list(value.list.map(term)) as unknown as Quad_Object;
    return writer.blank([
      ...value.node.types.map((t) => ({
        predicate: namedNode(expand("rdf:type")),
        object: namedNode(expand(t)),
      })),
      ...value.node.props.map(([p, v]) => ({ predicate: namedNode(expand(p)), object: term(v) })),
    ]) as unknown as Quad_Object;
  };
  const nodes = provGraph(doc);
  if (options.timestamp !== undefined)
    nodes[0]?.props.push(["prov:generatedAtTime", { literal: options.timestamp, datatype: "xsd:dateTime" }]);
  for (const node of nodes) {
    const subject = namedNode(node.id as string);
    for (const t of node.types) writer.addQuad(subject, namedNode(expand("rdf:type")), namedNode(expand(t)));
    for (const [p, v] of node.props) writer.addQuad(subject, namedNode(expand(p)), term(v));
  }
  let out = "";
  writer.end((error, result: string) => {
    if (error) throw error;
    out = result;
  });
  return out;
}
