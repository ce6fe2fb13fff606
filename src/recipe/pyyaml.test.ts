/**
 * The frameworks read their YAML with PyYAML (`yaml.safe_load`: TRL's TrlParser, axolotl, LLaMA-Factory,
 * mergekit), which follows YAML 1.1: `5e-7` is a string there, `on` is true. Every recipe written for the
 * Zephyr example and the framework fixtures must read the same in PyYAML as in ftl. Skipped, with the reason,
 * where no Python with PyYAML is installed.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { extractFromFiles } from "../extract/index.js";
import type { LineageDocument } from "../schema/lineage.js";
import { validateLineage } from "../validate/validate.js";
import { RECIPE_FORMATS } from "./model.js";
import { writeRecipe } from "./write-recipe.js";

const PY = "import sys, json, yaml\nprint(json.dumps([yaml.safe_load(t) for t in json.load(sys.stdin)]))";
const probe = spawnSync("python3", ["-c", "import yaml"], { encoding: "utf8" });
const hasPyYaml = probe.status === 0;

function recipes(): string[] {
  const root = new URL("../../", import.meta.url).pathname;
  const zephyr = validateLineage(
    JSON.parse(readFileSync(join(root, "examples/zephyr-7b-beta.lineage.json"), "utf8")),
  ).document as LineageDocument;
  const texts: string[] = [];
  for (const format of RECIPE_FORMATS.filter((f) => f !== "mergekit"))
    for (const step of ["sft", "dpo"]) texts.push(writeRecipe(zephyr, { format, step }).text);
  for (const format of RECIPE_FORMATS)
    for (const file of readdirSync(join(root, "test/fixtures/recipe", format))) {
      const text = readFileSync(join(root, "test/fixtures/recipe", format, file), "utf8");
      texts.push(writeRecipe(extractFromFiles([{ path: file, text }]).document, { format }).text);
    }
  return texts;
}

describe("written recipes read the same in PyYAML", () => {
  it.skipIf(!hasPyYaml)("every value has the same type and value as ftl reads it", () => {
    const texts = recipes();
    const run = spawnSync("python3", ["-c", PY], { input: JSON.stringify(texts), encoding: "utf8" });
    expect(run.stderr).toBe("");
    const python = JSON.parse(run.stdout) as unknown[];
    expect(python).toEqual(texts.map((t) => parse(t)));
    expect(texts.length).toBeGreaterThan(25);
  });
});
