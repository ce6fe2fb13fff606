/** docs/recipe.md names every key a recipe can hold, per format: the page cannot drift from the writers. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Objective, Parameterization } from "../model/vocabulary.js";
import type { LineageDocument, Step } from "../schema/lineage.js";
import { FORMAT_LABELS, FORMAT_OBJECTIVES, RECIPE_FORMATS, type RecipeFormat } from "./model.js";
import { writeRecipe } from "./write-recipe.js";

const page = readFileSync(new URL("../../docs/recipe.md", import.meta.url), "utf8");

/** The page's section of one format (from its heading to the next). */
function section(format: RecipeFormat): string {
  const start = page.indexOf(`### ${FORMAT_LABELS[format]} (\`--format ${format}\`)`);
  const end = page.indexOf("\n### ", start + 1);
  return page.slice(start, end === -1 ? undefined : end);
}

function maximal(
  objective: Objective,
  parameterization: Parameterization,
  datasets: number,
): LineageDocument {
  const step: Step = {
    id: "s",
    kind: "fine-tune",
    objective,
    parameterization,
    adapter: {
      rank: 8,
      alpha: 16,
      dropout: 0.05,
      targetModules: ["q_proj"],
      useRslora: true,
      quantizationBits: 4,
    },
    inputs: {
      models: [{ id: "org/base" }],
      datasets: Array.from({ length: datasets }, (_, i) => ({
        id: `org/d${i}`,
        subset: "en",
        split: "train",
      })),
    },
    hyperparameters: {
      learningRate: 1e-5,
      epochs: 1,
      maxSteps: 10,
      perDeviceBatchSize: 2,
      gradientAccumulationSteps: 2,
      warmupRatio: 0.1,
      warmupSteps: 5,
      scheduler: "cosine",
      optimizer: "adamw_torch",
      weightDecay: 0.01,
      maxSequenceLength: 1024,
      precision: "bf16",
      seed: 1,
      beta: 0.1,
    },
    output: { id: "org/out" },
  };
  return {
    format: "ftl/v1",
    subject: { id: "org/out" },
    bases: [{ id: "org/base", revision: "r1" }],
    steps: [step],
  };
}

describe("docs/recipe.md", () => {
  for (const format of RECIPE_FORMATS.filter((f) => f !== "mergekit"))
    it(`names every key a ${format} recipe can hold`, () => {
      const keys = new Set<string>();
      for (const objective of FORMAT_OBJECTIVES[format] as readonly Objective[])
        for (const p of ["full", "lora", "qlora", "dora"] as const)
          for (const n of [1, 2]) {
            const yaml = parse(writeRecipe(maximal(objective, p, n), { format }).text) as Record<
              string,
              unknown
            >;
            for (const key of Object.keys(yaml)) keys.add(key);
          }
      const text = section(format);
      expect([...keys].filter((k) => !text.includes(`\`${k}\``) && !text.includes(`\`${k}:`))).toEqual([]);
    });
});
