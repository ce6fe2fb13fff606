/**
 * Round trip, as a property: for every format and every objective it supports, a generated step written as a
 * recipe and read back by ftl's own importer is the same step (less the fields the writer listed as not
 * carried), and the written file fits the framework's transcribed configuration classes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MERGE_METHODS, type Objective } from "../model/vocabulary.js";
import type { LineageDocument, Step } from "../schema/lineage.js";
import { comparable, readBack, withoutNotCarried } from "./_round-trip.js";
import { checkRecipe } from "./check-config.js";
import { FORMAT_OBJECTIVES, RECIPE_FORMATS, type RecipeFormat } from "./model.js";
import { BETA_OBJECTIVES } from "./training.js";
import { writeRecipe } from "./write-recipe.js";

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const ORGS = ["acme", "lab-x", "Org.AI"];
const NAMES = ["chat-data", "prefs_v2", "math.1", "code-200k"];
const hubId = fc.tuple(fc.constantFrom(...ORGS), fc.constantFrom(...NAMES)).map(([o, n]) => `${o}/${n}`);
const lr = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 4, max: 7 }))
  .map(([m, e]) => m * 10 ** -e);

/** Values every format must carry: never listed as not carried. */
const ALWAYS_CARRIED =
  /^(hyperparameters\.(learningRate|epochs|maxSteps|perDeviceBatchSize|beta|seed)|adapter\.(rank|alpha)|objective|parameterization|hyperparameters\.other\.(\w*label_smoothing|\w*desirable_weight|kto_chosen_weight|kto_rejected_weight|simpo_gamma))$/;

/** Preference parameters generated for an objective, under any framework's name for them. */
function preference(objective: Objective) {
  const pick = (names: string[], values: number[]) =>
    opt(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...values)));
  if (objective === "dpo" || objective === "ipo")
    return fc.tuple(pick(["label_smoothing", "dpo_label_smoothing"], [0.1, 0.2]));
  if (objective === "kto")
    return fc.tuple(
      pick(["desirable_weight", "kto_desirable_weight", "kto_chosen_weight"], [1, 1.33]),
      pick(["undesirable_weight", "kto_undesirable_weight", "kto_rejected_weight"], [1, 0.75]),
    );
  if (objective === "simpo") return fc.tuple(pick(["simpo_gamma"], [0.5, 1.6]));
  return fc.constant([] as ([string, number] | undefined)[]);
}

