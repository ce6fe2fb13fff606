/**
 * Hugging Face model card: the YAML front matter the Hub reads (`base_model`, `base_model_relation`,
 * `datasets`, `license`, `tags`) and a Markdown "Fine-tune lineage" section between markers, with one table
 * row per step, a Mermaid diagram and the provenance of the facts. `updateHfCard` merges both into an
 * existing README without touching anything else.
 */
import { stringify } from "yaml";
import { indexReferences, resolveInput } from "../model/graph.js";
import { refKind } from "../model/refs.js";
import { ADAPTER_PARAMETERIZATIONS, OBJECTIVE_LABELS, PARAMETERIZATION_LABELS } from "../model/vocabulary.js";
import { formatProvenance } from "../render/chain-text.js";
import { formatNumber } from "../render/describe.js";
import type { DatasetRef, Hyperparameters, LineageDocument, Step } from "../schema/lineage.js";
import type { ExportOptions } from "./_shared.js";
import { cell, code, codeSpan } from "./card-markup.js";
import { exportMermaid } from "./mermaid.js";
import { buildExportModel, datasetIds, type ModelUse, type StepNode } from "./model.js";

export const SECTION_START = "<!-- ftl:lineage:start -->";
export const SECTION_END = "<!-- ftl:lineage:end -->";
export const LINEAGE_TAG = "fine-tune-lineage";
export const TABLE_HEADER = [
  "Step",
  "Kind",
  "Method",
  "Parameterisation",
  "From",
  "Datasets",
  "Key hyperparameters",
  "Checkpoint",
] as const;

/** A number written the way people read it (`2e-5`, `1,000`), or exactly when that form would round. */
export function exactNumber(value: number, options: { group?: boolean } = {}): string {
  if (Number.isInteger(value) && options.group === false) return String(value);
  const short = formatNumber(value);
  return Number(short.replaceAll(",", "")) === value ? short : String(value);
}

export { cell, code, codeSpan } from "./card-markup.js";

/** The Hub's `base_model_relation` for the last step of the chain. */
export function baseModelRelation(doc: LineageDocument): string | undefined {
  const last = doc.steps.at(-1);
  if (!last) return undefined;
  if (last.kind === "quantization") return "quantized";
  if (last.kind === "merge") return "merge";
  if (
    last.kind === "fine-tune" &&
    (ADAPTER_PARAMETERIZATIONS as readonly string[]).includes(last.parameterization ?? "")
  )
    return "adapter";
  return "finetune";
}

/**
 * The Hub's `base_model`: the models the subject was made from directly — the inputs of the last step (a merge's
 * merged models, not its reference base model), looking through intermediate checkpoints that have no id —
 * so that the Hub's model tree links the subject to its parent, not to the root of a long chain. Without steps
 * these are the document's bases, except the subject itself (a base model's own card lists no base).
 */
export function directParents(doc: LineageDocument): string[] {
  const last = doc.steps.at(-1);
  if (!last) return doc.bases.map((b) => b.id).filter((id) => id !== doc.subject.id);
  const index = indexReferences(doc);
  const parents: string[] = [];
  const seen = new Set<number>();
  const visit = (step: Step, stepIndex: number): void => {
    if (seen.has(stepIndex)) return;
    seen.add(stepIndex);
    for (const input of step.inputs?.models ?? []) {
      const resolved = resolveInput(input, index, doc);
      if (resolved.kind === "step" && resolved.id === undefined) {
        const earlier = doc.steps[resolved.stepIndex];
        if (earlier && resolved.stepIndex < stepIndex) visit(earlier, resolved.stepIndex);
      } else {
        const id = resolved.kind === "unresolved" ? resolved.reference : resolved.id;
        if (id !== undefined && id !== "" && !parents.includes(id)) parents.push(id);
      }
    }
  };
  visit(last, doc.steps.length - 1);
  return parents;
}

