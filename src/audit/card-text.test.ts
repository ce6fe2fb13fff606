import { describe, expect, it } from "vitest";
import { basesInProse, licenseLines, modelIdFrom, readCard, titleName } from "./card-text.js";
import {
  generatedInName,
  generatedInProse,
  licensesInText,
  nonCommercialInName,
  nonCommercialInProse,
} from "./license-text.js";
import { inferNonCommercial, resolveLicense } from "./resolve-license.js";

describe("basesInProse: a base the card says it uses", () => {
  it("reads 'we use X as our base model', a link whose label and target name it", () => {
    expect(
      basesInProse(
        "### base model\nWe use [EleutherAI's pretrained gpt-j-6b](https://huggingface.co/EleutherAI/gpt-j-6b) as our base model.\n",
      ).map((b) => b.id),
    ).toEqual(["EleutherAI/gpt-j-6b"]);
    expect(basesInProse("We use [vLLM](https://github.com/vllm-project/vllm) to serve the model.\n")).toEqual(
      [],
    );
  });

  it("reads 'we fine-tune X' and 'to fine-tune X' with a name the family table knows, not the noun", () => {
    expect(
      basesInProse("We follow the same recipe to fine-tune LLaMA as Alpaca using standard code.\n").map(
        (b) => b.id,
      ),
    ).toEqual(["LLaMA"]);
    expect(basesInProse("The fine-tune of the head is cheap.\n")).toEqual([]);
    // The bare family name of a Hub id the card also names is that model again, not a second base.
    expect(
      basesInProse(
        "- **Base Model:** `meta-llama/Meta-Llama-3-8B`\n- The notebook was used to fine-tune the Llama 3 model.\n",
      ).map((b) => b.id),
    ).toEqual(["meta-llama/Meta-Llama-3-8B"]);
  });
});

describe("readCard", () => {
  it("reads front matter: licence, licence name and link, base_model as a string or a list", () => {
    const card = readCard(
      "---\nlicense: other\nlicense_name: stabilityai-ai-community\nlicense_link: LICENSE.md\nbase_model:\n- stabilityai/stablelm-2-1_6b\n---\n# StableLM\n",
    );
    expect(card).toMatchObject({
      license: "other",
      licenseName: "stabilityai-ai-community",
      licenseLink: "LICENSE.md",
      bases: [{ id: "stabilityai/stablelm-2-1_6b", where: "front matter base_model" }],
    });
  });

  it("keeps the prose of a card whose front matter is not YAML", () => {
    expect(readCard("---\n: : bad [\n---\nA fine-tune of meta-llama/Llama-2-7b-hf.\n").bases).toEqual([
      { id: "meta-llama/Llama-2-7b-hf", where: "'A fine-tune of meta-llama/Llama-2-7b-hf.'" },
    ]);
  });
});

describe("basesInProse: more derivation phrasings", () => {
  it.each([
    [
      "derived from\n[EleutherAI’s](https://www.eleuther.ai/) [Pythia-12b](https://huggingface.co/EleutherAI/pythia-12b)",
      "EleutherAI/pythia-12b",
    ],
    ["- Pretraining Llama-2-70B on a 90B token corpus", "Llama-2-70B"],
    ["基于BLOOMZ-7B1-mt训练调优后的模型，现已开放", "BLOOMZ-7B1-mt"],
    ["本项目基于Meta发布的可商用大模型[Llama-2](https://github.com/facebookresearch/llama)开发", "Llama-2"],
    ["该模型以原始LLaMa模型为基础，进行了如下三个阶段的训练。", "LLaMa"],
    [
      "| `agent.gguf` | [org/agent](https://huggingface.co/org/agent) (LoRA Phi-3 OPNsense, déjà au format GGUF) |",
      "Phi-3",
    ],
  ])("%s → %s", (text, id) => {
    expect(basesInProse(text).map((b) => b.id)).toContain(id);
  });

  it("reads no base from pre-training on data or from Chinese words that name no model", () => {
    expect(basesInProse("Pretraining on 1T tokens of web text.")).toEqual([]);
    expect(basesInProse("可以用于研究，基于该数据集训练。")).toEqual([]);
    expect(basesInProse("速度以ms/tok计，测试设备为M1 Max。")).toEqual([]);
    expect(basesInProse("We train a LoRA adapter on our own data.")).toEqual([]);
  });
});

describe("licence lines: data and code sections, Chinese terms", () => {
  it("leaves licence sentences under a data or code heading to the data or code", () => {
    expect(licenseLines("## Data\n\nAnd it is distributed under the MIT license.\n")).toEqual([]);
    expect(licenseLines("## Model\n\nIt is distributed under the MIT license.\n")).toHaveLength(1);
  });

  it("reads Chinese statements of commercial terms and generated data", () => {
    const line = "我们要求开发者仅将模型用于研究目的，不得用于商业，以及其他用途。";
    expect(licenseLines(line)).toEqual([line]);
    expect(nonCommercialInProse(line)).toBeDefined();
    expect(generatedInProse("模型调优仅使用由ChatGPT生产的数据（不包含任何其他数据）")[0]?.provider).toBe(
      "OpenAI",
    );
  });
});

