/**
 * A card and the adapter in a folder right beneath it, on the same base, are one run (dev
 * k-ne-ko-gemma2-2b-kullm-lora: README.md and lora_adapter/adapter_config.json on google/gemma-2-2b-it).
 */
import { describe, expect, it } from "vitest";
import { extractGroups } from "./extract-from-files.js";
import { emptyStep, extracted, type FileFacts, fact } from "./facts.js";
import { groupRuns } from "./group-runs.js";

const adapter = (base: string) => JSON.stringify({ base_model_name_or_path: base, peft_type: "LORA", r: 6 });
const CARD =
  "# gemma2_finetuning_ko\n\n### BASE_Model : google/gemma-2-2b-it\n- google/gemma-2-2b-it : `https://huggingface.co/google/gemma-2-2b-it`\n";

describe("card with an adapter in a sub-folder", () => {
  it("joins the card and the one adapter beneath it that starts from the same base", () => {
    const r = extractGroups([
      { path: "p/README.md", text: CARD },
      { path: "p/lora_adapter/adapter_config.json", text: adapter("google/gemma-2-2b-it") },
    ]);
    expect(r.documents).toHaveLength(1);
  });

  it("keeps apart an adapter on another base, and two adapters beneath one card", () => {
    const other = extractGroups([
      { path: "p/README.md", text: CARD },
      { path: "p/lora_adapter/adapter_config.json", text: adapter("Qwen/Qwen2.5-7B") },
    ]);
    expect(other.documents).toHaveLength(2);
    const two = extractGroups([
      { path: "p/README.md", text: CARD },
      { path: "p/a/adapter_config.json", text: adapter("google/gemma-2-2b-it") },
      { path: "p/b/adapter_config.json", text: adapter("google/gemma-2-2b-it") },
    ]);
    expect(two.documents.length).toBeGreaterThan(1);
  });
});

describe("a recipe and the output folder it names (t3-fld-lf-qwen3-06b-qlora-sft-underwater)", () => {
  const recipe = (out: string) =>
    [
      "model_name_or_path: C:/Users/u/.cache/modelscope/hub/models/Qwen/Qwen3-0___6B",
      "stage: sft",
      "do_train: true",
      "finetuning_type: lora",
      "lora_rank: 8",
      "quantization_bit: 4",
      "dataset: underwater_acoustics",
      `output_dir: ${out}`,
      "learning_rate: 1.0e-4",
      "num_train_epochs: 3.0",
    ].join("\n");
  const state = JSON.stringify({
    global_step: 846,
    log_history: [],
    num_train_epochs: 3,
    train_batch_size: 1,
  });
  const ADAPTER = JSON.stringify({
    base_model_name_or_path: "C:/Users/u/.cache/modelscope/hub/models/Qwen/Qwen3-0___6B",
    peft_type: "LORA",
    r: 8,
  });
  const files = (out: string) => [
    { path: "p/sft_config.yaml", text: recipe(out) },
    { path: "p/output/qwen3_sft/adapter_config.json", text: ADAPTER },
    { path: "p/output/qwen3_sft/trainer_state.json", text: state },
  ];

  it("joins the recipe with the folder its output_dir names, relative to the recipe", () => {
    const r = extractGroups(files("./output/qwen3_sft"));
    expect(r.documents).toHaveLength(1);
    const steps = r.documents[0]?.document.steps ?? [];
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: "fine-tune", objective: "sft" });
  });

  it("joins nothing when output_dir names another folder or an absolute path", () => {
    expect(extractGroups(files("./output/qwen3_dpo")).documents).toHaveLength(2);
    expect(extractGroups(files("/data/output/qwen3_sft")).documents).toHaveLength(2);
  });
});

