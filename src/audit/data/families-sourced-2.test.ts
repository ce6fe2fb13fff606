/**
 * The second list of publishers' licences (families-sourced-2.ts): its entries through the knowledge base's own lookup
 * (`familyFor`), and its patterns on their own (each matches its id, and no id the publisher's page did not cover).
 */
import { describe, expect, it } from "vitest";
import { familyFor, licenseEntry } from "../knowledge.js";
import type { FamilyEntry } from "../terms.js";
import { SOURCED_FAMILIES_2 } from "./families-sourced-2.js";

/** The entries whose pattern matches an id (case-insensitive, as the knowledge base matches). */
function matches(id: string): FamilyEntry[] {
  return SOURCED_FAMILIES_2.filter((e) => new RegExp(e.pattern, e.caseSensitive ? "" : "i").test(id));
}

/** The one entry of this table's licence for an id, or undefined when none (or several) match. */
function licenseOf(id: string): string | undefined {
  const found = matches(id);
  return found.length === 1 ? found[0]?.license : undefined;
}

/** Each entry's own model id, in table order. */
const OWN_IDS = [
  "cross-encoder/ms-marco-MiniLM-L12-v2",
  "facebook/wav2vec2-xls-r-1b",
  "Alibaba-NLP/gte-large-en-v1.5",
  "almanach/camembert-base",
  "jinaai/jina-embeddings-v2-base-en",
  "Helsinki-NLP/opus-mt-en-fr",
  "Helsinki-NLP/opus-mt-en-de",
  "Helsinki-NLP/opus-mt-zh-en",
  "microsoft/Multilingual-MiniLM-L12-H384",
  "openai/clip-vit-large-patch14",
  "microsoft/kosmos-2.5",
  "stepfun-ai/GOT-OCR-2.0-hf",
  "numind/NuExtract-tiny",
  "lllyasviel/sd-controlnet-scribble",
  "tokyotech-llm/Swallow-MS-7b-v0.1",
  "lightblue/karasu-1.1B",
  "PRIME-RL/Eurus-2-7B-SFT",
  "beomi/KoAlpaca-Polyglot-5.8B",
  "NTQAI/chatntq-ja-7b-v1.0",
  "michaelwzhu/ChatMed-Consult",
  "NovaSky-AI/Sky-T1-32B-Preview",
  "TheBloke/MistralLite-7B-GGUF",
  "beowolx/CodeNinja-1.0-OpenChat-7B",
  "EleutherAI/llemma_7b",
  "ise-uiuc/Magicoder-S-DS-6.7B",
  "kyujinpy/Sakura-SOLAR-Instruct",
  "kyujinpy/KO-Platypus2-7B-ex",
  "internlm/internlm2-chat-1_8b",
] as const;

describe("licences read from publishers' pages (second list)", () => {
  it("every entry's licence is in the knowledge base and each entry quotes its source", () => {
    for (const e of SOURCED_FAMILIES_2) {
      expect(licenseEntry(e.license), e.family).toBeDefined();
      expect(e.official, e.family).toBe(true);
      expect(e.source, e.family).toMatch(/^https:\/\/(huggingface\.co|github\.com)\//);
      expect(e.note?.length ?? 0, e.family).toBeGreaterThan(5);
    }
  });

  it("patterns are unique and anchored", () => {
    const patterns = SOURCED_FAMILIES_2.map((e) => e.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const p of patterns) {
      expect(p.startsWith("^"), p).toBe(true);
      expect(p.endsWith("$"), p).toBe(true);
    }
  });

  it("each pattern matches its own id, and only that entry matches it", () => {
    expect(OWN_IDS.length).toBe(SOURCED_FAMILIES_2.length);
    SOURCED_FAMILIES_2.forEach((e, i) => {
      const id = OWN_IDS[i] ?? "";
      expect(new RegExp(e.pattern, "i").test(id), `${e.pattern} vs ${id}`).toBe(true);
      expect(matches(id), id).toHaveLength(1);
    });
  });

  it.each([
    ["Helsinki-NLP/opus-mt-en-fr", "apache-2.0", "allowed"],
    ["Helsinki-NLP/opus-mt-zh-en", "cc-by-4.0", "allowed"],
    ["openai/clip-vit-large-patch14", "mit", "allowed"],
    ["Alibaba-NLP/gte-large-en-v1.5", "apache-2.0", "allowed"],
    ["EleutherAI/llemma_7b", "llama2", "conditional"],
    ["ise-uiuc/Magicoder-S-DS-6.7B", "deepseek", "allowed"],
    ["kyujinpy/Sakura-SOLAR-Instruct", "cc-by-nc-sa-4.0", "not-allowed"],
    ["internlm/internlm2-chat-1_8b", "internlm", "conditional"],
    ["internlm/internlm2-1_8b", "internlm", "conditional"],
  ])("%s: %s (%s)", (id, license, commercial) => {
    expect(licenseOf(id)).toBe(license);
    expect(familyFor(id)?.license.id).toBe(license);
    expect(licenseEntry(license)?.commercial).toBe(commercial);
  });

  it("does not reach ids whose pages were not read", () => {
    // The old hyphenated cross-encoder name is already in the table; this entry covers only the renamed repo.
    expect(licenseOf("cross-encoder/ms-marco-MiniLM-L-12-v2")).toBeUndefined();
    // Other OPUS-MT pairs and CLIP sizes carry their own cards.
    expect(licenseOf("Helsinki-NLP/opus-mt-de-en")).toBeUndefined();
    expect(licenseOf("openai/clip-vit-large-patch14-336")).toBeUndefined();
    // InternLM2 7B/20B and 2.5 are covered elsewhere; this entry is the 1.8B size only.
    expect(licenseOf("internlm/internlm2-chat-7b")).toBeUndefined();
    // Quantised or sibling copies are not the publisher's page.
    expect(licenseOf("TheBloke/llemma_7b-GGUF")).toBeUndefined();
    expect(licenseOf("amazon/MistralLite")).toBeUndefined();
  });
});
