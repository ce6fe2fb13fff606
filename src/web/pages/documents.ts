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

/** Current documents from different sources, side by side, with what each claims. */
export function disagreementView(model: ModelAnswer): HTMLElement {
  const current = model.documents.filter((d) => d.current);
  return h(
    "section",
    { "aria-labelledby": "disagree-h", class: "disagree" },
    h("h2", { id: "disagree-h" }, "Sources disagree"),
    h(
      "p",
      {},
      model.disagreements.map((d) => `about ${d.about}`).join(", "),
      " — each current document's account:",
    ),
    h(
      "div",
      { class: "side-by-side" },
      current.map((d) =>
        h(
          "article",
          { class: "claim" },
          h("h3", {}, d.source),
          h("p", { class: "note" }, `added ${d.addedAt.slice(0, 10)} · ${d.hash.slice(0, 12)}`),
          h("p", {}, "Bases: ", d.document.bases.map((b) => b.id).join(", ") || "none"),
          h(
            "ol",
            {},
            d.document.steps.map((s) =>
              h(
                "li",
                {},
                `${stepTitle(s as { kind: string })}: ${(s.inputs?.models ?? []).map((m) => ("id" in m ? m.id : m.step)).join(" + ")} → ${s.output?.id ?? d.document.subject.id}`,
              ),
            ),
          ),
          h("p", {}, "Licence: ", d.document.subject.license ?? "not declared"),
        ),
      ),
    ),
  );
}
