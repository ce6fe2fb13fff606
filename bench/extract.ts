/**
 * `npx tsx bench/extract.ts --size small|full [--sealed]`: extraction throughput over generated model cards that
 * look like real ones (Trainer and TRL cards, prose chains with model-index results, PEFT adapters, mergekit and
 * GGUF cards), then over the real cards of the labelled corpus, one process, one card at a time through
 * `extractFromFiles`. Both sizes first warm up the same way (so that "small" does not mostly time the JIT
 * compiling the readers), then time several rounds and print the median. The per-core figure is cards per CPU
 * second of the process (user + system), so that other processes on the machine do not distort it; wall-clock
 * figures and the load average are printed beside it. The real cards are the dev set's; `--sealed` adds the
 * sealed set's (only an aggregate rate is printed).
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { extractFromFiles } from "../src/extract/index.js";

const { values } = parseArgs({
  options: { size: { type: "string", default: "small" }, sealed: { type: "boolean", default: false } },
  strict: false,
});
const size = values.size === "full" ? "full" : "small";
const CARDS = size === "full" ? 10_000 : 1_000;
const RUNS = size === "full" ? 7 : 5;

/** A small deterministic generator, so that every run sees the same cards. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BASES = [
  "mistralai/Mistral-7B-v0.1",
  "meta-llama/Llama-2-7b-hf",
  "Qwen/Qwen2.5-7B",
  "google/gemma-2-9b",
  "microsoft/phi-2",
];
const DATASETS = [
  "HuggingFaceH4/ultrachat_200k",
  "HuggingFaceH4/ultrafeedback_binarized",
  "Open-Orca/SlimOrca",
  "argilla/dpo-mix-7k",
  "teknium/OpenHermes-2.5",
];

function modelIndex(name: string, r: () => number): string {
  const tasks = [
    "AI2 Reasoning Challenge (25-Shot)",
    "HellaSwag (10-Shot)",
    "MMLU (5-Shot)",
    "TruthfulQA (0-shot)",
    "Winogrande (5-shot)",
    "GSM8k (5-shot)",
  ];
  return `model-index:\n- name: ${name}\n  results:\n${tasks
    .map(
      (t) =>
        `  - task:\n      type: text-generation\n    dataset:\n      name: ${t}\n      type: x\n      split: test\n    metrics:\n    - type: acc\n      value: ${(50 + r() * 40).toFixed(2)}\n    source:\n      url: https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard?query=org/${name}\n      name: Open LLM Leaderboard\n`,
    )
    .join("")}`;
}

const USAGE = `## How to use

\`\`\`python
import torch
from transformers import pipeline

pipe = pipeline("text-generation", model="org/model", torch_dtype=torch.bfloat16, device_map="auto")
messages = [
    {"role": "system", "content": "You are a friendly chatbot who always responds in the style of a pirate"},
    {"role": "user", "content": "How many helicopters can a human eat in one sitting?"},
]
prompt = pipe.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
outputs = pipe(prompt, max_new_tokens=256, do_sample=True, temperature=0.7, top_k=50, top_p=0.95)
print(outputs[0]["generated_text"])
\`\`\`

## Citation

\`\`\`bibtex
@misc{tunstall2023zephyr,
      title={Zephyr: Direct Distillation of LM Alignment},
      author={Lewis Tunstall and Edward Beeching and Nathan Lambert and Nazneen Rajani},
      year={2023},
      eprint={2310.16944},
      archivePrefix={arXiv},
}
\`\`\`
`;

function card(i: number): string {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const base = pick(BASES);
  const name = `model-${i}`;
  const kind = i % 5;
  const hp = `### Training hyperparameters\n\nThe following hyperparameters were used during training:\n- learning_rate: ${pick(["2e-05", "5e-07", "0.0002", "1e-04"])}\n- train_batch_size: ${pick([1, 2, 4, 8])}\n- eval_batch_size: 8\n- seed: 42\n- gradient_accumulation_steps: ${pick([1, 4, 8])}\n- total_train_batch_size: 32\n- optimizer: Adam with betas=(0.9,0.999) and epsilon=1e-08\n- lr_scheduler_type: cosine\n- lr_scheduler_warmup_ratio: 0.1\n- num_epochs: ${pick([1, 2, 3])}.0\n\n### Training results\n\n| Training Loss | Epoch | Step | Validation Loss |\n|:---:|:---:|:---:|:---:|\n${Array.from({ length: 12 }, (_, k) => `| ${(1 - k / 20).toFixed(4)} | ${(k / 4).toFixed(2)} | ${k * 100} | ${(1.1 - k / 25).toFixed(4)} |`).join("\n")}\n\n### Framework versions\n\n- PEFT 0.7.1\n- Transformers 4.36.0\n- Pytorch 2.1.0+cu121\n- Datasets 2.15.0\n- Tokenizers 0.15.0\n`;
  switch (kind) {
    case 0:
      return `---\nlicense: apache-2.0\nlibrary_name: peft\ntags:\n- generated_from_trainer\n- lora\nbase_model: ${base}\ndatasets:\n- ${pick(DATASETS)}\n${modelIndex(name, r)}---\n\n<!-- This model card has been generated automatically according to the information the Trainer had access to. -->\n\n# ${name}\n\nThis model is a fine-tuned version of [${base}](https://huggingface.co/${base}) on the ${pick(DATASETS)} dataset.\nIt achieves the following results on the evaluation set:\n- Loss: 0.8123\n\n## Model description\n\nMore information needed\n\n## Training procedure\n\n${hp}\n${USAGE}`;
    case 1:
      return `---\nbase_model: ${base}\nlibrary_name: transformers\nmodel_name: ${name}\ntags:\n- generated_from_trainer\n- trl\n- ${pick(["sft", "dpo", "orpo"])}\nlicence: license\n---\n\n# Model Card for ${name}\n\nThis model is a fine-tuned version of [${base}](https://huggingface.co/${base}).\nIt has been trained using [TRL](https://github.com/huggingface/trl).\n\n## Quick start\n\n\`\`\`python\nfrom transformers import pipeline\ngenerator = pipeline("text-generation", model="org/${name}", device="cuda")\n\`\`\`\n\n## Training procedure\n\nThis model was trained with ${pick(["SFT", "DPO", "ORPO"])}.\n\n### Framework versions\n\n- TRL: 0.12.1\n- Transformers: 4.46.0\n- Pytorch: 2.4.1\n`;
    case 2:
      return `---\nlicense: mit\ndatasets:\n- ${DATASETS[0]}\n- ${DATASETS[1]}\nbase_model: ${base}\n${modelIndex(name, r)}---\n\n# Model Card for ${name}\n\n${name} is a fine-tuned version of [${base}](https://huggingface.co/${base}) that was trained on a mix of publicly available, synthetic datasets using Direct Preference Optimization (DPO).\n\n## Intended uses & limitations\n\nThe model was initially fine-tuned on a filtered version of the [UltraChat](https://huggingface.co/datasets/stingning/ultrachat) dataset. We then further aligned the model with TRL's \`DPOTrainer\` on the [openbmb/UltraFeedback](https://huggingface.co/datasets/openbmb/UltraFeedback) dataset, which contains 64k prompts.\n\nIn short: SFT on 200k instruction pairs, then DPO on 50k preference pairs, LoRA rank ${pick([8, 16, 64])}.\n\n## Bias, Risks, and Limitations\n\nThe model can produce problematic outputs.\n\n${hp}\n${USAGE}`;
    case 3:
      return `---\nbase_model:\n- ${BASES[0]}\n- ${BASES[1]}\nlibrary_name: transformers\ntags:\n- mergekit\n- merge\n---\n# ${name}\n\nThis is a merge of pre-trained language models created using [mergekit](https://github.com/cg123/mergekit).\n\n## Merge Details\n### Merge Method\n\nThis model was merged using the SLERP merge method.\n\n### Configuration\n\n\`\`\`yaml\nslices:\n  - sources:\n      - model: ${BASES[0]}\n        layer_range: [0, 32]\n      - model: ${BASES[1]}\n        layer_range: [0, 32]\nmerge_method: slerp\nbase_model: ${BASES[0]}\nparameters:\n  t:\n    - filter: self_attn\n      value: [0, 0.5, 0.3, 0.7, 1]\n    - value: 0.5\ndtype: bfloat16\n\`\`\`\n`;
    default:
      return `---\nlicense: apache-2.0\nbase_model: ${base}\nbase_model_relation: quantized\ntags:\n- gguf\n- llama.cpp\n---\n\n# ${name} (GGUF, ${pick(["Q4_K_M", "Q5_K_M", "Q8_0"])})\n\nA GGUF conversion of [${base}](https://huggingface.co/${base}) for llama.cpp.\n\n| Name | Quant method | Bits | Size |\n|---|---|---|---|\n| ${name}.Q4_K_M.gguf | Q4_K_M | 4 | 4.37 GB |\n| ${name}.Q8_0.gguf | Q8_0 | 8 | 7.70 GB |\n`;
  }
}

const cards = Array.from({ length: CARDS }, (_, i) => ({ path: `org/model-${i}/README.md`, text: card(i) }));
const bytes = cards.reduce((n, c) => n + c.text.length, 0);

// The real cards of the labelled corpus (every language and kind), for comparison with the generated ones.
const corpus = fileURLToPath(new URL("../test/fixtures/corpus/", import.meta.url));
function cardsUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? cardsUnder(join(dir, e.name))
      : /\.md$/i.test(e.name)
        ? [{ path: e.name, text: readFileSync(join(dir, e.name), "utf8") }]
        : [],
  );
}
const real = (values.sealed ? ["dev", "sealed"] : ["dev"]).flatMap((set) => cardsUnder(join(corpus, set)));
const repeat = Math.ceil(CARDS / real.length);

/** One timed round: cards per CPU second of this process and per wall-clock second. */
function round(
  list: readonly { path: string; text: string }[],
  times: number,
): { cpu: number; wall: number } {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let k = 0; k < times; k++) for (const c of list) extractFromFiles([c]);
  const used = process.cpuUsage(cpu);
  const n = times * list.length;
  return {
    cpu: n / ((used.user + used.system) / 1e6),
    wall: n / (Number(process.hrtime.bigint() - start) / 1e9),
  };
}
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (xs: number[]) => xs.map((r) => r.toFixed(0)).join(", ");

