/** A command that loads a config and overrides it is one run (dev: EasyR1 examples/config.yaml + its script). */
import { describe, expect, it } from "vitest";
import { foldLoadedConfigs } from "./command-overlay.js";
import { readSourceFile } from "./read-file.js";

const CONFIG = `data:\n  train_files: hiyouga/math12k@train\n  seed: 1\n\nalgorithm:\n  adv_estimator: grpo\n\nworker:\n  actor:\n    model:\n      model_path: Qwen/Qwen2.5-7B-Instruct\n      lora:\n        rank: 0  # Set to a positive integer to enable LoRA\n        alpha: 64  # LoRA scaling factor\n    optim:\n      lr: 1.0e-6\n      lr_warmup_ratio: 0.0\n\ntrainer:\n  total_epochs: 15\n`;
const SCRIPT = `#!/bin/bash\n\nset -x\n\nMODEL_PATH=Qwen/Qwen3-4B  # replace it with your local file path\n\npython3 -m verl.trainer.main \\\n    config=examples/config.yaml \\\n    data.max_response_length=2048 \\\n    worker.actor.model.model_path=\${MODEL_PATH} \\\n    worker.actor.model.lora.rank=64 \\\n    worker.actor.model.lora.alpha=64 \\\n    worker.actor.optim.lr=1e-5 \\\n    trainer.experiment_name=qwen3_4b_math_grpo_lora \\\n    trainer.n_gpus_per_node=1\n`;

describe("foldLoadedConfigs", () => {
  it("takes the command's model, LoRA and lr over the config's, and the config's objective, data and epochs", () => {
    const config = readSourceFile({ path: "files/config.yaml", text: CONFIG });
    const script = readSourceFile({ path: "files/qwen3_4b_math_grpo_lora.sh", text: SCRIPT });
    const [c, s] = foldLoadedConfigs([config, script]);
    expect(c?.steps).toEqual([]);
    const step = s?.steps[0];
    expect(step?.inputs.map((i) => i.value.id)).toEqual(["Qwen/Qwen3-4B"]);
    expect(step?.inputs[0]?.source.file).toBe("files/qwen3_4b_math_grpo_lora.sh");
    expect(step?.objective?.value).toBe("grpo");
    expect(step?.objective?.source.file).toBe("files/config.yaml");
    expect(step?.parameterization?.value).toBe("lora");
    expect(step?.adapter.rank?.value).toBe(64);
    expect(step?.datasets.map((d) => d.value.id)).toEqual(["hiyouga/math12k"]);
    const hp = Object.fromEntries(Object.entries(step?.hyperparameters ?? {}).map(([k, f]) => [k, f.value]));
    expect(hp).toEqual({ learningRate: 1e-5, warmupRatio: 0, seed: 1, epochs: 15 });
  });

  it("leaves both alone when the loaded config is not among the files", () => {
    const script = readSourceFile({ path: "qwen3_4b_math_grpo_lora.sh", text: SCRIPT });
    const [s] = foldLoadedConfigs([script]);
    expect(s?.steps[0]?.inputs[0]?.value.id).toBe("Qwen/Qwen3-4B");
    expect(s?.steps[0]?.notes[0]).toMatch(/loads config examples\/config.yaml/);
  });
});
