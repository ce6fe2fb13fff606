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

interface BoxState {
  input: HTMLInputElement;
  list: HTMLElement;
  options: Option[];
  active: number;
  pending?: AbortController;
  onPick: (o: Option) => void;
}

/** Draws the suggestion list and the combobox's ARIA state. */
function show(state: BoxState): void {
  const { input, list, options, active } = state;
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
            state.onPick(o);
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
}

/** Asks for suggestions for what is typed; a newer keystroke cancels an older request. */
async function suggest(state: BoxState): Promise<void> {
  state.pending?.abort();
  const q = state.input.value.trim();
  state.active = -1;
  if (q === "") {
    state.options = [];
    return show(state);
  }
  const pending = new AbortController();
  state.pending = pending;
  try {
    const answer = await api<SearchAnswer>(`/api/v1/search${query({ q, limit: 8 })}`, pending.signal);
    state.options = [
      ...answer.models.map((id) => ({ id, kind: "model" as const })),
      ...answer.datasets.map((id) => ({ id, kind: "dataset" as const })),
    ];
    show(state);
  } catch {
    // a newer keystroke aborted this one, or the server is gone: keep the old list
  }
}

function onKey(state: BoxState, e: KeyboardEvent, onEnter: (q: string) => void): void {
  const n = state.options.length;
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    if (n === 0) return;
    state.active = (state.active + (e.key === "ArrowDown" ? 1 : n - 1)) % n;
    show(state);
  } else if (e.key === "Escape") {
    state.options = [];
    show(state);
  } else if (e.key === "Enter") {
    e.preventDefault();
    const picked = state.options[state.active];
    if (picked) state.onPick(picked);
    else onEnter(state.input.value.trim());
  }
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
  const state: BoxState = { input, list, options: [], active: -1, onPick };
  input.addEventListener("input", () => void suggest(state));
  input.addEventListener("keydown", (e) => onKey(state, e, onEnter));
  input.addEventListener("blur", () =>
    setTimeout(() => {
      state.options = [];
      show(state);
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
