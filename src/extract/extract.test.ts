import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportLineage } from "../export/index.js";
import { renderChain } from "../render/chain-text.js";
import { validateLineage } from "../validate/validate.js";
import { extractFromFiles, extractGroups } from "./extract-from-files.js";
import { importFiles } from "./import-files.js";

const FIXTURES = join(import.meta.dirname, "../../test/fixtures/extract");
const read = (set: string, name: string) => ({
  path: name,
  text: readFileSync(join(FIXTURES, set, name), "utf8"),
});

describe("prose", () => {
  it("reads a clause chain with counts and a trailing adapter rank", () => {
    const text = `---\nbase_model: mistralai/Mistral-7B-v0.1\n---\n# m\n\nWe trained it with SFT on 200k instruction pairs, then DPO on 50k preference pairs, LoRA rank 64.\n`;
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    const steps = document.steps;
    expect(steps.map((s) => (s.kind === "fine-tune" ? s.objective : s.kind))).toEqual(["sft", "dpo"]);
    const [sft, dpo] = steps;
    expect(sft?.inputs?.datasets?.[0]?.size).toEqual({ count: 200000, unit: "pairs" });
    expect(dpo?.inputs?.datasets?.[0]?.size).toEqual({ count: 50000, unit: "pairs" });
    expect(dpo?.kind === "fine-tune" && dpo.adapter?.rank).toBe(64);
    expect(dpo?.inputs?.models?.[0]?.step ?? dpo?.inputs?.models?.[0]?.id).toBe("sft");
    expect(document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
  });

  it("reads an arrow chain with named steps", () => {
    const text = "# m\n\nMistral-7B -> instruction-SFT -> domain-SFT -> safety-DPO\n";
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    expect(document.steps.map((s) => s.name)).toEqual(["instruction-SFT", "domain-SFT", "safety-DPO"]);
    // "Mistral-7B" names no org: the family table resolves it, as an inference with its source.
    expect(document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    expect(document.bases[0]?.provenance).toMatchObject({ source: "inferred", confidence: 0.7 });
    expect(validateLineage(document).valid).toBe(true);
  });

  it("takes only a model name, never a sentence, for the start of an arrow chain", () => {
    const text =
      "# m\n\nOur model came out of a long process (`Mistral-7B-v0.1 -> SFT on UltraChat -> DPO on UltraFeedback`).\n";
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    expect(document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    const vague = "# m\n\nWe started from what we had at hand -> SFT -> DPO\n";
    expect(extractFromFiles([{ path: "README.md", text: vague }]).document.bases).toEqual([]);
  });

  it("does not read a list of supported methods as a procedure", () => {
    const text =
      "# trainer\n\nSupported objectives: SFT, DPO, KTO, ORPO and GRPO, with LoRA or full fine-tuning.\n";
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    expect(document.steps).toEqual([]);
  });

  it("reads the Trainer's generated sentence and hyperparameter list with line provenance", () => {
    const text = [
      "---",
      "base_model: Qwen/Qwen2.5-1.5B",
      "---",
      "# run",
      "",
      "This model is a fine-tuned version of [Qwen/Qwen2.5-1.5B](https://huggingface.co/Qwen/Qwen2.5-1.5B) on the upper dataset.",
      "",
      "### Training hyperparameters",
      "",
      "The following hyperparameters were used during training:",
      "- learning_rate: 5e-05",
      "- train_batch_size: 8",
      "",
    ].join("\n");
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    const step = document.steps[0];
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["upper"]);
    expect(step?.hyperparameters?.learningRate).toBe(5e-5);
    expect(step?.sources?.["hyperparameters.learningRate"]).toMatchObject({
      source: "extracted",
      file: "README.md",
      line: 11,
    });
    // The generated sentence does not say what was optimised: the objective stays unknown.
    expect(step?.kind === "fine-tune" && step.objective).toBeUndefined();
  });
});

describe("several files about one step", () => {
  it("merges card, adapter_config, training_args and trainer_state into one step", () => {
    const files = [
      "mc28_Qwen3_Lora_README.md",
      "mc28b_Qwen3_Lora_training_args.yaml",
      "mc28c_Qwen3_Lora_adapter_config.json",
      "mc28d_Qwen3_Lora_trainer_state.json",
    ].map((n) => read("samples", n));
    const { document, warnings } = extractFromFiles(files);
    expect(document.steps).toHaveLength(1);
    const step = document.steps[0];
    expect(step?.kind === "fine-tune" && step.adapter?.rank).toBe(8);
    expect(step?.kind === "fine-tune" && step.objective).toBe("sft");
    expect(step?.hyperparameters?.learningRate).toBe(5e-5);
    expect(warnings.filter((w) => w.code === "extract.conflict")).toEqual([]);
  });

  it("keeps a conflict visible with both sources (card rank 16, adapter_config rank 64)", () => {
    const card = `---\nbase_model: org/base\ntags: [lora]\n---\n# m\n\n- lora_r: 16\n- learning_rate: 2e-4\n`;
    const adapter = JSON.stringify({ peft_type: "LORA", r: 64, base_model_name_or_path: "org/base" });
    const { document, warnings } = extractFromFiles([
      { path: "README.md", text: card },
      { path: "adapter_config.json", text: adapter },
    ]);
    const conflict = warnings.find((w) => w.code === "extract.conflict");
    expect(conflict?.sources).toEqual(["README.md:7 (lora_r)", "adapter_config.json (r)"]);
    expect(conflict?.message).toMatch(/16.*64/);
    expect(document.steps).toHaveLength(1);
  });
});

describe("bad input", () => {
  it("broken front matter: a warning naming the file and line, the body is still read", () => {
    const r = extractFromFiles([read("bad", "broken-front-matter.md")]);
    expect(r.warnings[0]).toMatchObject({
      code: "card.front-matter-invalid",
      file: "broken-front-matter.md",
    });
    expect(r.warnings[0]?.message).toMatch(/^broken-front-matter\.md:\d+:/);
    expect(r.document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    expect(r.complete).toBe(false);
  });

  it("front matter that is a list or a scalar", () => {
    for (const name of ["list-front-matter.md", "scalar-front-matter.md"]) {
      const r = extractFromFiles([read("bad", name)]);
      expect(r.warnings.map((w) => w.code)).toContain("card.front-matter-not-mapping");
      expect(r.complete).toBe(false);
    }
  });

  it("JSON with wrong types: each field named, the rest read", () => {
    const r = extractFromFiles([read("bad", "wrong-types_adapter_config.json")]);
    const fields = r.warnings.filter((w) => w.code === "extract.wrong-type").map((w) => w.field);
    expect(fields).toEqual(expect.arrayContaining(["base_model_name_or_path", "r", "target_modules"]));
    expect(r.document.steps[0]?.kind === "fine-tune" && r.document.steps[0].parameterization).toBe("lora");
  });

  it("binary data and a 10 MB card", () => {
    const big = `---\nbase_model: org/base\n---\n# m\n\nFine-tuned with SFT.\n${"x".repeat(10 * 1024 * 1024)}`;
    const r = extractFromFiles([
      { path: "bin.md", text: "PK\u0003\u0004\u0000binary" },
      { path: "big/README.md", text: big },
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["file.binary", "file.cut"]));
    expect(r.document.bases.map((b) => b.id)).toEqual(["org/base"]);
    expect(r.complete).toBe(false);
  });

  it("folders: symlink loops, unreadable entries and binary files are reported, the rest is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-extract-"));
    writeFileSync(
      join(dir, "README.md"),
      readFileSync(join(FIXTURES, "samples", "mc28_Qwen3_Lora_README.md")),
    );
    writeFileSync(
      join(dir, "adapter_config.json"),
      readFileSync(join(FIXTURES, "samples", "mc28c_Qwen3_Lora_adapter_config.json")),
    );
    writeFileSync(join(dir, "config.json"), Buffer.from([0x7b, 0, 0x7d]));
    mkdirSync(join(dir, "sub"));
    symlinkSync(dir, join(dir, "sub", "loop"));
    symlinkSync(join(dir, "missing-target"), join(dir, "broken.json"));
    const r = await importFiles([dir]);
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(["file.symlink-loop", "file.binary", "file.missing"]));
    expect(r.complete).toBe(false);
    expect(r.document.steps[0]?.kind === "fine-tune" && r.document.steps[0].adapter?.rank).toBe(8);
  });

  it("a missing path is a warning naming it", async () => {
    const r = await importFiles(["/nonexistent/README.md"]);
    expect(r.warnings[0]).toMatchObject({ code: "file.missing", file: "/nonexistent/README.md" });
    expect(r.complete).toBe(false);
  });
});