// Warm-up, the same for both sizes: the first cards a process reads run before the JIT has compiled the
// readers (the cold rate is printed, not counted).
const cold = round(cards.slice(0, 200), 1);
round(cards.slice(0, 2_000), 1);
const realCold = round(real, 1);
round(real, 4);

const gen = Array.from({ length: RUNS }, () => round(cards, 1));
const steps = cards.reduce((n, c) => n + extractFromFiles([c]).document.steps.length, 0);
const median = medianOf(gen.map((r) => r.cpu));
console.log(
  `cards: ${CARDS} (${(bytes / CARDS / 1024).toFixed(1)} KiB on average, 5 kinds), runs: ${RUNS}, steps extracted per run: ${steps}; load average ${loadavg()[0]?.toFixed(2)}`,
);
console.log(`first 200 cards of a cold process: ${cold.cpu.toFixed(0)} cards per CPU second (not counted)`);
console.log(`runs, cards per CPU second: ${fmt(gen.map((r) => r.cpu))}`);
console.log(`runs, cards per wall-clock second: ${fmt(gen.map((r) => r.wall))}`);
console.log(
  `median: ${median.toFixed(0)} cards/s per core (${((median * bytes) / CARDS / 1024 / 1024).toFixed(1)} MiB/s); wall-clock median ${medianOf(gen.map((r) => r.wall)).toFixed(0)} cards/s; target 2000 cards/s per core: ${(median / 2000).toFixed(2)}x`,
);

const realRuns = Array.from({ length: RUNS }, () => round(real, repeat));
const realBytes = real.reduce((n, c) => n + c.text.length, 0) / real.length;
const realMedian = medianOf(realRuns.map((r) => r.cpu));
console.log(
  `real cards of the labelled corpus (${values.sealed ? "dev and sealed sets" : "dev set"}): ${real.length} cards (${(realBytes / 1024).toFixed(1)} KiB on average) × ${repeat}, runs per CPU second: ${fmt(realRuns.map((r) => r.cpu))}; first pass of a cold process ${realCold.cpu.toFixed(0)} (not counted)`,
);
console.log(
  `real cards median: ${realMedian.toFixed(0)} cards/s per core; wall-clock median ${medianOf(realRuns.map((r) => r.wall)).toFixed(0)} cards/s; target 2000 cards/s per core: ${(realMedian / 2000).toFixed(2)}x; load average ${loadavg()[0]?.toFixed(2)}`,
);
