/**
 * The knowledge-base entries added at stop 34 (bespoke-licenses-2.ts, with families in families-sourced-restricted.ts
 * and families-regional.ts), each with a source pinned to a commit of its publisher's repository: found by name, by
 * the words of a card or licence file, by the publisher's model ids, and in the audit of a model derived from them.
 */
import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../../schema/lineage.js";
import { auditLineage } from "../audit-lineage.js";
import { familyFor, licenseEntry } from "../knowledge.js";
import { licenseOfFile, licensesInText } from "../license-text.js";

/** A GitHub file pinned to a commit. */
const PINNED = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/[0-9a-f]{40}\/\S+$/;

const licenseOf = (id: string): string | undefined => familyFor(id)?.license.id;

/** The verdict on a fine-tune of `base` published under `license` (a Hub id, or `other` with a name). */
async function verdictOn(base: string, license: string, licenseName?: string): Promise<string> {
  const doc: LineageDocument = {
    format: "ftl/v1",
    subject: { id: "someone/finetune", license, ...(licenseName ? { licenseName } : {}) },
    bases: [{ id: base }],
    steps: [],
  };
  return (await auditLineage(doc)).verdict.level;
}

describe("Coqui Public Model License 1.0.0 (XTTS)", () => {
  it("is found by its Hub name and by its words, and forbids commercial use", () => {
    const entry = licenseEntry("coqui-public-model-license");
    expect(entry?.commercial).toBe("not-allowed");
    expect(entry?.source).toMatch(PINNED);
    expect(licenseEntry("Coqui Public Model License")?.id).toBe("coqui-public-model-license");
    expect(
      licensesInText("This model is licensed under [Coqui Public Model License](https://coqui.ai/cpml).")[0]
        ?.entry.id,
    ).toBe("coqui-public-model-license");
    expect(licenseOfFile("# Coqui Public Model License 1.0.0\nhttps://coqui.ai/cpml.txt\n")?.entry.id).toBe(
      "coqui-public-model-license",
    );
  });

  it("is XTTS-v2's and XTTS-v1's family licence, and reaches no community copy", () => {
    expect(licenseOf("coqui/XTTS-v2")).toBe("coqui-public-model-license");
    expect(licenseOf("coqui/XTTS-v1")).toBe("coqui-public-model-license");
    expect(familyFor("coqui/XTTS-v2")?.entry.source).toMatch(PINNED);
    expect(licenseOf("someone/XTTS-v2-finetuned")).toBeUndefined();
  });

  it("makes a permissively relicensed fine-tune of XTTS-v2 not allowed for commercial use", async () => {
    expect(await verdictOn("coqui/XTTS-v2", "apache-2.0")).toBe("not-allowed");
  });
});

describe("Stability AI Community License", () => {
  it("is found by its Hub name and by its words, and allows commercial use on conditions (revenue below USD 1M)", () => {
    const entry = licenseEntry("stabilityai-ai-community");
    expect(entry?.commercial).toBe("conditional");
    expect(entry?.source).toMatch(PINNED);
    expect(entry?.limitations.join(" ")).toContain("USD $1,000,000 in annual revenue");
    expect(licenseEntry("Stability AI Community License")?.id).toBe("stabilityai-ai-community");
    expect(
      licensesInText(
        "Please note: This model is released under the [Stability Community License](https://x).",
      )[0]?.entry.id,
    ).toBe("stabilityai-ai-community");
    expect(
      licenseOfFile("STABILITY AI COMMUNITY LICENSE AGREEMENT\nLast Updated: July 5, 2024\n")?.entry.id,
    ).toBe("stabilityai-ai-community");
    // Stability's non-commercial research licence is another licence.
    expect(licensesInText("STABILITY AI NON-COMMERCIAL RESEARCH COMMUNITY LICENSE AGREEMENT")).toEqual([]);
  });

  it("is SD3.5 Large's, Large Turbo's and Stable Fast 3D's, not earlier generations' under other terms", () => {
    expect(licenseOf("stabilityai/stable-diffusion-3.5-large")).toBe("stabilityai-ai-community");
    expect(licenseOf("stabilityai/stable-diffusion-3.5-large-turbo")).toBe("stabilityai-ai-community");
    expect(licenseOf("stabilityai/stable-fast-3d")).toBe("stabilityai-ai-community");
    expect(licenseOf("stabilityai/sdxl-turbo")).toBe("sai-nc-community");
    expect(licenseOf("stabilityai/stable-diffusion-2-1")).toBe("openrail++");
    // SD3.5 Medium's licence was not read from a pinned page.
    expect(licenseOf("stabilityai/stable-diffusion-3.5-medium")).toBeUndefined();
  });

  it("allows a fine-tune of SD3.5 Large under the same licence, with its conditions", async () => {
    expect(
      await verdictOn("stabilityai/stable-diffusion-3.5-large", "other", "stabilityai-ai-community"),
    ).toBe("allowed");
  });
});

