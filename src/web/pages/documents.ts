/** The documents about a model (history and sources) and, where sources disagree, their claims side by side. */
import { h } from "../dom.js";
import { stepTitle } from "../labels.js";
import type { ModelAnswer } from "../types.js";

export function documentsTable(model: ModelAnswer): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "docs-h" },
    h("h2", { id: "docs-h" }, "Documents"),
    model.documents.length === 0
      ? h("p", {}, "No document has this model as its subject.")
      : h(
          "table",
          { class: "docs" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ["state", "added", "source", "hash"].map((c) => h("th", { scope: "col" }, c)),
            ),
          ),
          h(
            "tbody",
            {},
            model.documents.map((d) =>
              h(
                "tr",
                { class: d.current ? "current" : "history" },
                h("td", {}, d.current ? "current" : "history"),
                h("td", {}, d.addedAt.slice(0, 19).replace("T", " ")),
                h("td", {}, d.source),
                h("td", {}, h("code", {}, d.hash.slice(0, 12))),
              ),
            ),
          ),
        ),
  );
}

type Doc = ModelAnswer["documents"][number]["document"];
type AnyStep = Doc["steps"][number] & { hyperparameters?: Record<string, unknown> };

/** The main hyperparameters of a step on one line, so that two accounts can be compared at a glance. */
function settings(step: AnyStep): string {
  const hp = step.hyperparameters ?? {};
  return Object.entries(hp)
    .filter(([k]) => k !== "other")
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(" · ");
}

function account(d: ModelAnswer["documents"][number]): HTMLElement {
  const doc = d.document;
  return h(
    "article",
    { class: "claim" },
    h("h3", {}, d.source),
    h("p", { class: "note" }, `added ${d.addedAt.slice(0, 10)} · ${d.hash.slice(0, 12)}`),
    h("p", {}, "Bases: ", doc.bases.map((b) => b.id).join(", ") || "none"),
    h(
      "ol",
      {},
      doc.steps.map((step) => {
        const s = step as AnyStep;
        const inputs = (s.inputs?.models ?? []).map((m) => ("id" in m ? m.id : m.step)).join(" + ");
        const datasets = (s.inputs?.datasets ?? []).map((x) => x.id ?? x.description).join(", ");
        return h(
          "li",
          {},
          `${stepTitle(s as { kind: string })}: ${inputs} → ${s.output?.id ?? doc.subject.id}`,
          datasets ? h("div", { class: "note" }, `data: ${datasets}`) : null,
          settings(s) ? h("div", { class: "note" }, settings(s)) : null,
        );
      }),
    ),
    h("p", {}, "Licence: ", doc.subject.license ?? "not declared"),
  );
}

/** Current documents from different sources, side by side, with what each claims. */
export function disagreementView(model: ModelAnswer): HTMLElement {
  const about = model.disagreements.map((d) => `about ${d.about}`).join(", ");
  return h(
    "section",
    { "aria-labelledby": "disagree-h", class: "disagree" },
    h("h2", { id: "disagree-h" }, "Sources disagree"),
    h("p", {}, about, " — each current document's account:"),
    h("div", { class: "side-by-side" }, model.documents.filter((d) => d.current).map(account)),
  );
}
