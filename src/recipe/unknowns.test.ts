/**
 * What the lineage does not know stays visible, as a property: for generated steps with required values left
 * out, exactly those values are placeholders (listed as unknown, absent from the parsed YAML, present as an
 * `# UNKNOWN:` comment), and `complete` says whether any remain.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { LineageDocument, Step } from "../schema/lineage.js";
import type { RecipeFormat } from "./model.js";
import { writeRecipe } from "./write-recipe.js";

type Field = "learningRate" | "epochs" | "perDeviceBatchSize" | "beta" | "rank" | "alpha" | "model" | "data";
const FIELDS: readonly Field[] = [
  "learningRate",
  "epochs",
  "perDeviceBatchSize",
  "beta",
  "rank",
  "alpha",
  "model",
  "data",
];

const TRL_NAMES: Record<Field, string> = {
  learningRate: "learning_rate",
  epochs: "num_train_epochs",
  perDeviceBatchSize: "per_device_train_batch_size",
  beta: "beta",
  rank: "lora_r",
  alpha: "lora_alpha",
  model: "model_name_or_path",
  data: "dataset_name",
};
const NAMES: Record<Exclude<RecipeFormat, "mergekit">, Record<Field, string>> = {
  trl: TRL_NAMES,
  "alignment-handbook": { ...TRL_NAMES, data: "dataset_mixture" },
  axolotl: {
    learningRate: "learning_rate",
    epochs: "num_epochs",
    perDeviceBatchSize: "micro_batch_size",
    beta: "rl_beta",
    rank: "lora_r",
    alpha: "lora_alpha",
    model: "base_model",
    data: "datasets",
  },
  "llama-factory": {
    ...TRL_NAMES,
    beta: "pref_beta",
    rank: "lora_rank",
    data: "dataset",
  },
};
/** Placeholders a format always has: what it needs that is never lineage. */
const ALWAYS = {
  trl: [],
  "alignment-handbook": [],
  axolotl: ["datasets[0].type"],
  "llama-factory": ["template"],
};

function documentWithout(missing: ReadonlySet<Field>): LineageDocument {
  const has = (f: Field) => !missing.has(f);
  const step: Step = {
    id: "dpo",
    kind: "fine-tune",
    objective: "dpo",
    parameterization: "lora",
    adapter: { ...(has("rank") ? { rank: 8 } : {}), ...(has("alpha") ? { alpha: 16 } : {}) },
    inputs: {
      ...(has("model") ? { models: [{ id: "org/base" }] } : {}),
      datasets: has("data") ? [{ id: "org/prefs" }] : [{ description: "in-house preference pairs" }],
    },
    hyperparameters: {
      ...(has("learningRate") ? { learningRate: 5e-7 } : {}),
      ...(has("epochs") ? { epochs: 1 } : {}),
      ...(has("perDeviceBatchSize") ? { perDeviceBatchSize: 4 } : {}),
      ...(has("beta") ? { beta: 0.1 } : {}),
    },
  };
  return { format: "ftl/v1", subject: { id: "org/out" }, bases: [], steps: [step] };
}

describe("unknown required values are placeholders, listed, never defaulted", () => {
  for (const format of ["trl", "alignment-handbook", "axolotl", "llama-factory"] as const)
    it(format, () => {
      fc.assert(
        fc.property(fc.subarray([...FIELDS]), (missing) => {
          const r = writeRecipe(documentWithout(new Set(missing)), { format });
          const expected = missing.map((f) => NAMES[format][f]);
          const always = missing.includes("data")
            ? ALWAYS[format].filter((k) => !k.startsWith("datasets"))
            : ALWAYS[format];
          expect(r.unknown.map((u) => u.key).sort()).toEqual([...expected, ...always].sort());
          expect(r.complete).toBe(expected.length + always.length === 0);
          const yaml = (parse(r.text) ?? {}) as Record<string, unknown>;
          for (const key of expected) {
            expect(yaml[key]).toBeUndefined();
            expect(r.text).toMatch(new RegExp(`^# ${key.replace(/[[\]]/g, "\\$&")}:`, "m"));
          }
          expect(r.text.match(/^# UNKNOWN: /gm)?.length ?? 0).toBe(
            expected.length + (always.length > 0 ? 1 : 0),
          );
        }),
        { numRuns: 40 },
      );
    });
});
