/**
 * The Hub client against hostile servers on 127.0.0.1 (issue 15): every request ends in bounded time and
 * memory, with a HubError that says which limit was hit. Limits are shortened so that the tests are fast.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type CrawlItem, crawlHub } from "./crawl.js";
import { HubError } from "./hub-error.js";
import { importFromHub } from "./import-from-hub.js";

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

const servers: Server[] = [];
const timers: NodeJS.Timeout[] = [];
afterEach(async () => {
  for (const t of timers.splice(0)) clearInterval(t);
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => handler(req, res, base));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}

const LIMITS = { connectTimeoutMs: 400, idleTimeoutMs: 400, responseTimeoutMs: 1500 };

async function importError(endpoint: string, extra: object = {}): Promise<HubError> {
  const started = Date.now();
  const error = await importFromHub("org/model", {
    endpoint,
    env: {},
    limits: LIMITS,
    maxRetries: 0,
    datasetLicenses: false,
    ...extra,
  }).catch((e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}

describe("Hub client against hostile servers", () => {
  it("refuses a 10 GB Content-Length at once, without reading it", async () => {
    const endpoint = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(10 * 1024 ** 3) });
      res.write("{");
    });
    const error = await importError(endpoint);
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/10737418240 bytes, over the 16 MiB limit/);
  });

  it("stops a server that stalls after the headers (idle timeout)", async () => {
    const endpoint = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write("{");
    });
    const error = await importError(endpoint);
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/sent nothing more within 0\.4 s .*FTL_HUB_IDLE_TIMEOUT/);
  });

  it("stops a one-byte drip at the whole-response limit", async () => {
    const endpoint = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      timers.push(setInterval(() => res.write(" "), 100));
    });
    const error = await importError(endpoint);
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/did not finish its response within 1\.5 s/);
  });

  it("stops waiting for a silent server (connect timeout)", async () => {
    const endpoint = await serve(() => undefined);
    const error = await importError(endpoint);
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/did not answer within 0\.4 s .*FTL_HUB_CONNECT_TIMEOUT/);
  });

  it("stops an endless body at the size cap, in bounded memory", async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const endpoint = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const pump = (): void => {
        while (res.write(chunk)) {
          /* keep the socket full */
        }
        res.once("drain", pump);
      };
      pump();
    });
    const error = await importError(endpoint, { limits: { ...LIMITS, maxBytes: () => 2 * 1024 * 1024 } });
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/more than the 2 MiB limit/);
  });

  it("stops a crawl whose listing links to itself forever", async () => {
    let requests = 0;
    const endpoint = await serve((req, res, base) => {
      requests++;
      const page = Number(new URL(req.url ?? "/", base).searchParams.get("p") ?? "0");
      res.writeHead(200, {
        "Content-Type": "application/json",
        Link: `<${base}/api/models?p=${page + 1}>; rel="next"`,
      });
      res.end(JSON.stringify([{ _id: "x", id: "org/same" }]));
    });
    const items: CrawlItem[] = [];
    const error = await (async () => {
      for await (const item of crawlHub({ endpoint, env: {}, metadataOnly: true, limits: LIMITS }))
        items.push(item);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "bad-response", message: /20 pages in a row without a new model/ });
    expect(items).toHaveLength(1);
    expect(requests).toBeLessThanOrEqual(21);
  });

  it("stops a crawl at its request budget", async () => {
    let requests = 0;
    const endpoint = await serve((req, res, base) => {
      requests++;
      const page = Number(new URL(req.url ?? "/", base).searchParams.get("p") ?? "0");
      res.writeHead(200, {
        "Content-Type": "application/json",
        Link: `<${base}/api/models?p=${page + 1}>; rel="next"`,
      });
      res.end(JSON.stringify([{ _id: `x${page}`, id: `org/m${page}` }]));
    });
    const error = await (async () => {
      for await (const _ of crawlHub({ endpoint, env: {}, metadataOnly: true, maxRequests: 50 })) {
        // each page brings a new model: only the budget stops it
      }
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "request-budget", message: /stopped after 50 requests/ });
    expect(requests).toBe(50);
  });
});

describe("Hub limits are configurable", () => {
  it("reads FTL_HUB_*_TIMEOUT in seconds and refuses nonsense", async () => {
    const { hubLimitsFromEnv } = await import("./guarded-fetch.js");
    expect(hubLimitsFromEnv({ FTL_HUB_CONNECT_TIMEOUT: "2.5", FTL_HUB_IDLE_TIMEOUT: "10" })).toEqual({
      connectTimeoutMs: 2500,
      idleTimeoutMs: 10_000,
    });
    expect(() => hubLimitsFromEnv({ FTL_HUB_RESPONSE_TIMEOUT: "-1" })).toThrow(
      /expected a number of seconds > 0/,
    );
  });

  it("a crawl's default budget grows with --limit", async () => {
    const { crawlRequestBudget } = await import("./crawl.js");
    expect(crawlRequestBudget(100)).toBe(2200);
    expect(crawlRequestBudget(undefined)).toBe(100_000);
  });
});
