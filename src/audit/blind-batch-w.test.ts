/**
 * Rules written from the first-run misses of the blind dev licence situations `w1-`…`w3-`
 * (test/fixtures/audit-corpus/dev, labelled by helpers who never ran ftl, stop 27). Each case is a small card
 * written for the rule, not a corpus item; each was checked to fail without its rule.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import { familyFor } from "./knowledge.js";

interface Report {
  verdict: { level: string };
  findings: { severity: string; code: string; message: string }[];
  ancestors?: { id: string }[];
}

async function auditCard(card: string): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), "ftl-blind-w-"));
  writeFileSync(join(dir, "README.md"), card);
  const { stdout } = await ftl(["audit", dir, "--json"]);
  return JSON.parse(stdout) as Report;
}

const messages = (r: Report) => r.findings.map((f) => f.message).join("\n");

describe("a Hub page that is not a model's names no base (ncp-w2-llama-xlam-2-70b-research-nc-data)", () => {
  it("a collection linked as 'the deepseek model' is not the model 'collections/deepseek-ai'", async () => {
    const r = await auditCard(
      "# xLAM\n\nThis code is licensed under Apache 2.0. For models based on the [deepseek model](https://huggingface.co/collections/deepseek-ai/deepseek-coder-65f295d7d8a0a29fe39b4ec4), follow the deepseek license.\n",
    );
    expect(messages(r)).not.toContain("collections/");
  });
});

describe("'a derivative of X' names X when the family table knows it (qnt-w3-saerix-qwen25-coder-7b-gguf-origin-denial-apache)", () => {
  it("is audited as derived from the Qwen2.5-Coder family, not as a base it cannot read", async () => {
    const r = await auditCard(
      "---\nlicense: apache-2.0\n---\n# Saerix-7B-GGUF\n\nThis model is a derivative of Qwen2.5-Coder-7B. The model weights have not been modified; only the GGUF metadata was cleared.\n",
    );
    expect(r.verdict.level).toBe("allowed");
    expect(messages(r)).not.toContain("names no exact model");
  });

  it("'a variant of Mistral 7B' stays a base that names no exact model", async () => {
    const r = await auditCard(
      "---\nlicense: mit\n---\n# Foo\n\nFoo is a variant of Mistral 7B tuned for support tickets.\n",
    );
    expect(r.verdict.level).toBe("unclear");
  });
});

describe("community copies of regional families carry the family's licence, inferred", () => {
  it("Baichuan 2, ChatGLM-6B and ChatGLM3-6B copies keep their generation's terms", () => {
    expect(familyFor("hiyouga/Baichuan2-7B-Base-LLaMAfied")?.entry.license).toBe("baichuan2");
    expect(familyFor("someone/chatglm-6b-int4")?.entry.license).toBe("chatglm-6b");
    expect(familyFor("someone/chatglm3-6b-int4")?.entry.license).toBe("chatglm3-6b");
    expect(familyFor("hiyouga/Baichuan2-7B-Base-LLaMAfied")?.entry.official).toBe(false);
  });

  it("Vicuna's generations stay apart, and a copy that gives no version is not read", () => {
    expect(familyFor("TheBloke/vicuna-13b-v1.5-GGUF")?.entry.license).toBe("llama2");
    expect(familyFor("TheBloke/vicuna-13B-v1.3-GPTQ")?.entry.license).toBe("llama1");
    expect(familyFor("someone/vicuna-13b-GPTQ-4bit-128g")).toBeUndefined();
  });

  it("XGLM is MIT, officially and in copies", () => {
    expect(familyFor("facebook/xglm-2.9B")?.entry).toMatchObject({ license: "mit", official: true });
    expect(familyFor("ShayonSarker/xglm-2.9B-GGUF")?.entry).toMatchObject({
      license: "mit",
      official: false,
    });
  });
});

describe("a GGUF build that links its 'Source Model' (qnt-w3-xglm-29b-gguf-native-llamacpp-mit)", () => {
  const card = [
    "---",
    "license: mit",
    "---",
    "# XGLM-2.9B GGUF",
    "",
    "[Release](https://huggingface.co/someone/xglm-2.9B-GGUF) · [Meta Source Model](https://huggingface.co/facebook/xglm-2.9B)",
    "",
    "XGLM-2.9B is a **base language model**, not an instruction-tuned assistant.",
  ].join("\n");

  it("is a copy of the linked model, audited to its root, with no training step invented from 'not an instruction-tuned'", async () => {
    const r = await auditCard(card);
    expect(r.verdict.level).toBe("allowed");
    expect(messages(r)).not.toContain("names no training data");
  });
});

describe("first run of the y1 batch (cus-y1-cogvlm-17b-chat-cogvlm-licence-nc-sft-data, cus-y1-magicanimate-sd15-openrail-m-bsd-code-only)", () => {
  it("a news line about the next model ('**News**: `2024/5/20`: … CogVLM2, which is based on llama3-8b') names no base of this one", async () => {
    const r = await auditCard(
      "# CogVLM\n\n- 🔥🔥🔥  **News**: ```2024/5/20```: We released the next generation of model, CogVLM2, which is based on llama3-8b!\n\nCogVLM is a powerful open-source visual language model.\n",
    );
    expect(messages(r)).not.toContain("llama3");
  });

  it("'Download the pretrained base models for [StableDiffusion V1.5](…)' names the base, whose licence must be passed on", async () => {
    const r = await auditCard(
      "# MagicAnimate\n\nDownload the pretrained base models for [StableDiffusion V1.5](https://huggingface.co/runwayml/stable-diffusion-v1-5) and [MSE-finetuned VAE](https://huggingface.co/stabilityai/sd-vae-ft-mse).\n",
    );
    expect(r.findings.some((f) => f.code === "undeclared-license" && f.severity === "error")).toBe(true);
  });
});

describe("first run of the a2 batch (cln-a2-granite-7b-lab-mirror-mixtral-teacher-apache, cus-a2-icd10-llama3-8b-qlora-adapter-hub-push-no-licence)", () => {
  it("GPT-4 named for other models' data ('models such as ORCA-2 … that rely on … GPT-4') brings no output terms", async () => {
    const r = await auditCard(
      "---\nlicense: apache-2.0\nbase_model: ibm-granite/granite-7b-base\n---\n# granite-7b-lab\n\nThis allows for using Mixtral 8x7B as the teacher model for generation while performing very competitively with models such as ORCA-2, WizardLM, and Zephyr Beta that rely on synthetic data generated by much larger and capable models like GPT-4.\n",
    );
    expect(r.findings.some((f) => f.code === "output-terms")).toBe(false);
  });

  it("a title ending in 'QLoRA' does not run into the next paragraph's words, nor a written id into the word before it", async () => {
    const r = await auditCard(
      "# ICD-10 Medical Coding with Llama 3 8B QLoRA\n\nFine-tuned `meta-llama/Meta-Llama-3-8B` with QLoRA to predict ICD-10-CM codes.\n\n```\n├── checkpoints/            # Local LoRA checkpoints/adapters\n```\n",
    );
    expect(messages(r)).not.toContain("Fine-tuned-meta-llama");
    expect(messages(r)).not.toContain("checkpoints/adapters");
  });
});

describe("Zephyr 7B β, the Llama 2 Swallow models, Intel NeuralChat v3 and EEVE-Korean, from their publishers' cards", () => {
  it("official entries and community copies, the later Llama 3 Swallow apart", () => {
    expect(familyFor("HuggingFaceH4/zephyr-7b-beta")?.entry).toMatchObject({
      license: "mit",
      official: true,
    });
    expect(familyFor("TheBloke/zephyr-7B-beta-GGUF")?.entry).toMatchObject({
      license: "mit",
      official: false,
    });
    expect(familyFor("tokyotech-llm/Swallow-13b-instruct-hf")?.entry).toMatchObject({
      license: "llama2",
      official: true,
    });
    expect(familyFor("mmnga/tokyotech-llm-Swallow-13b-instruct-hf-gguf")?.entry.license).toBe("llama2");
    expect(familyFor("tokyotech-llm/Llama-3-Swallow-8B-v0.1")?.entry.family).not.toBe("Swallow (Llama 2)");
    expect(familyFor("Intel/neural-chat-7b-v3-1")?.entry).toMatchObject({
      license: "apache-2.0",
      official: true,
    });
    expect(familyFor("yanolja/EEVE-Korean-10.8B-v1.0")?.entry.license).toBe("apache-2.0");
    // The Instruct model's card was not read: it is not given the base model's licence.
    expect(familyFor("yanolja/EEVE-Korean-Instruct-10.8B-v1.0")).toBeUndefined();
  });
});
