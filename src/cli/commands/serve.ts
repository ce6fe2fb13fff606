/** `ftl serve`: the registry as an HTTP API (`/api/v1`) and a web page that draws lineage. */
import { createRequire } from "node:module";
import { DEFAULT_MAX_BODY, DEFAULT_TIMEOUT_MS } from "../../server/app.js";
import { startServer } from "../../server/serve.js";
import { CliError, type Command, EXIT, flag, str } from "../command.js";
import { DB_OPTION, REGISTRY_DETAILS, wholeNumber, withStore } from "./query.js";

const require = createRequire(import.meta.url);
const { version } = require("../../../package.json") as { version: string };

/** Waits for Ctrl-C or SIGTERM (a test can pass its own signal). */
function stopped(signal?: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const done = (name: string) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(name);
    };
    const onInt = () => done("SIGINT");
    const onTerm = () => done("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    signal?.addEventListener("abort", () => done("abort"), { once: true });
  });
}

export const serveCommand: Command = {
  path: ["serve"],
  summary: "serve the registry as an HTTP API and a web page that draws lineage",
  usage:
    "ftl serve [--db PATH|URL] [--host 127.0.0.1] [--port 8080] [--read-token-required] [--max-body BYTES] [--timeout SECONDS]",
  options: {
    ...DB_OPTION,
    host: { type: "string", value: "HOST", description: "Address to listen on", default: "127.0.0.1" },
    port: { type: "string", value: "PORT", description: "Port (0: any free port)", default: "8080" },
    "read-token-required": {
      type: "boolean",
      description: "Reads need a token too (writes always need a write token)",
    },
    "max-body": {
      type: "string",
      value: "BYTES",
      description: "Largest request body; bigger ones get 413",
      default: String(DEFAULT_MAX_BODY),
    },
    timeout: {
      type: "string",
      value: "SECONDS",
      description: "Longest time one API request may take (then 503)",
      default: String(DEFAULT_TIMEOUT_MS / 1000),
    },
  },
  details: `The API is under /api/v1 (its OpenAPI 3.1 document at /api/v1/openapi.json), /healthz answers 200
when the registry does, and every other path is the web page. Writes (POST /api/v1/documents) need a token
with the write scope: create one with 'ftl token create --name NAME --scope write'. Several servers can share
one PostgreSQL registry. Stop with Ctrl-C. See docs/serve.md.
${REGISTRY_DETAILS}
Exit codes: 0 stopped, 2 usage error (bad option, no registry, port in use).`,
  examples: [
    "ftl serve --db .ftl/registry.db --port 8080",
    "ftl serve --db postgres://postgres@127.0.0.1:5432/ftl --host 0.0.0.0 --read-token-required",
  ],
  async run(ctx) {
    const port = wholeNumber(ctx, "port") ?? 8080;
    if (port > 65535) throw new CliError(`--port ${port}: expected a port number up to 65535`);
    const maxBodyBytes = wholeNumber(ctx, "max-body", 1) ?? DEFAULT_MAX_BODY;
    const timeoutSeconds = wholeNumber(ctx, "timeout", 1) ?? DEFAULT_TIMEOUT_MS / 1000;
    const host = str(ctx.values, "host") ?? "127.0.0.1";
    return withStore(ctx, { create: false }, async (store) => {
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(store, {
          host,
          port,
          maxBodyBytes,
          requestTimeoutMs: timeoutSeconds * 1000,
          readTokenRequired: flag(ctx.values, "read-token-required"),
          version,
          log: (m) => ctx.io.stderr(`${m}\n`),
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw new CliError(
          `cannot listen on ${host}:${port} (${code ?? (error as Error).message})`,
          EXIT.usage,
        );
      }
      ctx.io.stdout(`ftl serve: registry ${store.location}\n${server.url}\n`);
      await stopped();
      await server.close();
      return EXIT.ok;
    });
  },
};
