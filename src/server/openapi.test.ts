/**
 * The OpenAPI document describes what the server answers: every JSON answer of a registry with documents,
 * disagreements, merges, paging and errors validates, with ajv (an independent validator), against the schema the
 * document publishes for that path, method and status.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/store.js";
import { FAN_OUT, HOSTILE_ID, testRegistry } from "./_test-registry.js";
import { createApp } from "./app.js";

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;
let doc: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ftl-openapi-"));
  store = await testRegistry(join(dir, "r.db"));
  app = createApp(store, { log: () => undefined });
  doc = (await (await app.request("/api/v1/openapi.json")).json()) as typeof doc;
  ajv.addSchema({ ...doc, $id: "openapi" });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const pointer = (...parts: string[]): string =>
  parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Requests `url` and checks its JSON answer against the document's schema for `template`. */
async function conforms(url: string, template: string, status: number, init?: RequestInit): Promise<void> {
  const res = await app.request(url, init);
  expect(res.status, url).toBe(status);
  const method = (init?.method ?? "get").toLowerCase();
  expect(
    doc.paths[template]?.[method]?.responses[String(status)],
    `${method} ${template} ${status}`,
  ).toBeDefined();
  const ref = `openapi#/${pointer("paths", template, method, "responses", String(status), "content", "application/json", "schema")}`;
  const validate = ajv.compile({ $ref: ref });
  const body: unknown = await res.json();
  expect(validate(body), `${url}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
}

const M = "/api/v1/models/{org}/{name}";

describe("the OpenAPI document", () => {
  it("describes every JSON answer", async () => {
    for (const id of [
      "HuggingFaceH4/zephyr-7b-beta",
      "Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp",
      "fixture/base",
    ]) {
      await conforms(`/api/v1/models/${id}`, M, 200);
      await conforms(`/api/v1/models/${id}/ancestors`, `${M}/ancestors`, 200);
      await conforms(`/api/v1/models/${id}/descendants?limit=7`, `${M}/descendants`, 200);
      await conforms(`/api/v1/models/${id}/datasets`, `${M}/datasets`, 200);
      await conforms(`/api/v1/models/${id}/audit`, `${M}/audit`, 200);
    }
    await conforms(`/api/v1/models/${encodeURIComponent(HOSTILE_ID)}`, M, 200);
    await conforms(
      "/api/v1/datasets/HuggingFaceH4/ultrachat_200k/models",
      "/api/v1/datasets/{id}/models",
      200,
    );
    await conforms("/api/v1/common?a=fixture/child-01&b=fixture/child-02", "/api/v1/common", 200);
    await conforms("/api/v1/search?q=fixture/", "/api/v1/search", 200);
    await conforms("/healthz", "/healthz", 200);
    await conforms("/api/v1/models/no/body", M, 404);
    await conforms("/api/v1/models/fixture/base/descendants?limit=x", `${M}/descendants`, 400);
    expect(FAN_OUT).toBeGreaterThan(7);
  });

  it("describes the errors of a write", async () => {
    await conforms("/api/v1/documents", "/api/v1/documents", 401, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
  });
});