describe("basesInProse: dated news lines", () => {
  it("does not read a base from a dated news line about another release", () => {
    const news =
      "**[2023/07/25]** Release [CodeGeeX2](https://github.com/THUDM/CodeGeeX2), which is based on ChatGLM2-6B.";
    expect(basesInProse(news)).toEqual([]);
    expect(basesInProse("CodeGeeX2 is based on ChatGLM2-6B.").map((b) => b.id)).toEqual(["ChatGLM2-6B"]);
  });
});

describe("basesInProse", () => {
  it.each([
    [
      "**Base Model:** [Mistral-7B](https://huggingface.co/mistralai/Mistral-7B-v0.1)",
      "mistralai/Mistral-7B-v0.1",
    ],
    ["| Base model | [Qwen2.5-7B](https://huggingface.co/Qwen/Qwen2.5-7B) |", "Qwen/Qwen2.5-7B"],
    [
      "This model is a fine-tuning of [Llama2 70B](https://huggingface.co/meta-llama/Llama-2-70b-hf).",
      "meta-llama/Llama-2-70b-hf",
    ],
    ["A merge of Llama 3.1 8B and a roleplay model.", "Llama-3.1-8B"],
    [
      "We fine-tuned from TinyLlama/TinyLlama-1.1B-Chat-v1.0 for two epochs.",
      "TinyLlama/TinyLlama-1.1B-Chat-v1.0",
    ],
    [
      "# SentenceTransformer based on sentence-transformers/paraphrase-MiniLM-L6-v2\n\nThis is a model.",
      "sentence-transformers/paraphrase-MiniLM-L6-v2",
    ],
    ["Based on Llama 3\nThis card describes an adapter.", "Llama-3"],
    ["# Finetune Mistral 7B v0.3 German News Titles Scripts", "Mistral-7B-v0.3"],
    ["Fine-tuned from Qwen2.5 Coder 3B Instruct on code.", "Qwen2.5-Coder-3B-Instruct"],
    // The name the text gives, never one made of the words around it (yxuansu/OpenAlpaca's README).
    ["The OpenAlpaca model fine-tuned from the previewed version of OpenLLaMA-3B that is", "OpenLLaMA-3B"],
    ["release models based on the lasted checkpoints of OpenLLaMA.", "OpenLLaMA"],
  ])("reads %s", (text, id) => {
    expect(basesInProse(text)[0]?.id).toBe(id);
  });

  it.each([
    ["Fine-tuned on [UltraChat](https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k)."],
    ["Based on the Llama 2 architecture, trained from scratch."],
    ["A fine-tune of our own earlier model."],
    ["# Fine-tuning LLMs with LoRA"],
  ])("reads no base in %s", (text) => {
    expect(basesInProse(text)).toEqual([]);
  });

  it("takes model ids from Hub links, never dataset or Space links", () => {
    expect(modelIdFrom("x", "https://huggingface.co/org/model")).toBe("org/model");
    expect(modelIdFrom("org/data", "https://huggingface.co/datasets/org/data")).toBeUndefined();
  });
});

