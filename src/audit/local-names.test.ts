import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { basesInProse, modelIdFrom } from "./card-text.js";
import { familyFor, localNames } from "./knowledge.js";

describe("a model id keeps its underscores when a card's prose names it", () => {
  it("strips emphasis marks, not an underscore inside the id", () => {
    expect(modelIdFrom("allenai/scibert_scivocab_uncased")).toBe("allenai/scibert_scivocab_uncased");
    expect(modelIdFrom("_allenai/scibert_scivocab_uncased_")).toBe("allenai/scibert_scivocab_uncased");
    expect(modelIdFrom("**EleutherAI/llemma_7b**")).toBe("EleutherAI/llemma_7b");
  });

  it("reads a Sentence Transformers title's base as the id the front matter gives", () => {
    const bases = basesInProse("# SentenceTransformer based on allenai/scibert_scivocab_uncased\n");
    expect(bases.map((b) => b.id)).toEqual(["allenai/scibert_scivocab_uncased"]);
  });
});

describe("a local folder's name as a family (inferred)", () => {
  it("tries the last two folders as org/name, then the last, with ModelScope's and underscores' spellings", () => {
    expect(localNames("local:/root/.cache/modelscope/hub/qwen/Qwen2___5-0___5B-Instruct")).toContain(
      "qwen/Qwen2.5-0.5B-Instruct",
    );
    expect(localNames("local:D:\\models\\ChatGLM3_6B")).toContain("ChatGLM3-6B");
    expect(localNames("local:./Shanghai_AI_Laboratory/internlm2_5-20b-chat")[0]).toBe(
      "Shanghai_AI_Laboratory/internlm2_5-20b-chat",
    );
    expect(
      localNames(
        "local:C:\\Users\\u\\.cache\\huggingface\\hub\\models--fnlp--cpt-large\\snapshots\\f07323ad",
      ),
    ).toEqual(["fnlp/cpt-large"]);
  });

  it("matches a family through a folder name, never as the official entry", () => {
    const qwen = familyFor("local:/root/autodl-tmp/modelscope/hub/qwen/Qwen2___5-0___5B-Instruct");
    expect(qwen?.entry.family).toBe("Qwen2.5");
    expect(qwen?.entry.official).toBe(false);
    expect(familyFor("local:/data/ChatGLM3_6B")?.license.id).toBe("chatglm3-6b");
    expect(familyFor("local:./Shanghai_AI_Laboratory/internlm2_5-20b-chat")?.license.id).toBe("apache-2.0");
  });

  it("does not read a run's own output folder, and names nothing from a folder that names no family", () => {
    expect(familyFor("local:models/llama3_lora_sft", false)).toBeUndefined();
    expect(familyFor("local:./outputs/out")).toBeUndefined();
    expect(familyFor("local:/root/autodl-tmp/model/Qwen25_1_5b")).toBeUndefined();
  });

  it("audits a fine-tune of a ModelScope download under the family's licence, inferred", async () => {
    const base = "local:/root/autodl-tmp/modelscope/hub/qwen/Qwen2___5-0___5B-Instruct";
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "org/ner-lora", license: "apache-2.0" },
      bases: [{ id: base }],
      steps: [
        {
          id: "sft",
          kind: "fine-tune",
          inputs: { models: [{ id: base }], datasets: [{ id: "org/ner-data" }] },
          output: { id: "org/ner-lora" },
        },
      ],
    };
    const report = await auditLineage(doc);
    const ancestor = report.ancestors.find((a) => a.id === base);
    expect(ancestor?.license).toBe("apache-2.0");
    expect(
      report.findings.filter((f) => f.code === "unknown-license" && f.ancestor?.kind === "model"),
    ).toEqual([]);
    expect(report.verdict.level).not.toBe("unclear");
  });
});
