/**
 * OpenLineage 2-0-2: one `RunEvent` (COMPLETE) per step, whose inputs are the input checkpoints and datasets
 * and whose output is the resulting checkpoint; the method and hyperparameters travel in a custom run facet,
 * `ftl_hyperparameters`, with its own schema (hyperparameters-run-facet.schema.json).
 */
import { describeStep } from "../render/describe.js";
import type { LineageDocument } from "../schema/lineage.js";
import { type ExportOptions, FTL_PRODUCER, type Json, NO_TIME, stableUuid } from "./_shared.js";
import { buildExportModel, type CheckpointNode } from "./model.js";

export const OPENLINEAGE_SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
/** `_schemaURL` of the custom facet. */
export const HYPERPARAMETERS_FACET_SCHEMA_URL =
  "https://github.com/fine-tune-lineage/ftl/blob/main/src/export/hyperparameters-run-facet.schema.json#/$defs/HyperparametersRunFacet";
const JOB_TYPE_SCHEMA_URL =
  "https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";
const DOCUMENTATION_SCHEMA_URL =
  "https://openlineage.io/spec/facets/1-1-0/DocumentationJobFacet.json#/$defs/DocumentationJobFacet";
const VERSION_SCHEMA_URL =
  "https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet";

/** Namespaces of models and datasets (OpenLineage has no naming convention for the Hub). */
export const OPENLINEAGE_NAMESPACES = {
  model: "https://huggingface.co",
  dataset: "https://huggingface.co/datasets",
  job: "ftl",
} as const;

function versioned(name: string, namespace: string, revision: string | undefined): Json {
  const out: Json = { namespace, name };
  if (revision !== undefined)
    out.facets = {
      version: { _producer: FTL_PRODUCER, _schemaURL: VERSION_SCHEMA_URL, datasetVersion: revision },
    };
  return out;
}

/**
 * The RunEvents of a document, one per step, in step order. Event times come from the step's `endedAt`
 * (or `startedAt`), else `options.timestamp`, else a fixed 1970-01-01 (OpenLineage requires a time).
 *
 * @example
 * toOpenLineage(doc).map((e) => e.job.name);
 */
export function toOpenLineage(doc: LineageDocument, options: ExportOptions = {}): Json[] {
  const model = buildExportModel(doc);
  const dataset = (node: CheckpointNode): Json =>
    node.ref
      ? versioned(node.ref.id, OPENLINEAGE_NAMESPACES.model, node.ref.revision)
      : { namespace: OPENLINEAGE_NAMESPACES.job, name: `${doc.subject.id}/${node.stepId}/output` };
  return model.steps.map((step) => {
    const s = step.step;
    const facet: Json = {
      _producer: FTL_PRODUCER,
      _schemaURL: HYPERPARAMETERS_FACET_SCHEMA_URL,
      stepKind: s.kind,
    };
    if (s.kind === "fine-tune") {
      if (s.objective) facet.objective = s.objective;
      if (s.parameterization) facet.parameterization = s.parameterization;
    }
    if ((s.kind === "merge" || s.kind === "quantization") && s.method) facet.method = s.method;
    if (s.hyperparameters) facet.hyperparameters = s.hyperparameters;
    if (s.framework) facet.framework = s.framework;
    const inputs = [
      ...step.models.map((m) => dataset(m.node)),
      ...step.datasets.map((d) =>
        d.dataset.id
          ? versioned(d.dataset.id, OPENLINEAGE_NAMESPACES.dataset, d.dataset.revision)
          : { namespace: OPENLINEAGE_NAMESPACES.job, name: `${doc.subject.id}/${s.id}/dataset-${d.index}` },
      ),
    ];
    return {
      eventTime: s.endedAt ?? s.startedAt ?? options.timestamp ?? NO_TIME,
      producer: FTL_PRODUCER,
      schemaURL: OPENLINEAGE_SCHEMA_URL,
      eventType: "COMPLETE",
      run: {
        runId: stableUuid(`openlineage:${doc.subject.id}:${s.id}`),
        facets: { ftl_hyperparameters: facet },
      },
      job: {
        namespace: OPENLINEAGE_NAMESPACES.job,
        name: `${doc.subject.id}/${s.id}`,
        facets: {
          jobType: {
            _producer: FTL_PRODUCER,
            _schemaURL: JOB_TYPE_SCHEMA_URL,
            processingType: "BATCH",
            integration: "FTL",
            jobType: s.kind.toUpperCase().replace("-", "_"),
          },
          documentation: {
            _producer: FTL_PRODUCER,
            _schemaURL: DOCUMENTATION_SCHEMA_URL,
            description: s.name ? `${s.name}: ${describeStep(s)}` : describeStep(s),
          },
        },
      },
      inputs,
      outputs: [dataset(step.output)],
    };
  });
}

/** One RunEvent per line (JSON Lines, as OpenLineage's file transport writes them). */
export function exportOpenLineage(doc: LineageDocument, options: ExportOptions = {}): string {
  return toOpenLineage(doc, options)
    .map((event) => `${JSON.stringify(event)}\n`)
    .join("");
}
