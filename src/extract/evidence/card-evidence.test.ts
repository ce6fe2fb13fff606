/**
 * The card evidence readers, each alone on the statement it reads (phrasings as real cards write them:
 * mergekit's card template, frankenmerge notes, PEFT's bitsandbytes list, Trainer cards naming a base
 * without its org).
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";
import { cardBlocks, cardState } from "./_test-card.js";
import { readMergeProse } from "./merge-prose.js";
import { readNamedBases } from "./named-bases.js";
import { readQuantizedBase } from "./quantized-base.js";

describe("merge prose", () => {
  it("reads mergekit's template: parents listed, method and base in a sentence", () => {
    const s = cardState();
    readMergeProse(
      cardBlocks(
        "# m\n\n### Merge Method\n\nThis model was merged using the [TIES](https://arxiv.org/abs/2306.01708) merge method using [mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1) as a base.\n\n### Models Merged\n\nThe following models were included in the merge:\n* [teknium/OpenHermes-2.5-Mistral-7B](https://huggingface.co/teknium/OpenHermes-2.5-Mistral-7B)\n* [Intel/neural-chat-7b-v3-1](https://huggingface.co/Intel/neural-chat-7b-v3-1)\n",
      ),
      s,
    );
    expect(s.merge?.method?.value).toBe("ties");
    expect(s.merge?.base?.value).toBe("mistralai/Mistral-7B-v0.1");
    expect(s.merge?.inputs.map((i) => i.value.id)).toEqual([
      "teknium/OpenHermes-2.5-Mistral-7B",
      "Intel/neural-chat-7b-v3-1",
    ]);
  });

  it("reads a frankenmerge with its layer-range table", () => {
    const text =
      "# big\n\nThis is a frankenmerge made by interleaving layers of [Qwen/Qwen2.5-7B-Instruct](https://huggingface.co/Qwen/Qwen2.5-7B-Instruct) and [Qwen/Qwen2.5-Coder-7B-Instruct](https://huggingface.co/Qwen/Qwen2.5-Coder-7B-Instruct).\n\n| layers | model |\n|---|---|\n| 0-16 | Qwen/Qwen2.5-7B-Instruct |\n| 8-24 | Qwen/Qwen2.5-Coder-7B-Instruct |\n";
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    const step = document.steps[0];
    expect(step?.kind === "merge" && step.method).toBe("passthrough");
    expect(step?.inputs?.models).toEqual([
      { id: "Qwen/Qwen2.5-7B-Instruct", parameters: { layer_range: [0, 16] } },
      { id: "Qwen/Qwen2.5-Coder-7B-Instruct", parameters: { layer_range: [8, 24] } },
    ]);
  });

  it("reads 'a merge of A and B using SLERP' and ignores a card that only mentions merging", () => {
    const text =
      "# f\n\nA merge of NousResearch/Hermes-2-Pro-Mistral-7B and mistralai/Mistral-7B-Instruct-v0.2 using SLERP.\n";
    const step = extractFromFiles([{ path: "README.md", text }]).document.steps[0];
    expect(step?.kind === "merge" && step.method).toBe("slerp");
    expect(step?.inputs?.models?.map((m) => m.id)).toHaveLength(2);
    const s = cardState();
    readMergeProse(cardBlocks("# x\n\nWe plan to merge our adapters later.\n"), s);
    expect(s.merge).toBeUndefined();
  });
});

describe("quantised frozen base", () => {
  it("reads PEFT's bitsandbytes list under Training procedure", () => {
    const s = cardState();
    readQuantizedBase(
      cardBlocks(
        "## Training procedure\n\nThe following `bitsandbytes` quantization config was used during training:\n- load_in_8bit: False\n- load_in_4bit: True\n",
      ),
      s,
    );
    expect(s.quantizationBits?.value).toBe(4);
  });

  it("ignores a 4-bit load in inference code", () => {
    const s = cardState();
    readQuantizedBase(
      cardBlocks("## Usage\n\n```python\nBitsAndBytesConfig(load_in_4bit=True)\nmodel.generate()\n```\n"),
      s,
    );
    expect(s.quantizationBits).toBeUndefined();
  });
});

describe("bases named without an org", () => {
  it("resolves a well-known name through the family table, as an inference", () => {
    const s = cardState();
    readNamedBases(
      cardBlocks("# m\n\nIt is a fine-tuned version of Meta's LLaMA-3.1-8B model on network texts.\n"),
      s,
    );
    expect(s.proseBases[0]?.value).toBe("meta-llama/Llama-3.1-8B");
    expect(s.proseBases[0]?.source).toMatchObject({ source: "inferred", confidence: 0.7 });
  });

  it("leaves a name the table does not know", () => {
    const s = cardState();
    readNamedBases(cardBlocks("# m\n\nThis model is fine-tuned from Llama-Banana-9000.\n"), s);
    expect(s.proseBases).toEqual([]);
  });
});

describe("names given as examples", () => {
  it("a recipe named as an example is not the base (dev r-rcp-ah-gpt2-nl-cpt-sft-dpo README)", () => {
    const s = cardState();
    readNamedBases(
      cardBlocks(
        "# gpt2-nl\n\nAs other recipes, such as the famous zephyr-7b-beta recipe, have shown, we can then teach our model how to hold a conversation by finetuning it on chat-formatted data.\n",
      ),
      s,
    );
    expect(s.proseBases).toEqual([]);
  });
});

describe("adapters described by front matter", () => {
  it("the Hub's base_model:adapter: tag and library_name peft give an adapter step, partial, never 'no base'", () => {
    const text =
      "---\nlibrary_name: peft\ntags:\n- base_model:adapter:Qwen/Qwen2.5-7B-Instruct\n- lora\n---\n\n# Model Card for Model ID\n\n- **Finetuned from model [optional]:** [More Information Needed]\n";
    const { document, warnings } = extractFromFiles([{ path: "README.md", text }]);
    expect(document.bases.map((b) => b.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
    const step = document.steps[0];
    expect(step?.kind === "fine-tune" && step.parameterization).toBe("lora");
    expect(step?.kind === "fine-tune" && step.objective).toBeUndefined();
    expect(warnings.some((w) => w.code === "extract.no-steps")).toBe(false);
  });
});

describe("quantised re-uploads described in prose", () => {
  const first = (text: string) => extractFromFiles([{ path: "README.md", text }]).document.steps[0];
  it("reads GPTQ model files for a linked model", () => {
    const step = first(
      "# Llama-2-7B-Chat-GPTQ\n\nThis repo contains GPTQ model files for [Meta Llama 2's Llama 2 7B Chat](https://huggingface.co/meta-llama/Llama-2-7b-chat-hf).\n",
    );
    expect(step).toMatchObject({ kind: "quantization", method: "gptq" });
    expect(step?.inputs?.models?.[0]?.id).toBe("meta-llama/Llama-2-7b-chat-hf");
  });

  it("reads a llama.cpp quantisation heading with its original model", () => {
    const step = first(
      "## Llamacpp imatrix Quantizations of Qwen2.5-7B-Instruct\n\nUsing llama.cpp release b3825 for quantization.\n\nOriginal model: https://huggingface.co/Qwen/Qwen2.5-7B-Instruct\n",
    );
    expect(step).toMatchObject({ kind: "quantization", method: "gguf" });
    expect(step?.inputs?.models?.[0]?.id).toBe("Qwen/Qwen2.5-7B-Instruct");
  });

  it("reads EXL2 bits per weight", () => {
    const step = first(
      "# q\n\nExLlamaV2 quantizations of [mistralai/Mistral-Nemo-Instruct-2407](https://huggingface.co/mistralai/Mistral-Nemo-Instruct-2407) at 6.5 bits per weight.\n",
    );
    expect(step).toMatchObject({ kind: "quantization", method: "exl2", bits: 6.5 });
  });
});

describe("training code quoted in a tutorial", () => {
  it("takes the model the code trains and one-line keyword arguments", () => {
    const text = [
      "# 微调教程",
      "",
      "```python",
      "model_path = 'Qwen/Qwen2-7B-Instruct'",
      "model = AutoModelForCausalLM.from_pretrained(model_path, torch_dtype=torch.bfloat16)",
      "config = LoraConfig(task_type=TaskType.CAUSAL_LM, r=8, lora_alpha=32, lora_dropout=0.1)",
      "model = get_peft_model(model, config)",
      "args = TrainingArguments(output_dir='./output', per_device_train_batch_size=4, learning_rate=1e-4, num_train_epochs=3)",
      "trainer = Trainer(model=model, args=args)",
      "```",
      "",
    ].join("\n");
    const step = extractFromFiles([{ path: "README.md", text }]).document.steps[0];
    expect(step?.inputs?.models?.[0]?.id).toBe("Qwen/Qwen2-7B-Instruct");
    expect(step?.kind === "fine-tune" && step.adapter?.rank).toBe(8);
    expect(step?.hyperparameters).toMatchObject({ learningRate: 1e-4, epochs: 3, perDeviceBatchSize: 4 });
  });

  it("ignores an inference snippet", () => {
    const text =
      "# m\n\n```python\nmodel = AutoModelForCausalLM.from_pretrained('Qwen/Qwen2-7B-Instruct')\nmodel.generate()\n```\n";
    expect(extractFromFiles([{ path: "README.md", text }]).document.steps).toEqual([]);
  });
});
