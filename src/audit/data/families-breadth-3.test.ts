/**
 * Knowledge-base breadth (families-breadth-3.ts): each added id resolves, through the knowledge base's own lookup,
 * to its publisher's licence as an official entry of this table; neighbouring generations, sizes and variants the
 * sources did not cover do not reach these entries; and small derived documents are audited end to end.
 */
import { describe, expect, it } from "vitest";
import { auditLineage } from "../audit-lineage.js";
import { familyFor, licenseEntry } from "../knowledge.js";
import { BREADTH_FAMILIES_3 } from "./families-breadth-3.js";

const ADDED: Record<string, string> = {
  "deepseek-ai/Janus-Pro-7B": "deepseek",
  "deepseek-ai/Janus-Pro-1B": "deepseek",
  "deepseek-ai/JanusFlow-1.3B": "deepseek",
  "zai-org/GLM-4.5-Air": "mit",
  "zai-org/GLM-4.5": "mit",
  "zai-org/GLM-4.5-Air-Base": "mit",
  "THUDM/GLM-4.5-Air": "mit",
  "internlm/internlm-xcomposer2-vl-7b": "internlm",
  "OpenGVLab/InternVL2-8B": "mit",
  "fnlp/moss-moon-003-sft": "agpl-3.0",
  "fnlp/moss-moon-003-base": "agpl-3.0",
  "berkeley-nest/Starling-LM-7B-alpha": "apache-2.0",
  "argilla/notus-7b-v1": "mit",
  "rinna/japanese-gpt-neox-3.6b-instruction-sft": "mit",
  "llm-jp/llm-jp-3-1.8b": "apache-2.0",
  "openbmb/MiniCPM-2B-sft-bf16": "apache-2.0",
  "openbmb/MiniCPM-V-2_6": "apache-2.0",
  "apple/DCLM-7B": "apple-ascl",
  "adept/fuyu-8b": "cc-by-nc-4.0",
  "moonshotai/Moonlight-16B-A3B-Instruct": "mit",
  "ByteDance-Seed/Seed-OSS-36B-Instruct": "apache-2.0",
};

const mine = (id: string): boolean => BREADTH_FAMILIES_3.includes(familyFor(id)?.entry as never);

describe("more official families (families-breadth-3)", () => {
  it.each(Object.entries(ADDED))("%s → %s, official, from this table", (id, license) => {
    const match = familyFor(id);
    expect(match?.license.id).toBe(license);
    expect(match?.entry.official).toBe(true);
    expect(mine(id)).toBe(true);
  });

  it("every entry is anchored, sourced, quotes its source and has a licence in the table", () => {
    for (const e of BREADTH_FAMILIES_3) {
      expect(e.pattern, e.family).toMatch(/^\^.*\$$/);
      expect(e.source, e.family).toMatch(/^https:\/\//);
      expect(e.note?.length ?? 0, e.family).toBeGreaterThan(10);
      expect(licenseEntry(e.license), e.family).toBeDefined();
    }
  });

  it("does not reach neighbouring generations, sizes or variants whose cards were not read or carry other terms", () => {
    for (const id of [
      "deepseek-ai/deepseek-vl-7b-chat",
      "zai-org/GLM-4.5V",
      "zai-org/GLM-4.6",
      "internlm/internlm-xcomposer2d5-7b",
      "OpenGVLab/InternVL2-76B",
      "OpenGVLab/InternVL2-4B",
      "OpenGVLab/InternVL2_5-8B",
      "OpenGVLab/InternVL3-8B",
      "fnlp/moss-moon-003-sft-plugin-v2",
      "Nexusflow/Starling-LM-7B-beta",
      "rinna/japanese-gpt-neox-3.6b",
      "llm-jp/llm-jp-3-1.8b-instruct",
      "llm-jp/llm-jp-3-172b-beta1",
      "sbintuitions/sarashina2.2-0.5b",
      "sbintuitions/sarashina2-8x70b",
      "openbmb/MiniCPM-Llama3-V-2_5",
      "apple/DCLM-1B",
      "moonshotai/Kimi-K2-Instruct",
      "ByteDance-Seed/Seed-Coder-8B-Instruct",
      "someone/fuyu-8b",
    ])
      expect(mine(id), id).toBe(false);
    // Earlier entries keep their own terms.
    expect(familyFor("deepseek-ai/deepseek-vl-7b-chat")?.license.id).toBe("deepseek");
    expect(familyFor("moonshotai/Kimi-K2-Instruct")?.license.id).toBe("modified-mit");
  });
});

describe("fine-tunes of bases from this table, audited end to end", () => {
  const audit = (base: string, license: string) =>
    auditLineage({
      format: "ftl/v1",
      subject: { id: `org/${base.split("/")[1]}-ft`, license },
      bases: [{ id: base }],
      steps: [],
    });

  it("knows GLM-4.5-Air's MIT licence, so an MIT fine-tune is allowed", async () => {
    const report = await audit("zai-org/GLM-4.5-Air", "mit");
    expect(report.verdict.level).toBe("allowed");
  });

  it("carries Fuyu-8B's non-commercial licence into a fine-tune relicensed as Apache-2.0", async () => {
    const report = await audit("adept/fuyu-8b", "apache-2.0");
    expect(report.verdict.level).toBe("not-allowed");
  });
});