describe("Tencent Hunyuan Community License Agreement", () => {
  it("is found by its Hub name and by its words, with its territory, user threshold and use policy", () => {
    const entry = licenseEntry("tencent-hunyuan-community");
    expect(entry?.commercial).toBe("conditional");
    expect(entry?.userThreshold).toBe(100_000_000);
    expect(entry?.conditions).toEqual(
      expect.arrayContaining(["user-threshold", "use-restrictions", "no-improving-other-models"]),
    );
    expect(entry?.limitations.join(" ")).toContain("EUROPEAN UNION, UNITED KINGDOM AND SOUTH KOREA");
    expect(entry?.source).toMatch(PINNED);
    expect(
      licensesInText("Tencent Hunyuan is licensed under the Tencent Hunyuan Community License Agreement")[0]
        ?.entry.id,
    ).toBe("tencent-hunyuan-community");
    expect(
      licenseOfFile(
        "TENCENT HUNYUAN COMMUNITY LICENSE AGREEMENT\nTencent Hunyuan A13B Release Date: June 27, 2025\n",
      )?.entry.id,
    ).toBe("tencent-hunyuan-community");
  });

  it("is Hunyuan-A13B's, Hunyuan-Large's and HunyuanVideo's, and no other size or repository's", () => {
    expect(licenseOf("tencent/Hunyuan-A13B-Instruct")).toBe("tencent-hunyuan-community");
    expect(licenseOf("tencent/Hunyuan-A13B-Instruct-GPTQ-Int4")).toBe("tencent-hunyuan-community");
    expect(licenseOf("tencent/Tencent-Hunyuan-Large")).toBe("tencent-hunyuan-community");
    expect(licenseOf("tencent/HunyuanVideo")).toBe("tencent-hunyuan-community");
    // Sizes and repositories whose licence files were not read stay unknown.
    expect(licenseOf("tencent/Hunyuan-7B-Instruct")).toBeUndefined();
    expect(licenseOf("tencent/HunyuanVideo-I2V")).toBeUndefined();
  });

  it("allows a fine-tune of Hunyuan-A13B under the same licence, below its user threshold", async () => {
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "someone/finetune", license: "other", licenseName: "tencent-hunyuan-community" },
      bases: [{ id: "tencent/Hunyuan-A13B-Instruct" }],
      steps: [],
    };
    const report = await auditLineage(doc);
    expect(report.verdict.level).toBe("allowed");
    expect(report.verdict.reasons.join(" ")).toContain("100,000,000 monthly active users");
  });
});

describe("The aiXcoder Model License", () => {
  it("is found by its name and by the first line of MODEL_LICENSE, and forbids commercial use in its text", () => {
    const entry = licenseEntry("aiXcoder Model License");
    expect(entry?.id).toBe("aixcoder-model-license");
    expect(entry?.commercial).toBe("not-allowed");
    expect(entry?.source).toMatch(PINNED);
    expect(
      licenseOfFile(
        "The aiXcoder Model License\n\n1. Definitions\n\n“Licensor” means the aiXcoder Model Team",
      )?.entry.id,
    ).toBe("aixcoder-model-license");
  });

  it("is aiXcoder-7B base's family licence, and reaches no unread sibling", () => {
    expect(licenseOf("aiXcoder/aixcoder-7b-base")).toBe("aixcoder-model-license");
    expect(licenseOf("aiXcoder/aixcoder-7b-instruct")).toBeUndefined();
  });

  it("makes a permissively relicensed fine-tune of aiXcoder-7B not allowed for commercial use", async () => {
    expect(await verdictOn("aiXcoder/aixcoder-7b-base", "apache-2.0")).toBe("not-allowed");
  });
});
