/**
 * The bespoke licences of bespoke-licenses-3.ts (Databricks Open Model License, XVERSE, Skywork Community, BAAI Aquila,
 * MiniMax Model License), each with a source pinned to a commit of its publisher's repository: found by name, by the
 * words of a card or licence file, by the publisher's model ids (families-breadth-3.ts), and in the audit of a model
 * derived from them.
 */
import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../../schema/lineage.js";
import { auditLineage } from "../audit-lineage.js";
import { familyFor, licenseEntry } from "../knowledge.js";
import { licenseOfFile, licensesInText } from "../license-text.js";

/** A GitHub file pinned to a commit. */
const PINNED = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/[0-9a-f]{40}\/\S+$/;

const licenseOf = (id: string): string | undefined => familyFor(id)?.license.id;
const named = (text: string): string | undefined => licensesInText(text)[0]?.entry.id;

async function report(base: string, license: string, licenseName?: string) {
  const doc: LineageDocument = {
    format: "ftl/v1",
    subject: { id: "someone/finetune", license, ...(licenseName ? { licenseName } : {}) },
    bases: [{ id: base }],
    steps: [],
  };
  return auditLineage(doc);
}
const audit = async (base: string, license: string, licenseName?: string) =>
  (await report(base, license, licenseName)).verdict;

describe("Databricks Open Model License (DBRX)", () => {
  it("is found by its id, its name and its words, with Llama's kind of user threshold", () => {
    const entry = licenseEntry("databricks-open-model-license");
    expect(entry?.commercial).toBe("conditional");
    expect(entry?.userThreshold).toBe(700_000_000);
    expect(entry?.conditions).toEqual(
      expect.arrayContaining(["user-threshold", "use-restrictions", "no-improving-other-models"]),
    );
    expect(entry?.source).toMatch(PINNED);
    expect(licenseEntry("Databricks Open Model License")?.id).toBe("databricks-open-model-license");
    expect(
      named(
        "* **License:** [Databricks Open Model License](https://www.databricks.com/legal/open-model-license)",
      ),
    ).toBe("databricks-open-model-license");
    expect(named("The [Databricks Open Source License](https://x) can be found at [LICENSE](LICENSE)")).toBe(
      "databricks-open-model-license",
    );
    expect(licenseOfFile("Databricks Open Model License\n\nBy using, reproducing, modifying")?.entry.id).toBe(
      "databricks-open-model-license",
    );
  });

  it("is DBRX Base's and Instruct's family licence, and no community copy's", () => {
    expect(licenseOf("databricks/dbrx-instruct")).toBe("databricks-open-model-license");
    expect(licenseOf("databricks/dbrx-base")).toBe("databricks-open-model-license");
    expect(familyFor("databricks/dbrx-base")?.entry.official).toBe(true);
    expect(licenseOf("mlx-community/dbrx-instruct-4bit")).not.toBe("databricks-open-model-license");
  });

  it("allows a fine-tune of DBRX Instruct under the same licence, below its user threshold", async () => {
    const verdict = await audit("databricks/dbrx-instruct", "other", "databricks-open-model-license");
    expect(verdict.level).toBe("allowed");
    expect(verdict.reasons.join(" ")).toContain("700,000,000 monthly active users");
  });
});

describe("XVERSE model licence (元象 XVERSE 大模型许可协议)", () => {
  it("is found by its name and its file's first line, with commercial use on registration", () => {
    const entry = licenseEntry("xverse-model-license");
    expect(entry?.commercial).toBe("conditional");
    expect(entry?.limitations.join(" ")).toContain("您仅能基于非商业用途使用此许可");
    expect(entry?.source).toMatch(PINNED);
    expect(licenseEntry("元象 XVERSE 大模型许可协议")?.id).toBe("xverse-model-license");
    expect(named("使用 XVERSE-7B 的模型权重则需要遵循 XVERSE 大模型许可协议。")).toBe("xverse-model-license");
    expect(licenseOfFile("            元象 XVERSE 大模型许可协议\n\n  前言\n")?.entry.id).toBe(
      "xverse-model-license",
    );
  });

  it("is XVERSE-7B's, 13B's and 65B's, not the MoE or vision models'", () => {
    expect(licenseOf("xverse/XVERSE-7B-Chat")).toBe("xverse-model-license");
    expect(licenseOf("xverse/XVERSE-13B")).toBe("xverse-model-license");
    expect(licenseOf("xverse/XVERSE-65B-Chat")).toBe("xverse-model-license");
    expect(licenseOf("xverse/XVERSE-MoE-A4.2B")).toBeUndefined();
    expect(licenseOf("xverse/XVERSE-V-13B")).toBeUndefined();
  });

  it("keeps its conditions on a fine-tune of XVERSE-7B, and raises a conflict when it is relicensed Apache-2.0", async () => {
    const relicensed = await report("xverse/XVERSE-7B", "apache-2.0");
    expect(relicensed.verdict.reasons).toContain("keeping the conditions of xverse-model-license");
    expect(relicensed.findings.map((f) => f.code)).toContain("license-conflict");
    const kept = await report("xverse/XVERSE-7B", "other", "xverse-model-license");
    expect(kept.findings.map((f) => f.code)).not.toContain("license-conflict");
  });
});

