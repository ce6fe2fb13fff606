/**
 * Quantised copies as cards state them (stop 27): a copy titled or tagged as quantised whose source has no org, a
 * base given by a label on such a copy, the statement in other languages, and the shapes of FP8 and NF4 copies;
 * and Markdown's indented code blocks, which were read as prose. Each case was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";
import { parseCard } from "./markdown.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;
const only = (text: string) => {
  const doc = docOf(text);
  expect(doc.steps).toHaveLength(1);
  const [step] = doc.steps;
  return {
    kind: step?.kind,
    method: step?.kind === "quantization" ? step.method : undefined,
    inputs: (step?.inputs?.models ?? []).map((m) => m.id),
  };
};

describe("a quantised copy whose source the card does not name with its org", () => {
  it("is a quantisation step with its input unknown, never no step", () => {
    const card = [
      "# MyModel-GGUF",
      "",
      "GGUF quantizations of MyModel, made with llama.cpp.",
      "",
      "| File | Quant |",
      "|---|---|",
      "| mymodel.Q4_K_M.gguf | Q4_K_M |",
    ].join("\n");
    expect(only(card)).toEqual({ kind: "quantization", method: "gguf", inputs: [] });
  });

  it("reads 'Quantized with llama.cpp' under a gguf tag", () => {
    const card = "---\ntags:\n- gguf\n---\n# mymodel-q4_k_m\n\nQuantized with llama.cpp to Q4_K_M.\n";
    expect(only(card)).toEqual({ kind: "quantization", method: "gguf", inputs: [] });
  });

  it("does not make a project README that offers an int4 version a quantised copy", () => {
    const card = [
      "# Phoenix",
      "",
      "## Quantization",
      "",
      "For int4 version, we take advantage of GPTQ. You can directly obtain int4 version of `Phoenix` by passing the model.",
    ].join("\n");
    expect(docOf(card).steps).toEqual([]);
  });
});

describe("the base a quantised copy names by a label", () => {
  it("is the source of the quantisation, not the base of a fine-tune", () => {
    const card = [
      "# Foo-7B-GGUF",
      "",
      "**Base model**: org/Foo-7B",
      "",
      "| Quant | Size |",
      "|---|---|",
      "| Q4_K_M | 4 GB |",
    ].join("\n");
    expect(only(card)).toEqual({ kind: "quantization", method: "gguf", inputs: ["org/Foo-7B"] });
  });

  it("keeps the fine-tune when the card says more of training than the label", () => {
    const card = [
      "# Foo-7B-Chat-GGUF",
      "",
      "**Base model**: org/Foo-7B",
      "",
      "We fine-tuned it with LoRA on org/chat-data for 3 epochs, then converted it to GGUF.",
    ].join("\n");
    expect(docOf(card).steps.some((s) => s.kind === "fine-tune")).toBe(true);
  });
});

describe("copies stated in words", () => {
  it("reads 'quantized to FP8 with llm-compressor'", () => {
    const card =
      "# Foo-7B-FP8\n\nThis model is Foo-7B quantized to FP8 with llm-compressor. Source: [org/Foo-7B](https://huggingface.co/org/Foo-7B).\n";
    expect(only(card)).toEqual({ kind: "quantization", method: "other", inputs: ["org/Foo-7B"] });
  });

  it("reads '4-bit NF4 copy of X' as bitsandbytes", () => {
    const card =
      "# Foo 7B (4-bit, bitsandbytes)\n\n4-bit NF4 copy of [org/Foo-7B](https://huggingface.co/org/Foo-7B) for faster loading.\n";
    expect(only(card)).toEqual({ kind: "quantization", method: "bitsandbytes", inputs: ["org/Foo-7B"] });
  });

  it("does not read '4-bit quantization for efficient training' as a copy", () => {
    const card = [
      "# Textbook tutor",
      "",
      "Load the mistralai/Mistral-7B-Instruct-v0.2 base model with 4-bit quantization for efficient training.",
      "",
      "We fine-tuned it with SFT on our own textbook data.",
    ].join("\n");
    expect(docOf(card).steps.every((s) => s.kind !== "quantization")).toBe(true);
  });
});

describe("copies stated in other languages", () => {
  it("zh: '提供 X 的 GGUF 量化版本'", () => {
    const card =
      "# 模型说明\n\n本仓库提供 [org/Foo-7B](https://huggingface.co/org/Foo-7B) 的 GGUF 量化版本（Q4_K_M、Q8_0），使用 llama.cpp 转换。\n";
    expect(only(card)).toEqual({ kind: "quantization", method: "gguf", inputs: ["org/Foo-7B"] });
  });

  it("ja: 'X を GPTQ で4bit量子化したもの', the text's method over the title's Int4", () => {
    const card =
      "# Foo-7B-Int4\n\nこのモデルは [org/Foo-7B](https://huggingface.co/org/Foo-7B) を GPTQ で4bit量子化したものです。\n";
    expect(only(card)).toEqual({ kind: "quantization", method: "gptq", inputs: ["org/Foo-7B"] });
  });

  it("not the unquantised model, nor a quantised model listed in a comparison", () => {
    const card = [
      "# ChatGLM QLoRA",
      "",
      "使用 QLoRA 在 ADGEN 数据集上微调 THUDM/chatglm-6b。",
      "",
      "## 推理性能测试",
      "",
      "1. chatGLM-6B官方非量化模型，即`THUDM/chatglm-6b`",
      "2. chatGLM-6B官方4bit量化模型，即`THUDM/chatglm-6b-int4`",
    ].join("\n");
    expect(docOf(card).steps.every((s) => s.kind !== "quantization")).toBe(true);
  });
});

describe("indented code blocks (CommonMark)", () => {
  it("are code, not prose", () => {
    const card = [
      "# Tune",
      "",
      "    $ falcontune finetune \\",
      "        --weights=tiiuae/falcon-7b",
      "",
    ].join("\n");
    const blocks = parseCard(card, "README.md", []).blocks;
    expect(blocks.map((b) => b.type)).toEqual(["code"]);
    expect(blocks[0]?.text).toBe("$ falcontune finetune \\\n    --weights=tiiuae/falcon-7b");
  });

  it("a command in one is not read as a sentence naming datasets", () => {
    const card = [
      "# Tune",
      "",
      "    $ falcontune finetune \\",
      "        --model=falcon-7b \\",
      "        --weights=tiiuae/falcon-7b \\",
      "        --dataset=./alpaca_data_cleaned.json",
    ].join("\n");
    const ids = docOf(card).steps.flatMap((s) => (s.inputs?.datasets ?? []).map((d) => d.id));
    expect(ids).not.toContain("tiiuae/falcon-7b");
  });

  it("an indented line in a list continues the item, and a paragraph line continues the paragraph", () => {
    const card = ["- first item", "", "    more of the first item", "", "A paragraph", "    goes on."].join(
      "\n",
    );
    const blocks = parseCard(card, "README.md", []).blocks;
    expect(blocks.map((b) => b.type)).toEqual(["item", "prose", "prose"]);
  });
});

describe("labels of the base model", () => {
  it("reads 'Origin Model :', 'Parent Model:' and 'Backbone:' as the base", () => {
    for (const label of ["**Origin Model** :", "Parent Model:", "Backbone:"]) {
      const card = `# X\n\n${label} ybelkada/falcon-7b-sharded-bf16\n\nWe share the fine-tuned model on our data.\n`;
      expect(docOf(card).bases.map((b) => b.id)).toEqual(["ybelkada/falcon-7b-sharded-bf16"]);
    }
  });
});
