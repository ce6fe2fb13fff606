/** The search page: suggestions as you type (a combobox), full results on Enter. */
import { api, datasetHref, modelHref, query } from "../api.js";
import { h, mount } from "../dom.js";
import { navigate } from "../nav.js";
import type { SearchAnswer } from "../types.js";

interface Option {
  id: string;
  kind: "model" | "dataset";
}

const hrefOf = (o: Option): string => (o.kind === "model" ? modelHref(o.id) : datasetHref(o.id));

function resultList(answer: SearchAnswer, q: string): HTMLElement {
  const section = (title: string, ids: string[], kind: Option["kind"]) =>
    h(
      "section",
      { "aria-label": title },
      h("h2", {}, title),
      ids.length === 0
        ? h("p", {}, `No ${title.toLowerCase()} start with “${q}”.`)
        : h(
            "ul",
            { class: "ids" },
            ids.map((id) => h("li", {}, h("a", { href: hrefOf({ id, kind }), "data-nav": true }, id))),
          ),
    );
  return h(
    "div",
    { id: "results" },
    section("Models", answer.models, "model"),
    section("Datasets", answer.datasets, "dataset"),
  );
}

/** A search box with a suggestion list that follows the ARIA combobox pattern. */
export function searchBox(
  onPick: (o: Option) => void,
  onEnter: (q: string) => void,
  initial = "",
): HTMLElement {
  const list = h("ul", {
    id: "suggestions",
    role: "listbox",
    "aria-label": "Suggestions",
    class: "suggestions",
    hidden: true,
  });
  const input = h("input", {
    id: "q",
    type: "search",
    name: "q",
    value: initial,
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "suggestions",
    autocomplete: "off",
    placeholder: "meta-llama/, mistralai/Mistral, ultrachat …",
  }) as HTMLInputElement;
  let options: Option[] = [];
  let active = -1;
  let pending: AbortController | undefined;
  const show = () => {
    list.replaceChildren(
      ...options.map((o, i) =>
        h(
          "li",
          {
            id: `opt-${i}`,
            role: "option",
            "aria-selected": String(i === active),
            class: i === active ? "active" : undefined,
            onmousedown: (e: Event) => {
              e.preventDefault();
              onPick(o);
            },
          },
          h("span", { class: `kind ${o.kind}` }, o.kind),
          " ",
          o.id,
        ),
      ),
    );
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(options.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `opt-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  input.addEventListener("input", async () => {
    pending?.abort();
    const q = input.value.trim();
    active = -1;
    if (q === "") {
      options = [];
      return show();
    }
    pending = new AbortController();
    try {
      const answer = await api<SearchAnswer>(`/api/v1/search${query({ q, limit: 8 })}`, pending.signal);
      options = [
        ...answer.models.map((id) => ({ id, kind: "model" as const })),
        ...answer.datasets.map((id) => ({ id, kind: "dataset" as const })),
      ];
      show();
    } catch {
      // a newer keystroke aborted this one, or the server is gone: keep the old list
    }
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (options.length === 0) return;
      active = (active + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length;
      show();
    } else if (e.key === "Escape") {
      options = [];
      show();
    } else if (e.key === "Enter") {
      e.preventDefault();
      const picked = options[active];
      if (picked) onPick(picked);
      else onEnter(input.value.trim());
    }
  });
  input.addEventListener("blur", () =>
    setTimeout(() => {
      options = [];
      show();
    }, 150),
  );
  return h("div", { class: "search" }, h("label", { for: "q" }, "Model or dataset id"), input, list);
}

export async function searchPage(main: HTMLElement, q: string): Promise<void> {
  document.title = "Search · ftl registry";
  const results = h("div", { "aria-live": "polite" });
  const box = searchBox(
    (o) => navigate(hrefOf(o)),
    (text) => text !== "" && navigate(`/${query({ q: text })}`),
    q,
  );
  mount(
    main,
    h("h1", {}, "Search the lineage registry"),
    h(
      "p",
      { class: "lede" },
      "Type the start of a model or dataset id; pick a suggestion, or press Enter for every match.",
    ),
    box,
    results,
  );
  if (q !== "")
    mount(results, resultList(await api<SearchAnswer>(`/api/v1/search${query({ q, limit: 50 })}`), q));
}