describe("licence text", () => {
  it("collects the lines of a License section and 'released under' sentences", () => {
    expect(
      licenseLines(
        "# M\nIntro.\n## License\nCC BY-NC 4.0\n\nSee LICENSE.\n## Usage\nx\nWeights are released under Apache 2.0.",
      ),
    ).toEqual(["CC BY-NC 4.0", "See LICENSE.", "Weights are released under Apache 2.0."]);
  });

  it("names licences written in words", () => {
    const ids = (t: string) => licensesInText(t).map((l) => l.entry.id);
    expect(ids("CC BY-NC 4.0")).toEqual(["cc-by-nc-4.0"]);
    expect(ids("Creative Commons Attribution-NonCommercial-ShareAlike 4.0")).toEqual(["cc-by-nc-sa-4.0"]);
    expect(ids("the Apache License, Version 2.0, and the MIT License")).toEqual(["apache-2.0", "mit"]);
    expect(ids("subject to the Llama 3.1 Community License")).toEqual(["llama3.1"]);
  });

  it("reads non-commercial and research-only wording, not 'commercial and non-commercial'", () => {
    expect(nonCommercialInProse("Weights for research use only.")).toBe("Weights for research use only.");
    expect(nonCommercialInProse("Free for commercial and non-commercial use.")).toBeUndefined();
    expect(
      nonCommercialInProse("Free for research, non-commercial, and commercial use under $1M revenue."),
    ).toBeUndefined();
    expect(nonCommercialInName("cc-by-nc-2.0")).toBe(true);
    expect(nonCommercialInName("microsoft-research-license")).toBe(true);
    expect(nonCommercialInName("https://github.com/facebookresearch/llama/LICENSE")).toBe(false);
    expect(nonCommercialInName("ai2-impact-license-low-risk")).toBe(false);
  });

  it("infers non-commercial for an unknown licence only, with the evidence", () => {
    const other = resolveLicense("other", { link: "https://example.org/licenses/non-commercial.txt" })!;
    expect(inferNonCommercial(other).inferred?.evidence).toBe(
      "https://example.org/licenses/non-commercial.txt",
    );
    expect(inferNonCommercial(resolveLicense("apache-2.0")!, ["non-commercial"]).inferred).toBeUndefined();
    expect(inferNonCommercial(resolveLicense("other")!).status).toBe("unknown");
  });

  it("reads data generated with a provider's API as that provider's outputs, not an API-compatible server", () => {
    expect(
      generatedInProse(
        "Alpaca models are trained from data generated using the OpenAI API and thus any usage must not be competing with the OpenAI API.",
      )[0],
    ).toMatchObject({ provider: "OpenAI", model: "OpenAI API" });
    expect(generatedInProse("The server returns completions compatible with the OpenAI API.")).toEqual([]);
  });

  it("reads generated data in prose and names, not benchmark comparisons", () => {
    expect(generatedInProse("Answers were generated by GPT-4o.")[0]).toMatchObject({
      provider: "OpenAI",
      terms: "openai-outputs",
      model: "GPT-4o",
    });
    expect(generatedInProse("Our model outperforms ChatGPT on AlpacaEval.")).toEqual([]);
    expect(generatedInProse("M uses technology similar to ChatGPT, optimized for QA and dialogue.")).toEqual(
      [],
    );
    expect(
      generatedInProse("Convert them to a unified format (this uses GPT-4o-mini to rewrite).")[0]?.model,
    ).toBe("GPT-4o-mini");
    expect(generatedInProse("Responses were scored by GPT-4.")).toEqual([]);
    expect(generatedInProse("* Uses **GPT-5-mini** to generate safe responses")[0]?.model).toBe("GPT-5-mini");
    expect(generatedInProse("Traces were generated with o3-mini.")[0]?.provider).toBe("OpenAI");
    expect(generatedInProse("Answers were generated locally with GPT4All.")).toEqual([]);
    expect(generatedInProse("- SFT: Ultrachat - The conversation data between two ChatGPT")[0]?.model).toBe(
      "ChatGPT",
    );
    expect(generatedInName("Norquinal/claude_multiround_chat_30k")?.terms).toBe("anthropic-outputs");
  });

  it("reads 'GPT-generated', 'OpenAI models', Chinese 'built with GPT3.5' and OpenAI's terms bound to data (audit dev)", () => {
    expect(
      generatedInProse(
        "LLaVA Visual Instruct 150K is a set of GPT-generated multimodal instruction-following data.",
      )[0]?.model,
    ).toBe("GPT");
    expect(
      generatedInProse("Magicoder models are trained on the synthetic data generated by OpenAI models.")[0]
        ?.model,
    ).toBe("OpenAI models");
    expect(
      generatedInProse("我们利用GPT3.5接口围绕医学知识库构建问答数据，设置了多种Prompt形式。")[0]?.provider,
    ).toBe("OpenAI");
    expect(generatedInProse("我们使用GPT-4对模型回答进行评估，构建了排行榜。")).toEqual([]);
    for (const line of [
      "+ The dataset license adheres to: <br> CC BY-NC 4.0. It should abide by the policy of OpenAI: https://openai.com/policies/terms-of-use",
      "Users must comply with the [OpenAI Terms of Use](https://openai.com/policies/terms-of-use) for the dataset.",
    ])
      expect(generatedInProse(line)[0]).toMatchObject({ provider: "OpenAI", model: "OpenAI models" });
    expect(generatedInProse("Our chat app must comply with OpenAI's usage policies.")).toEqual([]);
  });

  it("does not read a provider the card says was not used", () => {
    expect(
      generatedInProse(
        "We synthesize datasets from public knowledge without relying on ChatGPT or GPT-4 APIs.",
      ),
    ).toEqual([]);
    expect(generatedInProse("s1.1 uses reasoning traces generated by r1 instead of Gemini.")).toEqual([]);
    // A later affirmed mention still counts, and reasoning traces are data.
    expect(
      generatedInProse("Not from ChatGPT. Generate traces with Gemini via `python data/gemini.py`.")[0],
    ).toMatchObject({ provider: "Google", model: "Gemini" });
    expect(generatedInName("HuggingFaceH4/no_robots")).toBeUndefined();
  });
});

describe("titleName", () => {
  it.each([
    ["# Reflection Llama-3.1 70B\n", "Reflection Llama-3.1 70B"],
    ["# Model Card for lora-frutas-adapter\n", "lora-frutas-adapter"],
    [
      "# [org/Llama-3-8B-Instruct-GGUF](https://huggingface.co/org/Llama-3-8B-Instruct-GGUF)\n",
      "Llama-3-8B-Instruct-GGUF",
    ],
  ])("reads %j", (body, name) => {
    expect(titleName(body)).toBe(name);
  });

  it.each([["# Model Card for Model ID\n"], ["# sft\n"], ["# Model Details\n"]])(
    "reads no name in %j",
    (body) => {
      expect(titleName(body)).toBeUndefined();
    },
  );
});
