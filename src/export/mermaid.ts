/** Mermaid flowchart of the chain (or DAG, for merges): checkpoints as boxes, datasets as cylinders. */
import { describeMethod } from "../render/describe.js";
import { mapControls } from "../render/visible.js";
import type { LineageDocument } from "../schema/lineage.js";
import { buildExportModel } from "./model.js";

/** Mermaid labels: quotes and brackets as entities, so that any id is safe inside `["…"]`. */
export function mermaidLabel(text: string): string {
  const escaped = text.replace(/\s+/g, " ").replace(/[#"<>[\]{}()|`]/g, (c) => `#${c.charCodeAt(0)};`);
  return mapControls(escaped, (_c, code) => `#${code};`);
}

/**
 * A `flowchart LR` in Mermaid syntax, without a surrounding code fence.
 *
 * @example
 * exportMermaid(doc); // "flowchart LR\n  m0[\"mistralai/Mistral-7B-v0.1\"]\n  …"
 */
export function exportMermaid(doc: LineageDocument): string {
  const model = buildExportModel(doc);
  const ids = new Map(model.checkpoints.map((c, i) => [c.key, `m${i}`]));
  const lines = ["flowchart LR"];
  for (const c of model.checkpoints) {
    const label = mermaidLabel(c.ref ? c.label : `(${c.label})`);
    lines.push(`  ${ids.get(c.key)}["${label}"]`);
  }
  model.steps.forEach((step, i) => {
    const out = ids.get(step.output.key);
    const edge = mermaidLabel(`${step.step.id}: ${describeMethod(step.step)}`);
    for (const m of step.models) {
      const arrow = m.role === "baseModel" ? "-.->" : "-->";
      lines.push(
        `  ${ids.get(m.node.key)} ${arrow}|"${m.role === "baseModel" ? `${edge} (base)` : edge}"| ${out}`,
      );
    }
    step.datasets.forEach((d, k) => {
      const id = `d${i}_${k}`;
      lines.push(`  ${id}[("${mermaidLabel(d.label)}")]`, `  ${id} -.-> ${out}`);
    });
  });
  lines.push(`  class ${ids.get(model.subject.key)} subject`, "  classDef subject stroke-width:3px");
  return `${lines.join("\n")}\n`;
}