function fineTune(objective: Objective) {
  return fc
    .record({
      parameterization: fc.constantFrom("full", "lora", "qlora", "dora"),
      rank: fc.integer({ min: 1, max: 256 }),
      alpha: fc.integer({ min: 1, max: 512 }),
      dropout: opt(fc.constantFrom(0, 0.05, 0.1)),
      targets: opt(
        fc.oneof(
          fc.constant("all-linear" as const),
          fc.subarray(["q_proj", "k_proj", "v_proj", "o_proj"], { minLength: 1 }),
        ),
      ),
      datasets: fc.uniqueArray(
        fc.record({
          id: hubId,
          subset: opt(fc.constantFrom("default", "en")),
          split: opt(fc.constantFrom("train", "train_sft", "train_prefs")),
        }),
        { minLength: 1, maxLength: 3, selector: (d) => d.id },
      ),
      learningRate: lr,
      epochs: fc.constantFrom(1, 2, 3, 0.5),
      maxSteps: opt(fc.integer({ min: 1, max: 5000 })),
      perDeviceBatchSize: fc.integer({ min: 1, max: 64 }),
      gradientAccumulationSteps: opt(fc.integer({ min: 1, max: 32 })),
      warmupRatio: opt(fc.constantFrom(0.03, 0.1)),
      scheduler: opt(fc.constantFrom("linear", "cosine", "constant")),
      optimizer: opt(fc.constantFrom("adamw_torch", "paged_adamw_8bit")),
      weightDecay: opt(fc.constantFrom(0, 0.01)),
      maxSequenceLength: opt(fc.constantFrom(1024, 2048, 4096)),
      precision: opt(fc.constantFrom("bf16" as const, "fp16" as const)),
      seed: opt(fc.integer({ min: 0, max: 1000 })),
      beta: fc.constantFrom(0.01, 0.1, 0.5),
      revision: opt(fc.constantFrom("a1b2c3d", "v1.0")),
      preference: preference(objective),
    })
    .map((g): LineageDocument => {
      const adapter =
        g.parameterization === "full"
          ? undefined
          : {
              rank: g.rank,
              alpha: g.alpha,
              ...(g.dropout !== undefined ? { dropout: g.dropout } : {}),
              ...(g.targets !== undefined ? { targetModules: g.targets } : {}),
              ...(g.parameterization === "qlora" ? { quantizationBits: 4 as const } : {}),
            };
      const {
        rank,
        alpha,
        dropout,
        targets,
        datasets,
        revision,
        parameterization,
        beta,
        preference: pref,
        ...hp
      } = g;
      const other = Object.fromEntries(
        (pref as ([string, number] | undefined)[]).filter((p) => p !== undefined),
      );
      const hyperparameters = Object.fromEntries(Object.entries(hp).filter(([, v]) => v !== undefined));
      const step: Step = {
        id: "train",
        kind: "fine-tune",
        objective,
        parameterization,
        ...(adapter ? { adapter } : {}),
        inputs: {
          models: [{ id: "base-org/base-7b" }],
          datasets: datasets.map(
            (d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as { id: string },
          ),
        },
        hyperparameters: {
          ...hyperparameters,
          ...(BETA_OBJECTIVES.includes(objective) ? { beta } : {}),
          ...(Object.keys(other).length > 0 ? { other } : {}),
        },
        output: { id: "out-org/tuned" },
      };
      return {
        format: "ftl/v1",
        subject: { id: "out-org/tuned" },
        bases: [{ id: "base-org/base-7b", ...(revision ? { revision } : {}) }],
        steps: [step],
      };
    });
}

const merge = fc
  .record({
    method: fc.constantFrom(...MERGE_METHODS.filter((m) => m !== "other")),
    models: fc.uniqueArray(
      fc.record({
        id: hubId,
        weight: opt(fc.constantFrom(0.3, 0.5, 1)),
        density: opt(fc.constantFrom(0.5, 0.7)),
      }),
      { minLength: 2, maxLength: 3, selector: (m) => m.id },
    ),
    base: opt(fc.constant("base-org/base-7b")),
    t: opt(fc.constantFrom(0.3, 0.5)),
    dtype: opt(fc.constantFrom("bfloat16", "float16")),
  })
  .map(
    (g): LineageDocument => ({
      format: "ftl/v1",
      subject: { id: "out-org/merged" },
      bases: [],
      steps: [
        {
          id: "merge",
          kind: "merge",
          method: g.method,
          ...(g.base ? { baseModel: { id: g.base } } : {}),
          inputs: {
            models: g.models.map((m) => ({
              id: m.id,
              ...(m.weight !== undefined ? { weight: m.weight } : {}),
              ...(m.density !== undefined ? { parameters: { density: m.density } } : {}),
            })),
          },
          ...(g.t !== undefined || g.dtype !== undefined
            ? {
                parameters: {
                  ...(g.t !== undefined ? { t: g.t } : {}),
                  ...(g.dtype !== undefined ? { dtype: g.dtype } : {}),
                },
              }
            : {}),
        },
      ],
    }),
  );

function roundTrip(doc: LineageDocument, format: RecipeFormat): void {
  const result = writeRecipe(doc, { format });
  const original = doc.steps.at(-1) as Step;
  expect(
    checkRecipe(format, original.kind === "fine-tune" ? original.objective : undefined, result.text),
  ).toEqual([]);
  expect(result.notCarried.map((n) => n.field).filter((f) => ALWAYS_CARRIED.test(f))).toEqual([]);
  const back = readBack(result.text);
  const step = back.document.steps.at(-1) as Step;
  expect(comparable(back.document, step)).toEqual(
    comparable(doc, withoutNotCarried(original, result.notCarried)),
  );
}

describe("recipe → ftl import gives back the same step", () => {
  for (const format of RECIPE_FORMATS.filter((f) => f !== "mergekit"))
    for (const objective of FORMAT_OBJECTIVES[format] as readonly Objective[])
      it(`${format} × ${objective}`, () => {
        fc.assert(
          fc.property(fineTune(objective), (doc) => roundTrip(doc, format)),
          { numRuns: 15 },
        );
      });
  it("mergekit × every merge method", () => {
    fc.assert(
      fc.property(merge, (doc) => roundTrip(doc, "mergekit")),
      { numRuns: 40 },
    );
  });
});
