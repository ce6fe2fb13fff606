/** On a server started with --read-token-required: ask for a token once, keep it for this tab, retry. */
import { saveToken } from "../api.js";
import { h, mount } from "../dom.js";

export function tokenForm(main: HTMLElement, message: string, retry: () => Promise<void>): void {
  document.title = "Token needed · ftl registry";
  const onsubmit = (e: Event) => {
    e.preventDefault();
    const token = String(new FormData(e.target as HTMLFormElement).get("token") ?? "").trim();
    if (token === "") return;
    saveToken(token);
    void retry();
  };
  mount(
    main,
    h("h1", {}, "This registry needs a token"),
    h("p", { class: "error", role: "alert" }, message),
    h("p", {}, "Paste a read token (from ftl token create). It is kept for this browser tab only."),
    h(
      "form",
      { class: "filters", "aria-label": "Give a token", onsubmit },
      h(
        "label",
        {},
        "Token ",
        h("input", { name: "token", type: "password", autocomplete: "off", size: 50 }),
      ),
      h("button", { type: "submit" }, "Use token"),
    ),
  );
}
