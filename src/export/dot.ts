/** Graphviz DOT of the chain (or DAG): checkpoints as boxes, datasets as cylinders, steps as edge labels. */
import { describeMethod } from "../render/describe.js";
import { mapControls } from "../render/visible.js";
import type { LineageDocument } from "../schema/lineage.js";
import { buildExportModel } from "./model.js";

/** A DOT double-quoted string; control characters other than line breaks as their visible pictures (␛). */
export function dotString(text: string): string {
  const escaped = text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n");
  return `"${mapControls(escaped, (_c, code) => String.fromCharCode(code < 0x20 ? 0x2400 + code : 0x2421))}"`;
}

/**
 * A `digraph` in DOT syntax.
 *
 * @example
 * exportDot(doc); // "digraph lineage {\n  rankdir=LR;\n  …"
 */
export function exportDot(doc: LineageDocument): string {
  const model = buildExportModel(doc);
  const ids = new Map(model.checkpoints.map((c, i) => [c.key, `m${i}`]));
  const lines = [
    `digraph lineage {`,
    `  label=${dotString(`Fine-tune lineage of ${doc.subject.id}`)};`,
    "  rankdir=LR;",
    "  node [shape=box];",
  ];
  for (const c of model.checkpoints) {
    const attributes = [`label=${dotString(c.ref ? c.label : `(${c.label})`)}`];
    if (c.isSubject) attributes.push("penwidth=2");
    lines.push(`  ${ids.get(c.key)} [${attributes.join(", ")}];`);
  }
  model.steps.forEach((step, i) => {
    const out = ids.get(step.output.key);
    const label = `${step.step.id}: ${describeMethod(step.step)}`;
    for (const m of step.models)
      lines.push(
        `  ${ids.get(m.node.key)} -> ${out} [label=${dotString(m.role === "baseModel" ? `${label} (base)` : label)}${m.role === "baseModel" ? ", style=dashed" : ""}];`,
      );
    step.datasets.forEach((d, k) => {
      const id = `d${i}_${k}`;
      lines.push(
        `  ${id} [shape=cylinder, label=${dotString(d.label)}];`,
        `  ${id} -> ${out} [style=dotted];`,
      );
    });
  });
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
