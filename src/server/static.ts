/**
 * The web page: the files Vite built into `web-dist/` (shipped in the package), read once into memory and
 * served with a strict Content-Security-Policy. Every path that is not a file nor the API gets `index.html`
 * (the page routes itself: /models/ORG/NAME, /datasets/ID, /compare …).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";

/** Where the built page lives: `web-dist/` at the package root (beside `src/` and `dist/`). */
export const WEB_DIST = fileURLToPath(new URL("../../web-dist/", import.meta.url));

/** The page may load only its own scripts, styles and API; nothing inline, no frames, no other origins. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

interface WebFile {
  body: Uint8Array;
  type: string;
  immutable: boolean;
}

function readAll(dir: string, root: string, out: Map<string, WebFile>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readAll(path, root, out);
    else {
      const url = `/${relative(root, path).split(sep).join("/")}`;
      out.set(url, {
        body: readFileSync(path),
        type: TYPES[extname(name)] ?? "application/octet-stream",
        immutable: url.startsWith("/assets/"),
      });
    }
  }
}

/** The built page's files by URL path, or undefined when the page was not built. */
export function loadWebFiles(dir = WEB_DIST): Map<string, WebFile> | undefined {
  if (!existsSync(join(dir, "index.html"))) return undefined;
  const files = new Map<string, WebFile>();
  readAll(dir, dir, files);
  return files;
}

/** A handler that serves the page (or says how to build it). */
export function webHandler(files: Map<string, WebFile> | undefined) {
  return (c: Context): Response => {
    c.header("Content-Security-Policy", PAGE_CSP);
    if (files === undefined) {
      c.header("Content-Type", "text/plain; charset=utf-8");
      return c.body(
        "The web page is not built. Run `npm run build:web` (the API under /api/v1 works).\n",
        503,
      );
    }
    const path = new URL(c.req.url).pathname;
    // Model ids have dots (Mistral-7B-v0.1): every path but a built asset's is a page.
    const file = files.get(path) ?? (path.startsWith("/assets/") ? undefined : files.get("/index.html"));
    if (file === undefined) {
      c.header("Content-Type", "text/plain; charset=utf-8");
      return c.body("Not found\n", 404);
    }
    c.header("Content-Type", file.type);
    c.header("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    return c.body(file.body.slice(), 200);
  };
}
