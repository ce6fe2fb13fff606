/**
 * Names of bases in prose: a family name inside a written Hub id keeps the id (dev
 * k-ne-pt-fiap-llama32-1b-qlora-gguf), and training words of other languages count (dev
 * k-noorg-fr-alexisdaf-gpt2-lora); paths and web addresses are not ids.
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readNamedBases, readNamedBasesOtherLanguages } from "./named-bases.js";

const bases = (s: CardState) => s.proseBases.map((b) => [b.value, b.source.source]);
const read = (text: string) => readWith(readNamedBases, text);

describe("named bases", () => {
  it("keeps a Hub id written in full instead of resolving its name", () => {
    const s = read(
      "O notebook final implementa o processo de fine-tuning propriamente dito, carregando o modelo unsloth/Llama-3.2-1B-Instruct e aplicando as configurações.",
    );
    expect(bases(s)).toEqual([["unsloth/Llama-3.2-1B-Instruct", "extracted"]]);
  });

  it("reads a name in a sentence with a training word of another language", () => {
    const s = readWith(
      readNamedBasesOtherLanguages,
      "Nous allons fine-tuner un algorithme sur un modèle déjà pré-entrainé GPT2 pour notre chatbot.",
    );
    expect(bases(s)).toEqual([["GPT2", "inferred"]]);
  });

  it("reads a Hub id given as a link or a bare URL like one written plainly", () => {
    const id = "Qwen/Qwen2.5-1.5B-Instruct";
    for (const form of [id, `[${id}](https://huggingface.co/${id})`, `https://huggingface.co/${id}`])
      expect(bases(read(`Fine-tuned from the public ${form} checkpoint.`))).toEqual([[id, "extracted"]]);
    // A dataset's address is not a model.
    expect(bases(read("Fine-tuned on https://huggingface.co/datasets/Qwen/Qwen-data for chat."))).toEqual([]);
  });

  it("does not take the card's own model, a judge, a baseline or a model used without fine-tuning", () => {
    const link = (id: string) => `[${id}](https://huggingface.co/${id})`;
    expect(bases(read(`- Fine-Tuned model: ${link("someone/Qwen1.5-0.5_OpenAssist")}`))).toEqual([]);
    expect(
      bases(read("Finetuned model available here : https://huggingface.co/b4/Llama-2-7b-QLoRA-x")),
    ).toEqual([]);
    expect(bases(read("Our model is fine-tuned from Qwen/Qwen2.5-1.5B-Instruct."))).toEqual([
      ["Qwen/Qwen2.5-1.5B-Instruct", "extracted"],
    ]);
    expect(
      bases(read(`The judge, ${link("Qwen/Qwen2.5-7B-Instruct")}, was fine-tuned on our data.`)),
    ).toEqual([]);
    expect(bases(read("The Qwen/Qwen2.5-7B baseline in Step 3 was fine-tuned on our data."))).toEqual([]);
    expect(bases(read("Используется готовая модель Qwen/Qwen2.5-7B для анализа, без дообучения."))).toEqual(
      [],
    );
    expect(bases(read("Ein feinabgestimmter Kopf auf Qwen/Qwen2.5-7B wäre eine mögliche Variante."))).toEqual(
      [],
    );
  });

  it("does not take a path or a web address for an id", () => {
    expect(bases(read("训练完成后，模型权重将保存在`models/chatglm-lora`目录中。"))).toEqual([]);
    expect(
      bases(read("基于[InternLM2](https://github.com/InternLM/InternLM.git)进行LoRA微调得到的模型。")),
    ).toEqual([]);
  });

  it("does not let a shorter known name stand for a longer one, and reads a family name with its version", () => {
    expect(bases(read("A project to fine-tune Mistral Nemo 7B Instruct using LoRA."))).toEqual([]);
    expect(bases(read("We fine-tuned Mistral 7B Instruct on our data."))).toEqual([]);
    expect(bases(read("We fine-tuned Mistral 7B on our data."))).toEqual([
      ["mistralai/Mistral-7B-v0.1", "inferred"],
    ]);
    // "base" restates that the name is the base model: it does not make it another model's name.
    expect(
      bases(read("This repo is my experimentation with finetuning the mistral 7B base model on alpaca.")),
    ).toEqual([["mistralai/Mistral-7B-v0.1", "inferred"]]);
    const s = readWith(readNamedBasesOtherLanguages, "`Qwen2-0.5B-Instruct`的SFT，在./SFT中");
    expect(bases(s)).toEqual([["Qwen/Qwen2-0.5B-Instruct", "inferred"]]);
  });

  it("does not take a container image for a model", () => {
    const s = readWith(
      readNamedBasesOtherLanguages,
      "或使用 `docker pull soulteary/llama2:converter` 下载模型格式转换工具镜像来构建模型",
    );
    expect(bases(s)).toEqual([]);
  });

  it("does not take the model a sentence describes for its base", () => {
    expect(bases(read("ChatGLM-6B is an open bilingual language model based on the GLM framework."))).toEqual(
      [],
    );
    const zh = readWith(
      readNamedBasesOtherLanguages,
      "ChatGLM-6B 是一个开源的对话语言模型，基于 GLM 架构。经过监督微调，ChatGLM-6B 已经能生成回答。",
    );
    expect(bases(zh)).toEqual([]);
    expect(bases(read("Pygmalion 7B is a dialogue model based on Meta's LLaMA-7B."))).toEqual([
      ["huggyllama/llama-7b", "inferred"],
    ]);
  });

  it("does not resolve a name that a capitalised word before it makes longer", () => {
    expect(bases(read("This model was fine-tuned from Chinese LLaMA 7B on our data."))).toEqual([]);
    expect(bases(read("We fine-tuned Code Llama 7B Instruct on SQL."))).toEqual([
      ["codellama/CodeLlama-7b-Instruct-hf", "inferred"],
    ]);
    expect(bases(read("Fine-tuned the Flan-T5 base model on summaries."))).toEqual([
      ["google/flan-t5-base", "inferred"],
    ]);
  });

  it("leaves a name followed by another variant word unresolved", () => {
    expect(bases(read("We fine-tuned GPT-2 XL on poems."))).toEqual([
      ["openai-community/gpt2-xl", "inferred"],
    ]);
    expect(bases(read("We fine-tuned Phi-3 mini 128k on poems."))).toEqual([]);
    expect(bases(read("We fine-tuned Llama 3 8B GGUF on poems."))).toEqual([]);
  });

  it("takes the card's own spelling of a resolved name when it adds only a format", () => {
    const text = [
      "We fine-tuned Gemma-3-270m-it with LoRA on Apple Silicon.",
      "",
      "- **Base model**: `lmstudio-community/gemma-3-270m-it-MLX-8bit`",
      "- Published at https://huggingface.co/someone/gemma-3-270m-it-technavi",
    ].join("\n");
    expect(bases(read(text))).toEqual([["lmstudio-community/gemma-3-270m-it-MLX-8bit", "extracted"]]);
    const own =
      "A fine-tuned version of Meta's LLaMA-3.1-8B.\n\nWeights: `someone/Llama-3.1-8B-Computer-Networks-LLM`";
    expect(bases(read(own))).toEqual([["meta-llama/Llama-3.1-8B", "inferred"]]);
  });

  it("reads a heading that says the model was fine-tuned, after the text", () => {
    const s = readWith(
      readNamedBasesOtherLanguages,
      "## But : fine-tuner un algorithme sur un modèle déjà pré-entrainé GPT2.\n\nLe modèle est disponible en téléchargement.",
    );
    expect(bases(s)).toEqual([["GPT2", "inferred"]]);
    const title = "# LLaMA 3.2 1B – Fine-Tuning\n\nWe fine-tuned LLaMA 3.2 1B Instruct on Spanish data.";
    expect(bases(read(title))).toEqual([["meta-llama/Llama-3.2-1B-Instruct", "inferred"]]);
    expect(bases(readWith(readNamedBasesOtherLanguages, "# 训练`chatglm-6b`模型教程\n\n感谢开源。"))).toEqual(
      [],
    );
  });
});
