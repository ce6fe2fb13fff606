/**
 * Runs that resume an adapter trained before them (blind dev batches t3 and t10, first-run misses): a project's own
 * scripts chained by `--save_dir` and `--resume_adapter`, and LLaMA-Factory's `adapter_name_or_path` with the card
 * the trainer wrote into the run's folder.
 */
import { describe, expect, it } from "vitest";
import { modelRef } from "../model/refs.js";
import { extractGroups } from "./extract-from-files.js";

const SFT = [
  "#!/bin/bash",
  'BASE_MODEL="meta-llama/Llama-3.1-8B-Instruct"',
  'STAGE_A_OUT="outputs/lora-helpful"',
  'STAGE_B_OUT="outputs/lora-helpful-safety"',
  "python src/run_sft.py \\",
  '    --base_model "$BASE_MODEL" --train_jsonl "data/a.jsonl" --save_dir "$STAGE_A_OUT" \\',
  "    --epochs 2 --lr 1e-4 --grad_accum 16 --lora_r 16",
  "python src/run_sft.py \\",
  '    --base_model "$BASE_MODEL" --train_jsonl "data/b.jsonl" --save_dir "$STAGE_B_OUT" \\',
  '    --resume_adapter "$STAGE_A_OUT" --epochs 1 --lr 5e-5 --lora_r 16',
].join("\n");
const DPO = [
  "#!/bin/bash",
  'RESUME_ADAPTER="outputs/lora-helpful-safety"',
  'SAVE_DIR="outputs/dpo_run_$(date +%Y%m%d_%H%M%S)"',
  'python src/run_dpo.py --train_jsonl "data/dpo.jsonl" --resume_adapter "$RESUME_ADAPTER" \\',
  '  --save_dir "$SAVE_DIR" --beta 0.1 --lr 5e-7 --epochs 1',
].join("\n");

const chainOf = (files: { path: string; text: string }[]) => {
  const r = extractGroups(files);
  expect(r.documents).toHaveLength(1);
  return (r.documents[0]?.document.steps ?? []).map((s) => ({
    objective: s.kind === "fine-tune" ? s.objective : undefined,
    input: s.inputs?.models?.[0]?.id,
    output: s.output?.id,
  }));
};

describe("a project's scripts chained by the adapters they resume (t10-rcp-llama31-8b-lora-helpful-then-safety)", () => {
  it("reads the project's flags and chains SFT, SFT and DPO whatever order the scripts are given in", () => {
    const expected = [
      { objective: "sft", input: "meta-llama/Llama-3.1-8B-Instruct", output: "local:outputs/lora-helpful" },
      { objective: "sft", input: "local:outputs/lora-helpful", output: "local:outputs/lora-helpful-safety" },
      { objective: "dpo", input: "local:outputs/lora-helpful-safety", output: undefined },
    ];
    const sft = { path: "scripts/train_sft.sh", text: SFT };
    const dpo = { path: "scripts/train_dpo.sh", text: DPO };
    expect(chainOf([dpo, sft])).toEqual(expected);
    expect(chainOf([sft, dpo])).toEqual(expected);
  });
});

describe("LLaMA-Factory's adapter_name_or_path (t3-fld-lf-qwen3-06b-qlora-dpo-underwater)", () => {
  const config = [
    "model_name_or_path: C:/Users/u/.cache/modelscope/hub/models/Qwen/Qwen3-0___6B",
    "adapter_name_or_path: ./output/qwen3_sft",
    "stage: dpo",
    "do_train: true",
    "finetuning_type: lora",
    "quantization_bit: 4",
    "dataset: underwater_dpo",
    "pref_beta: 0.1",
    "output_dir: ./output/qwen3_dpo",
  ].join("\n");
  const card = [
    "---",
    "library_name: peft",
    "base_model: C:/Users/u/.cache/modelscope/hub/models/Qwen/Qwen3-0___6B",
    "---",
    "# qwen3_dpo",
    "This model is a fine-tuned version of [C:/Users/u/.cache/modelscope/hub/models/Qwen/Qwen3-0___6B](https://huggingface.co/C:/Users/u/.cache/modelscope/hub/models/Qwen/Qwen3-0___6B) on the underwater_dpo dataset.",
    "## Training hyperparameters",
    "- learning_rate: 5e-05",
    "- seed: 42",
  ].join("\n");

  it("starts the DPO run from the adapter, trained before it on the base, and keeps the folder's card on the DPO run", () => {
    const steps = chainOf([
      { path: "dpo_config.yaml", text: config },
      { path: "output/qwen3_dpo/README.md", text: card },
    ]);
    expect(steps).toEqual([
      {
        objective: undefined,
        input: "local:C:/Users/u/.cache/modelscope/hub/models/Qwen/Qwen3-0___6B",
        output: "local:./output/qwen3_sft",
      },
      { objective: "dpo", input: "local:./output/qwen3_sft", output: "local:./output/qwen3_dpo" },
    ]);
  });

  it("adds no earlier run for a predict config that loads an adapter", () => {
    const predict = config.replace("do_train: true", "do_predict: true").replace("stage: dpo", "stage: sft");
    const r = extractGroups([{ path: "predict.yaml", text: predict }]);
    const steps = r.documents[0]?.document.steps ?? [];
    expect(steps.some((s) => s.output?.id === "local:./output/qwen3_sft")).toBe(false);
  });
});

describe("model folders are paths, not organisations", () => {
  it("reads resources/x, outputs/x and saves/x as local paths, and org/name as a Hub id", () => {
    expect(modelRef("resources/polyglot-ko-1.3b")).toBe("local:resources/polyglot-ko-1.3b");
    expect(modelRef("outputs/lora-helpful")).toBe("local:outputs/lora-helpful");
    expect(modelRef("EleutherAI/polyglot-ko-1.3b")).toBe("EleutherAI/polyglot-ko-1.3b");
  });
});
