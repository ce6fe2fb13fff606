/**
 * The descendant tree of a model for people: children sorted by the size of their own subtree, at most
 * `width` shown per node and the rest folded into one line with counts by relation.
 */
import type { DescendantsResult, Relation } from "../store/store.js";
import { RELATIONS } from "../store/store.js";

export interface TreeNode {
  id: string;
  relation?: Relation;
  /** How many models hang under this one (in the result). */
  descendants: number;
  children: TreeNode[];
  /** Children not shown, by relation. */
  folded?: { count: number; counts: Record<Relation, number> };
  /** A model with several parents is drawn under the first; elsewhere it is only named. */
  shownUnder?: string;
}

export interface TreeOptions {
  /** Children shown per node before folding (default 8). */
  width?: number;
}

const zero = (): Record<Relation, number> => ({ finetune: 0, adapter: 0, merge: 0, quantized: 0 });

/**
 * Builds the tree from a descendants result fetched with `withParents: true`.
 *
 * @example
 * const tree = buildTree(await store.descendants(id, { withParents: true, maxDepth: 3 }));
 * console.log(renderTree(tree));
 */
export function buildTree(result: DescendantsResult, options: TreeOptions = {}): TreeNode {
  const width = Math.max(1, options.width ?? 8);
  const info = new Map(result.models.map((m) => [m.id, m]));
  const childrenOf = new Map<string, string[]>();
  const home = new Map<string, string>();
  for (const m of result.models) {
    const parents = m.parents.filter((p) => p === result.id || info.has(p));
    const first = parents[0];
    if (first === undefined) continue;
    home.set(m.id, first);
    for (const p of parents) childrenOf.set(p, [...(childrenOf.get(p) ?? []), m.id]);
  }
  // Subtree sizes over the home tree (each model counted once, under its first parent).
  const size = new Map<string, number>();
  const sizeOf = (id: string, path: Set<string>): number => {
    const known = size.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return 0;
    path.add(id);
    let n = 0;
    for (const c of childrenOf.get(id) ?? []) if (home.get(c) === id) n += 1 + sizeOf(c, path);
    path.delete(id);
    size.set(id, n);
    return n;
  };
  const build = (id: string, drawn: Set<string>): TreeNode => {
    const m = info.get(id);
    const node: TreeNode = { id, descendants: sizeOf(id, new Set()), children: [] };
    if (m !== undefined) node.relation = m.relation;
    drawn.add(id);
    const kids = [...(childrenOf.get(id) ?? [])].sort(
      (a, b) => sizeOf(b, new Set()) - sizeOf(a, new Set()) || (a < b ? -1 : a > b ? 1 : 0),
    );
    const shown = kids.slice(0, width);
    for (const c of shown) {
      if (home.get(c) !== id || drawn.has(c)) {
        const cm = info.get(c);
        node.children.push({
          id: c,
          descendants: sizeOf(c, new Set()),
          children: [],
          shownUnder: home.get(c) ?? id,
          ...(cm ? { relation: cm.relation } : {}),
        });
      } else node.children.push(build(c, drawn));
    }
    const rest = kids.slice(width);
    if (rest.length > 0) {
      const counts = zero();
      for (const c of rest) {
        const r = info.get(c)?.relation;
        if (r) counts[r]++;
      }
      node.folded = { count: rest.length, counts };
    }
    return node;
  };
  return build(result.id, new Set());
}

const integer = new Intl.NumberFormat("en-US");

function countsText(counts: Record<Relation, number>): string {
  return RELATIONS.filter((r) => counts[r] > 0)
    .map((r) => `${integer.format(counts[r])} ${r}`)
    .join(", ");
}

/** Draws a tree with box characters, one model per line. */
export function renderTree(root: TreeNode): string {
  const lines = [
    `${root.id}${root.descendants > 0 ? `  (${integer.format(root.descendants)} descendants)` : ""}`,
  ];
  const draw = (node: TreeNode, prefix: string): void => {
    const entries: ({ kind: "node"; node: TreeNode } | { kind: "fold"; text: string })[] = node.children.map(
      (c) => ({ kind: "node", node: c }),
    );
    if (node.folded)
      entries.push({
        kind: "fold",
        text: `… ${integer.format(node.folded.count)} more (${countsText(node.folded.counts)})`,
      });
    entries.forEach((entry, i) => {
      const last = i === entries.length - 1;
      const branch = last ? "└─ " : "├─ ";
      if (entry.kind === "fold") {
        lines.push(`${prefix}${branch}${entry.text}`);
        return;
      }
      const c = entry.node;
      const rel = c.relation ? ` [${c.relation}]` : "";
      const more = c.descendants > 0 ? `  (${integer.format(c.descendants)})` : "";
      const under = c.shownUnder !== undefined ? `  ↗ also under ${c.shownUnder}` : "";
      lines.push(`${prefix}${branch}${c.id}${rel}${c.shownUnder === undefined ? more : under}`);
      if (c.shownUnder === undefined) draw(c, `${prefix}${last ? "   " : "│  "}`);
    });
  };
  draw(root, "");
  return lines.join("\n");
}
