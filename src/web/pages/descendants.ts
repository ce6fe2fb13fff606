/** Descendants as the Hub shows them: counts per relation, then a paged list that filters. */
import { OBJECTIVES, PARAMETERIZATIONS } from "../../model/vocabulary.js";
import { api, idPath, modelHref, query } from "../api.js";
import { count, h, mount, plural } from "../dom.js";
import { navigate } from "../nav.js";
import type { DescendantsPage } from "../types.js";

const RELATIONS = [
  ["finetune", "Fine-tunes"],
  ["adapter", "Adapters"],
  ["merge", "Merges"],
  ["quantized", "Quantisations"],
] as const;
const FILTERS = ["relation", "objective", "param", "dataset"] as const;
const PAGE = 25;

function select(name: string, label: string, values: readonly string[], current: string | null): HTMLElement {
  return h(
    "label",
    {},
    `${label} `,
    h(
      "select",
      { name },
      h("option", { value: "" }, "any"),
      values.map((v) => h("option", { value: v, selected: v === current }, v)),
    ),
  );
}

type Filters = Record<(typeof FILTERS)[number], string | undefined>;

function filterForm(here: string, params: URLSearchParams): HTMLElement {
  const onsubmit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    navigate(`${here}${query(Object.fromEntries(FILTERS.map((f) => [f, String(data.get(f) ?? "")])))}`);
  };
  return h(
    "form",
    { class: "filters", "aria-label": "Filter descendants", onsubmit },
    select(
      "relation",
      "Relation",
      RELATIONS.map(([r]) => r),
      params.get("relation"),
    ),
    select("objective", "Objective", OBJECTIVES, params.get("objective")),
    select("param", "Parameterisation", PARAMETERIZATIONS, params.get("param")),
    h(
      "label",
      {},
      "Dataset ",
      h("input", { name: "dataset", type: "text", value: params.get("dataset") ?? "" }),
    ),
    h("button", { type: "submit" }, "Filter"),
  );
}

/** Counts per relation, each a link that filters by it. */
function relationCounts(here: string, all: DescendantsPage, current: string | null): HTMLElement {
  return h(
    "ul",
    { class: "counts", "aria-label": "Descendants by relation" },
    RELATIONS.map(([r, label]) =>
      h(
        "li",
        {},
        h(
          "a",
          {
            href: `${here}${query({ relation: r })}`,
            "data-nav": true,
            "aria-current": current === r ? "true" : undefined,
          },
          h("strong", {}, count(all.counts[r])),
          ` ${label}`,
        ),
      ),
    ),
  );
}

function table(page: DescendantsPage): HTMLElement | null {
  if (page.models.length === 0) return null;
  const head = h(
    "tr",
    {},
    ["model", "relation", "depth"].map((c) => h("th", { scope: "col" }, c)),
  );
  const rows = page.models.map((m) =>
    h(
      "tr",
      {},
      h("td", {}, h("a", { href: modelHref(m.id), "data-nav": true }, m.id)),
      h("td", {}, m.relation),
      h("td", {}, String(m.depth)),
    ),
  );
  return h("table", { class: "descendants" }, h("thead", {}, head), h("tbody", {}, rows));
}

function pager(
  here: string,
  filters: Filters,
  page: DescendantsPage,
  offset: number,
  last: number,
): HTMLElement {
  const next = page.next ? `${here}${query({ ...filters, cursor: page.next, start: last })}` : undefined;
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages" },
    offset > 0 ? h("a", { href: `${here}${query(filters)}`, "data-nav": true }, "First page") : null,
    next ? h("a", { href: next, "data-nav": true, rel: "next" }, "Next page") : null,
  );
}

export async function descendantsPage(main: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined])) as Filters;
  const cursor = params.get("cursor") ?? undefined;
  // Where this page starts among all matches: the page's own URL says it (the API's cursor is opaque).
  const offset = cursor === undefined ? 0 : Math.max(0, Number(params.get("start") ?? "0") || 0);
  const base = `/api/v1/models/${idPath(id)}/descendants`;
  const [page, all] = await Promise.all([
    api<DescendantsPage>(`${base}${query({ ...filters, limit: PAGE, cursor })}`),
    api<DescendantsPage>(`${base}${query({ limit: 1 })}`),
  ]);
  document.title = `Descendants of ${id} · ftl registry`;
  const here = `${modelHref(id)}/descendants`;
  const last = offset + page.models.length;
  const range =
    page.total === 0
      ? "No descendant matches."
      : `Models ${count(offset + 1)}–${count(last)} of ${count(page.total)} matching`;
  mount(
    main,
    h("p", { class: "kicker" }, h("a", { href: modelHref(id), "data-nav": true }, id)),
    h("h1", {}, "Descendants"),
    h("p", { class: "lede" }, `${plural(all.total, "model")} derive from it, at any depth.`),
    relationCounts(here, all, params.get("relation")),
    filterForm(here, params),
    h("p", { id: "range", "aria-live": "polite" }, range),
    table(page),
    pager(here, filters, page, offset, last),
  );
}
