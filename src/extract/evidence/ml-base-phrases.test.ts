/**
 * Base-model phrases added from dev corpus cards (test/fixtures/corpus/dev/…, named beside each snippet): the
 * verb before the model in Chinese, and `X 모델을 … 파인튜닝` in Korean.
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readMultilingual } from "./multilingual.js";

const read = (text: string): CardState => readWith(readMultilingual, text);

const bases = (s: CardState) => s.proseBases.map((b) => b.value);

describe("base model phrases", () => {
  it("zh: 微调/训练 followed right by a model (dev j-ne-zh-chatglm3-6b-qlora-advertisegen)", () => {
    const s = read(
      "这个目录提供一个 `python` 脚本，可在 RTX-5080/256GB 的环境下微调 ChatGLM3-6B，满足课程要求。",
    );
    expect(bases(s)).toEqual(["ChatGLM3-6B"]);
    expect(s.genericFineTune).toBe(1);
  });

  it("zh: 训练 followed by data, or words before the model, names no base (dev j-ne-zh-chatglm3-6b-qlora-advertisegen)", () => {
    expect(bases(read("官方 `AdvertiseGen` 训练集来自 HuggingFace。"))).toEqual([]);
    expect(bases(read("使用 BitsAndBytes 4-bit + LoRA 训练之后的 ChatGLM3-6B 输出对比。"))).toEqual([]);
  });

  it("ko: X 모델을 … 파인튜닝 (dev j-ne-ko-ryukh-gpt2-small-lora-koalpaca)", () => {
    const s = read(
      "GPT-2 Small 모델을 LoRA(Low-Rank Adaptation)를 통해 효율적으로 파인튜닝하는 데모 프로젝트입니다.",
    );
    expect(bases(s)).toEqual(["GPT-2 Small"]);
  });

  it("ko: X 모델을 without a training word after it names no base", () => {
    expect(bases(read("Qwen2.5-7B 모델을 다운로드하세요."))).toEqual([]);
  });
});

describe("base model labels (dev k- items)", () => {
  it("ja: 使用したLLMは，[id](…) (dev k-ne-ja-swallow-matcha-simplification-lora)", () => {
    const s = read(
      "今回使用したLLMは，[tokyotech-llm/Llama-3-Swallow-8B-Instruct-v0.1](https://huggingface.co/tokyotech-llm/Llama-3-Swallow-8B-Instruct-v0.1)です．",
    );
    expect(bases(s)).toEqual(["tokyotech-llm/Llama-3-Swallow-8B-Instruct-v0.1"]);
  });

  it("zh: 模型路径 : a local path (dev k-ne-zh-panbinghong-lf-qwen25-05b-paths)", () => {
    const s = read(
      "- 模型路径 : /root/autodl-tmp/xinference/modelscope/hub/qwen/Qwen2___5-0___5B-Instruct\n",
    );
    expect(bases(s)).toEqual(["/root/autodl-tmp/xinference/modelscope/hub/qwen/Qwen2___5-0___5B-Instruct"]);
    // Other labels take no path.
    expect(bases(read("- 基础模型 : /root/models/qwen\n"))).toEqual([]);
  });

  it("a base-model label in a heading (dev k-ne-ko-gemma2-2b-kullm-lora)", () => {
    const s = read(
      "### BASE_Model : google/gemma-2-2b-it\n- google/gemma-2-2b-it : `https://huggingface.co/google/gemma-2-2b-it`\n",
    );
    expect(bases(s)).toEqual(["google/gemma-2-2b-it"]);
  });

  it("a base marked as planned is no base (dev k-vague-ko-junreud-stock-chatbot-planned)", () => {
    expect(
      bases(read("- **Base Model**: beomi/llama-2-ko-7b (예정)\n- **Method**: QLoRA (4-bit quantization)\n")),
    ).toEqual([]);
  });
});

describe("LoRA over a 4-bit base in prose", () => {
  it("es: Usando LoRA en 4-bit is QLoRA (dev k-ne-es-newtubes-deepseek-r1-lora-4bit)", () => {
    const s = read(
      "- **Modelo Base**: [DeepSeek-R1](https://huggingface.co/deepseek-ai/DeepSeek-R1)\n- **Ajuste Fino**: Usando LoRA en 4-bit (optimizado para GPU T4)\n",
    );
    expect(bases(s)).toEqual(["deepseek-ai/DeepSeek-R1"]);
    expect(s.prose.map((p) => p.step.parameterization?.value)).toEqual(["qlora"]);
  });
});

describe("a word for 'model' between the model and the phrase", () => {
  it("zh: 对 X 模型进行…微调 (dev k-ne-zh-hiahia-qwen-05b-chat-lora)", () => {
    expect(
      bases(read("本项目旨在通过 LoRA 对 **Qwen-0.5B-Chat** 模型进行参数高效微调，目标是注入知识。")),
    ).toEqual(["Qwen-0.5B-Chat"]);
    expect(bases(read("对 Qwen-0.5B-Chat 模型进行推理测试。"))).toEqual([]);
  });
});

describe("English base labels beside the project's own model (public READMEs, find_string ids in ml-base-phrases.ts)", () => {
  it("Pretrained Model / Raw model / Foundation model: a Hub link after the label is the base", () => {
    for (const label of [
      "Pretrained Model",
      "Pre-trained model",
      "Raw model",
      "Foundation model",
      "Base checkpoint",
    ])
      expect(
        bases(read(`- ${label}: [Qwen/Qwen1.5-0.5B](https://huggingface.co/Qwen/Qwen1.5-0.5B)`)),
      ).toEqual(["Qwen/Qwen1.5-0.5B"]);
  });

  it("the words without a colon, or a download link after the label, name no base", () => {
    expect(bases(read("We compare against the pretrained model Qwen/Qwen1.5-0.5B on every task."))).toEqual(
      [],
    );
    expect(
      bases(
        read(
          "Download the pretrained model: [pretrained model](https://pan.baidu.com/s/19pmFUA) (code: abcd).",
        ),
      ),
    ).toEqual([]);
  });
});
