/**
 * Every reader finishes in time linear in its input: hostile cards (unclosed links, runs of `[`, long `#`
 * headings, a method named thousands of times, long arrow chains, huge lists, commands, multilingual text) are
 * extracted at n and 4n, and the time ratio must stay far below the 16 a quadratic reader would show. The
 * fastest of several runs is compared, so that a busy machine does not decide the result.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const CASES: Record<string, (n: number) => string> = {
  "unclosed links `[a](`": (n) => `# m\n\n${"[a](".repeat(n)}`,
  "a run of `[`": (n) => `# m\n\n${"[".repeat(n * 4)}`,
  "a long `#…#` heading": (n) => `${"#".repeat(n * 4)} x ${"#".repeat(n * 4)}y\n`,
  "a method named over and over": (n) => `# m\n\n${"trained with DPO. ".repeat(n)}`,
  "an arrow chain": (n) => `# m\n\n${"A -> ".repeat(n)}`,
  "a hyperparameter list": (n) => `# m\n\n${"- learning_rate: 1e-5\n".repeat(n)}`,
  "Chinese statements": (n) => `# m\n\n${"基于 Qwen2-7B 微调，学习率 2e-5。".repeat(n)}`,
  "a key: value paragraph": (n) => `# m\n\n${"a: b\n".repeat(n)}`,
  "merge sentences": (n) => `# m\n\n${"A merge of a/b and c/d using SLERP. ".repeat(n)}`,
  "settings in sentences": (n) =>
    `# m\n\n${"We trained with LoRA (rank 8, lr 2e-4, batch size 16, for 1,000 steps, max sequence length of  2048). ".repeat(n)}`,
};

function fastest(text: string, path: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    extractFromFiles([{ path, text }]);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("extraction stays linear in its input", () => {
  for (const [name, make] of Object.entries(CASES))
    it(name, () => {
      fastest(make(500), "README.md");
      const small = fastest(make(3000), "README.md");
      const large = fastest(make(12000), "README.md");
      // Below 1 ms the timer's resolution decides: such a reader is fast enough either way.
      if (large < 5) return;
      expect(
        large / Math.max(small, 0.5),
        `${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`,
      ).toBeLessThan(10);
    });

  it("a command script with thousands of continued lines", () => {
    const make = (n: number) => `accelerate launch train.py ${"--lr 1 \\\n".repeat(n)}`;
    fastest(make(500), "run.sh");
    const small = fastest(make(3000), "run.sh");
    const large = fastest(make(12000), "run.sh");
    if (large >= 5) expect(large / Math.max(small, 0.5)).toBeLessThan(10);
  });

  it("recipes that link into one chain (each starts from the one before)", () => {
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        path: `r${i}/config.yaml`,
        text: `model_name_or_path: org/m${i}\nhub_model_id: org/m${i + 1}\ndataset_mixer:\n  org/d${i}: 1.0\nlearning_rate: 2.0e-5\n`,
      }));
    const time = (n: number) => {
      const files = make(n);
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r++) {
        const start = performance.now();
        const result = extractFromFiles(files);
        best = Math.min(best, performance.now() - start);
        expect(result.document?.steps).toHaveLength(n);
      }
      return best;
    };
    time(100);
    const small = time(400);
    const large = time(1600);
    // Quadratic combining (each new step compared with every step before it) gave a ratio near 16.
    expect(large / Math.max(small, 0.5), `${small.toFixed(0)} ms → ${large.toFixed(0)} ms`).toBeLessThan(8);
  });
});
