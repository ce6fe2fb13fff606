/** The model page: ancestor graph, steps with the source of each fact, licence verdict, documents, exports. */
import { api, datasetHref, download, idPath, modelHref, query, savedToken } from "../api.js";
import { type Child, count, h, mount, plural } from "../dom.js";
import { ancestorGraph } from "../graph.js";
import { shortName, stepTitle } from "../labels.js";
import type { AncestorsResult, AuditAnswer, DatasetsResult, DescendantsPage, ModelAnswer } from "../types.js";
import { disagreementView, documentsTable } from "./documents.js";
import { stepCards } from "./steps.js";

const EXPORTS = [
  ["hf-card", "Hub model card"],
  ["cyclonedx", "CycloneDX ML-BOM"],
  ["spdx3", "SPDX 3"],
  ["prov-jsonld", "W3C PROV (JSON-LD)"],
  ["prov-turtle", "W3C PROV (Turtle)"],
  ["jsonld", "schema.org"],
  ["openlineage", "OpenLineage"],
  ["mermaid", "Mermaid"],
  ["dot", "Graphviz DOT"],
] as const;

const RELATION_WORDS = {
  finetune: "fine-tunes",
  adapter: "adapters",
  merge: "merges",
  quantized: "quantisations",
} as const;

function licenceSection(model: ModelAnswer, audit: AuditAnswer): HTMLElement {
  const declared = model.licenses.map((l) => l.license).join(", ") || "none declared";
  const shown = audit.findings.filter((f) => f.severity !== "info");
  return h(
    "section",
    { "aria-labelledby": "licence-h", id: "licence" },
    h("h2", { id: "licence-h" }, "Licence"),
    h(
      "p",
      {},
      "Declared: ",
      h("strong", {}, declared),
      " · commercial use: ",
      h("span", { class: `verdict ${audit.verdict.level}` }, audit.verdict.level),
    ),
    audit.verdict.reasons.length > 0
      ? h(
          "ul",
          { class: "reasons" },
          audit.verdict.reasons.map((r) => h("li", {}, r)),
        )
      : null,
    shown.length > 0
      ? h(
          "ul",
          { class: "findings" },
          shown.map((f) =>
            h(
              "li",
              {},
              h("span", { class: `sev ${f.severity}` }, f.severity),
              " ",
              h("code", {}, f.code),
              " ",
              f.message,
            ),
          ),
        )
      : h("p", {}, "No licence findings."),
  );
}

function descendantsSection(id: string, page: DescendantsPage): HTMLElement {
  const href = `${modelHref(id)}/descendants`;
  return h(
    "section",
    { "aria-labelledby": "desc-h" },
    h("h2", { id: "desc-h" }, "Descendants"),
    page.total === 0
      ? h("p", {}, "Nothing in the registry descends from this model.")
      : [
          h(
            "ul",
            { class: "counts" },
            (Object.keys(RELATION_WORDS) as (keyof typeof RELATION_WORDS)[]).map((r) =>
              h(
                "li",
                {},
                h(
                  "a",
                  { href: `${href}${query({ relation: r })}`, "data-nav": true },
                  h("strong", {}, count(page.counts[r])),
                  ` ${RELATION_WORDS[r]}`,
                ),
              ),
            ),
          ),
          h("p", {}, h("a", { href, "data-nav": true }, `All ${plural(page.total, "descendant")}`)),
        ],
  );
}

function datasetsSection(datasets: DatasetsResult): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "data-h" },
    h("h2", { id: "data-h" }, "Datasets in its lineage"),
    datasets.datasets.length === 0
      ? h("p", {}, "No dataset is named in its lineage.")
      : h(
          "ul",
          { class: "ids" },
          datasets.datasets.map((d) =>
            h(
              "li",
              {},
              h("a", { href: datasetHref(d.id), "data-nav": true }, d.id),
              ` — ${d.depth === 0 ? "this model" : `${plural(d.depth, "step")} up`}`,
            ),
          ),
        ),
  );
}

