/**
 * Knowledge-base breadth (families-breadth-2.ts): each added id resolves, through the knowledge base's own lookup,
 * to its publisher's licence as an official entry; neighbouring ids the pages did not cover do not reach these
 * entries; and a small derived document on one of them is audited end to end.
 */
import { describe, expect, it } from "vitest";
import { auditLineage } from "../audit-lineage.js";
import { familyFor, licenseEntry } from "../knowledge.js";
import { BREADTH_FAMILIES_2 } from "./families-breadth-2.js";

const ADDED: Record<string, string> = {
  "openai/clip-vit-base-patch32": "mit",
  "openai/clip-vit-base-patch16": "mit",
  "microsoft/git-base": "mit",
  "microsoft/git-base-coco": "mit",
  "facebook/hubert-base-ls960": "apache-2.0",
  "klue/bert-base": "cc-by-sa-4.0",
  "cl-tohoku/bert-base-japanese-v3": "apache-2.0",
  "tohoku-nlp/bert-base-japanese-v3": "apache-2.0",
  "tohoku-nlp/bert-large-japanese-char-v2": "apache-2.0",
  "Langboat/mengzi-bert-base": "apache-2.0",
  "microsoft/BiomedNLP-PubMedBERT-base-uncased-abstract-fulltext": "mit",
  "microsoft/BiomedNLP-PubMedBERT-base-uncased-abstract": "mit",
  "camembert-base": "mit",
  "ai4bharat/indic-bert": "mit",
};

describe("more official families (families-breadth-2)", () => {
  it.each(Object.entries(ADDED))("%s → %s, official, from this table", (id, license) => {
    const match = familyFor(id);
    expect(match?.license.id).toBe(license);
    expect(match?.entry.official).toBe(true);
    expect(BREADTH_FAMILIES_2).toContain(match?.entry);
  });

  it("every entry is anchored, sourced from the Hub, quotes its source and has a licence in the table", () => {
    for (const e of BREADTH_FAMILIES_2) {
      expect(e.pattern, e.family).toMatch(/^\^.*\$$/);
      expect(e.source, e.family).toMatch(/^https:\/\/huggingface\.co\/[\w.-]+/);
      expect(e.note?.length ?? 0, e.family).toBeGreaterThan(10);
      expect(licenseEntry(e.license), e.family).toBeDefined();
    }
  });

  it("does not reach neighbouring ids whose cards were not read or carry other terms", () => {
    const mine = (id: string) => BREADTH_FAMILIES_2.includes(familyFor(id)?.entry as never);
    for (const id of [
      "openai/clip-vit-large-patch14-336",
      "microsoft/git-large",
      "microsoft/git-base-textcaps-extra",
      "facebook/hubert-large-ll60k",
      "klue/roberta-large",
      "klue/bert-base-finetuned",
      "tohoku-nlp/bert-base-japanese-v2",
      "cl-tohoku/bert-base-japanese",
      "Langboat/mengzi-t5-base",
      "camembert-large",
      "someone/camembert-base",
      "ai4bharat/IndicBERTv2-MLM-only",
    ])
      expect(mine(id), id).toBe(false);
    // The earlier Tohoku generations are CC BY-SA 3.0: this entry must not give them Apache-2.0.
    expect(familyFor("tohoku-nlp/bert-base-japanese-v2")?.license.id).not.toBe("apache-2.0");
    // The org id keeps its own entry (first match), with the same licence as the legacy root id.
    expect(familyFor("almanach/camembert-base")?.license.id).toBe("mit");
  });
});

describe("a fine-tune of a KLUE base, audited end to end", () => {
  const audit = (license: string) =>
    auditLineage({
      format: "ftl/v1",
      subject: { id: "org/klue-bert-ner", license },
      bases: [{ id: "klue/bert-base" }],
      steps: [],
    });

  it("knows the base's licence, so the verdict is no longer unclear", async () => {
    const report = await audit("cc-by-sa-4.0");
    expect(report.verdict.level).toBe("allowed");
    expect(report.findings.find((f) => f.code === "license-conflict")).toBeUndefined();
  });

  it("flags a permissive relicence of the share-alike base as a licence conflict", async () => {
    const report = await audit("apache-2.0");
    expect(report.findings.map((f) => f.code)).toContain("license-conflict");
  });
});
