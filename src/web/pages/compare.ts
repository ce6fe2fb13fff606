/** Compare two models: their nearest common ancestor and the two paths down from it. */
import { api, modelHref, query } from "../api.js";
import { h, mount, plural } from "../dom.js";
import { shortName, stepTitle } from "../labels.js";
import { navigate } from "../nav.js";
import type { CommonResult, StepEdge } from "../types.js";

function path(from: string, to: string, steps: StepEdge[]): HTMLElement {
  return h(
    "article",
    { class: "claim" },
    h("h3", {}, h("a", { href: modelHref(to), "data-nav": true }, to)),
    h("p", { class: "note" }, `${plural(steps.length, "step")} from ${from}`),
    h(
      "ol",
      {},
      steps.map((s) =>
        h(
          "li",
          {},
          `${stepTitle(s)}${s.datasets.length ? ` on ${s.datasets.map(shortName).join(", ")}` : ""} → `,
          h("a", { href: modelHref(s.child), "data-nav": true }, s.child),
        ),
      ),
    ),
  );
}

export async function comparePage(main: HTMLElement, a: string, b: string): Promise<void> {
  document.title = "Compare · ftl registry";
  const form = h(
    "form",
    {
      class: "filters",
      "aria-label": "Models to compare",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(e.target as HTMLFormElement);
        navigate(
          `/compare${query({ a: String(data.get("a") ?? "").trim(), b: String(data.get("b") ?? "").trim() })}`,
        );
      },
    },
    h("label", {}, "First model ", h("input", { name: "a", type: "text", value: a, size: 40 })),
    h("label", {}, "Second model ", h("input", { name: "b", type: "text", value: b, size: 40 })),
    h("button", { type: "submit" }, "Compare"),
  );
  const out = h("div", { id: "common", "aria-live": "polite" });
  mount(main, h("h1", {}, "Compare two models"), form, out);
  if (a === "" || b === "") return;
  const common = await api<CommonResult>(`/api/v1/common${query({ a, b })}`);
  if (common.nearest === null) {
    mount(out, h("p", {}, "These two models have no common ancestor in the registry."));
    return;
  }
  mount(
    out,
    h("h2", {}, "Nearest common ancestor"),
    h(
      "p",
      { class: "lede" },
      h("a", { href: modelHref(common.nearest), "data-nav": true }, common.nearest),
      common.alsoNearest.length > 0 ? ` (equally near: ${common.alsoNearest.join(", ")})` : "",
      common.direct ? " — one model descends from the other" : "",
    ),
    h(
      "div",
      { class: "side-by-side" },
      path(common.nearest, a, common.pathA),
      path(common.nearest, b, common.pathB),
    ),
  );
}