/** The front matter keys ftl writes, in the order it writes them. */
export function cardMetadata(doc: LineageDocument): Record<string, unknown> {
  const model = buildExportModel(doc);
  const meta: Record<string, unknown> = {};
  // The Hub's `base_model` holds Hub ids only: a local path or a model named without an id links to nothing there.
  const bases = directParents(doc).filter((id) => refKind(id) === "hub");
  if (bases.length === 1) meta.base_model = bases[0];
  else if (bases.length > 1) meta.base_model = bases;
  const relation = baseModelRelation(doc);
  if (relation && bases.length > 0) meta.base_model_relation = relation;
  const datasets = datasetIds(model);
  if (datasets.length > 0) meta.datasets = datasets;
  if (doc.subject.license !== undefined) meta.license = doc.subject.license;
  if (doc.subject.licenseName !== undefined) meta.license_name = doc.subject.licenseName;
  if (doc.subject.licenseLink !== undefined) meta.license_link = doc.subject.licenseLink;
  meta.tags = [LINEAGE_TAG];
  return meta;
}

function methodCell(step: Step): string {
  switch (step.kind) {
    case "fine-tune":
      return step.objective ? OBJECTIVE_LABELS[step.objective] : "—";
    case "merge":
      return step.method ?? "—";
    case "quantization": {
      const parts = [
        step.method,
        step.format,
        step.bits !== undefined ? `${exactNumber(step.bits)}-bit` : undefined,
      ];
      return parts.filter(Boolean).join(" ") || "—";
    }
    case "adapter-merge":
      return "adapter merged into base";
    case "other":
      return step.description !== undefined ? cell(step.description) : "—";
  }
}

function parameterisationCell(step: Step): string {
  if (step.kind !== "fine-tune") return "—";
  const parts = [step.parameterization ? PARAMETERIZATION_LABELS[step.parameterization] : "—"];
  if (step.adapter?.rank !== undefined) parts.push(`r${step.adapter.rank}`);
  if (step.adapter?.quantizationBits !== undefined) parts.push(`${step.adapter.quantizationBits}-bit`);
  return parts.join(" ");
}

function inputCell(use: ModelUse): string {
  const name =
    use.node.ref !== undefined ? code(use.node.label) : `output of step ${code(use.node.stepId ?? "")}`;
  const weight = use.input.weight !== undefined ? ` (weight ${exactNumber(use.input.weight)})` : "";
  return use.role === "baseModel" ? `base: ${name}` : `${name}${weight}`;
}

export function datasetCell(dataset: DatasetRef): string {
  const name = dataset.id !== undefined ? code(dataset.id) : `“${cell(dataset.description ?? "")}”`;
  const parts: string[] = [];
  if (dataset.subset !== undefined) parts.push(`subset ${code(dataset.subset)}`);
  if (dataset.split !== undefined) parts.push(`split ${code(dataset.split)}`);
  if (dataset.size) parts.push(`${exactNumber(dataset.size.count)} ${dataset.size.unit}`);
  return parts.length > 0 ? `${name} (${parts.join(", ")})` : name;
}

/** The hyperparameters the table shows, in this order, with their labels. */
export function keyHyperparameters(hp: Hyperparameters | undefined): string {
  if (!hp) return "—";
  const parts: string[] = [];
  if (hp.learningRate !== undefined) parts.push(`lr ${exactNumber(hp.learningRate, { group: false })}`);
  if (hp.epochs !== undefined)
    parts.push(`${exactNumber(hp.epochs, { group: false })} epoch${hp.epochs === 1 ? "" : "s"}`);
  if (hp.maxSteps !== undefined) parts.push(`${exactNumber(hp.maxSteps, { group: false })} steps`);
  if (hp.globalBatchSize !== undefined)
    parts.push(`batch ${exactNumber(hp.globalBatchSize, { group: false })}`);
  if (hp.perDeviceBatchSize !== undefined)
    parts.push(`batch ${exactNumber(hp.perDeviceBatchSize, { group: false })}/device`);
  if (hp.beta !== undefined) parts.push(`β ${exactNumber(hp.beta, { group: false })}`);
  if (hp.maxSequenceLength !== undefined)
    parts.push(`seq ${exactNumber(hp.maxSequenceLength, { group: false })}`);
  return parts.length > 0 ? parts.join(", ") : "—";
}

