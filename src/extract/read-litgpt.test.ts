/**
 * LitGPT configs, saved hyperparameters and commands (read-litgpt.ts), on configs copied from LitGPT's config_hub
 * (test/fixtures/extract/litgpt/SOURCE.md) and commands written as its tutorials write them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const dir = join(import.meta.dirname, "../../test/fixtures/extract/litgpt");
const fixture = (name: string) => ({ path: name, text: readFileSync(join(dir, name), "utf8") });
const only = (files: { path: string; text: string }[]) => {
  const doc = extractFromFiles(files).document;
  expect(doc.steps).toHaveLength(1);
  return doc.steps[0] as (typeof doc.steps)[number] & Record<string, unknown>;
};
const card = (block: string) => ({ path: "README.md", text: `# my-model\n\n\`\`\`bash\n${block}\n\`\`\`\n` });

describe("LitGPT config_hub configs", () => {
  it("qlora.yaml: QLoRA r32 over a 4-bit base, from the model `litgpt download` saved, on Alpaca2k's data", () => {
    const step = only([fixture("qlora.yaml")]);
    expect(step.inputs?.models?.[0]?.id).toBe("meta-llama/Llama-2-7b-hf");
    expect(step.sources?.["inputs.models[0]"]?.source).toBe("inferred");
    expect(step.notes).toContain("checkpoint_dir: checkpoints/meta-llama/Llama-2-7b-hf");
    expect(step).toMatchObject({
      objective: "sft",
      parameterization: "qlora",
      adapter: { rank: 32, alpha: 16, dropout: 0.05, quantizationBits: 4 },
      framework: { name: "litgpt" },
      output: { id: "local:out/finetune/qlora-llama2-7b" },
    });
    expect(step.inputs?.datasets?.map((d) => d.id)).toEqual(["mhenrichsen/alpaca_2k_test"]);
    expect(step.hyperparameters).toMatchObject({
      learningRate: 0.0002,
      epochs: 4,
      perDeviceBatchSize: 2,
      globalBatchSize: 8,
      warmupSteps: 10,
      maxSequenceLength: 512,
      seed: 1337,
    });
  });

  it("full.yaml: every weight, by the file's name, as an inference", () => {
    const step = only([fixture("full.yaml")]);
    expect(step.parameterization).toBe("full");
    expect(step.sources?.parameterization?.source).toBe("inferred");
    expect(step.adapter).toBeUndefined();
  });

  it("the same settings under another name say nothing of full or adapter: left unknown", () => {
    const step = only([{ path: "my-run.yaml", text: fixture("full.yaml").text }]);
    expect(step.parameterization).toBeUndefined();
  });

  it("a pre-training config that starts from nothing adds no step", () => {
    expect(extractFromFiles([fixture("pretrain-tinyllama.yaml")]).document.steps).toEqual([]);
  });

  it("hyperparameters.yaml beside a finished checkpoint is the run itself", () => {
    const saved = { path: "out/finetune/qlora/final/hyperparameters.yaml", text: fixture("qlora.yaml").text };
    const step = only([saved]);
    expect(step.parameterization).toBe("qlora");
  });
});

describe("LitGPT commands", () => {
  it("finetune_lora with JSON data, a quantised base and dotted settings", () => {
    const step = only([
      card(
        [
          "litgpt download meta-llama/Meta-Llama-3-8B-Instruct",
          "litgpt finetune_lora checkpoints/meta-llama/Meta-Llama-3-8B-Instruct \\",
          "  --data JSON \\",
          "  --data.json_path data/support.json \\",
          '  --quantize "bnb.nf4" \\',
          "  --lora_r 16 \\",
          "  --train.epochs 3 \\",
          "  --train.micro_batch_size 2 \\",
          "  --optimizer.lr 0.0003 \\",
          "  --out_dir out/support-lora",
        ].join("\n"),
      ),
    ]);
    expect(step.inputs?.models?.[0]?.id).toBe("meta-llama/Meta-Llama-3-8B-Instruct");
    expect(step.inputs?.datasets?.map((d) => d.id)).toEqual(["local:data/support.json"]);
    expect(step).toMatchObject({
      objective: "sft",
      parameterization: "qlora",
      adapter: { rank: 16, quantizationBits: 4 },
      hyperparameters: { epochs: 3, perDeviceBatchSize: 2, learningRate: 0.0003 },
      output: { id: "local:out/support-lora" },
    });
  });

  it("a Hub id given to the command is the model as written; --data.repo_id overrides the module's data", () => {
    const step = only([
      card("litgpt finetune_full microsoft/phi-2 --data Alpaca2k --data.repo_id org/my-data"),
    ]);
    expect(step.inputs?.models?.[0]?.id).toBe("microsoft/phi-2");
    expect(step.sources?.["inputs.models[0]"]?.source).toBe("extracted");
    expect(step.parameterization).toBe("full");
    expect(step.inputs?.datasets?.map((d) => d.id)).toEqual(["org/my-data"]);
  });

  it("finetune_adapter trains LLaMA-Adapter prompts: parameterisation other", () => {
    expect(only([card("litgpt finetune_adapter tiiuae/falcon-7b --data Alpaca")]).parameterization).toBe(
      "other",
    );
  });

  it("pretrain from an initial checkpoint is continued pre-training", () => {
    const step = only([
      card(
        "litgpt pretrain pythia-160m --initial_checkpoint_dir EleutherAI/pythia-160m --data TextFiles --data.train_data_path data/books --out_dir out/cpt",
      ),
    ]);
    expect(step).toMatchObject({ objective: "continued-pretraining", parameterization: "full" });
    expect(step.inputs?.models?.[0]?.id).toBe("EleutherAI/pythia-160m");
    expect(step.inputs?.datasets?.map((d) => d.id)).toEqual(["local:data/books"]);
  });

  it("commands that do not train (download, chat, serve, merge_lora) add no step", () => {
    const doc = extractFromFiles([
      card(
        "litgpt download microsoft/phi-2\nlitgpt chat out/final\nlitgpt serve out/final\nlitgpt merge_lora out/final",
      ),
    ]).document;
    expect(doc.steps).toEqual([]);
  });
});
