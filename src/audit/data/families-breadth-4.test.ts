/**
 * Knowledge-base breadth (families-breadth-4.ts): each added id resolves, through the knowledge base's own lookup,
 * to its publisher's licence as an official entry of this table; neighbouring sizes, variants and checkpoints the
 * sources did not cover do not reach these entries, and ids earlier tables knew keep their terms; and small derived
 * documents are audited end to end.
 */
import { describe, expect, it } from "vitest";
import { auditLineage } from "../audit-lineage.js";
import { familyFor, licenseEntry } from "../knowledge.js";
import { BREADTH_FAMILIES_4 } from "./families-breadth-4.js";

const ADDED: Record<string, string> = {
  "facebook/wav2vec2-base": "apache-2.0",
  "distil-whisper/distil-small.en": "mit",
  "MCG-NJU/videomae-base": "cc-by-nc-4.0",
  "microsoft/swin-tiny-patch4-window7-224": "apache-2.0",
  "facebook/convnext-tiny-224": "apache-2.0",
  "facebook/deit-base-patch16-224": "apache-2.0",
  "facebook/deit-tiny-patch16-224": "apache-2.0",
  "microsoft/beit-base-patch16-224-pt22k-ft22k": "apache-2.0",
  "microsoft/beit-base-patch16-224-pt22k": "apache-2.0",
  "facebook/vit-mae-base": "apache-2.0",
  "facebook/dino-vits16": "apache-2.0",
  "google/efficientnet-b0": "apache-2.0",
  "facebook/detr-resnet-101": "apache-2.0",
  "hustvl/yolos-tiny": "apache-2.0",
  "stabilityai/stable-diffusion-2": "openrail++",
  "stabilityai/stable-diffusion-2-base": "openrail++",
  "microsoft/layoutlm-base-uncased": "mit",
  "microsoft/layoutxlm-base": "cc-by-nc-sa-4.0",
  "microsoft/MiniLM-L12-H384-uncased": "mit",
  "xlnet/xlnet-base-cased": "mit",
  "xlnet-base-cased": "mit",
  "answerdotai/ModernBERT-large": "apache-2.0",
  "Alibaba-NLP/gte-base-en-v1.5": "apache-2.0",
  "Alibaba-NLP/gte-multilingual-base": "apache-2.0",
  "Alibaba-NLP/gte-multilingual-mlm-base": "apache-2.0",
  "Snowflake/snowflake-arctic-embed-l-v2.0": "apache-2.0",
  "Snowflake/snowflake-arctic-embed-m-v2.0": "apache-2.0",
  "deepset/roberta-base-squad2": "cc-by-4.0",
  "deepset/roberta-large-squad2": "cc-by-4.0",
  "deepset/tinyroberta-squad2": "cc-by-4.0",
  "deepset/xlm-roberta-base-squad2": "cc-by-4.0",
  "deepset/xlm-roberta-large-squad2": "cc-by-4.0",
  "deepset/gbert-base": "mit",
  "deepset/gbert-large": "mit",
  "dbmdz/bert-base-turkish-cased": "mit",
  "dbmdz/bert-base-turkish-uncased": "mit",
  "hfl/chinese-bert-wwm": "apache-2.0",
  "google/muril-base-cased": "apache-2.0",
  "Helsinki-NLP/opus-mt-en-ROMANCE": "apache-2.0",
  "Helsinki-NLP/opus-mt-ROMANCE-en": "apache-2.0",
  "Salesforce/codet5p-220m": "bsd-3-clause",
  "Salesforce/codet5p-2b": "bsd-3-clause",
};

const mine = (id: string): boolean => BREADTH_FAMILIES_4.includes(familyFor(id)?.entry as never);