function row(step: StepNode): string {
  const s = step.step;
  const from = step.models.map(inputCell).join("<br>") || "—";
  const datasets = step.datasets.map((d) => datasetCell(d.dataset)).join("<br>") || "—";
  const output = s.output ? code(s.output.id) : "—";
  const cells = [
    code(s.id),
    s.kind,
    methodCell(s),
    parameterisationCell(s),
    from,
    datasets,
    keyHyperparameters(s.hyperparameters),
    output,
  ];
  return `| ${cells.join(" | ")} |`;
}

function provenanceLines(doc: LineageDocument): string[] {
  const lines: string[] = [];
  const add = (what: string, p: Parameters<typeof formatProvenance>[0]) =>
    lines.push(`- ${what}: ${cell(formatProvenance(p))}`);
  if (doc.subject.provenance) add(`subject ${codeSpan(doc.subject.id)}`, doc.subject.provenance);
  for (const base of doc.bases) if (base.provenance) add(`base ${codeSpan(base.id)}`, base.provenance);
  for (const step of doc.steps) {
    if (step.provenance) add(`step ${codeSpan(step.id)}`, step.provenance);
    (step.inputs?.datasets ?? []).forEach((d, k) => {
      if (d.provenance)
        add(`step ${codeSpan(step.id)}, dataset ${d.id ? codeSpan(d.id) : k + 1}`, d.provenance);
    });
    if (step.output?.provenance)
      add(`step ${codeSpan(step.id)}, checkpoint ${codeSpan(step.output.id)}`, step.output.provenance);
    for (const [field, p] of Object.entries(step.sources ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
      add(`step ${codeSpan(step.id)}, ${codeSpan(field)}`, p);
  }
  return lines;
}

/** The Markdown section (markers included). */
export function lineageSection(doc: LineageDocument, options: ExportOptions = {}): string {
  const model = buildExportModel(doc);
  const lines = [
    SECTION_START,
    "## Fine-tune lineage",
    "",
    `Model: ${codeSpan(doc.subject.id)}. How it was made, step by step (ftl/v1 lineage, written by fine-tune-lineage${options.timestamp ? ` on ${options.timestamp}` : ""}).`,
    "",
  ];
  const bases = doc.bases.map((b) => codeSpan(b.id)).join(", ");
  if (model.steps.length === 0) {
    lines.push(bases ? `No recorded steps; bases: ${bases}.` : "No recorded steps.", "");
  } else {
    if (bases) lines.push(`Bases (where the chain starts): ${bases}.`, "");
    lines.push(`| ${TABLE_HEADER.join(" | ")} |`, `| ${TABLE_HEADER.map(() => "---").join(" | ")} |`);
    for (const step of model.steps) lines.push(row(step));
    lines.push("", "```mermaid", exportMermaid(doc).trimEnd(), "```", "");
  }
  const provenance = provenanceLines(doc);
  if (provenance.length > 0) lines.push("### Provenance", "", ...provenance, "");
  lines.push(SECTION_END);
  return `${lines.join("\n")}\n`;
}

/**
 * A complete model card: front matter and the lineage section.
 *
 * @example
 * exportHfCard(doc).startsWith("---\nbase_model:");
 */
export function exportHfCard(doc: LineageDocument, options: ExportOptions = {}): string {
  const front = stringify(cardMetadata(doc), { lineWidth: 0 });
  return `---\n${front}---\n\n${lineageSection(doc, options)}`;
}
