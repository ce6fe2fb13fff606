/** Training scripts' own flags, placeholders, script names and loaded configs; snippets from the dev corpus. */
import { describe, expect, it } from "vitest";
import { SCRIPT_NAME_OBJECTIVE_CONFIDENCE } from "./calibration.js";
import { extractFromFiles } from "./extract-from-files.js";
import type { StepFacts } from "./facts.js";
import { readCommands } from "./read-command.js";

const hp = (s: StepFacts | undefined) =>
  Object.fromEntries(Object.entries(s?.hyperparameters ?? {}).map(([k, f]) => [k, f.value]));

describe("training scripts' own flags", () => {
  it("reads a QLoRA run of a copied run_clm script: train files, 4-bit load, block size (FlagAlpha finetune_lora.sh)", () => {
    const text = `output_model=save_folder
deepspeed --include localhost:1,0 --num_gpus 2  finetune_clm_lora.py \\
    --model_name_or_path meta-llama/Llama-2-7b-chat-hf \\
    --train_files ../../data/train_sft.csv \\
                ../../data/train_sft_sharegpt.csv \\
    --per_device_train_batch_size 1 \\
    --learning_rate 1e-4 \\
    --num_train_epochs 10 \\
    --load_in_bits 4 \\
    --lora_r 8 \\
    --block_size 2048 \\
    --output_dir \${output_model}
`;
    const [step] = readCommands(text, "finetune_lora.sh");
    expect(step?.parameterization?.value).toBe("qlora");
    expect(step?.datasets.map((d) => d.value.id)).toEqual([
      "../../data/train_sft.csv",
      "../../data/train_sft_sharegpt.csv",
    ]);
    expect(hp(step)).toMatchObject({ maxSequenceLength: 2048, learningRate: 1e-4, epochs: 10 });
  });

  it("a causal-LM script with no adapter flag trains all weights, as a guess (KadodeProject run_clm.py)", () => {
    const [step] = readCommands(
      "python src/run_clm.py --model_name_or_path=rinna/japanese-gpt2-medium --train_file=trainData/t.txt --num_train_epochs=10\n",
      "train.sh",
    );
    expect(step?.parameterization?.value).toBe("full");
    expect(step?.parameterization?.source.source).toBe("inferred");
    expect(step?.datasets.map((d) => d.value.id)).toEqual(["trainData/t.txt"]);
  });

  it("open-instruct's --hf_entity and --hf_repo_id name the output; a value model makes grpo_fast PPO", () => {
    const dpo = readCommands(
      "accelerate launch open_instruct/dpo_tune_cache.py --model_name_or_path google/gemma-3-1b-it --mixer_list a/b 1.0 --learning_rate 2.5e-6 --hf_entity model-organisms-for-real --hf_repo_id gemma-3-1b-dpo --push_to_hub True\n",
      "dpo.sh",
    )[0];
    expect(dpo?.output?.value).toBe("model-organisms-for-real/gemma-3-1b-dpo");
    const ppo = readCommands(
      "python open_instruct/grpo_fast.py --model_name_or_path Qwen/Qwen2.5-3B-Instruct --learning_rate 1e-6 --use_value_model --gae_lambda 0.95\n",
      "ppo.sh",
    )[0];
    expect(ppo?.objective?.value).toBe("rlhf-ppo");
    expect(ppo?.objective?.source.field).toBe("use_value_model");
  });

  it("a template whose model and data are placeholders still trains when it states an objective and settings (ymcui run_sft.sh)", () => {
    const text = `lr=1e-4
lora_rank=64
pretrained_model=path/to/hf/llama-2/or/chinese-llama-2/dir/or/model_id
dataset_dir=path/to/sft/data/dir
torchrun --nnodes 1 --nproc_per_node 1 run_clm_sft_with_peft.py \\
    --model_name_or_path \${pretrained_model} \\
    --dataset_dir \${dataset_dir} \\
    --num_train_epochs 1 \\
    --learning_rate \${lr} \\
    --lora_rank \${lora_rank} \\
    --load_in_kbits 16
`;
    const [step] = readCommands(text, "run_sft.sh");
    expect(step?.inputs).toEqual([]);
    expect(step?.objective?.value).toBe("sft");
    expect(step?.parameterization?.value).toBe("lora");
    // A command that names neither a model nor an objective trains nothing ftl can see.
    expect(
      readCommands("python tool.py --model_name_or_path path/to/model --learning_rate 1e-4\n", "x.sh"),
    ).toEqual([]);
  });

  it("takes the objective from the script file's name only when nothing else gives one (run_train_sft.sh)", () => {
    const text =
      "torchrun internal/run_clm_lora_instruct.py --model_name_or_path org/m --max_steps 300 --lora_rank 20\n";
    const [step] = readCommands(text, "src/sft/run_train_sft.sh");
    expect(step?.objective?.value).toBe("sft");
    expect(step?.objective?.source.confidence).toBe(0.6);
    expect(readCommands(text, "train.sh")[0]?.objective).toBeUndefined();
    // …or from its folder's name (FlagAlpha/Llama2-Chinese train/sft/finetune_lora.sh).
    expect(readCommands(text, "train/sft/finetune_lora.sh")[0]?.objective?.value).toBe("sft");
    expect(readCommands(text, "train/finetune/finetune_lora.sh")[0]?.objective).toBeUndefined();
  });

  it("gives no objective for 'finetune' in a script name (it names fine-tuning, not SFT), a named one below the 0.9 bucket (calibration)", () => {
    const generic = readCommands(
      "python -u finetune.py --model_name_or_path org/m --num_train_epochs 5\n",
      "finetune_lora_single_gpu.sh",
    )[0];
    expect(generic?.objective).toBeUndefined();
    const named = readCommands(
      "python dpo_tune_cache.py --model_name_or_path org/m --num_train_epochs 1\n",
      "a.sh",
    )[0];
    expect(named?.objective?.source.confidence).toBe(SCRIPT_NAME_OBJECTIVE_CONFIDENCE);
  });
});

