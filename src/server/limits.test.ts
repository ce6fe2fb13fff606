import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import type { Store } from "../store/store.js";
import { testRegistry } from "./_test-registry.js";
import { createApp } from "./app.js";
import { startServer } from "./serve.js";

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ftl-serve-limits-"));
  store = await testRegistry(join(dir, "r.db"));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("limits and the serve command", () => {
  it("a request that runs past the timeout gets 503 timeout, and the server goes on answering", async () => {
    // The real registry, answering ancestors 300 ms late.
    const slow = new Proxy(store, {
      get(target, name, receiver) {
        if (name === "ancestors")
          return async (...args: Parameters<Store["ancestors"]>) => {
            await new Promise((r) => setTimeout(r, 300));
            return target.ancestors(...args);
          };
        return Reflect.get(target, name, receiver);
      },
    });
    const app = createApp(slow, { requestTimeoutMs: 50, log: () => undefined });
    const res = await app.request("/api/v1/models/HuggingFaceH4/zephyr-7b-beta/ancestors");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: "timeout", message: "the request took too long and was stopped" },
    });
    expect((await app.request("/api/v1/models/HuggingFaceH4/zephyr-7b-beta")).status).toBe(200);
  });

  it("a registry that does not answer is 503 unavailable; a bug is 500 internal, logged", async () => {
    const failing = (message: string, code?: string) =>
      new Proxy(store, {
        get(target, name, receiver) {
          if (name === "ancestors")
            return async () => {
              throw Object.assign(new Error(message), code ? { code } : {});
            };
          return Reflect.get(target, name, receiver);
        },
      });
    const logged: string[] = [];
    const path = "/api/v1/models/HuggingFaceH4/zephyr-7b-beta/ancestors";
    for (const [message, code] of [
      ["timeout exceeded when trying to connect", undefined],
      ["terminating connection due to administrator command", "57P01"],
      ["connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"],
      ["database is locked", "SQLITE_BUSY"],
    ] as const) {
      const res = await createApp(failing(message, code), { log: (m) => logged.push(m) }).request(path);
      expect(res.status, message).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    }
    const bug = await createApp(failing("x is undefined"), { log: (m) => logged.push(m) }).request(path);
    expect(bug.status).toBe(500);
    expect(await bug.json()).toEqual({
      error: { code: "internal", message: "internal error (reported in the server's log)" },
    });
    expect(logged.at(-1)).toContain("x is undefined");
  });

  it("closing waits for the answers of clients that hung up, so the store is never closed under them", async () => {
    let finished = false;
    const slow = new Proxy(store, {
      get(target, name, receiver) {
        if (name === "ancestors")
          return async (...args: Parameters<Store["ancestors"]>) => {
            await new Promise((r) => setTimeout(r, 300));
            const result = await target.ancestors(...args);
            finished = true;
            return result;
          };
        return Reflect.get(target, name, receiver);
      },
    });
    const server = await startServer(slow, { port: 0, log: () => undefined });
    const gone = new AbortController();
    const request = fetch(new URL("/api/v1/models/HuggingFaceH4/zephyr-7b-beta/ancestors", server.url), {
      signal: gone.signal,
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    gone.abort();
    await request;
    await server.close();
    expect(finished).toBe(true);
  });

  it("serves on a real port with the page, the API and /healthz", async () => {
    const server = await startServer(store, { port: 0, log: () => undefined });
    try {
      const health = await fetch(new URL("/healthz", server.url));
      expect(health.status).toBe(200);
      const page = await fetch(new URL("/models/HuggingFaceH4/zephyr-7b-beta", server.url));
      expect([200, 503]).toContain(page.status);
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      await server.close();
    }
  });

  it("ftl serve refuses a bad port, a port in use and a missing registry (exit 2, one line)", async () => {
    const db = join(dir, "r.db");
    expect((await ftl(["serve", "--db", db, "--port", "70000"])).code).toBe(2);
    expect((await ftl(["serve", "--db", db, "--port", "http"])).code).toBe(2);
    const missing = await ftl(["serve", "--db", join(dir, "none.db")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("none.db");
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const busy = await ftl(["serve", "--db", db, "--port", String(port)]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain("EADDRINUSE");
    } finally {
      blocker.close();
    }
  });
});