describe("documents", () => {
  it("every sample gives a valid document whose chain renders with sources", () => {
    for (const name of [
      "mc01_zephyr-7b-beta_README.md",
      "cfg17_mergekit_ties.yml",
      "mc30_Qwen3-ASR-1.7B-GGUF_hf-card-en.md",
    ]) {
      const { document } = extractFromFiles([read("samples", name)]);
      expect(validateLineage(document).valid, name).toBe(true);
      expect(renderChain(document, { sources: true })).toMatch(/extracted from/);
    }
  });

  it("a card ftl exported reads back complete, with a note of what cards cannot carry", () => {
    const zephyr = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../examples/zephyr-7b-beta.lineage.json"), "utf8"),
    );
    const card = exportLineage(zephyr, "hf-card");
    const r = extractFromFiles([{ path: "README.md", text: card }]);
    expect(r.complete).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(["import.hf-card.carries"]);
    expect(r.document.steps.map((s) => s.output?.id)).toEqual([
      "HuggingFaceH4/mistral-7b-sft-beta",
      "HuggingFaceH4/zephyr-7b-beta",
    ]);
    expect(r.document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
  });

  it("a base model's card is not lineage", () => {
    const { document } = extractFromFiles([read("samples", "mc17_Mistral-7B-v0.1_README.md")]);
    expect(validateLineage(document).class).toBe("not-lineage");
  });
});

