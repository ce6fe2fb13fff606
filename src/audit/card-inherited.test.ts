import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { describesOriginal, inheritedFromBase, placeholderName } from "./card-inherited.js";
import type { Reach } from "./collect-ancestors.js";
import { familyFor } from "./knowledge.js";

const doc = (license: string | undefined, bases: string[]): LineageDocument =>
  ({
    schema: "ftl/v1",
    subject: { id: "org/translator", ...(license ? { license } : {}) },
    bases: bases.map((id) => ({ id })),
    steps: [],
  }) as unknown as LineageDocument;

describe("a licence inherited from the base model", () => {
  it("gives the card's declared licence to its bases, quoting the line", () => {
    const found = inheritedFromBase(doc("cc-by-nc-4.0", ["someone/kbd-v0.1"]), [
      "- **License:** CC-BY-NC (inherited from base model)",
    ]);
    expect(found).toMatchObject({ license: "cc-by-nc-4.0", bases: new Set(["someone/kbd-v0.1"]) });
    expect(found?.quote).toContain("inherited from base model");
  });

  it("needs the words, a declared licence and a base", () => {
    expect(inheritedFromBase(doc("mit", ["a/b"]), ["License: MIT"])).toBeUndefined();
    expect(inheritedFromBase(doc(undefined, ["a/b"]), ["(inherited from base model)"])).toBeUndefined();
    expect(inheritedFromBase(doc("mit", []), ["(inherited from base model)"])).toBeUndefined();
  });

  it("audits an unknown base as holding that licence, inferred (not an unknown ancestor licence)", async () => {
    const report = await auditLineage(doc("cc-by-nc-4.0", ["someone/kbd-v0.1"]), {
      cardText: "# Kabardian translator\n\n- **License:** CC-BY-NC (inherited from base model)\n",
    });
    const base = report.ancestors.find((a) => a.id === "someone/kbd-v0.1");
    expect(base?.license).toBe("cc-by-nc-4.0");
    expect(report.findings.some((f) => f.code === "unknown-license" && f.ancestor?.id === base?.id)).toBe(
      false,
    );
    expect(report.findings.some((f) => f.code === "inferred-license" && f.ancestor?.id === base?.id)).toBe(
      true,
    );
  });
});

describe("the template's placeholder name", () => {
  it("is the name a card titled 'Model Card for Model ID' gives its model", () => {
    expect(placeholderName("Model Card for Model ID")).toEqual([
      "Model ID (the template's placeholder name)",
    ]);
    expect(placeholderName("Model Card for Llama-3-8B-law")).toEqual([]);
    expect(placeholderName(undefined)).toEqual([]);
  });

  it("is judged by the Llama 3 name rule", async () => {
    const adapter = {
      schema: "ftl/v1",
      subject: { id: "unknown", provenance: { source: "inferred", confidence: 0 } },
      bases: [{ id: "meta-llama/Meta-Llama-3-8B-Instruct" }],
      steps: [
        {
          kind: "fine-tune",
          id: "lora",
          inputs: { models: [{ id: "meta-llama/Meta-Llama-3-8B-Instruct" }] },
          output: { id: "unknown" },
        },
      ],
    } as unknown as LineageDocument;
    const report = await auditLineage(adapter, {
      cardText:
        "---\nlibrary_name: peft\n---\n\n# Model Card for Model ID\n\n- **License:** [More Information Needed]\n",
    });
    expect(report.findings.find((f) => f.code === "naming-rule")?.message).toContain("Model ID");
    const plain = await auditLineage(adapter, { cardText: "Some notes about an adapter.\n" });
    expect(plain.findings.some((f) => f.code === "naming-unchecked")).toBe(true);
  });
});

describe("a re-upload's card describing its original's training", () => {
  const reach = (id: string) => ({ kind: "model", id, family: familyFor(id) }) as unknown as Reach;
  it("is a card titled with a quantisation format over official releases or their re-uploads", () => {
    const body = "# Qwen2.5 72B Instruct GGUF\n\nThe tuned versions use SFT and RLHF.\n";
    expect(describesOriginal(body, [reach("unsloth/Qwen2.5-72B-Instruct-bnb-4bit")])).toBe(true);
    expect(describesOriginal(body, [reach("meta-llama/Llama-3.2-1B-Instruct")])).toBe(true);
  });
  it("is not a community fine-tune's, nor a card without a quantised title", () => {
    expect(describesOriginal("# My-Model GGUF\n", [reach("someone/Llama-3-8B-Instruct-v0.9")])).toBe(false);
    expect(describesOriginal("# Qwen2.5 72B chat\n", [reach("Qwen/Qwen2.5-72B-Instruct")])).toBe(false);
    expect(describesOriginal("# Model GGUF\n", [])).toBe(false);
    // A training walkthrough whose later heading names a tool, and a title about training, are not re-uploads.
    const official = [reach("meta-llama/Llama-3.2-1B-Instruct")];
    expect(describesOriginal("# TechNavi LoRA tuning\n\n# 2. MLX install\n", official)).toBe(false);
    expect(describesOriginal("# Llama 3.2 1B MLX LoRA fine-tune\n", official)).toBe(false);
    expect(describesOriginal("# Intro\n\n# unsloth/Llama-3.2-1B-Instruct-bnb-4bit\n", official)).toBe(true);
  });
});