describe("Skywork Community License (Skywork-13B)", () => {
  it("is found by its name and its file's first line, and allows commercial use", () => {
    const entry = licenseEntry("Skywork Community License");
    expect(entry?.id).toBe("skywork-community-license");
    expect(entry?.commercial).toBe("allowed");
    expect(entry?.conditions).toContain("attribution-display");
    expect(entry?.source).toMatch(PINNED);
    expect(
      named("The community usage of Skywork model requires [Skywork Community License](https://x)."),
    ).toBe("skywork-community-license");
    expect(licenseOfFile("Skywork Community License\nI. Definition\n")?.entry.id).toBe(
      "skywork-community-license",
    );
  });

  it("is Skywork-13B's, not a later Skywork model's", () => {
    expect(licenseOf("Skywork/Skywork-13B-Base")).toBe("skywork-community-license");
    expect(licenseOf("Skywork/Skywork-13B-Math")).toBe("skywork-community-license");
    expect(licenseOf("Skywork/Skywork-13B-Base-8bits")).toBe("skywork-community-license");
    expect(licenseOf("Skywork/Skywork-MoE-Base")).toBeUndefined();
    expect(licenseOf("Skywork/Skywork-o1-Open-Llama-3.1-8B")).not.toBe("skywork-community-license");
  });

  it("allows a fine-tune of Skywork-13B under the same licence", async () => {
    expect((await audit("Skywork/Skywork-13B-Base", "other", "skywork-community-license")).level).toMatch(
      /^allowed/,
    );
  });
});

describe("BAAI Aquila Model License Agreement", () => {
  it("is found by its names in English and Chinese, and allows commercial use", () => {
    const entry = licenseEntry("baai-aquila-model-license");
    expect(entry?.commercial).toBe("allowed");
    expect(entry?.source).toMatch(PINNED);
    expect(licenseEntry("BAAI Aquila Model License Agreement")?.id).toBe("baai-aquila-model-license");
    expect(named("the model weight is based on the [BAAI Aquila Model License Agreement](../x.pdf).")).toBe(
      "baai-aquila-model-license",
    );
    expect(named("模型权重基于[《智源Aquila系列模型许可协议》](../x.pdf)")).toBe("baai-aquila-model-license");
    // Aquila2's licence is another text.
    expect(named("BAAI Aquila2 Model License Agreement")).toBeUndefined();
  });

  it("is the first Aquila generation's, not Aquila2's", () => {
    expect(licenseOf("BAAI/Aquila-7B")).toBe("baai-aquila-model-license");
    expect(licenseOf("BAAI/AquilaChat-7B")).toBe("baai-aquila-model-license");
    expect(licenseOf("BAAI/AquilaCode-py")).toBe("baai-aquila-model-license");
    expect(licenseOf("BAAI/Aquila2-7B")).toBeUndefined();
    expect(licenseOf("BAAI/AquilaChat2-34B")).toBeUndefined();
  });

  it("allows a fine-tune of AquilaChat-7B under the same licence", async () => {
    expect((await audit("BAAI/AquilaChat-7B", "other", "baai-aquila-model-license")).level).toMatch(
      /^allowed/,
    );
  });
});

describe("MiniMax Model License", () => {
  it("is found by its name and its file's first line, and allows commercial use with its prohibited uses", () => {
    const entry = licenseEntry("minimax-model-license");
    expect(entry?.commercial).toBe("allowed");
    expect(entry?.conditions).toContain("use-restrictions");
    expect(entry?.source).toMatch(PINNED);
    expect(named("MiniMax AI model is licensed under the MiniMax Model License, Copyright © MiniMax.")).toBe(
      "minimax-model-license",
    );
    expect(licenseOfFile("\nMINIMAX MODEL LICENSE\n\nModel Release Date: 15 January 2025\n")?.entry.id).toBe(
      "minimax-model-license",
    );
  });

  it("is MiniMax-Text-01's and MiniMax-VL-01's, not a later generation's", () => {
    expect(licenseOf("MiniMaxAI/MiniMax-Text-01")).toBe("minimax-model-license");
    expect(licenseOf("MiniMaxAI/MiniMax-VL-01")).toBe("minimax-model-license");
    expect(licenseOf("MiniMaxAI/MiniMax-Text-01-hf")).toBe("minimax-model-license");
    expect(licenseOf("MiniMaxAI/MiniMax-M1-80k")).toBeUndefined();
  });

  it("allows a fine-tune of MiniMax-Text-01 under the same licence", async () => {
    expect((await audit("MiniMaxAI/MiniMax-Text-01", "other", "minimax-model-license")).level).toMatch(
      /^allowed/,
    );
  });
});
