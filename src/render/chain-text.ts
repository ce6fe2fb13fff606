/** The chain of a document for people: one line per step, merges drawn as a small tree. */
import { inputLabel } from "../model/graph.js";
import type { LineageDocument, ModelInput, Provenance, Step } from "../schema/lineage.js";
import { describeStep, formatNumber } from "./describe.js";

function inputWithWeight(input: ModelInput, doc: LineageDocument): string {
  const label = inputLabel(input, doc);
  return input.weight !== undefined ? `${label} (weight ${formatNumber(input.weight)})` : label;
}

function outputLabel(step: Step, doc: LineageDocument, isLast: boolean): string {
  if (step.output) return step.output.revision ? `${step.output.id}@${step.output.revision}` : step.output.id;
  if (isLast && doc.subject.id === "unknown") return "(model not named: give --subject ID)";
  // The last step names no output: it made the subject, which the document names.
  return isLast ? `${doc.subject.id} (the subject; the step names no output)` : "(checkpoint not identified)";
}

/** `declared`, `extracted from README.md:42 (learning_rate)`, `inferred`. */
export function formatProvenance(p: Provenance): string {
  const where = [p.file && `${p.file}${p.line ? `:${p.line}` : ""}`, p.field && `(${p.field})`]
    .filter(Boolean)
    .join(" ");
  const confidence = p.confidence !== undefined ? `, confidence ${p.confidence}` : "";
  return `${p.source}${where ? ` from ${where}` : ""}${confidence}${p.note ? ` — ${p.note}` : ""}`;
}

/**
 * Renders the chain, e.g.
 * `mistralai/Mistral-7B-v0.1 → SFT · full · HuggingFaceH4/ultrachat_200k (207,865 conversations) · lr 2e-5, 1 epoch → HuggingFaceH4/mistral-7b-sft-beta`
 */
export function renderChain(doc: LineageDocument, options: { sources?: boolean } = {}): string {
  const lines: string[] = [];
  if (doc.steps.length === 0) {
    lines.push(
      doc.bases.length > 0
        ? `${doc.bases.map((b) => b.id).join(", ")} (bases; no recorded steps)`
        : `${doc.subject.id} (no recorded steps)`,
    );
    if (doc.description) lines.push(`  “${doc.description}”`);
    return lines.join("\n");
  }
  doc.steps.forEach((step, i) => {
    const isLast = i === doc.steps.length - 1;
    const models = step.inputs?.models ?? [];
    const body = `${describeStep(step)} → ${outputLabel(step, doc, isLast)}`;
    if (models.length >= 2 || step.kind === "merge") {
      lines.push(`[${step.id}]`);
      models.forEach((m, k) => {
        lines.push(`  ${k === models.length - 1 ? "└─" : "├─"} ${inputWithWeight(m, doc)}`);
      });
      if (step.kind === "merge" && step.baseModel)
        lines.push(`     (base model: ${inputLabel(step.baseModel, doc)})`);
      lines.push(`     → ${body}`);
    } else {
      const from = models[0] ? inputLabel(models[0], doc) : "(input model not named)";
      lines.push(`[${step.id}] ${from} → ${body}`);
    }
    if (options.sources) {
      if (step.provenance) lines.push(`     step: ${formatProvenance(step.provenance)}`);
      for (const [field, p] of Object.entries(step.sources ?? {}))
        lines.push(`     ${field}: ${formatProvenance(p)}`);
    }
  });
  return lines.join("\n");
}