describe("ms-swift 2.x flags", () => {
  it("reads sft_type, custom_train_dataset_path and batch_size; max_length -1 is no value (dev e-rcp-climate-zoo-swift-llava-next-8b-lora)", () => {
    const text = `swift sft \\
--sft_type "lora" \\
--model_type llama3-llava-next-8b \\
--custom_train_dataset_path train.json \\
--batch_size "1" \\
--learning_rate "1e-04" \\
--lora_rank 8 \\
--num_train_epochs "1" \\
--max_length "-1"
`;
    const [step] = readCommands(text, "finetune_lora.sh");
    expect(step?.parameterization?.value).toBe("lora");
    expect(step?.datasets.map((d) => d.value.id)).toEqual(["train.json"]);
    expect(hp(step)).toEqual({ perDeviceBatchSize: 1, learningRate: 1e-4, epochs: 1 });
    const q = readCommands(
      "swift sft --sft_type lora --quantization_bit 4 --model_id_or_path org/m --dataset d/x\n",
      "q.sh",
    )[0];
    expect(q?.parameterization?.value).toBe("qlora");
    expect(q?.inputs.map((i) => i.value.id)).toEqual(["org/m"]);
  });
});

describe("a card's command that loads a recipe", () => {
  const readme = `# gpt2-nl

Three steps: continued pretraining, supervised finetuning and DPO. As other recipes, such as the famous
zephyr-7b-beta recipe, have shown, we can then teach our model to chat by finetuning it.

\`\`\`shell
accelerate launch --config_file recipes/accelerate_configs/multi_gpu.yaml scripts/run_sft.py recipes/gpt2-nl/sft/config_full.yaml
\`\`\`
`;
  const sft = `model_name_or_path: BramVanroy/gpt2-cpt-dutch
dataset_mixer:
  BramVanroy/ultrachat_200k_dutch: 1.0
learning_rate: 2.0e-05
num_train_epochs: 1
hub_model_id: gpt2-sft-dutch
`;

  it("joins the README and the config it names into one run; a name given as an example is no base", () => {
    const { document, warnings } = extractFromFiles([
      { path: "gpt2-nl/README.md", text: readme },
      { path: "gpt2-nl/sft/config_full.yaml", text: sft },
    ]);
    expect(warnings.map((w) => w.code)).not.toContain("extract.unrelated");
    expect(document.bases.map((b) => b.id)).toEqual(["BramVanroy/gpt2-cpt-dutch"]);
  });

  it("keeps the command's stated method when its config is not among the files, and invents no input", () => {
    const { document } = extractFromFiles([{ path: "gpt2-nl/README.md", text: readme }]);
    const sftSteps = document.steps.filter((s) => s.kind === "fine-tune" && s.objective === "sft");
    expect(sftSteps.length).toBeGreaterThan(0);
    expect(document.bases.map((b) => b.id)).not.toContain("HuggingFaceH4/zephyr-7b-beta");
  });
});
