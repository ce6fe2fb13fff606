/**
 * The ancestor graph as SVG, laid out by dagre: bases at the top, the model at the bottom, a merge with an edge
 * from each parent, every edge labelled with the step (method, parameterisation) and its datasets.
 */
import dagre from "@dagrejs/dagre";
import { modelHref } from "./api.js";
import { s } from "./dom.js";
import { edgeLabel } from "./labels.js";
import type { AncestorsResult, StepEdge } from "./types.js";

const CHAR = 7.2;
const LINE = 15;
const MAX_CHARS = 44;

const clip = (text: string): string => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text);

/** The SVG of a model's ancestry (the model alone when it has none). */
export function ancestorGraph(id: string, ancestors: AncestorsResult): SVGSVGElement {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 56, edgesep: 16, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of [id, ...ancestors.models.map((m) => m.id)])
    g.setNode(node, { width: clip(node).length * CHAR + 24, height: 34 });
  const edges = new Map<string, StepEdge>();
  for (const step of ancestors.steps) {
    const key = `${step.parent}\u0000${step.child}\u0000${step.stepId}`;
    if (edges.has(key) || !g.hasNode(step.parent) || !g.hasNode(step.child)) continue;
    edges.set(key, step);
    const lines = edgeLabel(step).map(clip);
    g.setEdge(
      step.parent,
      step.child,
      {
        width: Math.max(...lines.map((l) => l.length)) * CHAR * 0.9 + 12,
        height: lines.length * LINE + 6,
        labelpos: "c",
        lines,
      },
      key,
    );
  }
  dagre.layout(g);
  const graph = g.graph();
  const width = Math.max(graph.width ?? 0, 200);
  const height = Math.max(graph.height ?? 0, 50);
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "group",
    "aria-labelledby": "graph-title",
    class: "graph",
  });
  svg.append(
    s(
      "title",
      { id: "graph-title" },
      `Ancestry of ${id}: ${ancestors.models.length} ancestors, ${edges.size} step edges`,
    ),
    s(
      "defs",
      {},
      s(
        "marker",
        {
          id: "arrow",
          viewBox: "0 0 10 10",
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: "auto-start-reverse",
        },
        s("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrowhead" }),
      ),
    ),
  );
  for (const e of g.edges()) {
    const edge = g.edge(e) as {
      points: { x: number; y: number }[];
      x: number;
      y: number;
      width: number;
      height: number;
      lines: string[];
    };
    const d = edge.points
      .map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
      .join(" ");
    const step = edges.get(e.name ?? "");
    svg.append(
      s(
        "g",
        { class: `edge ${step?.relation ?? ""}` },
        s("path", { d, "marker-end": "url(#arrow)" }),
        s("rect", {
          x: edge.x - edge.width / 2,
          y: edge.y - edge.height / 2,
          width: edge.width,
          height: edge.height,
          rx: 4,
          class: "edge-label",
        }),
        edge.lines.map((line, i) =>
          s(
            "text",
            {
              x: edge.x,
              y: edge.y - edge.height / 2 + 3 + LINE * (i + 0.75),
              "text-anchor": "middle",
              class: i === 0 ? "step" : "data",
            },
            line,
          ),
        ),
      ),
    );
  }
  for (const name of g.nodes()) {
    const node = g.node(name);
    const roots = new Set(ancestors.roots);
    const cls = name === id ? "node self" : roots.has(name) ? "node root" : "node";
    const box = [
      s("rect", {
        x: node.x - node.width / 2,
        y: node.y - node.height / 2,
        width: node.width,
        height: node.height,
        rx: 6,
      }),
      s("text", { x: node.x, y: node.y + 4, "text-anchor": "middle" }, clip(name)),
      s("title", {}, name),
    ];
    svg.append(
      name === id
        ? s("g", { class: cls }, box)
        : s("a", { href: modelHref(name), "data-nav": true, class: cls }, box),
    );
  }
  return svg;
}
