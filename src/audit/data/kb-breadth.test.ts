/**
 * Knowledge-base breadth of stop 26 (families-breadth.ts, the Liquid AI, Moonshot AI and LG AI licences in
 * licenses-more.ts, NVIDIA's OpenCodeReasoning sets): each id maps to its publisher's licence, generations and sizes
 * under other terms keep theirs, and a community copy that keeps a family's name is an inference.
 */
import { describe, expect, it } from "vitest";
import { datasetEntry, familyFor, licenseEntry } from "../knowledge.js";
import { BREADTH_COPIES, BREADTH_FAMILIES } from "./families-breadth.js";

const licenseOf = (id: string): string | undefined => familyFor(id)?.entry.license;

describe("more official families (kb-breadth)", () => {
  it("maps each id to its publisher's licence", () => {
    const expected: Record<string, string> = {
      "meta-llama/Llama-Guard-3-8B": "llama3.1",
      "meta-llama/Llama-Guard-3-1B": "llama3.2",
      "meta-llama/Meta-Llama-Guard-2-8B": "llama3",
      "meta-llama/LlamaGuard-7b": "llama2",
      "microsoft/Orca-2-13b": "microsoft-research-license",
      "LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct": "exaone",
      "openchat/openchat-3.5-0106": "apache-2.0",
      "liuhaotian/llava-v1.5-13b": "llama2",
      "llava-hf/llava-1.5-7b-hf": "llama2",
      "LiquidAI/LFM2-1.2B": "lfm1.0",
      "LiquidAI/LFM2.5-1.2B-Instruct": "lfm1.0",
      "moonshotai/Kimi-K2-Instruct": "modified-mit",
      "BAAI/bge-m3": "mit",
      "intfloat/multilingual-e5-large": "mit",
      "microsoft/layoutlmv3-base": "cc-by-nc-sa-4.0",
      "facebook/dinov2-base": "apache-2.0",
      "Salesforce/blip-image-captioning-base": "bsd-3-clause",
    };
    for (const [id, license] of Object.entries(expected)) expect([id, licenseOf(id)]).toEqual([id, license]);
  });

  it("keeps generations and variants under other terms apart", () => {
    expect(licenseOf("meta-llama/Llama-Guard-3-1B")).not.toBe(licenseOf("meta-llama/Llama-Guard-3-8B"));
    expect(licenseOf("microsoft/layoutlm-base-uncased")).not.toBe("cc-by-nc-sa-4.0");
    expect(licenseOf("moonshotai/Kimi-K3")).toBe("kimi-k3");
  });

  it("reads a community copy that keeps the family's name as an inference", () => {
    for (const id of ["unsloth/gpt-oss-20b", "lmstudio-community/LFM2-1.2B-GGUF", "unsloth/Kimi-K3-GGUF"]) {
      const match = familyFor(id);
      expect(match?.entry.official).toBe(false);
    }
    expect(licenseOf("unsloth/gpt-oss-20b")).toBe("apache-2.0");
  });

  it("has a licence entry, with a source, for every family, and the datasets added", () => {
    for (const f of [...BREADTH_FAMILIES, ...BREADTH_COPIES]) {
      expect(licenseEntry(f.license), f.family).toBeDefined();
      expect(f.source).toMatch(/^https:\/\//);
    }
    expect(licenseEntry("exaone")?.commercial).toBe("not-allowed");
    expect(licenseEntry("lfm1.0")?.commercial).toBe("conditional");
    expect(datasetEntry("nvidia/OpenCodeReasoning-2")?.license).toBe("cc-by-4.0");
  });
});

describe("Gemma 4 under Apache-2.0 (qnt-u5-gemma4-26b-a4b-qat-q4-gguf-pai-bundle-apache)", () => {
  it("gives Gemma 4 its own licence and keeps Gemma 1 to 3 under the Gemma Terms of Use", () => {
    expect(licenseOf("google/gemma-4-26B-A4B-it")).toBe("apache-2.0");
    expect(licenseOf("unsloth/gemma-4-26B-A4B-it-GGUF")).toBe("apache-2.0");
    expect(licenseOf("google/gemma-3-4b-it")).toBe("gemma");
    expect(licenseOf("google/gemma-2-9b")).toBe("gemma");
    expect(licenseOf("unsloth/gemma-3-4b-it")).toBe("gemma");
  });
});
