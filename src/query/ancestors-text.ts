/** The ancestry of a model for people: an upward tree from the model to its roots, one step per line. */
import type { AncestorsResult, StepEdge } from "../store/store.js";
import { describeEdge } from "./describe-edge.js";

/**
 * Renders an ancestors result. Each line is `← PARENT  (by method · datasets)`, indented by depth; a model
 * reached twice (merges) is expanded once and then named with `(see above)`.
 */
export function renderAncestors(result: AncestorsResult, options: { sources?: boolean } = {}): string {
  const byChild = new Map<string, StepEdge[]>();
  for (const edge of result.steps) byChild.set(edge.child, [...(byChild.get(edge.child) ?? []), edge]);
  const roots = new Set(result.roots);
  const lines = [result.id];
  const expanded = new Set<string>([result.id]);
  const visit = (child: string, indent: string): void => {
    const edges = [...(byChild.get(child) ?? [])].sort((a, b) => (a.parent < b.parent ? -1 : 1));
    for (const edge of edges) {
      const seen = expanded.has(edge.parent);
      const tags = [roots.has(edge.parent) ? "root" : undefined, seen ? "see above" : undefined].filter(
        Boolean,
      );
      const source = options.sources ? `  [${edge.source}]` : "";
      lines.push(
        `${indent}← ${edge.parent}${tags.length > 0 ? ` [${tags.join(", ")}]` : ""}  (by ${describeEdge(edge)})${source}`,
      );
      if (!seen) {
        expanded.add(edge.parent);
        visit(edge.parent, `${indent}  `);
      }
    }
  };
  visit(result.id, "  ");
  if (result.steps.length === 0) lines.push("  (no known parents: a root, or not described by any document)");
  const count = result.models.length;
  lines.push(
    "",
    `${count} ancestor${count === 1 ? "" : "s"}, ${result.roots.length} root${result.roots.length === 1 ? "" : "s"}${
      result.complete ? "" : " — stopped at the depth limit; more ancestors lie beyond (use --max-depth)"
    }`,
  );
  return lines.join("\n");
}
