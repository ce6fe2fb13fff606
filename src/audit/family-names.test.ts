import { describe, expect, it } from "vitest";
import { auditLineage } from "./audit-lineage.js";
import { FAMILY_NAMES } from "./data/family-names.js";
import { familyFor } from "./knowledge.js";

describe("family names inside community ids (versioned: generation and size)", () => {
  it.each([
    ["unsloth/Qwen2.5-3B-Instruct-bnb-4bit", "qwen-research", "Qwen2.5 3B"],
    ["bartowski/Qwen2.5-Coder-3B-Instruct-GGUF", "qwen-research", "Qwen2.5 3B"],
    ["unsloth/Qwen2.5-7B-Instruct-bnb-4bit", "apache-2.0", "Qwen2.5"],
    ["unsloth/Qwen2.5-32B-Instruct-bnb-4bit", "apache-2.0", "Qwen2.5"],
    ["unsloth/Qwen2.5-72B-Instruct-bnb-4bit", "qwen", "Qwen2.5 72B"],
    ["TheBloke/Qwen2-72B-Instruct-AWQ", "tongyi-qianwen", "Qwen2 72B"],
    ["unsloth/Qwen2-7B-Instruct", "apache-2.0", "Qwen2"],
    ["TheBloke/Qwen1.5-7B-Chat-GGUF", "tongyi-qianwen", "Qwen1.5"],
    ["bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", "llama3.1", "Llama 3.1"],
    ["unsloth/Llama-3.2-1B-Instruct", "llama3.2", "Llama 3.2"],
    ["unsloth/llama-3-8b-bnb-4bit", "llama3", "Llama 3"],
    ["bartowski/Mistral-Large-Instruct-2407-GGUF", "mrl", "Mistral (research licence)"],
    ["TheBloke/Mistral-7B-Instruct-v0.2-GGUF", "apache-2.0", "Mistral"],
    ["bartowski/Codestral-22B-v0.1-GGUF", "mnpl", "Codestral"],
    ["TheBloke/Falcon-180B-Chat-GPTQ", "falcon-180b", "Falcon 180B"],
    ["bartowski/Falcon3-7B-Instruct-GGUF", "falcon-llm-license", "Falcon 2/3"],
    ["TheBloke/falcon-7b-instruct-GPTQ", "apache-2.0", "Falcon"],
    ["unsloth/DeepSeek-R1-Distill-Llama-8B", "mit", "DeepSeek-R1-Distill-Llama 8B"],
    ["TheBloke/deepseek-coder-6.7B-instruct-GGUF", "deepseek", "DeepSeek"],
    ["bartowski/c4ai-command-r-v01-GGUF", "cc-by-nc-4.0", "Cohere Command R"],
    ["huggyllama/llama-7b", "llama1", "LLaMA (version 1)"],
    ["TheBloke/LLaMA-30b-GPTQ", "llama1", "LLaMA (version 1)"],
    ["/content/chatglm2-6b", "chatglm2-6b", "ChatGLM2-6B"],
    ["timdettmers/guanaco-33b-merged", "llama1", "Guanaco (QLoRA on LLaMA 1)"],
    ["someone/glm-4-9b-chat-GGUF", "glm-4", "GLM-4-9B"],
    ["openlm-research/open_llama_3b", "apache-2.0", "OpenLLaMA"],
    ["previewed-version-of-OpenLLaMA-3B", "apache-2.0", "OpenLLaMA"],
    ["sentence-transformers/paraphrase-MiniLM-L6-v2", "apache-2.0", "Sentence Transformers"],
    ["TheBloke/Qwen1.5-0.5B-Chat-GGUF", "qwen-research", "Qwen1.5 0.5B/1.8B/4B"],
    ["someone/Qwen1.5-4B-Chat-lora", "qwen-research", "Qwen1.5 0.5B/1.8B/4B"],
    ["LLaMA 7B", "llama1", "LLaMA (version 1)"],
    ["LLaMA", "llama1", "LLaMA (version 1, by its spelling)"],
    ["Pythia-12b", "apache-2.0", "Pythia"],
    ["BLOOMZ-7b1-mt", "bigscience-bloom-rail-1.0", "BLOOM / BLOOMZ"],
    ["StarCoderBase-15B", "bigcode-openrail-m", "StarCoder"],
    ["microsoft/codebert-base", "mit", "CodeBERT"],
  ])("%s → %s (%s), inferred", (id, license, family) => {
    const match = familyFor(id);
    expect(match?.license.id).toBe(license);
    expect(match?.entry.family).toBe(family);
    expect(match?.entry.official).toBe(false);
  });

  it("reads a bare LLaMA as the first release only in Meta's spelling of it", () => {
    expect(familyFor("Llama")).toBeUndefined();
    expect(familyFor("llama")).toBeUndefined();
    expect(familyFor("LLaMA-Factory")).toBeUndefined();
    expect(familyFor("Qwen/Qwen1.5-0.5B-Chat")?.license.id).toBe("qwen-research");
    expect(familyFor("Qwen/Qwen1.5-7B-Chat")?.license.id).toBe("tongyi-qianwen");
  });

  it("reads a digit followed by a size as a size, not a Llama generation", () => {
    expect(familyFor("someone/llama-3b-instruct")).toBeUndefined();
    expect(familyFor("someone/Llama-2b-chat")).toBeUndefined();
    expect(familyFor("unsloth/llama-3-8b-bnb-4bit")?.license.id).toBe("llama3");
  });

  it("does not give a generation or size the terms of another", () => {
    expect(familyFor("org/Qwen2.5-13B-merge")?.license.id).toBe("apache-2.0");
    expect(familyFor("org/Qwen2.5-Math-72B-GGUF")?.license.id).toBe("qwen");
    expect(familyFor("org/Llama-3.3-70B-GGUF")?.license.id).not.toBe("llama3.1");
    expect(familyFor("org/Mistral-Small-24B-Instruct-2501-GGUF")?.license.id).toBe("apache-2.0");
    expect(familyFor("TheBloke/Llama-2-7B-GGUF")?.license.id).toBe("llama2");
    expect(familyFor("TheBloke/CodeLlama-7B-GGUF")?.license.id).toBe("llama2");
    // Each GLM generation has its own licence: ChatGLM2's terms are not given to ChatGLM3 or GLM-4.
    expect(familyFor("THUDM/chatglm3-6b")?.license.id).not.toBe("chatglm2-6b");
    expect(familyFor("THUDM/glm-4-9b-chat")).toMatchObject({
      license: { id: "glm-4" },
      entry: { official: true },
    });
  });

  it("takes each entry from the publisher's own card or licence file", () => {
    for (const entry of FAMILY_NAMES)
      expect(entry.source).toMatch(/^https:\/\/(huggingface\.co|github\.com)\/[\w.-]+\/[\w.-]+/);
  });

  it("carries a community R1 distill's Llama upstream, inferred", () => {
    expect(familyFor("unsloth/DeepSeek-R1-Distill-Llama-8B")?.entry.upstream?.[0]?.license).toBe("llama3.1");
  });
});

describe("a community fine-tune named after a family, whose own chain was not read", () => {
  const gguf = (base: string) =>
    auditLineage({
      format: "ftl/v1",
      subject: { id: "org/some-model-GGUF", license: "llama3" },
      bases: [{ id: base }],
      steps: [],
    });

  it("leaves its training data unknown: allowed, with warnings", async () => {
    const report = await gguf("MaziyarPanahi/Llama-3-8B-Instruct-v0.9");
    expect(report.verdict.level).toBe("allowed-with-warnings");
    expect(report.findings.find((f) => f.code === "undocumented-data")?.message).toContain(
      "is a community model whose own chain was not read",
    );
  });

  it("is not said of a re-upload (a quantisation format in the name, a re-uploading organisation)", async () => {
    for (const base of [
      "bartowski/Meta-Llama-3-8B-Instruct-GGUF",
      "unsloth/llama-3-8b",
      "someone/llama-3-8b-gptq-4bit",
    ]) {
      const report = await gguf(base);
      expect(report.findings.find((f) => f.code === "undocumented-data")).toBeUndefined();
    }
  });
});