describe("recipes of a chain", () => {
  it("links an SFT recipe to the DPO recipe that starts from its result", () => {
    const files = [
      "cfg01_alignment-handbook_zephyr-7b-beta_sft_config_full.yaml",
      "cfg02_alignment-handbook_zephyr-7b-beta_dpo_config_full.yaml",
    ].map((n) => read("samples", n));
    const { document } = extractFromFiles(files);
    expect(document.steps.map((s) => s.id)).toEqual(["sft", "dpo"]);
    expect(document.steps[0]?.output?.id).toBe("alignment-handbook/zephyr-7b-sft-full");
    expect(document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    // The DPO recipe's hub_model_id names no org: the subject is that name, and classification asks for the org.
    expect(document.subject.id).toBe("zephyr-7b-dpo-full");
    const report = validateLineage(document);
    expect(report.class).toBe("partial");
    expect(report.issues.map((i) => i.code)).toContain("missing.subject-org");
    const named = extractFromFiles(files, { subject: "HuggingFaceH4/zephyr-7b-beta" }).document;
    expect(validateLineage(named).class).toBe("lineage");
  });

  it("never links recipes by the order they were given in: unrelated recipes are separate groups", () => {
    const files = [
      "cfg06_alignment-handbook_smollm3_sft_mid.yaml",
      "cfg07_alignment-handbook_smollm3_sft_sft.yaml",
      "cfg08_alignment-handbook_smollm3_dpo_apo.yaml",
    ].map((n) => read("samples", n));
    const { documents, warnings } = extractGroups(files);
    // mid writes a local folder and sft starts from a Hub branch: nothing in the files says they are one.
    expect(documents.length).toBeGreaterThan(1);
    expect(warnings.some((w) => w.code === "extract.unrelated")).toBe(true);
    for (const d of documents) expect(validateLineage(d.document).valid).toBe(true);
    const single = extractFromFiles(files);
    expect(single.warnings.some((w) => w.code === "extract.assumed-link")).toBe(false);
    expect(single.complete).toBe(false);
  });
});

describe("more inputs", () => {
  it("a mergekit-moe config: every expert is a parent", () => {
    const text = `base_model: mlabonne/Marcoro14-7B-slerp\nexperts:\n  - source_model: openchat/openchat-3.5-1210\n    positive_prompts: ["chat"]\n  - source_model: WizardLM/WizardMath-7B-V1.1\n    positive_prompts: ["math"]\n`;
    const { document } = extractFromFiles([{ path: "moe.yaml", text }]);
    const step = document.steps[0];
    expect(step?.kind).toBe("merge");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual([
      "openchat/openchat-3.5-1210",
      "WizardLM/WizardMath-7B-V1.1",
    ]);
    expect(step?.kind === "merge" && step.baseModel?.id).toBe("mlabonne/Marcoro14-7B-slerp");
  });

  it("config.json with a quantization_config is a quantisation of the model it was loaded from", () => {
    const text = JSON.stringify({
      _name_or_path: "acme/llama-7b-ft",
      architectures: ["LlamaForCausalLM"],
      quantization_config: { quant_method: "gptq", bits: 4, group_size: 128 },
    });
    const { document } = extractFromFiles([{ path: "config.json", text }]);
    const step = document.steps[0];
    expect(step).toMatchObject({ kind: "quantization", method: "gptq", bits: 4, groupSize: 128 });
    expect(step?.inputs?.models?.[0]?.id).toBe("acme/llama-7b-ft");
  });

  it("training_args.json from transformers fills the step's hyperparameters", () => {
    const args = JSON.stringify({
      learning_rate: 2e-5,
      num_train_epochs: 3,
      per_device_train_batch_size: 8,
      gradient_accumulation_steps: 4,
      lr_scheduler_type: "cosine",
      warmup_ratio: 0.03,
      bf16: true,
      seed: 1234,
      output_dir: "out",
    });
    const adapter = JSON.stringify({ peft_type: "LORA", r: 32, base_model_name_or_path: "org/base" });
    const { document, warnings } = extractFromFiles([
      { path: "run/training_args.json", text: args },
      { path: "run/adapter_config.json", text: adapter },
    ]);
    expect(document.steps).toHaveLength(1);
    expect(document.steps[0]?.hyperparameters).toMatchObject({
      learningRate: 2e-5,
      epochs: 3,
      precision: "bf16",
      seed: 1234,
    });
    expect(warnings.filter((w) => w.code === "extract.conflict")).toEqual([]);
  });

  it("documents serialise without shared objects", () => {
    const { document } = extractFromFiles([read("samples", "mc28b_Qwen3_Lora_training_args.yaml")]);
    expect(document.subject.provenance).not.toBe(document.steps[0]?.sources?.["output.id"]);
  });
});

describe("quantised re-uploads", () => {
  it("a card saying it is a quantized version of X, with no relation, is a quantisation step", () => {
    const text = `---\nlibrary_name: transformers\ntags:\n- int4\n- vllm\n- llm-compressor\n- compressed-tensors\nbase_model: Qwen/Qwen3.5-9B\n---\n\n# Qwen3.5-9B-quantized.w4a16\n\nThis model is a quantized version of [Qwen/Qwen3.5-9B](https://huggingface.co/Qwen/Qwen3.5-9B).\n`;
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    expect(document.steps[0]).toMatchObject({ kind: "quantization", method: "other", bits: 4 });
    expect(document.bases.map((b) => b.id)).toEqual(["Qwen/Qwen3.5-9B"]);
    expect(validateLineage(document).class).toBe("not-lineage");
  });
});

describe("weak evidence", () => {
  it("a base model's card with its config.json stays not-lineage", () => {
    const config = JSON.stringify({
      _name_or_path: "mistralai/Mistral-7B-v0.1",
      architectures: ["MistralForCausalLM"],
    });
    const { document, warnings } = extractFromFiles([
      read("samples", "mc17_Mistral-7B-v0.1_README.md"),
      { path: "config.json", text: config },
    ]);
    expect(document.steps).toEqual([]);
    expect(validateLineage(document).class).toBe("not-lineage");
    expect(warnings.map((w) => w.code)).toContain("extract.weak-evidence");
  });

  it("a run's saved config.json names the model the run started from when its trainer_state.json names none", () => {
    const config = JSON.stringify({
      _name_or_path: "rinna/japanese-gpt2-medium",
      architectures: ["GPT2LMHeadModel"],
    });
    const state = JSON.stringify({
      global_step: 3100,
      max_steps: 3100,
      num_train_epochs: 100,
      log_history: [],
    });
    const files = [
      { path: "out/config.json", text: config },
      { path: "out/trainer_state.json", text: state },
    ];
    for (const order of [files, [...files].reverse()]) {
      const { document, warnings } = extractFromFiles(order);
      expect(document.steps).toHaveLength(1);
      expect(document.steps[0]?.inputs?.models?.map((m) => m.id)).toEqual(["rinna/japanese-gpt2-medium"]);
      expect(warnings.map((w) => w.code)).not.toContain("extract.weak-evidence");
    }
  });

  it("config.json's _name_or_path still joins a step other files show", () => {
    const config = JSON.stringify({
      _name_or_path: "/dev/shm/Qwen/Qwen3-14B",
      architectures: ["Qwen3ForCausalLM"],
    });
    const { document } = extractFromFiles([
      read("samples", "mc28_Qwen3_Lora_README.md"),
      { path: "config.json", text: config },
    ]);
    expect(document.steps).toHaveLength(1);
  });
});

describe("a config.json of training settings", () => {
  it("is read as a summary of settings, not as a model's config nor a framework's recipe", () => {
    const text = JSON.stringify({
      model_name_or_path: "base_model",
      data_path: "data/chat.json",
      per_device_train_batch_size: 2,
      num_epochs: 2,
      learning_rate: 1e-5,
      cutoff_len: 1024,
    });
    const doc = extractFromFiles([{ path: "run_config/config.json", text }]).document;
    expect(doc.steps).toHaveLength(1);
    expect(doc.steps[0]).toMatchObject({
      hyperparameters: { learningRate: 1e-5, epochs: 2, perDeviceBatchSize: 2 },
    });
    expect(doc.steps[0]).not.toHaveProperty("parameterization");
    // A model's own config.json stays one.
    const model = JSON.stringify({
      architectures: ["LlamaForCausalLM"],
      hidden_size: 4096,
      learning_rate: 1e-5,
    });
    expect(extractFromFiles([{ path: "config.json", text: model }]).document.steps).toHaveLength(0);
  });
});
