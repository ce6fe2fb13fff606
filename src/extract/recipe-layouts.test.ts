import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";
import { collectFiles } from "./import-files.js";

describe("recipe layouts beyond the big frameworks", () => {
  it("a mergekit-evolve config: the merge under `genome:` is read, its tasks are not data", () => {
    const text = `model_name: Evol-7B\ngenome:\n  models:\n    - org/a-7b\n    - org/b-7b\n  merge_method: task_arithmetic\n  base_model: org/base-7b\ntasks:\n  - name: jcommonsenseqa\n    weight: 0.5\n`;
    const { document } = extractFromFiles([{ path: "evol.yaml", text }]);
    const step = document.steps[0];
    expect(step?.kind).toBe("merge");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["org/a-7b", "org/b-7b"]);
    expect(step?.kind === "merge" && step.method).toBe("task-arithmetic");
    expect(step?.kind === "merge" && step.baseModel?.id).toBe("org/base-7b");
    expect(step?.inputs?.datasets ?? []).toEqual([]);
  });

  it("Firefly's train args: train_mode, task_type and train_file", () => {
    const text = JSON.stringify({
      output_dir: "output/x-dpo-qlora",
      model_name_or_path: "Qwen/Qwen1.5-7B-Chat",
      train_file: "./data/dummy_dpo.jsonl",
      train_mode: "qlora",
      task_type: "dpo",
      learning_rate: 2e-4,
      lora_rank: 64,
    });
    const { document } = extractFromFiles([{ path: "x.json", text }]);
    const step = document.steps[0];
    expect(step?.kind === "fine-tune" && step.objective).toBe("dpo");
    expect(step?.kind === "fine-tune" && step.parameterization).toBe("qlora");
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["./data/dummy_dpo.jsonl"]);
  });

  it("PEFT's `task_type: CAUSAL_LM` is not an objective", () => {
    const text = JSON.stringify({ model_name_or_path: "org/m", learning_rate: 1e-4, task_type: "CAUSAL_LM" });
    const step = extractFromFiles([{ path: "args.json", text }]).document.steps[0];
    expect(step?.kind === "fine-tune" && step.objective).toBeUndefined();
  });

  it("a folder: names in any script are read, and JSON only when its name says training arguments", () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-layouts-"));
    for (const name of [
      "学習レポート.md",
      "qwen-7b-sft-qlora.json",
      "tokenizer.json",
      "vocab.json",
      "data.jsonl",
    ])
      writeFileSync(join(dir, name), name.endsWith(".md") ? "# x\n" : "{}");
    const names = collectFiles([dir])
      .files.map((f) => f.path.slice(dir.length + 1))
      .sort();
    expect(names).toEqual(["qwen-7b-sft-qlora.json", "学習レポート.md"]);
  });
});
