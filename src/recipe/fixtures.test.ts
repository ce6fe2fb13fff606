/**
 * Real example configurations of each framework (test/fixtures/recipe, SOURCE.md says where each came from):
 * import → recipe → import gives the same step, a second recipe is the same text, the written file fits the
 * framework's transcribed classes, and the source keys ftl does not model are listed — compared with the
 * committed list in expected.json (FTL_UPDATE_FIXTURES=1 rewrites it).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { extractFromFiles } from "../extract/index.js";
import type { Step } from "../schema/lineage.js";
import { comparable, readBack, withoutNotCarried } from "./_round-trip.js";
import { checkRecipe } from "./check-config.js";
import { RECIPE_FORMATS, type RecipeFormat } from "./model.js";
import { keysRead, sourceKeysNotCarried } from "./source-keys.js";
import { writeRecipe } from "./write-recipe.js";

const ROOT = new URL("../../test/fixtures/recipe/", import.meta.url).pathname;
const EXPECTED = join(ROOT, "expected.json");
const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as Record<string, unknown>;
const seen: Record<string, unknown> = {};

const fixtures = RECIPE_FORMATS.flatMap((format) =>
  readdirSync(join(ROOT, format))
    .sort()
    .map((file) => ({ format, file, path: `${format}/${file}` })),
);

function cycle(format: RecipeFormat, file: string, text: string) {
  const first = extractFromFiles([{ path: file, text }]).document;
  const step = first.steps.at(-1) as Step;
  const recipe = writeRecipe(first, { format });
  const back = readBack(recipe.text);
  const again = writeRecipe(back.document, { format });
  return { first, step, recipe, back, again };
}

describe("framework example configs: import → recipe → import → recipe", () => {
  it.each(fixtures)("$path", ({ format, file, path }) => {
    const text = readFileSync(join(ROOT, path), "utf8");
    const { first, step, recipe, back, again } = cycle(format, file, text);
    expect(comparable(back.document, back.document.steps.at(-1) as Step)).toEqual(
      comparable(first, withoutNotCarried(step, recipe.notCarried)),
    );
    expect(again.text).toBe(recipe.text);
    expect(checkRecipe(format, step.kind === "fine-tune" ? step.objective : undefined, recipe.text)).toEqual(
      [],
    );
    const listed = {
      unknown: recipe.unknown.map((u) => u.key),
      notCarried: recipe.notCarried.map((n) => n.field),
      notModelled: sourceKeysNotCarried(parse(text) as Record<string, unknown>, recipe.text, keysRead(first)),
    };
    seen[path] = listed;
    if (process.env.FTL_UPDATE_FIXTURES === "1") return;
    expect(listed).toEqual(expected[path]);
  });

  it("every fixture has an expected entry (FTL_UPDATE_FIXTURES=1 writes them)", () => {
    if (process.env.FTL_UPDATE_FIXTURES === "1")
      writeFileSync(EXPECTED, `${JSON.stringify(seen, null, 2)}\n`);
    expect(Object.keys(expected).sort()).toEqual(fixtures.map((f) => f.path).sort());
  });
});
