import { describe, expect, it } from "vitest";
import { familyFor, licenseEntry } from "../knowledge.js";
import { REGIONAL_FAMILIES } from "./families-regional.js";

const licenseOf = (id: string): string | undefined => familyFor(id)?.entry.license;

describe("official base-model families of regional publishers (kb-bases)", () => {
  it("maps each new family's ids to its publisher's licence", () => {
    const expected: Record<string, string> = {
      "THUDM/chatglm-6b": "chatglm-6b",
      "THUDM/chatglm3-6b": "chatglm3-6b",
      "THUDM/chatglm3-6b-base": "chatglm3-6b",
      "zai-org/chatglm3-6b-32k": "chatglm3-6b",
      "baichuan-inc/Baichuan2-7B-Base": "baichuan2",
      "baichuan-inc/Baichuan2-13B-Chat": "baichuan2",
      "baichuan-inc/Baichuan-13B-Base": "baichuan-13b",
      "baichuan-inc/Baichuan-13B-Chat": "baichuan-13b",
      "baichuan-inc/Baichuan-7B": "baichuan-7b",
      "Shanghai_AI_Laboratory/internlm2-chat-7b": "internlm",
      "Shanghai_AI_Laboratory/internlm2_5-7b-chat": "apache-2.0",
      "EleutherAI/polyglot-ko-1.3b": "apache-2.0",
      "EleutherAI/polyglot-ko-12.8b": "apache-2.0",
      "skt/kogpt2-base-v2": "cc-by-nc-sa-4.0",
      "kakaobrain/kogpt": "cc-by-nc-nd-4.0",
      "rinna/japanese-gpt2-medium": "mit",
      "cyberagent/open-calm-7b": "cc-by-sa-4.0",
      "cyberagent/open-calm-small": "cc-by-sa-4.0",
      "Rakuten/RakutenAI-7B": "apache-2.0",
      "Rakuten/RakutenAI-7B-chat": "apache-2.0",
      "LeoLM/leo-hessianai-7b": "llama2",
      "LeoLM/leo-hessianai-13b-chat": "llama2",
      "neuralmind/bert-base-portuguese-cased": "mit",
      "neuralmind/bert-large-portuguese-cased": "mit",
      "hfl/chinese-macbert-base": "apache-2.0",
      "hfl/chinese-roberta-wwm-ext": "apache-2.0",
      "hfl/chinese-bert-wwm-ext": "apache-2.0",
      "facebook/wav2vec2-base-960h": "apache-2.0",
      "facebook/wav2vec2-large-960h-lv60": "apache-2.0",
      "cross-encoder/ms-marco-MiniLM-L-6-v2": "apache-2.0",
      "cross-encoder/ms-marco-MiniLM-L-12-v2": "apache-2.0",
      "nlptown/bert-base-multilingual-uncased-sentiment": "mit",
    };
    for (const [id, license] of Object.entries(expected)) {
      expect(licenseOf(id), id).toBe(license);
      expect(familyFor(id)?.entry.official, id).toBe(true);
    }
  });

  it("keeps generation neighbours with other terms apart", () => {
    // ChatGLM: three generations, three licences.
    expect(licenseOf("THUDM/chatglm-6b")).toBe("chatglm-6b");
    expect(licenseOf("THUDM/chatglm2-6b")).toBe("chatglm2-6b");
    expect(licenseOf("THUDM/chatglm3-6b")).toBe("chatglm3-6b");
    expect(licenseOf("THUDM/glm-4-9b-chat")).toBe("glm-4");
    // Baichuan: first generation (7B, 13B) vs Baichuan 2.
    expect(licenseOf("baichuan-inc/Baichuan-7B")).toBe("baichuan-7b");
    expect(licenseOf("baichuan-inc/Baichuan2-7B-Chat")).toBe("baichuan2");
    expect(licenseOf("baichuan-inc/Baichuan-13B-Chat")).toBe("baichuan-13b");
    expect(licenseOf("baichuan-inc/Baichuan2-13B-Base")).toBe("baichuan2");
    // InternLM2 (weights on application) vs InternLM2.5 / InternLM3 (Apache-2.0), on both hubs.
    expect(licenseOf("internlm/internlm2-chat-7b")).toBe("internlm");
    expect(licenseOf("internlm/internlm3-8b-instruct")).toBe("apache-2.0");
    expect(licenseOf("Shanghai_AI_Laboratory/internlm2-7b")).toBe("internlm");
    expect(licenseOf("Shanghai_AI_Laboratory/internlm3-8b-instruct")).toBe("apache-2.0");
    // Names that only look alike are not captured.
    expect(licenseOf("hfl/chinese-llama-2-7b")).not.toBe("apache-2.0");
    expect(licenseOf("Rakuten/RakutenAI-2.0-8x7B")).toBeUndefined();
    // A community id that embeds the family's name gets its licence only as an inference (REGIONAL_COPIES, stop 27),
    // never from the official entry.
    expect(familyFor("someone/chatglm3-6b-finetune")?.entry).toMatchObject({
      license: "chatglm3-6b",
      official: false,
    });
  });

  it("describes the bespoke licences as commercial use after registration", () => {
    for (const id of ["chatglm3-6b", "baichuan-7b", "baichuan-13b", "baichuan2"]) {
      const entry = licenseEntry(id);
      expect(entry?.commercial, id).toBe("conditional");
      expect(entry?.limitations.length, id).toBeGreaterThan(0);
      expect(entry?.source, id).toMatch(/^https:\/\//);
    }
    expect(licenseEntry("Community License for Baichuan 2 Model")?.id).toBe("baichuan2");
  });

  it("every new family entry has an https source and a known licence", () => {
    for (const f of REGIONAL_FAMILIES) {
      expect(f.source, f.family).toMatch(/^https:\/\//);
      expect(licenseEntry(f.license), f.family).toBeDefined();
      expect(f.official, f.family).toBe(true);
    }
  });
});
