/**
 * The ancestors query's own pieces: names ordered as the databases order them (UTF-8 bytes), and step
 * datasets read back exactly whatever characters their ids hold.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { oneStep, sqliteRegistry } from "./_test-stores.js";
import { byCodePoint } from "./ancestors.js";
import { openStore } from "./index.js";

const registry = sqliteRegistry();
afterAll(() => registry.cleanup());

describe("byCodePoint", () => {
  it("orders as the UTF-8 bytes do (SQLite BINARY, PostgreSQL C)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        expect(Math.sign(byCodePoint(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
    // A character beyond U+FFFF sorts after U+E000–U+FFFF in UTF-8, before it in UTF-16.
    expect(byCodePoint("a\u{1F600}", "a\uFF21")).toBeGreaterThan(0);
  });
});

describe("ancestors", () => {
  it("reads datasets back exactly, quotes, commas and backslashes included", async () => {
    const store = await openStore(registry.fresh());
    const datasets = ['q"uote', "com,ma", '","', "back\\slash", "plain", "ünï\u{1F600}"];
    await store.addDocuments([
      { source: "t", document: oneStep("org/child", ["org/base"], { datasets }) },
      { source: "t", document: oneStep("org/grandchild", ["org/child"], { datasets: ["plain", "other"] }) },
    ]);
    const up = await store.ancestors("org/grandchild");
    expect(up.steps.map((s) => [s.parent, s.child, s.datasets])).toEqual([
      ["org/child", "org/grandchild", ["other", "plain"]],
      ["org/base", "org/child", [...datasets].sort()],
    ]);
    expect(up.models).toEqual([
      { id: "org/child", depth: 1 },
      { id: "org/base", depth: 2 },
    ]);
    expect(up.roots).toEqual(["org/base"]);
    await store.close();
  });
});
