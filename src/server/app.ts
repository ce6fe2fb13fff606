/**
 * The HTTP app of `ftl serve` (Hono): the API under `/api/v1`, `/healthz`, and the web page for everything
 * else. The app is a value: tests call `app.request(path)` without a port.
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
import { storeErrorOf } from "../store/driver-errors.js";
import { type Store, StoreError } from "../store/store.js";
import { type AuthVariables, requireToken } from "./auth.js";
import { ApiError, errorResponse } from "./errors.js";
import { openApiDocument } from "./openapi.js";
import { documentsHandler } from "./routes/documents.js";
import { modelsHandler } from "./routes/models.js";
import { commonHandler, datasetsHandler, searchHandler } from "./routes/registry.js";
import { loadWebFiles, webHandler } from "./static.js";

export interface AppOptions {
  /** Reads need a token too (writes always do). */
  readTokenRequired?: boolean;
  /** Largest request body in bytes (default 16 MiB); bigger ones get 413. */
  maxBodyBytes?: number;
  /** Longest time an API request may take, in ms (default 30 s); then 503. */
  requestTimeoutMs?: number;
  /** The built web page's folder (default: the package's `web-dist/`). */
  webDir?: string;
  /** Version shown in the OpenAPI document. */
  version?: string;
  /** Where unexpected errors are reported (default: standard error). */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_BODY = 16 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Is this the registry failing to answer (a store error, a lost or refused connection, an exhausted pool)? */
function registryUnavailable(store: Store, error: Error): boolean {
  if (error instanceof StoreError || storeErrorOf(store.location, error) !== undefined) return true;
  const code = (error as { code?: unknown }).code;
  // PostgreSQL SQLSTATE classes 08 (connection), 53 (resources), 57 (operator intervention); socket errors.
  if (
    typeof code === "string" &&
    (/^(08|53|57)[0-9A-Z]{3}$/.test(code) || /^E(CONN|TIMEDOUT|PIPE)/.test(code))
  )
    return true;
  return /timeout exceeded when trying to connect|Connection terminated|pool after calling end/i.test(
    error.message,
  );
}

function onError(store: Store, log: (message: string) => void) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException && error.status === 504)
      return errorResponse(c, new ApiError(503, "timeout", "the request took too long and was stopped"));
    if (error instanceof HTTPException)
      return errorResponse(
        c,
        new ApiError(
          error.status === 413 ? 413 : 400,
          error.status === 413 ? "payload-too-large" : "bad-request",
          error.message,
        ),
      );
    if (registryUnavailable(store, error)) {
      log(`ftl serve: the registry did not answer: ${error.message}`);
      return errorResponse(
        c,
        new ApiError(503, "unavailable", "the registry cannot answer right now; try again"),
      );
    }
    log(
      `ftl serve: internal error on ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? error.message}`,
    );
    return errorResponse(c, new ApiError(500, "internal", "internal error (reported in the server's log)"));
  };
}

/**
 * The app over an open registry.
 *
 * @example
 * const app = createApp(await openStore("registry.db"));
 * const res = await app.request("/api/v1/models/HuggingFaceH4/zephyr-7b-beta/ancestors");
 */
export function createApp(store: Store, options: AppOptions = {}): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  const maxSize = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  app.onError(onError(store, log));
  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", API_CSP);
  });
  app.get("/healthz", async (c) => {
    // One indexed lookup: answers at any registry size (stats() counts whole tables).
    await store.model("healthz/probe");
    return c.json({ ok: true as const, registry: store.kind });
  });
  app.use("/api/*", timeout(options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS));
  app.use("/api/*", requireToken(store, { readTokenRequired: options.readTokenRequired ?? false }));
  const openapi = openApiDocument(options.version ?? "0.0.0");
  app.get("/api/v1/openapi.json", (c) => c.json(openapi));
  app.get("/api/v1/models/*", modelsHandler(store));
  app.get("/api/v1/datasets/*", datasetsHandler(store));
  app.get("/api/v1/common", commonHandler(store));
  app.get("/api/v1/search", searchHandler(store));
  app.post(
    "/api/v1/documents",
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, "payload-too-large", `the body is larger than ${maxSize} bytes`);
      },
    }),
    documentsHandler(store),
  );
  app.all("/api/*", (c) => {
    const known = [
      "/api/v1/models/",
      "/api/v1/datasets/",
      "/api/v1/common",
      "/api/v1/search",
      "/api/v1/documents",
      "/api/v1/openapi.json",
    ];
    const path = new URL(c.req.url).pathname;
    if (known.some((k) => path === k || (k.endsWith("/") && path.startsWith(k))))
      throw new ApiError(405, "method-not-allowed", `${c.req.method} is not allowed on ${path}`);
    throw new ApiError(404, "not-found", `no API resource at ${path}`);
  });
  app.get("*", webHandler(loadWebFiles(options.webDir)));
  return app;
}
