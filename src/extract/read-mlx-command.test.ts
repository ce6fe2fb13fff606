/** mlx-lm commands (snippets written for this test, in the form of dev g-ne-ko-mlx-lora-qwen25-fuse-gguf). */
import { describe, expect, it } from "vitest";
import { readMlxCommands } from "./read-mlx-command.js";

describe("mlx-lm commands", () => {
  it("reads LoRA training and the fuse that merges its adapter, joined by the adapter folder", () => {
    const [train, fuse, ...rest] = readMlxCommands(
      "mlx_lm.lora --model ./base-model --train --data ./data --iters 600\nmlx_lm.fuse --model ./base-model --adapter-path adapters --save-path ./fused\nmlx_lm.generate --model ./fused --prompt hi\n",
      "notes.md",
    );
    expect(rest).toEqual([]);
    expect(train?.kind).toBe("fine-tune");
    expect(train?.inputs.map((i) => i.value.id)).toEqual(["local:./base-model"]);
    expect(train?.datasets.map((d) => d.value.id)).toEqual(["./data"]);
    expect(train?.parameterization?.value).toBe("lora");
    expect(train?.hyperparameters.maxSteps?.value).toBe(600);
    expect(train?.output?.value).toBe("local:adapters");
    expect(fuse?.kind).toBe("adapter-merge");
    expect(fuse?.inputs.map((i) => i.value.id)).toEqual(["local:adapters"]);
    expect(fuse?.output?.value).toBe("local:./fused");
  });

  it("does not read a test run or a full fine-tune as LoRA", () => {
    expect(readMlxCommands("mlx_lm.lora --model org/m --test --data ./data\n", "a.sh")).toEqual([]);
    const [full] = readMlxCommands(
      "python -m mlx_lm lora --model org/m --train --fine-tune-type full\n",
      "a.sh",
    );
    expect(full?.parameterization?.value).toBe("full");
  });
});
