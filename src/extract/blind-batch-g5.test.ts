/**
 * Rules written at stop 29 from dev misses: the first runs of the blind dev batches `g5-` and `g6-`
 * (test/fixtures/corpus/dev, labelled by helpers who never ran ftl) and older dev items whose LoRA was a QLoRA.
 * Each case is rewritten from the layout of a dev file; each was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

type Files = { path: string; text: string }[];
const docOf = (files: Files) => extractFromFiles(files).document;
const card = (text: string): Files => [{ path: "README.md", text }];
const params = (files: Files) =>
  docOf(files).steps.map((s) => ("parameterization" in s ? s.parameterization : undefined));
const kinds = (files: Files) => docOf(files).steps.map((s) => s.kind);

describe("a file's named model beats ftl's guess for one step (x2-noorg-qwen25-7b-instruct-memetic-lora)", () => {
  const files: Files = [
    {
      path: "README.md",
      text: "# Memetic\n\nGenerates memes using a fine-tuned **Qwen2.5-7B** model with LoRA.\n",
    },
    {
      path: "adapter_config.json",
      text: JSON.stringify({
        base_model_name_or_path: "unsloth/Qwen2.5-7B-Instruct-bnb-4bit",
        peft_type: "LORA",
        r: 16,
        lora_alpha: 16,
        target_modules: ["q_proj", "v_proj"],
      }),
    },
  ];

  it("keeps the adapter's base, and its 4-bit copy makes the LoRA a QLoRA", () => {
    const doc = docOf(files);
    const inputs = doc.steps.flatMap((s) => (s.inputs?.models ?? []).map((m) => m.id));
    expect(inputs).toContain("unsloth/Qwen2.5-7B-Instruct-bnb-4bit");
    expect(inputs).not.toContain("Qwen/Qwen2.5-7B");
    expect(params(files)).toContain("qlora");
  });

  it("a model two files write keeps the first, as before", () => {
    const two: Files = [
      {
        path: "README.md",
        text: "# M\n\nA LoRA fine-tune of [org/a-7b](https://huggingface.co/org/a-7b).\n",
      },
      {
        path: "adapter_config.json",
        text: JSON.stringify({ base_model_name_or_path: "org/b-7b", peft_type: "LORA", r: 8 }),
      },
    ];
    const inputs = docOf(two).steps.flatMap((s) => (s.inputs?.models ?? []).map((m) => m.id));
    expect(inputs[0]).toBe("org/a-7b");
  });
});

describe("a training config's quantised base (n-int-sizifs-llama2-7b-lora-tuner-continued, s11-rcp-supportbot-mistral7b-v03-qlora-sft)", () => {
  const args = (extra: Record<string, unknown>): Files => [
    {
      path: "finetune_args.json",
      text: JSON.stringify({
        micro_batch_size: 10,
        num_train_epochs: 3,
        learning_rate: 0.0003,
        lora_r: 8,
        lora_alpha: 16,
        ...extra,
      }),
    },
  ];

  it("`load_in_8bit: true` under LoRA settings is QLoRA over an 8-bit base", () => {
    expect(params(args({ load_in_8bit: true }))).toEqual(["qlora"]);
  });

  it("`quant: 4bit` is QLoRA over a 4-bit base", () => {
    expect(params(args({ quant: "4bit" }))).toEqual(["qlora"]);
  });

  it("without them, or with `load_in_8bit: false` or `quant: none`, it stays LoRA", () => {
    expect(params(args({}))).toEqual(["lora"]);
    expect(params(args({ load_in_8bit: false, quant: "none" }))).toEqual(["lora"]);
  });
});

describe("training code pasted under a training heading (x2-card-text2cypher-gemma2-9b-it-neo4j-mirror)", () => {
  const text = (heading: string) =>
    [
      "---",
      "base_model: google/gemma-2-9b-it",
      "library_name: peft",
      "tags:",
      "- lora",
      "---",
      "# Text2Cypher",
      "",
      "A fine-tuned version of [google/gemma-2-9b-it](https://huggingface.co/google/gemma-2-9b-it).",
      "",
      `#### ${heading}`,
      "",
      "* lora_config = LoraConfig(r=64, lora_alpha=64)",
      "* bnb_config = BitsAndBytesConfig(",
      "    load_in_4bit=True,",
      '    bnb_4bit_quant_type="nf4",',
      ")",
    ].join("\n");

  it("a BitsAndBytesConfig(load_in_4bit=True) list item whose arguments go on in the next block: QLoRA", () => {
    expect(params(card(text("Training Hyperparameters")))).toEqual(["qlora"]);
  });

  it("the same under a usage heading says how to run the model, not how it was trained", () => {
    expect(params(card(text("How to use")))).toEqual(["lora"]);
  });
});

describe("a fine-tune of a 4-bit copy is not a copy itself (g6-fld-qwen25-05b-unsloth-ckpt60)", () => {
  const trlCard = [
    "---",
    "base_model: unsloth/qwen2.5-0.5b-instruct-unsloth-bnb-4bit",
    "library_name: transformers",
    "model_name: outputs",
    "tags:",
    "- generated_from_trainer",
    "- unsloth",
    "- sft",
    "- trl",
    "---",
    "",
    "# Model Card for outputs",
    "",
    "This model is a fine-tuned version of [unsloth/qwen2.5-0.5b-instruct-unsloth-bnb-4bit](https://huggingface.co/unsloth/qwen2.5-0.5b-instruct-unsloth-bnb-4bit).",
    "It has been trained using [TRL](https://github.com/huggingface/trl).",
    "",
    "## Training procedure",
    "",
    "This model was trained with SFT.",
  ].join("\n");

  it("the TRL card's 'fine-tuned version of [X-bnb-4bit]' is an SFT step, not a bitsandbytes quantisation", () => {
    expect(kinds(card(trlCard))).toEqual(["fine-tune"]);
  });

  it("a copy whose own words name the method is still one", () => {
    const copy =
      "---\nbase_model: org/model-7b\n---\n# model-7b bnb\n\nThis repo contains a bnb 4-bit version of [org/model-7b](https://huggingface.co/org/model-7b).\n";
    expect(kinds(card(copy))).toEqual(["quantization"]);
  });
});

describe("a base named as Meta spells it, 'as a base and trains it further' (g5-ld-llama3-koblla-chatvector)", () => {
  it("'uses `Meta-Llama 3 8B` as a base and trains it further' gives the Meta-Llama-3-8B base, inferred", () => {
    const doc = docOf(
      card(
        "# Llama-3-KoBLLa\n\nKoBLLa uses `Meta-Llama 3 8B` as a base and trains it further to improve its understanding of the Korean language.\n",
      ),
    );
    expect(doc.bases.map((b) => b.id)).toEqual(["meta-llama/Meta-Llama-3-8B"]);
    expect(doc.bases[0]?.provenance?.source).toBe("inferred");
  });

  it("'uses Meta-Llama 3 8B as a base for comparison' names no base", () => {
    const doc = docOf(card("# Bench\n\nThis benchmark uses `Meta-Llama 3 8B` as a base for comparison.\n"));
    expect(doc.bases).toEqual([]);
  });
});

describe("a project's own command line tool that fine-tunes (g7-co-lawgpt-bloom-3b-lora)", () => {
  const readme = (command: string) => card(`# LawGPT\n\n## Train\n\n\`\`\`bash\n${command}\n\`\`\`\n`);

  it("`lawgpt finetune lora --base-model X --data-path f --lora-r 8` is a LoRA fine-tune of X on f", () => {
    const doc = docOf(
      readme(
        [
          "lawgpt finetune lora \\",
          '  --base-model "bigscience/bloom-3b" \\',
          '  --data-path "./data/processed/law.json" \\',
          "  --micro-batch-size 4 \\",
          "  --num-epochs 3 \\",
          "  --learning-rate 3e-4 \\",
          "  --lora-r 8",
        ].join("\n"),
      ),
    );
    const step = doc.steps[0];
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["bigscience/bloom-3b"]);
    expect(step && "parameterization" in step ? step.parameterization : undefined).toBe("lora");
    expect(step && "adapter" in step ? step.adapter?.rank : undefined).toBe(8);
    expect(step?.hyperparameters).toMatchObject({ epochs: 3, learningRate: 0.0003 });
  });

  it("without a flag naming the model it loads, or with another subcommand, it is no training command", () => {
    expect(docOf(readme("lawgpt finetune lora --data-path ./data/law.json")).steps).toEqual([]);
    expect(docOf(readme('lawgpt generate --base-model "bigscience/bloom-3b"')).steps).toEqual([]);
  });
});

describe("`--data_name_or_path`, the dataset's counterpart of `--model_name_or_path` (t9-rcp-ko-gemma2-2b-it-lora-sft-ko-wikidata-qa)", () => {
  it("names the training data", () => {
    const script = {
      path: "train.sh",
      text: "python sft_train.py \\\n  --model_name_or_path google/gemma-2-2b-it \\\n  --data_name_or_path maywell/ko_wikidata_QA \\\n  --num_train_epochs 1\n",
    };
    const ids = docOf([script]).steps.flatMap((s) => (s.inputs?.datasets ?? []).map((d) => d.id));
    expect(ids).toEqual(["maywell/ko_wikidata_QA"]);
  });
});

describe("task arithmetic done by hand: a chat vector (g6-mrg-swallow-ms-chat-vector-ja, x1-ne-ja-task-vector-merge-optuna-chatntq)", () => {
  const program = (save: string) =>
    [
      "from transformers import AutoModelForCausalLM",
      "",
      'base_model = AutoModelForCausalLM.from_pretrained("mistralai/Mistral-7B-v0.1")',
      "inst_model = AutoModelForCausalLM.from_pretrained(",
      '    "mistralai/Mistral-7B-Instruct-v0.2",',
      ")",
      'cp_model = AutoModelForCausalLM.from_pretrained("tokyotech-llm/Swallow-MS-7b-v0.1")',
      "for k, v in cp_model.state_dict().items():",
      "    chat_vector = inst_model.state_dict()[k] - base_model.state_dict()[k]",
      "    v.copy_(v + chat_vector)",
      save,
      'model = AutoModelForCausalLM.from_pretrained("./chat_model")',
    ].join("\n");

  it("three models loaded, one's difference from another added to the third and saved: a task-arithmetic merge", () => {
    const doc = docOf([{ path: "llm_merge.py", text: program('cp_model.save_pretrained("./chat_model")') }]);
    const step = doc.steps[0];
    expect(doc.steps).toHaveLength(1);
    expect(step?.kind).toBe("merge");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual([
      "tokyotech-llm/Swallow-MS-7b-v0.1",
      "mistralai/Mistral-7B-Instruct-v0.2",
    ]);
    expect(step && "baseModel" in step ? step.baseModel?.id : undefined).toBe("mistralai/Mistral-7B-v0.1");
    expect(step && "method" in step ? step.method : undefined).toBe("task-arithmetic");
  });

  it("nothing saved (the difference only looked at): no merge", () => {
    expect(docOf([{ path: "compare.py", text: program("print(chat_vector.norm())") }]).steps).toEqual([]);
  });

  it("a merging script's --target_model, --tuned_model and --base_model flags", () => {
    const script = {
      path: "run_merge.sh",
      text: [
        'TARGET_MODEL="NTQAI/chatntq-ja-7b-v1.0"',
        'python ./merge_task_vector_mt_bench.py --target_model "$TARGET_MODEL" \\',
        "  --base_model mistralai/Mistral-7B-v0.1 --tuned_model mistralai/Mistral-7B-Instruct-v0.2 \\",
        "  --output_dir ./model-chatvector",
      ].join("\n"),
    };
    const step = docOf([script]).steps[0];
    expect(step?.kind).toBe("merge");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual([
      "NTQAI/chatntq-ja-7b-v1.0",
      "mistralai/Mistral-7B-Instruct-v0.2",
    ]);
    expect(step?.output?.id).toBe("local:./model-chatvector");
  });

  it("the same flags on a training script are not a merge", () => {
    const script = {
      path: "run.sh",
      text: "python train.py --target_model org/a-7b --base_model org/b-7b --tuned_model org/c-7b --learning_rate 1e-5\n",
    };
    expect(docOf([script]).steps.some((s) => s.kind === "merge")).toBe(false);
  });
});

describe("bases of cards in other languages, named as their publishers name them (m-noorg-rugpt3xl-simplification-rsse, t5-ld-camembert-…)", () => {
  it.each([
    ["# RSSE\n\nSolution based on RuGPT-3XL. Model was fine-tuned on the train data.", "ai-forever/rugpt3xl"],
    [
      "# Classificador\n\nFizemos o fine-tuning do BERTimbau com os dados de notícias.",
      "neuralmind/bert-base-portuguese-cased",
    ],
    ["# 수학 튜터\n\nEXAONE 4.0 1.2B 모델을 LoRA로 파인튜닝했습니다.", "LGAI-EXAONE/EXAONE-4.0-1.2B"],
  ])("%s", (text, id) => {
    expect(docOf(card(text)).bases.map((b) => b.id)).toEqual([id]);
  });

  it("a name only compared with is no base", () => {
    expect(docOf(card("# M\n\nOur model outperforms CamemBERT on the benchmark.")).bases).toEqual([]);
  });
});