describe("more official families (families-breadth-4)", () => {
  it.each(Object.entries(ADDED))("%s → %s, official, from this table", (id, license) => {
    const match = familyFor(id);
    expect(match?.license.id).toBe(license);
    expect(match?.entry.official).toBe(true);
    expect(mine(id)).toBe(true);
  });

  it("every entry is anchored, sourced, quotes its source and has a licence in the table", () => {
    for (const e of BREADTH_FAMILIES_4) {
      expect(e.pattern, e.family).toMatch(/^\^.*\$$/);
      expect(e.source, e.family).toMatch(/^https:\/\//);
      expect(e.note?.length ?? 0, e.family).toBeGreaterThan(10);
      expect(licenseEntry(e.license), e.family).toBeDefined();
    }
  });

  it("does not reach neighbouring sizes, variants or checkpoints whose pages were not read", () => {
    for (const id of [
      "facebook/wav2vec2-base-100h",
      "someone/wav2vec2-base",
      "distil-whisper/distil-medium.en",
      "MCG-NJU/videomae-large",
      "MCG-NJU/videomae-base-finetuned-kinetics",
      "microsoft/swin-small-patch4-window7-224",
      "microsoft/swinv2-tiny-patch4-window8-256",
      "facebook/convnext-large-224",
      "facebook/deit-small-patch16-224",
      "facebook/deit-base-distilled-patch16-224",
      "microsoft/beit-base-patch16-224",
      "microsoft/beit-large-patch16-224-pt22k-ft22k",
      "facebook/vit-mae-large",
      "facebook/dino-vitb16",
      "google/efficientnet-b7",
      "facebook/detr-resnet-101-dc5",
      "hustvl/yolos-small",
      "stabilityai/stable-diffusion-2-inpainting",
      "stabilityai/stable-diffusion-2-depth",
      "microsoft/layoutlm-large-uncased",
      "microsoft/layoutxlm-large",
      "microsoft/MiniLM-L6-H384-uncased",
      "xlnet/xlnet-large-cased",
      "Alibaba-NLP/gte-reranker-modernbert-base",
      "Snowflake/snowflake-arctic-embed-m-v1.5",
      "deepset/roberta-base-squad2-distilled",
      "deepset/deberta-v3-large-squad2",
      "deepset/gelectra-large",
      "dbmdz/bert-base-turkish-128k-cased",
      "hfl/chinese-macbert-large",
      "google/muril-large-cased",
      "Helsinki-NLP/opus-mt-en-es",
      "Salesforce/codet5p-770m",
    ])
      expect(mine(id), id).toBe(false);
  });

  it("leaves ids that earlier tables knew with their own terms", () => {
    const known: Record<string, string> = {
      "facebook/wav2vec2-base-960h": "apache-2.0",
      "distil-whisper/distil-large-v3": "mit",
      "microsoft/swin-base-patch4-window7-224": "apache-2.0",
      "facebook/convnext-base-224": "apache-2.0",
      "facebook/dinov2-small": "apache-2.0",
      "facebook/detr-resnet-50": "apache-2.0",
      "stabilityai/stable-diffusion-2-1": "openrail++",
      "stabilityai/stable-diffusion-2-1-base": "openrail++",
      "microsoft/layoutlmv3-base": "cc-by-nc-sa-4.0",
      "answerdotai/ModernBERT-base": "apache-2.0",
      "Alibaba-NLP/gte-large-en-v1.5": "apache-2.0",
      "Snowflake/snowflake-arctic-embed-m": "apache-2.0",
      "hfl/chinese-bert-wwm-ext": "apache-2.0",
      "Helsinki-NLP/opus-mt-en-de": "cc-by-4.0",
      "Salesforce/codet5-base": "apache-2.0",
    };
    for (const [id, license] of Object.entries(known)) {
      expect(familyFor(id)?.license.id, id).toBe(license);
      expect(mine(id), id).toBe(false);
    }
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

  it("knows wav2vec 2.0 Base's Apache-2.0 licence, so an Apache-2.0 fine-tune is allowed", async () => {
    const report = await audit("facebook/wav2vec2-base", "apache-2.0");
    expect(report.verdict.level).toBe("allowed");
  });

  it("carries VideoMAE base's non-commercial licence into a fine-tune relicensed as MIT", async () => {
    const report = await audit("MCG-NJU/videomae-base", "mit");
    expect(report.verdict.level).toBe("not-allowed");
  });
});