describe("a script whose output_dir is a bare folder name (dev t3-fld-phi3-mini-128k-8bit-lora-ata-copa)", () => {
  const script = (out: string) =>
    [
      "import transformers",
      "from transformers import AutoModelForCausalLM",
      'model = AutoModelForCausalLM.from_pretrained("microsoft/Phi-3-mini-128k-instruct", load_in_8bit=True)',
      "trainer = transformers.Trainer(",
      "    model=model,",
      "    args=transformers.TrainingArguments(",
      "        per_device_train_batch_size=4,",
      "        max_steps=100,",
      "        learning_rate=2e-4,",
      `        output_dir='${out}'`,
      "    ),",
      ")",
      "trainer.train()",
    ].join("\n");
  const ADAPTER = JSON.stringify({
    base_model_name_or_path: "microsoft/Phi-3-mini-128k-instruct",
    peft_type: "LORA",
    r: 16,
  });
  const files = (out: string) => [
    { path: "p/train.py", text: script(out) },
    { path: "p/outputs/checkpoint-100/adapter_config.json", text: ADAPTER },
  ];

  it("is a local folder beside the script, and the checkpoint written there is the same run", () => {
    const r = extractGroups(files("outputs"));
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]?.document.steps[0]?.output?.id).toBe("local:outputs");
    expect(r.warnings.map((w) => w.code)).not.toContain("extract.unrelated");
  });

  it("joins nothing when the folder is another one", () => {
    expect(extractGroups(files("results")).documents).toHaveLength(2);
  });
});

describe("grouping a tree of many runs stays linear", () => {
  const src = (file: string) => extracted(file);
  const tree = (n: number): FileFacts[] =>
    Array.from({ length: n }, (_, i) => {
      const card = `saves/r${i}/README.md`;
      const config = `saves/r${i}/lora_adapter/adapter_config.json`;
      const step = emptyStep("fine-tune", src(config));
      step.inputs.push(fact({ id: "google/gemma-2-2b-it" }, src(config)));
      return [
        {
          file: card,
          kind: "model-card",
          bases: [fact("google/gemma-2-2b-it", src(card))],
          steps: [],
          warnings: [],
          mentions: { files: ["train.py"], folders: ["sft"] },
        },
        { file: config, kind: "adapter-config", bases: [], steps: [step], warnings: [] },
      ];
    }).flat();
  /** The least CPU time (ms) of three runs: other processes on a shared machine do not count. */
  const fastest = (files: FileFacts[]) => {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 3; r++) {
      const start = process.cpuUsage();
      groupRuns(files);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };

  // 8x the runs: linear is 8x the time, n log n about 10x, quadratic 64x. The bound sits far from both (a 4x step
  // with a bound of 9 failed once under load at 9.5x while linear).
  it("joins each card with its own adapter, in time close to linear (8x the runs, well under 64x the time)", () => {
    expect(groupRuns(tree(3))).toHaveLength(3);
    fastest(tree(500));
    const small = fastest(tree(1000));
    const large = fastest(tree(8000));
    if (large < 5) return;
    expect(large / Math.max(small, 0.5)).toBeLessThan(24);
  });
});

describe("a card whose Hub id ends with a recipe's output folder", () => {
  it("is one run with that recipe, even on another base spelling; another output stays apart", () => {
    const card =
      "# acme/cat-lora\n\nThis model [acme/cat-lora](https://huggingface.co/acme/cat-lora) is a LoRA of [Qwen/Qwen2.5-7B](https://huggingface.co/Qwen/Qwen2.5-7B).\n";
    const recipe = (out: string) =>
      `base_model: /data/models/qwen7b\nadapter: lora\nlora_r: 8\noutput_dir: ./${out}\ndatasets:\n  - path: tatsu-lab/alpaca\n    type: alpaca\n`;
    expect(
      extractGroups([
        { path: "README.md", text: card },
        { path: "lora.yml", text: recipe("cat-lora") },
      ]).documents,
    ).toHaveLength(1);
    expect(
      extractGroups([
        { path: "README.md", text: card },
        { path: "lora.yml", text: recipe("dog-lora") },
      ]).documents,
    ).toHaveLength(2);
  });
});
