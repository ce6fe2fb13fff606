/**
 * Training settings stated in English sentences (synthetic, in the phrasings of public READMEs).
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";

const step = (body: string) =>
  extractFromFiles([{ path: "README.md", text: `# Helper\n\n${body}\n` }]).document.steps[0];

describe("settings in English prose", () => {
  it("reads the common phrasings of a training's settings", () => {
    const s = step(
      "We fine-tuned google/gemma-7b with LoRA (rank 8, lr 2e-4, batch size 16, gradient accumulation of 4, max sequence length of 2048, seed 42, cosine schedule, 100 warmup steps).",
    );
    expect(s?.hyperparameters).toEqual({
      learningRate: 0.0002,
      perDeviceBatchSize: 16,
      gradientAccumulationSteps: 4,
      maxSequenceLength: 2048,
      warmupSteps: 100,
      scheduler: "cosine",
      seed: 42,
    });
    expect(s?.kind === "fine-tune" && s.adapter?.rank).toBe(8);
  });

  it("a global batch size, a preference beta and a step count", () => {
    const s = step(
      "We fine-tuned google/gemma-7b with DPO (beta 0.1) for 1,000 steps with a global batch size of 64.",
    );
    expect(s?.hyperparameters).toEqual({ globalBatchSize: 64, beta: 0.1, maxSteps: 1000 });
  });

  it("evaluation, recommendations, ranges and results are not the training's settings", () => {
    for (const body of [
      "We fine-tuned google/gemma-7b with LoRA. Evaluation used a batch size of 8.",
      "We fine-tuned google/gemma-7b with LoRA. For training we recommend a batch size of 4.",
      "We fine-tuned google/gemma-7b with LoRA. The training fits with a batch_size 1-4 on one GPU.",
      "We fine-tuned google/gemma-7b with LoRA. The best result came with lr 2e-5 in our comparison.",
    ])
      expect(step(body)?.hyperparameters ?? {}).toEqual({});
  });

  it("a rank or beta with nothing of LoRA or preference near it is not read", () => {
    const s = step(
      "We fine-tuned google/gemma-7b; the model reached rank 3 on the leaderboard with beta 0.5 weights.",
    );
    expect(s?.kind === "fine-tune" ? s.adapter : undefined).toBeUndefined();
  });
});
