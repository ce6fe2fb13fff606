import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateLineage } from "../../validate/validate.js";
import { hashPath } from "../hash/index.js";
import { applyFlags } from "./apply-flags.js";
import { CaptureError, captureFolder, isModelFile } from "./index.js";

const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/integrity/capture");
const at = (name: string) => join(FIXTURES, name);
const scratch = mkdtempSync(join(tmpdir(), "ftl-capture-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function captureError(promise: Promise<unknown>): Promise<CaptureError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaptureError);
  return error as CaptureError;
}

describe("captureFolder: a new lineage", () => {
  it("reads the folder's files, names the output from them and records its OMS digests", async () => {
    const { document, step, manifest, outputKnown } = await captureFolder(at("sft-run"));
    const expected = await hashPath(at("sft-run"));
    expect(manifest).toEqual(expected);
    expect(outputKnown).toBe(true);
    expect(step.output).toMatchObject({
      id: "example-org/tiny-sft",
      digest: { algorithm: "sha256", value: expected.rootDigest },
    });
    expect(step.output?.files).toEqual(
      expected.resources.map((r) => ({
        path: r.name,
        size: r.size,
        digest: { algorithm: "sha256", value: r.digest },
      })),
    );
    // Every file is hashed (checkpoints, trainer state); only the latest checkpoint is read for facts.
    expect(step.output?.files?.map((f) => f.path)).toContain("checkpoint-50/model.safetensors");
    expect(step.hyperparameters).toMatchObject({
      learningRate: 2e-5,
      maxSteps: 100,
      other: { global_step: 100 },
    });
    expect(step.inputs?.models).toEqual([{ id: "HuggingFaceTB/SmolLM2-135M" }]);
    expect(document.subject).toMatchObject({ id: "example-org/tiny-sft", digest: step.output?.digest });
    expect(document.steps.at(-1)).toEqual(step);
    expect(validateLineage(document).valid).toBe(true);
  });

  it("never makes an id up: without --output or a file naming it, the output and subject are unknown", async () => {
    const { document, step, warnings, outputKnown } = await captureFolder(at("no-id-run"));
    expect(outputKnown).toBe(false);
    expect(step.output?.id).toBe("unknown");
    expect(step.output?.digest?.value).toBe((await hashPath(at("no-id-run"))).rootDigest);
    expect(document.subject.id).toBe("unknown");
    expect(warnings.map((w) => w.code)).toContain("capture.output-unknown");
    expect(step.sources?.["output.id"]?.note).toMatch(/--output/);
    const report = validateLineage(document);
    expect(report.class).toBe("partial");
    const named = await captureFolder(at("no-id-run"), { output: "me/adapter" });
    expect([named.step.output?.id, named.document.subject.id]).toEqual(["me/adapter", "me/adapter"]);
    expect(named.step.sources?.["output.id"]).toEqual({ source: "declared", by: "ftl capture --output" });
  });
});

describe("captureFolder: continuing a lineage", () => {
  it("appends a step whose input is the previous step's output, flags filling in", async () => {
    const first = await captureFolder(at("sft-run"));
    const second = await captureFolder(at("dpo-run"), {
      document: first.document,
      objective: "dpo",
      output: "example-org/tiny-dpo",
      datasets: [{ id: "org/prefs", size: { count: 50000, unit: "pairs" } }],
      hyperparameters: { beta: 0.1, learningRate: 5e-7 },
    });
    const [sft, dpo] = second.document.steps;
    expect(sft).toEqual(first.step);
    expect(dpo?.id).toBe("dpo");
    expect(dpo?.inputs?.models).toEqual([{ id: sft?.output?.id }]);
    expect(dpo).toMatchObject({ kind: "fine-tune", objective: "dpo", parameterization: "lora" });
    expect(dpo?.hyperparameters).toMatchObject({ beta: 0.1, learningRate: 5e-7, maxSteps: 30 });
    expect(dpo?.inputs?.datasets).toEqual([{ id: "org/prefs", size: { count: 50000, unit: "pairs" } }]);
    expect(dpo?.sources?.objective).toEqual({ source: "declared", by: "ftl capture" });
    expect(dpo?.output?.digest?.value).toBe((await hashPath(at("dpo-run"))).rootDigest);
    expect(second.document.subject).toMatchObject({
      id: "example-org/tiny-dpo",
      digest: dpo?.output?.digest,
    });
    expect(second.warnings.map((w) => w.code)).not.toContain("capture.input-mismatch");
    expect(validateLineage(second.document).valid).toBe(true);
  });

  it("keeps the chain when the files name another base, and says so", async () => {
    const first = await captureFolder(at("sft-run"));
    const next = await captureFolder(at("no-id-run"), { document: first.document });
    expect(next.step.inputs?.models).toEqual([{ id: "example-org/tiny-sft" }]);
    expect(next.warnings.find((w) => w.code === "capture.input-mismatch")?.message).toMatch(
      /HuggingFaceTB\/SmolLM2-135M as the base.*example-org\/tiny-sft/,
    );
    expect(next.document.subject.id).toBe("unknown");
  });
});

describe("captureFolder: refusals", () => {
  it("refuses a missing path, a file, and a folder without model files, naming what a model file is", async () => {
    expect((await captureError(captureFolder(join(scratch, "nope")))).code).toBe("not-found");
    const file = join(scratch, "model.safetensors");
    writeFileSync(file, "w");
    expect((await captureError(captureFolder(file))).code).toBe("not-a-folder");
    const none = await captureError(captureFolder(at("no-model")));
    expect(none.code).toBe("no-model-files");
    expect(none.message).toMatch(/4 files looked at.*\*\.safetensors.*not training_args\.bin/);
  });

  it("refuses --objective for a step that is not a fine-tune", () => {
    expect(() => applyFlags({ id: "m", kind: "merge" }, { objective: "dpo" })).toThrow(
      /apply to a fine-tune/,
    );
  });

  it("knows model files from trainer state with the same extensions", () => {
    for (const name of [
      "model.safetensors",
      "sub/pytorch_model-00001-of-00002.bin",
      "x.gguf",
      "adapter_model.bin",
    ])
      expect(isModelFile(name)).toBe(true);
    for (const name of ["config.json", "adapter_config.json", "unet/model_index.json"])
      expect(isModelFile(name)).toBe(true);
    for (const name of [
      "training_args.bin",
      "checkpoint-5/optimizer.pt",
      "rng_state_3.pth",
      "scheduler.pt",
      "README.md",
    ])
      expect(isModelFile(name)).toBe(false);
  });
});