/** A download link; with a saved token (a server that requires one) the file is fetched with it. */
function exportLink(href: string, format: string, label: string): HTMLElement {
  const onclick = (e: Event) => {
    if (savedToken() === null) return;
    e.preventDefault();
    void download(href, `lineage-${format}`);
  };
  return h("a", { href, download: "", onclick }, label);
}

function exportsSection(id: string): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "export-h" },
    h("h2", { id: "export-h" }, "Export"),
    h(
      "ul",
      { class: "exports" },
      EXPORTS.map(([format, label]) =>
        h(
          "li",
          {},
          exportLink(`/api/v1/models/${idPath(id)}/export${query({ format, download: 1 })}`, format, label),
        ),
      ),
    ),
  );
}

function summary(model: ModelAnswer, ancestors: AncestorsResult): Child {
  const direct = model.model.parents;
  return h(
    "p",
    { class: "lede" },
    direct.length === 0
      ? "A root: no parent in the registry."
      : [
          `Made from `,
          direct.map((p, i) => [i > 0 ? ", " : "", h("a", { href: modelHref(p), "data-nav": true }, p)]),
        ],
    ` · ${plural(ancestors.models.length, "ancestor")} · ${model.model.children === 1 ? "1 direct child" : `${count(model.model.children)} direct children`} · ${plural(model.model.documents, "document")}`,
    model.model.anonymous ? " · an unnamed checkpoint" : "",
  );
}

function graphSection(id: string, ancestors: AncestorsResult): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "graph-h" },
    h("h2", { id: "graph-h" }, "Lineage"),
    h("div", { class: "graph-wrap" }, ancestorGraph(id, ancestors)),
    ancestors.complete
      ? null
      : h("p", { class: "note" }, "The walk stopped at the depth limit; more ancestors lie beyond."),
  );
}

/** The steps of each current document (the latest open), or the registry's edges when none is about it. */
function stepsSection(model: ModelAnswer, ancestors: AncestorsResult): HTMLElement {
  const current = model.documents.filter((d) => d.current).reverse();
  const edgeLine = (e: AncestorsResult["steps"][number]) =>
    `${e.parent} → ${e.child}: ${stepTitle(e)}${e.datasets.length ? ` on ${e.datasets.map(shortName).join(", ")}` : ""}`;
  const body =
    current.length === 0
      ? [
          h("p", {}, "No document describes this model itself; it is named by other documents."),
          h(
            "ul",
            {},
            ancestors.steps.map((e) => h("li", {}, edgeLine(e))),
          ),
        ]
      : [
          h("p", { class: "note" }, "Each fact shows where it came from."),
          current.length === 1
            ? stepCards(current[0]?.document)
            : current.map((d, i) =>
                h(
                  "details",
                  { open: i === 0 },
                  h("summary", {}, `As told by ${d.source} (added ${d.addedAt.slice(0, 10)})`),
                  stepCards(d.document),
                ),
              ),
        ];
  return h("section", { "aria-labelledby": "steps-h" }, h("h2", { id: "steps-h" }, "Steps"), body);
}

export async function modelPage(main: HTMLElement, id: string): Promise<void> {
  const base = `/api/v1/models/${idPath(id)}`;
  const [model, ancestors, audit, descendants, datasets] = await Promise.all([
    api<ModelAnswer>(base),
    api<AncestorsResult>(`${base}/ancestors`),
    api<AuditAnswer>(`${base}/audit`),
    api<DescendantsPage>(`${base}/descendants?limit=1`),
    api<DatasetsResult>(`${base}/datasets`),
  ]);
  document.title = `${id} · ftl registry`;
  mount(
    main,
    h("p", { class: "kicker" }, "Model"),
    h("h1", { class: "id" }, id),
    summary(model, ancestors),
    h(
      "p",
      {},
      h("a", { href: `/compare${query({ a: id })}`, "data-nav": true }, "Compare with another model"),
    ),
    graphSection(id, ancestors),
    licenceSection(model, audit),
    stepsSection(model, ancestors),
    model.disagreements.length > 0 ? disagreementView(model) : null,
    documentsTable(model),
    descendantsSection(id, descendants),
    datasetsSection(datasets),
    exportsSection(id),
  );
}
