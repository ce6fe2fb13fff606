/**
 * Precision comes from a flag that is set, never from one that is left to the trainer: axolotl's and the
 * Trainer's `bf16: auto` means "bf16 if the GPU has it", so it says nothing about the run (issue 10).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importGroups } from "./import-files.js";

async function precisionOf(flags: string): Promise<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), "ftl-precision-"));
  const config = join(dir, "qlora.yml");
  writeFileSync(
    config,
    [
      "base_model: NousResearch/Llama-2-7b-hf",
      "adapter: qlora",
      "lora_r: 32",
      "datasets:",
      "  - path: mhenrichsen/alpaca_2k_test",
      "    type: alpaca",
      "learning_rate: 0.0002",
      flags,
      "",
    ].join("\n"),
  );
  const { documents } = await importGroups([config]);
  const step = documents[0]?.document.steps.at(-1);
  return step?.kind === "fine-tune" ? step.hyperparameters?.precision : undefined;
}

describe("precision flags in a training config", () => {
  it("`bf16: auto` gives no precision, and is not read as tf32", async () => {
    expect(await precisionOf("bf16: auto\ntf32: false")).toBeUndefined();
    expect(await precisionOf("bf16: auto")).toBeUndefined();
  });

  it("a flag set to true gives that precision", async () => {
    expect(await precisionOf("bf16: true\ntf32: false")).toBe("bf16");
    expect(await precisionOf("fp16: true")).toBe("fp16");
  });
});
