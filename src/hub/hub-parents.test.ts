import { describe, expect, it } from "vitest";
import type { HubModel } from "./fetch-model.js";
import { hubParents } from "./hub-parents.js";
import { normalizeParentId, parseHubRef } from "./hub-ref.js";
import { parseRetryAfter } from "./polite-fetch.js";

const model = (over: Partial<HubModel>): HubModel => ({
  id: "org/child",
  sha: "0".repeat(40),
  gated: false,
  tags: [],
  filePaths: [],
  files: [],
  warnings: [],
  complete: true,
  ...over,
});

describe("hubParents", () => {
  it("reads base_model as a string or a list, with the declared relation", () => {
    expect(hubParents(model({ cardData: { base_model: "org/base" } }))).toMatchObject({
      parents: ["org/base"],
      relation: "finetune",
      parentSource: "card",
    });
    expect(
      hubParents(model({ cardData: { base_model: ["a/one", "b/two"], base_model_relation: "merge" } })),
    ).toMatchObject({ parents: ["a/one", "b/two"], relation: "merge", relationSource: "card" });
  });

  it("takes the relation from the Hub's tags, and infers it from files when nothing says", () => {
    const tagged = model({ cardData: { base_model: "org/base" }, tags: ["base_model:quantized:org/base"] });
    expect(hubParents(tagged)).toMatchObject({ relation: "quantized", relationSource: "tags" });
    const gguf = model({ cardData: { base_model: "org/base" }, filePaths: ["m.Q4_K_M.gguf"] });
    expect(hubParents(gguf)).toMatchObject({ relation: "quantized", relationSource: "inferred" });
    const adapter = model({ cardData: { base_model: "org/base" }, filePaths: ["adapter_config.json"] });
    expect(hubParents(adapter).relation).toBe("adapter");
  });

  it("falls back to tags, then to adapter_config.json", () => {
    expect(hubParents(model({ tags: ["base_model:adapter:org/base", "base_model:org/base"] }))).toMatchObject(
      {
        parents: ["org/base"],
        parentSource: "tags",
        relation: "adapter",
      },
    );
    const files = [
      {
        path: "http://hub/org/child/resolve/x/adapter_config.json",
        text: '{"base_model_name_or_path":"org/base"}',
      },
    ];
    expect(hubParents(model({ files, filePaths: ["adapter_config.json"] }))).toMatchObject({
      parents: ["org/base"],
      parentSource: "adapter_config",
      relation: "adapter",
    });
  });

  it("keeps what is not a Hub id apart, and drops the model itself", () => {
    const result = hubParents(
      model({
        cardData: { base_model: ["/dev/shm/Qwen3-14B", "org/child", "https://huggingface.co/org/base"] },
      }),
    );
    expect(result.parents).toEqual(["org/base"]);
    expect(result.unresolved).toEqual(["/dev/shm/Qwen3-14B"]);
  });

  it("a model without parents has no relation", () => {
    expect(hubParents(model({ cardData: { license: "mit" } }))).toMatchObject({
      parents: [],
      parentSource: "none",
    });
  });
});

describe("references and Retry-After", () => {
  it("parses hf: references", () => {
    expect(parseHubRef("hf:org/name@v1.0")).toEqual({ id: "org/name", revision: "v1.0" });
    expect(parseHubRef("hf:gpt2")).toEqual({ id: "gpt2" });
    expect(() => parseHubRef("hf:../etc/passwd")).toThrow(/not a Hub model reference/);
    expect(() => parseHubRef("hf:org/name@")).toThrow(/revision/);
    expect(normalizeParentId("https://huggingface.co/org/name/tree/main")).toBe("org/name");
    expect(normalizeParentId("./local/path")).toBeUndefined();
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
