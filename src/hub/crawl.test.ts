import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateLineage } from "../validate/validate.js";
import { type CrawlItem, type CrawlOptions, crawlHub } from "./crawl.js";
import { HubError } from "./hub-error.js";
import { type ReplayServer, startReplayServer } from "./replay-server.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/hub", import.meta.url));
const BASE = "mistralai/Mistral-7B-v0.1";

let hub: ReplayServer;
beforeAll(async () => {
  hub = await startReplayServer(FIXTURES, { pageSize: 2 });
});
afterAll(async () => {
  await hub.close();
});

async function collect(options: CrawlOptions): Promise<CrawlItem[]> {
  const items: CrawlItem[] = [];
  for await (const item of crawlHub({ endpoint: hub.url, ...options })) items.push(item);
  return items;
}

describe("crawlHub", () => {
  it("lists the derivatives of a base across cursor pages, one valid document each", async () => {
    const items = await collect({ base: BASE });
    expect(items.map((i) => i.id)).toEqual([
      "HuggingFaceH4/zephyr-7b-beta",
      "Intel/neural-chat-7b-v3-3",
      "teknium/OpenHermes-2.5-Mistral-7B",
    ]);
    for (const item of items) {
      expect(item.status).toBe("read");
      if (item.status !== "read") continue;
      expect(validateLineage(item.document).valid).toBe(true);
      expect(item.document.subject.revision).toBe(item.sha);
      expect(item.document.bases.map((b) => b.id)).toContain(BASE);
    }
    const listing = hub.requests.filter((r) => r.url.startsWith("/api/models?"));
    expect(listing.some((r) => r.url.includes("cursor="))).toBe(true);
    expect(listing.every((r) => decodeURIComponent(r.url).includes(`filter=base_model:${BASE}`))).toBe(true);
  });

  it("follows derivatives of derivatives with recursive, each model once", async () => {
    const items = await collect({ base: BASE, recursive: true });
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "teknium/OpenHermes-2.5-Mistral-7B",
        "mlabonne/NeuralHermes-2.5-Mistral-7B",
        "TheBloke/NeuralHermes-2.5-Mistral-7B-GGUF",
        "Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp",
      ]),
    );
    const merge = items.find((i) => i.id === "Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp");
    expect(merge?.status === "read" && merge.document.steps.at(-1)?.kind).toBe("merge");
  });

  it("filters by author and honours the limit", async () => {
    const items = await collect({ author: "mistralai" });
    expect(items.map((i) => i.id)).toEqual([BASE, "mistralai/Mistral-7B-v0.3"]);
    const gated = items[1];
    expect(gated?.status === "read" && gated.warnings.map((w) => w.code)).toContain("hub.gated");
    expect(gated?.status === "read" && gated.complete).toBe(false);
    expect(await collect({ limit: 3 })).toHaveLength(3);
  });

  it("skips models the caller already has, without downloading their files", async () => {
    const before = hub.requests.length;
    const items = await collect({ author: "mistralai", skip: (id) => id === BASE });
    expect(items.map((i) => i.status)).toEqual(["skipped", "read"]);
    expect(hub.requests.slice(before).some((r) => r.url.startsWith(`/${BASE}/resolve/`))).toBe(false);
  });

  it("reports the cursor after each page and resumes from it", async () => {
    const cursors: string[] = [];
    const all = await collect({ onCursor: (c) => void cursors.push(c) });
    expect(cursors.length).toBeGreaterThan(1);
    const resumed = await collect({ cursor: cursors[0] as string });
    expect(resumed.map((i) => i.id)).toEqual(all.slice(2).map((i) => i.id));
  });

  it("waits out a 429 on a listing page, then goes on", async () => {
    const waits: number[] = [];
    hub.script("/api/models", { status: 429, headers: { "Retry-After": "2" } });
    const items = await collect({ author: "teknium", sleep: async (ms) => void waits.push(ms) });
    expect(items.map((i) => i.id)).toEqual(["teknium/OpenHermes-2.5-Mistral-7B"]);
    expect(waits).toEqual([2000]);
  });

  it("stops with a rate-limit error when the Hub keeps refusing", async () => {
    const busy = { status: 429, headers: { "Retry-After": "1" } };
    hub.script("/api/models", busy, busy);
    await expect(collect({ author: "teknium", maxRetries: 1, sleep: async () => {} })).rejects.toThrow(
      HubError,
    );
  });

  it("metadata-only reads the listing alone: no request per model", async () => {
    const before = hub.requests.length;
    const items = await collect({ base: BASE, metadataOnly: true });
    const sent = hub.requests.slice(before);
    expect(sent.every((r) => r.url.startsWith("/api/models?"))).toBe(true);
    expect(items.map((i) => i.id)).toContain("teknium/OpenHermes-2.5-Mistral-7B");
    for (const item of items) {
      if (item.status !== "read") throw new Error(`${item.id} not read`);
      expect(validateLineage(item.document).valid).toBe(true);
      expect(item.document.bases.map((b) => b.id)).toEqual([BASE]);
      expect(item.document.provenance?.by).toBe("ftl crawl hf --metadata-only");
    }
  });

  it("reads several models at a time but yields them in listing order", async () => {
    const one = await collect({ concurrency: 1 });
    const many = await collect({ concurrency: 8 });
    expect(many.map((i) => i.id)).toEqual(one.map((i) => i.id));
    expect(many.map((i) => i.status)).toEqual(one.map((i) => i.status));
  });
});
