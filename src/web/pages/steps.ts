/** Each step of a document with its hyperparameters and where every fact came from (a badge). */
import { datasetHref } from "../api.js";
import { h } from "../dom.js";
import { stepTitle } from "../labels.js";

type Provenance = {
  source: "declared" | "extracted" | "inferred";
  file?: string;
  field?: string;
  line?: number;
  note?: string;
};
type Sources = Record<string, Provenance> | undefined;
interface AnyStep {
  id: string;
  kind: string;
  name?: string;
  objective?: string;
  parameterization?: string;
  method?: string;
  adapter?: Record<string, unknown>;
  inputs?: {
    models?: { id?: string; step?: string; weight?: number; parameters?: Record<string, unknown> }[];
    datasets?: { id?: string; description?: string; provenance?: Provenance }[];
  };
  hyperparameters?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  baseModel?: { id: string };
  bits?: number;
  format?: string;
  groupSize?: number;
  output?: { id: string };
  framework?: { name: string; version?: string };
  provenance?: Provenance;
  sources?: Sources;
}
interface AnyDocument {
  steps: AnyStep[];
  provenance?: Provenance;
  sources?: Sources;
}

/** A badge saying where a fact came from: declared, extracted from FILE:LINE, inferred, or not stated. */
export function badge(p: Provenance | undefined): HTMLElement {
  if (!p) return h("span", { class: "badge none", title: "No source is given for this fact" }, "no source");
  const where = [
    p.file,
    p.line !== undefined ? `line ${p.line}` : undefined,
    p.field ? `field ${p.field}` : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  const text =
    p.source === "extracted" && p.file
      ? `extracted · ${p.file.split("/").pop()}${p.line !== undefined ? `:${p.line}` : ""}`
      : p.source;
  return h(
    "span",
    { class: `badge ${p.source}`, title: [p.source, where, p.note].filter(Boolean).join(" — ") },
    text,
  );
}

const shown = (value: unknown): string => (typeof value === "object" ? JSON.stringify(value) : String(value));

function factRows(step: AnyStep, doc: AnyDocument): HTMLElement[] {
  const fallback = step.provenance ?? doc.provenance;
  const source = (path: string) => step.sources?.[path] ?? fallback;
  const rows: HTMLElement[] = [];
  const row = (name: string, value: unknown, path: string) =>
    rows.push(
      h(
        "tr",
        {},
        h("th", { scope: "row" }, name),
        h("td", {}, shown(value)),
        h("td", {}, badge(source(path))),
      ),
    );
  if (step.objective) row("objective", step.objective, "objective");
  if (step.parameterization) row("parameterisation", step.parameterization, "parameterization");
  if (step.method) row("method", step.method, "method");
  if (step.baseModel) row("base model", step.baseModel.id, "baseModel");
  for (const key of ["bits", "format", "groupSize"] as const)
    if (step[key] !== undefined) row(key, step[key], key);
  for (const [k, v] of Object.entries(step.parameters ?? {})) row(k, v, `parameters.${k}`);
  for (const [i, m] of (step.inputs?.models ?? []).entries()) {
    if (m.weight !== undefined) row(`weight of ${m.id ?? m.step}`, m.weight, `inputs.models[${i}].weight`);
    for (const [k, v] of Object.entries(m.parameters ?? {}))
      row(`${k} of ${m.id ?? m.step}`, v, `inputs.models[${i}].parameters.${k}`);
  }
  for (const [k, v] of Object.entries(step.adapter ?? {})) row(`adapter.${k}`, v, `adapter.${k}`);
  for (const [k, v] of Object.entries(step.hyperparameters ?? {})) {
    if (k === "other" && typeof v === "object" && v !== null)
      for (const [ok, ov] of Object.entries(v)) row(ok, ov, `hyperparameters.other.${ok}`);
    else row(k, v, `hyperparameters.${k}`);
  }
  if (step.framework)
    row(
      "framework",
      `${step.framework.name}${step.framework.version ? ` ${step.framework.version}` : ""}`,
      "framework",
    );
  return rows;
}

function datasetList(step: AnyStep, doc: AnyDocument): HTMLElement | null {
  const datasets = step.inputs?.datasets ?? [];
  if (datasets.length === 0) return null;
  return h(
    "ul",
    { class: "datasets" },
    datasets.map((d, i) =>
      h(
        "li",
        {},
        d.id ? h("a", { href: datasetHref(d.id), "data-nav": true }, d.id) : (d.description ?? "(unnamed)"),
        " ",
        badge(d.provenance ?? step.sources?.[`inputs.datasets[${i}]`] ?? step.provenance ?? doc.provenance),
      ),
    ),
  );
}

/** One card per step, in the order they ran. */
export function stepCards(document: unknown): HTMLElement {
  const doc = document as AnyDocument;
  return h(
    "ol",
    { class: "steps" },
    doc.steps.map((step) => {
      const rows = factRows(step, doc);
      return h(
        "li",
        { class: "step" },
        h(
          "h3",
          {},
          stepTitle(step),
          step.name ? ` — ${step.name}` : "",
          step.output ? ` → ${step.output.id}` : "",
        ),
        h(
          "p",
          { class: "inputs" },
          "From ",
          (step.inputs?.models ?? []).map((m) => m.id ?? `step ${m.step}`).join(" + ") || "(not given)",
        ),
        datasetList(step, doc),
        rows.length > 0
          ? h(
              "table",
              { class: "facts" },
              h("caption", {}, `Step ${step.id}: facts and their sources`),
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", { scope: "col" }, "fact"),
                  h("th", { scope: "col" }, "value"),
                  h("th", { scope: "col" }, "source"),
                ),
              ),
              h("tbody", {}, rows),
            )
          : h("p", { class: "note" }, "No hyperparameters given."),
      );
    }),
  );
}
