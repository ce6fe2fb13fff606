/** writeRecipe: placeholders for what the lineage lacks, errors that name the formats that can, pinned inputs. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { LineageDocument, Step } from "../schema/lineage.js";
import { pythonFloat } from "./emit-yaml.js";
import { RecipeError } from "./model.js";
import { writeRecipe } from "./write-recipe.js";

function doc(steps: Step[], bases: LineageDocument["bases"] = [{ id: "org/base" }]): LineageDocument {
  return { format: "ftl/v1", subject: { id: "org/out" }, bases, steps };
}
const sft = (extra: Partial<Step> = {}): Step =>
  ({
    id: "sft",
    kind: "fine-tune",
    objective: "sft",
    parameterization: "lora",
    inputs: { models: [{ id: "org/base" }], datasets: [{ id: "org/data" }] },
    hyperparameters: { epochs: 2, perDeviceBatchSize: 8 },
    adapter: { rank: 16 },
    ...extra,
  }) as Step;

function errorOf(fn: () => unknown): RecipeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RecipeError) return error;
    throw error;
  }
  throw new Error("no RecipeError");
}

describe("writeRecipe", () => {
  it("writes an unknown required value as a commented placeholder and lists it; never the framework's default", () => {
    const r = writeRecipe(doc([sft()]), { format: "trl" });
    expect(r.complete).toBe(false);
    expect(r.text).toContain("# UNKNOWN: learning rate — not recorded in the lineage\n# learning_rate:");
    expect(r.text).toContain("# UNKNOWN: LoRA alpha — not recorded in the lineage");
    expect(r.unknown.map((u) => u.key)).toEqual(["lora_alpha", "learning_rate"]);
    const yaml = parse(r.text) as Record<string, unknown>;
    expect(yaml.learning_rate).toBeUndefined();
    expect(yaml.lora_alpha).toBeUndefined();
    expect(yaml).toMatchObject({
      lora_r: 16,
      num_train_epochs: 2,
      per_device_train_batch_size: 8,
      use_peft: true,
    });
    expect(r.defaulted.map((d) => d.key)).toContain("lr_scheduler_type");
  });

  it("refuses a step the format cannot express, naming the formats that can", () => {
    const merge: Step = {
      id: "m",
      kind: "merge",
      method: "ties",
      inputs: { models: [{ id: "a/b" }, { id: "c/d" }] },
    };
    const e1 = errorOf(() => writeRecipe(doc([merge]), { format: "axolotl" }));
    expect(e1.code).toBe("cannot-express");
    expect(e1.message).toMatch(/axolotl cannot express step 'm' \(a merge\); formats that can: mergekit/);
    const grpo = errorOf(() => writeRecipe(doc([sft({ objective: "grpo" })]), { format: "llama-factory" }));
    expect(grpo.formats).toEqual(["trl", "axolotl"]);
    expect(grpo.message).toMatch(
      /LLaMA-Factory cannot express step 'sft' \(GRPO training\); formats that can: TRL, axolotl/,
    );
    const ia3 = errorOf(() => writeRecipe(doc([sft({ parameterization: "ia3" })]), { format: "trl" }));
    expect(ia3.message).toMatch(/IA³ fine-tune.*none of the formats ftl writes/);
    const tune = errorOf(() => writeRecipe(doc([sft()]), { format: "mergekit" }));
    expect(tune.formats).toEqual(["trl", "alignment-handbook", "axolotl", "llama-factory"]);
    const fold: Step = { id: "fold", kind: "adapter-merge", inputs: { models: [{ step: "sft" }] } };
    const folded = errorOf(() => writeRecipe(doc([sft(), fold]), { format: "trl" }));
    expect(folded.message).toBe(
      "TRL cannot express step 'fold' (an adapter-merge step); formats that can: none of the formats ftl writes",
    );
    const missing = errorOf(() => writeRecipe(doc([sft()]), { format: "trl", step: "dpo" }));
    expect(missing.message).toBe("no step 'dpo' in the document (its steps: sft)");
  });

  it("starts from the previous step's output and pins revisions the lineage records", () => {
    const second = sft({
      id: "dpo",
      objective: "dpo",
      inputs: { models: [{ step: "sft" }], datasets: [{ id: "org/prefs" }] },
    });
    const first = sft({ output: { id: "org/sft-model", revision: "abc1234" } });
    const r = writeRecipe(doc([first, second]), { format: "axolotl", step: "dpo" });
    expect(parse(r.text)).toMatchObject({
      base_model: "org/sft-model",
      revision_of_model: "abc1234",
      rl: "dpo",
    });
    const base = writeRecipe(doc([sft()], [{ id: "org/base", revision: "v2" }]), { format: "llama-factory" });
    expect(parse(base.text)).toMatchObject({
      model_name_or_path: "org/base",
      model_revision: "v2",
      stage: "sft",
    });
  });

  it("writes floats as Python's YAML reads numbers (5.0e-7, not 5e-7)", () => {
    expect(pythonFloat(5e-7)).toBe("5.0e-7");
    expect(pythonFloat(1.5e-7)).toBe("1.5e-7");
    expect(pythonFloat(0.1)).toBe("0.1");
    const r = writeRecipe(
      doc([sft({ hyperparameters: { learningRate: 5e-7, epochs: 1, perDeviceBatchSize: 1 } })]),
      {
        format: "trl",
      },
    );
    expect(r.text).toContain("learning_rate: 5.0e-7\n");
  });

  it("a merge: method, base, models with their parameters, a placeholder for an unrecorded method", () => {
    const merge: Step = {
      id: "m",
      kind: "merge",
      inputs: {
        models: [
          { id: "a/b", weight: 0.5 },
          { id: "c/d", parameters: { density: 0.7 } },
        ],
      },
    };
    const r = writeRecipe(doc([merge]), { format: "mergekit" });
    expect(r.unknown.map((u) => u.key)).toEqual(["merge_method"]);
    expect(parse(r.text)).toEqual({
      models: [
        { model: "a/b", parameters: { weight: 0.5 } },
        { model: "c/d", parameters: { density: 0.7 } },
      ],
    });
  });
});

describe("a model the lineage only names (`name:…`)", () => {
  const named = "name:Some Model 13B";

  it("is an unknown input model in a training recipe, never written as a path", () => {
    const step = sft({
      inputs: { models: [{ id: named }], datasets: [{ id: "org/data" }] },
    } as Partial<Step>);
    for (const format of ["trl", "axolotl", "llama-factory"] as const) {
      const r = writeRecipe(doc([step], [{ id: named }]), { format });
      expect(r.text).not.toContain(named);
      expect(r.complete).toBe(false);
      expect(r.unknown.map((u) => u.what)).toContain("input model");
    }
  });

  it("is left out of a mergekit recipe's models, with the reason listed", () => {
    const merge = {
      id: "m",
      kind: "merge",
      method: "linear",
      inputs: { models: [{ id: "org/a" }, { id: named }] },
    } as Step;
    const r = writeRecipe(doc([merge], [{ id: "org/a" }, { id: named }]), { format: "mergekit" });
    expect(parse(r.text).models).toEqual([{ model: "org/a" }]);
    expect(r.notCarried.map((n) => n.reason)).toContain(
      '"Some Model 13B" is named without a Hub id or a path',
    );
  });
});
