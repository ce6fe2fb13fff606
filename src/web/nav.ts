/** Moving between the app's pages without reloading (the router registers itself here). */
let render: () => Promise<void> = async () => undefined;

export function setRouter(fn: () => Promise<void>): void {
  render = fn;
}

/** Goes to a path of the app. */
export function navigate(href: string): void {
  window.history.pushState({}, "", href);
  void render().then(() => {
    window.scrollTo(0, 0);
    document.getElementById("main")?.focus({ preventScroll: true });
  });
}
