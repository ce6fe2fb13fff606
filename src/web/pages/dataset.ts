/** The dataset page: every model trained on it, directly or through an ancestor. */
import { api, idPath, modelHref, query } from "../api.js";
import { count, h, mount, plural } from "../dom.js";
import type { TrainedOnResult } from "../types.js";

export async function datasetPage(main: HTMLElement, id: string): Promise<void> {
  const result = await api<TrainedOnResult>(`/api/v1/datasets/${idPath(id)}/models${query({ limit: 500 })}`);
  document.title = `${id} · ftl registry`;
  const direct = result.models.filter((m) => m.depth === 0).length;
  mount(
    main,
    h("p", { class: "kicker" }, "Dataset"),
    h("h1", { class: "id" }, id),
    h(
      "p",
      { class: "lede" },
      `${plural(result.total, "model")} in whose lineage it was used${result.truncated ? "" : ` — ${count(direct)} directly, ${count(result.total - direct)} through an ancestor`}.`,
    ),
    h(
      "table",
      { class: "trained" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "model"), h("th", { scope: "col" }, "how"))),
      h(
        "tbody",
        {},
        result.models.map((m) =>
          h(
            "tr",
            {},
            h("td", {}, h("a", { href: modelHref(m.id), "data-nav": true }, m.id)),
            h("td", {}, m.depth === 0 ? "directly" : `through an ancestor ${plural(m.depth, "step")} up`),
          ),
        ),
      ),
    ),
    result.truncated
      ? h("p", { class: "note" }, `The first ${count(result.models.length)} are listed.`)
      : null,
  );
}
