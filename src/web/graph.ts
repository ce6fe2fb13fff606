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

type Graph = InstanceType<typeof dagre.graphlib.Graph>;
interface LaidEdge {
  points: { x: number; y: number }[];
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

const clip = (text: string): string => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text);

/** The laid-out graph: a node per model, an edge per (parent, child, step) with its label's size. */
function layout(id: string, ancestors: AncestorsResult): { g: Graph; edges: Map<string, StepEdge> } {
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
    const width = Math.max(...lines.map((l) => l.length)) * CHAR * 0.9 + 12;
    g.setEdge(step.parent, step.child, { width, height: lines.length * LINE + 6, labelpos: "c", lines }, key);
  }
  dagre.layout(g);
  return { g, edges };
}

const ARROW = s(
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
);

/** An edge: its path with an arrow, and its label (the step, then its datasets) in a box. */
function edgeView(edge: LaidEdge, step: StepEdge | undefined): SVGElement {
  const d = edge.points.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ");
  const top = edge.y - edge.height / 2;
  return s(
    "g",
    { class: `edge ${step?.relation ?? ""}` },
    s("path", { d, "marker-end": "url(#arrow)" }),
    s("rect", {
      x: edge.x - edge.width / 2,
      y: top,
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
          y: top + 3 + LINE * (i + 0.75),
          "text-anchor": "middle",
          class: i === 0 ? "step" : "data",
        },
        line,
      ),
    ),
  );
}

/** A model: a box with its (clipped) id, the full id as its title, a link unless it is the page's model. */
function nodeView(name: string, node: { x: number; y: number; width: number; height: number }, cls: string) {
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
  return cls.includes("self")
    ? s("g", { class: cls }, box)
    : s("a", { href: modelHref(name), "data-nav": true, class: cls }, box);
}

/** The SVG of a model's ancestry (the model alone when it has none). */
export function ancestorGraph(id: string, ancestors: AncestorsResult): SVGSVGElement {
  const { g, edges } = layout(id, ancestors);
  const width = Math.max(g.graph().width ?? 0, 200);
  const height = Math.max(g.graph().height ?? 0, 50);
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "group",
    "aria-labelledby": "graph-title",
    class: "graph",
  });
  const title = `Ancestry of ${id}: ${ancestors.models.length} ancestors, ${edges.size} step edges`;
  svg.append(s("title", { id: "graph-title" }, title), s("defs", {}, ARROW.cloneNode(true)));
  for (const e of g.edges()) svg.append(edgeView(g.edge(e) as LaidEdge, edges.get(e.name ?? "")));
  const roots = new Set(ancestors.roots);
  for (const name of g.nodes()) {
    const cls = name === id ? "node self" : roots.has(name) ? "node root" : "node";
    svg.append(nodeView(name, g.node(name), cls));
  }
  return svg;
}
