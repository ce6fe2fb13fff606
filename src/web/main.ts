/**
 * The single-page app: a tiny router over the History API. Pages: search (/), model (/models/ID),
 * descendants (/models/ID/descendants), dataset (/datasets/ID), compare (/compare?a=&b=).
 */
import { ApiFailure } from "./api.js";
import { h, mount } from "./dom.js";
import { navigate, setRouter } from "./nav.js";
import { comparePage } from "./pages/compare.js";
import { datasetPage } from "./pages/dataset.js";
import { descendantsPage } from "./pages/descendants.js";
import { modelPage } from "./pages/model.js";
import { searchPage } from "./pages/search.js";
import { tokenForm } from "./pages/token.js";

const main = document.getElementById("main") as HTMLElement;

function decodeId(rest: string): string {
  return rest
    .split("/")
    .map((p) => decodeURIComponent(p))
    .join("/");
}

async function route(): Promise<void> {
  const { pathname, searchParams } = new URL(window.location.href);
  const page = async (): Promise<void> => {
    if (pathname === "/" || pathname === "/search") return searchPage(main, searchParams.get("q") ?? "");
    if (pathname === "/compare")
      return comparePage(main, searchParams.get("a") ?? "", searchParams.get("b") ?? "");
    if (pathname.startsWith("/datasets/")) return datasetPage(main, decodeId(pathname.slice(10)));
    if (pathname.startsWith("/models/")) {
      const rest = pathname.slice(8);
      if (rest.endsWith("/descendants"))
        return descendantsPage(main, decodeId(rest.slice(0, -12)), searchParams);
      return modelPage(main, decodeId(rest));
    }
    document.title = "Not found · ftl registry";
    mount(
      main,
      h("h1", {}, "Not found"),
      h("p", {}, "No page at this address. ", h("a", { href: "/", "data-nav": true }, "Search the registry")),
    );
  };
  try {
    await page();
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return tokenForm(main, error.message, route);
    document.title = "Error · ftl registry";
    const message = error instanceof ApiFailure ? error.message : String(error);
    mount(
      main,
      h("h1", {}, error instanceof ApiFailure && error.status === 404 ? "Not found" : "Something went wrong"),
      h("p", { class: "error", role: "alert" }, message),
    );
  }
}

document.addEventListener("click", (event) => {
  const link = (event.target as Element).closest?.("a[data-nav]");
  if (!link || event.defaultPrevented || (event as MouseEvent).button !== 0) return;
  if ((event as MouseEvent).metaKey || (event as MouseEvent).ctrlKey || (event as MouseEvent).shiftKey)
    return;
  event.preventDefault();
  navigate(link.getAttribute("href") ?? "/");
});
setRouter(route);
window.addEventListener("popstate", () => void route());
void route();
