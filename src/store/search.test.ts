/** Prefix search on both stores: ranges, bounds, case, kinds, limits, and names that look like patterns. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oneStep, storeKinds, type TestRegistry } from "./_test-stores.js";
import { openStore } from "./index.js";
import { asciiLower, prefixUpperBound } from "./search.js";
import type { Store } from "./store.js";

const MODELS = [
  "meta-llama/Llama-2-7b",
  "meta-llama/Llama-2-7b-hf",
  "meta-llama/Meta-Llama-3-8B",
  "meta-llamb/x",
  "Meta-Llama/odd-case",
  "meta_llama/underscore",
  "meta%llama/percent",
  "llama-fan/Llama-mix",
  "Llama-fan/upper",
  "zz/😀-emoji",
  "zz/😀😀",
  "zz/\u{10FFFF}-max",
];

describe("prefixUpperBound", () => {
  it("moves the last character to the next code point", () => {
    expect(prefixUpperBound("abc")).toBe("abd");
    expect(prefixUpperBound("meta-llama/")).toBe("meta-llama0");
    expect(prefixUpperBound("a\u{10FFFF}")).toBe("b");
    expect(prefixUpperBound("\u{D7FF}")).toBe("\u{E000}");
    expect(prefixUpperBound("😀")).toBe("😁");
    expect(prefixUpperBound("")).toBeUndefined();
    expect(prefixUpperBound("\u{10FFFF}")).toBeUndefined();
  });
  it("lower-cases ASCII letters only", () => {
    expect(asciiLower("Meta-LLAMA/É")).toBe("meta-llama/É");
  });
});

const kinds = await storeKinds("search tests");

describe.each(kinds)("search (%s)", (_name, make) => {
  let registry: TestRegistry;
  let store: Store;
  beforeAll(async () => {
    registry = make();
    store = await openStore(registry.fresh());
    await store.addDocuments(
      MODELS.map((id, i) => ({
        document: oneStep(id, [`base/b${i % 2}`], { datasets: [`data/${id.split("/")[1]}`] }),
        source: "test",
      })),
    );
    // An unnamed checkpoint: meta-llama/chain#s1.
    await store.addDocuments([
      {
        document: {
          format: "ftl/v1",
          subject: { id: "meta-llama/chain" },
          bases: [{ id: "base/b0" }],
          steps: [
            { id: "s1", kind: "fine-tune", inputs: { models: [{ id: "base/b0" }] } },
            { id: "s2", kind: "fine-tune", inputs: { models: [{ step: "s1" }] } },
          ],
        },
        source: "test",
      },
    ]);
  });
  afterAll(async () => {
    await store.close();
    await registry.cleanup();
  });

  it("lists exactly the ids that start with the prefix, sorted, named models only", async () => {
    const found = await store.search("meta-llama/");
    expect(found.models).toEqual([
      "meta-llama/Llama-2-7b",
      "meta-llama/Llama-2-7b-hf",
      "meta-llama/Meta-Llama-3-8B",
      "meta-llama/chain",
    ]);
    expect(found.datasets).toEqual([]);
    expect((await store.search("meta-llama/Llama-2-7b")).models).toEqual([
      "meta-llama/Llama-2-7b",
      "meta-llama/Llama-2-7b-hf",
    ]);
  });

  it("treats % and _ as the characters they are", async () => {
    expect((await store.search("meta_")).models).toEqual(["meta_llama/underscore"]);
    expect((await store.search("meta%")).models).toEqual(["meta%llama/percent"]);
  });

  it("handles characters outside the BMP and the last code point", async () => {
    expect((await store.search("zz/😀")).models).toEqual(["zz/😀-emoji", "zz/😀😀"]);
    expect((await store.search("zz/")).models).toEqual(["zz/😀-emoji", "zz/😀😀", "zz/\u{10FFFF}-max"]);
    expect((await store.search("zz/\u{10FFFF}")).models).toEqual(["zz/\u{10FFFF}-max"]);
  });

  it("matches either case of ASCII letters on request", async () => {
    expect((await store.search("llama-fan/")).models).toEqual(["llama-fan/Llama-mix"]);
    // Sorted by the lower-cased id first.
    expect((await store.search("llama-fan/", { ignoreCase: true })).models).toEqual([
      "llama-fan/Llama-mix",
      "Llama-fan/upper",
    ]);
    expect((await store.search("META-LLAMA/L", { ignoreCase: true, kind: "model" })).models).toEqual([
      "meta-llama/Llama-2-7b",
      "meta-llama/Llama-2-7b-hf",
    ]);
  });

  it("searches datasets, one kind, with a limit", async () => {
    const found = await store.search("data/Llama-2", { kind: "dataset" });
    expect(found).toEqual({ models: [], datasets: ["data/Llama-2-7b", "data/Llama-2-7b-hf"] });
    expect((await store.search("", { limit: 3 })).models).toHaveLength(3);
    expect((await store.search("", { limit: 0 })).models).toEqual([]);
    expect((await store.search("meta", { kind: "model", limit: 2 })).models).toEqual([
      "meta%llama/percent",
      "meta-llama/Llama-2-7b",
    ]);
    await expect(store.search("x", { limit: -1 })).rejects.toThrow(/whole number/);
  });
});
