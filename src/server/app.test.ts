import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import type { Store } from "../store/store.js";
import { FAN_OUT, HOSTILE_ID, testRegistry } from "./_test-registry.js";
import { createApp } from "./app.js";
import { newToken } from "./tokens/token.js";

const ZEPHYR = "HuggingFaceH4/zephyr-7b-beta";
let dir: string;
let db: string;
let store: Store;
let app: ReturnType<typeof createApp>;
let writeToken: string;
let readToken: string;

const cli = async (...args: string[]) => {
  const r = await ftl([...args, "--json", "--db", db]);
  return JSON.parse(r.stdout) as unknown;
};
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await app.request(path, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
};
const post = (body: string, type: string, token?: string, query = "") =>
  app.request(`/api/v1/documents${query}`, {
    method: "POST",
    body,
    headers: { "content-type": type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ftl-serve-"));
  db = join(dir, "r.db");
  store = await testRegistry(db);
  const w = newToken();
  const r = newToken();
  await store.tokens.create({ name: "writer", scope: "write", hash: w.hash, hint: w.hint });
  await store.tokens.create({ name: "reader", scope: "read", hash: r.hash, hint: r.hint });
  writeToken = w.token;
  readToken = r.token;
  app = createApp(store, { maxBodyBytes: 64 * 1024, log: () => undefined });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("reads answer as the CLI's --json", () => {
  it("healthz, the model, its ancestors, datasets, audit and common ancestor", async () => {
    expect((await get("/healthz")).body).toEqual({ ok: true, registry: "sqlite" });
    const model = await get(`/api/v1/models/${ZEPHYR}`);
    expect(model.status).toBe(200);
    expect(model.body).toMatchObject({ id: ZEPHYR, model: { id: ZEPHYR } });
    expect((model.body.documents as unknown[]).length).toBeGreaterThan(0);
    expect(model.body.licenses).toEqual([expect.objectContaining({ license: "mit" })]);
    expect((await get(`/api/v1/models/${ZEPHYR}/ancestors`)).body).toEqual(
      await cli("query", "ancestors", ZEPHYR),
    );
    expect((await get(`/api/v1/models/${ZEPHYR}/datasets`)).body).toEqual(
      await cli("query", "datasets", ZEPHYR),
    );
    const audit = await get(`/api/v1/models/${ZEPHYR}/audit`);
    expect(audit.body).toEqual(await cli("audit", `registry:${ZEPHYR}`));
    const common = await get(`/api/v1/common?a=${ZEPHYR}&b=Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp`);
    expect(common.body).toEqual(
      await cli("query", "common", ZEPHYR, "Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp"),
    );
    const trained = await get("/api/v1/datasets/HuggingFaceH4/ultrachat_200k/models");
    expect(trained.body).toEqual(await cli("query", "trained-on", "HuggingFaceH4/ultrachat_200k"));
    expect((await get("/api/v1/search?q=hugging")).body).toEqual(await cli("query", "search", "hugging"));
  });

  it("pages through descendants with a cursor, each page as the CLI's; the pages hold every descendant once", async () => {
    const all = (await cli("query", "descendants", "fixture/base", "--limit", "all")) as {
      models: { id: string }[];
      counts: Record<string, number>;
    };
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const page = await get(
        `/api/v1/models/fixture/base/descendants?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(page.status).toBe(200);
      const args = [
        "query",
        "descendants",
        "fixture/base",
        "--limit",
        "25",
        ...(cursor ? ["--cursor", cursor] : []),
      ];
      expect(page.body).toEqual(await cli(...args));
      expect(page.body.total).toBe(FAN_OUT);
      expect(page.body.counts).toEqual(all.counts);
      seen.push(...(page.body.models as { id: string }[]).map((m) => m.id));
      cursor = page.body.next as string | null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(all.models.map((m) => m.id).sort());
    const merges = await get("/api/v1/models/fixture/base/descendants?relation=merge&limit=5");
    expect(merges.body.total).toBe(FAN_OUT / 4);
    expect((merges.body.models as { relation: string }[]).every((m) => m.relation === "merge")).toBe(true);
  });

  it("exports with the format's content type", async () => {
    const res = await app.request(`/api/v1/models/${ZEPHYR}/export?format=cyclonedx&download=1`);
    expect(res.headers.get("content-type")).toBe("application/vnd.cyclonedx+json");
    expect(res.headers.get("content-disposition")).toContain(".cdx.json");
    expect(JSON.parse(await res.text())).toMatchObject({ bomFormat: "CycloneDX" });
    const mermaid = await app.request(`/api/v1/models/${ZEPHYR}/export?format=mermaid`);
    expect(mermaid.headers.get("content-type")).toContain("text/vnd.mermaid");
    expect(await mermaid.text()).toContain("flowchart");
  });

  it("publishes an OpenAPI 3.1 document generated from the schemas", async () => {
    const doc = (await get("/api/v1/openapi.json")).body as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/models/{org}/{name}/descendants");
    expect(doc.components.schemas).toHaveProperty("LineageDocument");
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
  });

  it("takes ids with markup as they are and never answers with HTML", async () => {
    const path = `/api/v1/models/${encodeURIComponent(HOSTILE_ID)}`;
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(((await res.json()) as { id: string }).id).toBe(HOSTILE_ID);
  });
});

describe("errors are one JSON shape", () => {
  it("404 unknown model, 400 bad or unknown parameters, bad cursor, 405 and unknown paths", async () => {
    const missing = await get("/api/v1/models/nobody/nothing/ancestors");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: { code: "not-found", message: "no model 'nobody/nothing' in the registry" },
    });
    const bad = await get(`/api/v1/models/${ZEPHYR}/descendants?relaton=merge`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: "bad-request",
      issues: [{ code: "query.unknown", path: "relaton" }],
    });
    expect(JSON.stringify(bad.body)).toContain("did you mean 'relation'");
    const limit = await get(`/api/v1/models/${ZEPHYR}/descendants?limit=0`);
    expect(limit.status).toBe(400);
    expect((limit.body.error as { issues: { path: string }[] }).issues[0]?.path).toBe("limit");
    expect((await get(`/api/v1/models/${ZEPHYR}/descendants?cursor=xyz`)).status).toBe(400);
    expect((await get("/api/v1/nothing")).status).toBe(404);
    const wrong = await app.request(`/api/v1/models/${ZEPHYR}`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("method-not-allowed");
  });
});

describe("POST /api/v1/documents", () => {
  const doc = (id: string) => ({
    format: "ftl/v1",
    subject: { id },
    bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
    steps: [
      {
        id: "s1",
        kind: "fine-tune",
        objective: "sft",
        parameterization: "full",
        inputs: { models: [{ id: "mistralai/Mistral-7B-v0.1" }] },
        output: { id },
      },
    ],
  });

  it("401 without a token, 403 with a read token, 201 with a write token", async () => {
    const body = JSON.stringify(doc("api/one"));
    const none = await post(body, "application/json");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await post(body, "application/json", "ftl_notatoken")).status).toBe(401);
    expect((await post(body, "application/json", readToken)).status).toBe(403);
    const ok = await post(body, "application/json", writeToken);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      added: 1,
      source: "api:writer",
      results: [{ subject: "api/one" }],
    });
    expect((await get("/api/v1/models/api/one/ancestors")).body.roots).toEqual(["mistralai/Mistral-7B-v0.1"]);
  });

  it("takes JSONL, refuses the whole batch with the issues of each bad line (422), bad JSON (400)", async () => {
    const lines = [
      JSON.stringify(doc("api/two")),
      JSON.stringify({ source: "mine", document: doc("api/three") }),
    ];
    const ok = await post(lines.join("\n"), "application/x-ndjson", writeToken);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ added: 2 });
    expect(((await get("/api/v1/models/api/three")).body.documents as { source: string }[])[0]?.source).toBe(
      "mine",
    );
    const broken = { ...doc("api/four"), steps: [{ ...doc("api/four").steps[0], kind: "finetune" }] };
    const bad = await post(
      [JSON.stringify(doc("api/five")), JSON.stringify(broken)].join("\n"),
      "application/x-ndjson",
      writeToken,
    );
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as {
      error: { code: string; issues: { index: number; line: number; path: string }[] };
    };
    expect(body.error.code).toBe("invalid-document");
    expect(body.error.issues[0]).toMatchObject({ index: 1, line: 2, path: "steps[0].kind" });
    expect((await get("/api/v1/models/api/five")).status).toBe(404);
    expect((await post("{not json", "application/json", writeToken)).status).toBe(400);
    expect((await post("{}", "text/plain", writeToken)).status).toBe(415);
  });

  it("413 for a body over the limit", async () => {
    const res = await post(`{"x": "${"a".repeat(70 * 1024)}"}`, "application/json", writeToken);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload-too-large");
  });
});

describe("tokens", () => {
  it("--read-token-required: reads need a token; revoked tokens stop working", async () => {
    const closed = createApp(store, { readTokenRequired: true, log: () => undefined });
    expect((await closed.request(`/api/v1/models/${ZEPHYR}`)).status).toBe(401);
    const auth = { authorization: `Bearer ${readToken}` };
    expect((await closed.request(`/api/v1/models/${ZEPHYR}`, { headers: auth })).status).toBe(200);
    expect((await closed.request("/healthz")).status).toBe(200);
    await store.tokens.revoke("reader");
    const fresh = createApp(store, { readTokenRequired: true, log: () => undefined });
    expect((await fresh.request(`/api/v1/models/${ZEPHYR}`, { headers: auth })).status).toBe(401);
  });

  it("ftl token create prints the token once; the registry holds only its hash", async () => {
    const created = await ftl(["token", "create", "--name", "ci", "--scope", "write", "--db", db]);
    expect(created.code).toBe(0);
    const token = created.stdout.trim().split("\n").pop() as string;
    expect(token).toMatch(/^ftl_[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(db).includes(token)).toBe(false);
    const raw = new Database(db, { readonly: true });
    const rows = raw.prepare("SELECT * FROM api_token WHERE name = 'ci'").all();
    raw.close();
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    // A token no cached hash matches re-reads the list if it is older than 100 ms.
    await new Promise((r) => setTimeout(r, 150));
    expect((await post(JSON.stringify(doc2()), "application/json", token)).status).toBe(201);
    const again = await ftl(["token", "create", "--name", "ci", "--db", db]);
    expect(again.code).toBe(2);
    const list = await ftl(["token", "list", "--db", db]);
    expect(list.stdout).toContain("ci");
    expect(list.stdout).not.toContain(token);
    expect((await ftl(["token", "revoke", "ci", "--db", db])).code).toBe(0);
    expect((await ftl(["token", "revoke", "ci", "--db", db])).code).toBe(2);
    expect((await ftl(["token", "create", "--name", "bad name", "--db", db])).code).toBe(2);
  });
});

function doc2() {
  return {
    format: "ftl/v1",
    subject: { id: "api/by-cli-token" },
    bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
    steps: [
      {
        id: "s1",
        kind: "quantization",
        method: "gguf",
        bits: 4,
        inputs: { models: [{ id: "mistralai/Mistral-7B-v0.1" }] },
        output: { id: "api/by-cli-token" },
      },
    ],
  };
}
