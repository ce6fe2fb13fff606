/**
 * The table of well-known models: the spellings people write resolve to the publisher's id; a name the table
 * knows as several models, or a longer name, stays unresolved.
 */
import { describe, expect, it } from "vitest";
import { resolveKnownModel, squashName } from "./known-models.js";
import { DECODERS } from "./known-models-decoders.js";
import { OTHERS } from "./known-models-others.js";

describe("well-known models", () => {
  it.each([
    ["Llama2 7B", "meta-llama/Llama-2-7b-hf"],
    ["llama-2-7b-chat", "meta-llama/Llama-2-7b-chat-hf"],
    ["LLaMA-7B", "huggyllama/llama-7b"],
    ["LLaMA 3.1 (8B)", "meta-llama/Llama-3.1-8B"],
    ["Llama 3.3 70B", "meta-llama/Llama-3.3-70B-Instruct"],
    ["Qwen2.5 7B Instruct", "Qwen/Qwen2.5-7B-Instruct"],
    ["Qwen 2.5 7B", "Qwen/Qwen2.5-7B"],
    ["Qwen1.5-7B-Chat", "Qwen/Qwen1.5-7B-Chat"],
    ["Qwen2.5-Coder-1.5B-Instruct", "Qwen/Qwen2.5-Coder-1.5B-Instruct"],
    ["Gemma 2 9B", "google/gemma-2-9b"],
    ["gemma-3-4b-it", "google/gemma-3-4b-it"],
    ["Phi-3 mini", "microsoft/Phi-3-mini-4k-instruct"],
    ["Phi-1.5", "microsoft/phi-1_5"],
    ["Mistral-7B-Instruct-v0.2", "mistralai/Mistral-7B-Instruct-v0.2"],
    ["Mixtral 8x7B", "mistralai/Mixtral-8x7B-v0.1"],
    ["Code Llama 7B Instruct", "codellama/CodeLlama-7b-Instruct-hf"],
    ["deepseek-coder-6.7b-instruct", "deepseek-ai/deepseek-coder-6.7b-instruct"],
    ["InternLM2.5-7B-Chat", "internlm/internlm2_5-7b-chat"],
    ["Flan-T5 Base", "google/flan-t5-base"],
    ["opt-1.3b", "facebook/opt-1.3b"],
    ["OPT-13B", "facebook/opt-13b"],
    ["whisper small", "openai/whisper-small"],
    ["the GPT-2", "openai-community/gpt2"],
    ["Llama3.2 3B Base", "meta-llama/Llama-3.2-3B"],
    ["Qwen3-8B-Base", "Qwen/Qwen3-8B-Base"],
    ["BERTimbau", "neuralmind/bert-base-portuguese-cased"],
    ["BERTimbau Large", "neuralmind/bert-large-portuguese-cased"],
    ["CamemBERT", "almanach/camembert-base"],
    ["RuGPT-3XL", "ai-forever/rugpt3xl"],
    ["ruGPT-3 Large", "ai-forever/rugpt3large_based_on_gpt2"],
    ["KLUE-RoBERTa large", "klue/roberta-large"],
    ["KcELECTRA", "beomi/KcELECTRA-base"],
    ["EXAONE 4.0 1.2B", "LGAI-EXAONE/EXAONE-4.0-1.2B"],
    ["Chinese-LLaMA-2-7B", "hfl/chinese-llama-2-7b"],
  ])("resolves %s", (name, id) => {
    expect(resolveKnownModel(name)).toBe(id);
  });

  it.each(["Mistral 7B Instruct", "Gemma 3 4B", "TinyLlama", "LLaMA", "Llama-2-7b-custom", "Vicuna 7B"])(
    "leaves %s unresolved",
    (name) => {
      expect(resolveKnownModel(name)).toBeUndefined();
    },
  );

  it("keeps the dot of a size or version, so that 1.3B is not 13B", () => {
    expect(squashName("OPT-1.3B")).toBe("opt1.3b");
    expect(squashName("phi-1_5")).toBe("phi1.5");
    expect(squashName("Llama 3.1 8B")).toBe("llama3.1-8b");
  });

  it("keeps two numbers apart, so that Llama 3 3B is not the first LLaMA's 33B (dev s10-card-llama32-3b-kaggle)", () => {
    expect(squashName("Llama 3 3B")).toBe("llama3-3b");
    expect(resolveKnownModel("Llama 3 3B")).toBeUndefined();
    expect(resolveKnownModel("LLaMA 33B")).toBe("huggyllama/llama-30b");
    expect(squashName("Llama 2 7B")).toBe(squashName("Llama-2-7b"));
  });

  it("lists each id once, and no name stands for two ids", () => {
    const all = [...DECODERS, ...OTHERS];
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    const owners = new Map<string, Set<string>>();
    for (const m of all) {
      const own = m.id.split("/")[1] ?? m.id;
      for (const n of [own, own.replace(/-hf$/i, ""), ...(m.aliases ?? [])]) {
        const key = squashName(n);
        owners.set(key, (owners.get(key) ?? new Set()).add(m.id));
      }
    }
    expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });
});
