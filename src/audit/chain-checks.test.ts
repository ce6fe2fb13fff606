import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { formatAudit } from "./format-audit.js";
import { evaluatePolicy } from "./policy.js";
import type { AuditReport, FindingCode } from "./report.js";

const doc = (patch: Partial<LineageDocument> = {}): LineageDocument => ({
  format: "ftl/v1",
  subject: { id: "org/out", license: "apache-2.0" },
  bases: [],
  steps: [],
  ...patch,
});
const sft = (base: string, datasets: string[], out = "org/out"): LineageDocument["steps"][number] => ({
  id: "sft",
  kind: "fine-tune",
  inputs: { models: [{ id: base }], datasets: datasets.map((id) => ({ id })) },
  output: { id: out },
});
const find = (report: AuditReport, code: FindingCode) => report.findings.filter((f) => f.code === code);
const messages = (report: AuditReport) => report.findings.map((f) => f.message).join("\n");

describe("never allowed on a chain it could not read", () => {
  it("audits a front-matter base_model the import dropped (card with no training prose)", async () => {
    const card =
      "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-2-70b-hf\n---\n# Sapling 70B\n\nA chat model.\n";
    const report = await auditLineage(doc({ subject: { id: "org/sapling-70b", license: "apache-2.0" } }), {
      cardText: card,
    });
    expect(report.ancestors.map((a) => a.id)).toContain("meta-llama/Llama-2-70b-hf");
    expect(find(report, "license-conflict")[0]?.message).toContain(
      "inherits llama2 from meta-llama/Llama-2-70b-hf",
    );
    // Read from the card: a note with its own code, not an unread chain (reviewers do not count it as an error).
    expect(find(report, "base-from-card")[0]).toMatchObject({ severity: "info" });
    expect(find(report, "unread-chain")).toEqual([]);
    expect(messages(report)).toContain("front matter base_model");
  });

  it("reads a base named only as '**Base Model:** [...]' and is unclear when its licence is unknown", async () => {
    const card =
      "# GeM2 RAG\n\n**Base Model:** [GeM2-Llamion-14B-Chat](https://huggingface.co/vaiv/GeM2-Llamion-14B-Chat)\n";
    const report = await auditLineage(doc({ subject: { id: "org/gem2-rag", license: "apache-2.0" } }), {
      cardText: card,
    });
    expect(report.verdict).toMatchObject({ level: "unclear", commercialUse: "unknown" });
    // One fact, one finding: the named base's unknown licence is the warning; that the card (not the
    // document's chain) named it is a note, not a second warning about an unread chain.
    const unknown = find(report, "unknown-license").filter(
      (f) => f.ancestor?.id === "vaiv/GeM2-Llamion-14B-Chat",
    );
    expect(unknown).toEqual([expect.objectContaining({ severity: "warning" })]);
    expect(find(report, "unread-chain")).toEqual([]);
    const note = find(report, "base-from-card")[0];
    expect(note).toMatchObject({ severity: "info" });
    expect(note?.message).toContain("vaiv/GeM2-Llamion-14B-Chat");
    expect(report.verdict.reasons.join("; ")).toContain("vaiv/GeM2-Llamion-14B-Chat");
  });

  it("reads 'a fine-tuning of [Llama2 70B](...)' from the document's description", async () => {
    const report = await auditLineage(
      doc({
        subject: { id: "org/platypus-70b", license: "cc-by-4.0" },
        description:
          "Platypus 70B is a fine-tuning of [Llama2 70B](https://huggingface.co/meta-llama/Llama-2-70b-hf) on STEM questions.",
      }),
    );
    expect(report.ancestors[0]).toMatchObject({ id: "meta-llama/Llama-2-70b-hf", license: "llama2" });
    expect(find(report, "license-conflict")).toHaveLength(1);
  });

  it("says unclear, with a finding, when a derived model has no ancestor read", async () => {
    const report = await auditLineage(
      doc({ description: "This model is a fine-tuned version of our internal 7B base, trained with DPO." }),
    );
    expect(report.verdict.level).toBe("unclear");
    expect(find(report, "unread-chain")[0]?.message).toBe(
      "org/out looks derived (its card says 'is a fine-tuned'), but the audit read no ancestor of it: the licences it inherits are not checked",
    );
  });

  it("is unclear when the card names its base only as 'a variant of Mistral 7B'", async () => {
    const report = await auditLineage(
      doc({
        bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
        description: "The data was then used to DPO fine-tune a variant of Mistral 7B.",
      }),
    );
    expect(report.verdict.level).toBe("unclear");
    expect(find(report, "unread-chain")[0]?.message).toContain(
      "'a variant of Mistral 7B', which names no exact model",
    );
  });

  it("is allowed when a base model's card names no ancestor and says nothing of fine-tuning", async () => {
    const report = await auditLineage(
      doc({ description: "A 7B model pretrained from scratch on 2T tokens." }),
    );
    expect(report.verdict.level).toBe("allowed");
    expect(find(report, "unread-chain")).toEqual([]);
  });

  it("is allowed when the chain is read to its roots", async () => {
    const report = await auditLineage(
      doc({
        bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
        steps: [sft("mistralai/Mistral-7B-v0.1", ["HuggingFaceTB/smoltalk"])],
      }),
    );
    expect(report.verdict).toMatchObject({ level: "allowed", commercialUse: "allowed", warnings: [] });
  });
});

describe("verdict levels", () => {
  const withData = (license: string | undefined) =>
    doc({
      bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
      steps: [
        {
          id: "sft",
          kind: "fine-tune",
          inputs: {
            models: [{ id: "mistralai/Mistral-7B-v0.1" }],
            datasets: [{ id: "vendor/support-tickets", ...(license ? { license } : {}) }],
          },
          output: { id: "org/out" },
        },
      ],
    });

  it("a dataset with no known licence gives 'allowed, with warnings', not unknown", async () => {
    const report = await auditLineage(withData(undefined));
    expect(report.verdict).toMatchObject({ commercialUse: "allowed", level: "allowed-with-warnings" });
    expect(report.verdict.warnings).toEqual([
      "dataset vendor/support-tickets at step 1 (sft) has no known licence",
    ]);
    expect(formatAudit(report)).toContain("Commercial use: allowed, with warnings — apache-2.0 permits");
    expect(formatAudit(report)).toContain(
      "  warnings: dataset vendor/support-tickets at step 1 (sft) has no known licence",
    );
  });

  it("a policy can still deny unknown-license", async () => {
    const report = await auditLineage(withData(undefined));
    expect(evaluatePolicy(report, { deny: ["unknown-license"] }).passed).toBe(false);
    expect(evaluatePolicy(report, {}).passed).toBe(true);
  });

  it("not-allowed quotes the forbidding term with its source", async () => {
    const report = await auditLineage(withData("cc-by-nc-4.0"));
    expect(report.verdict.level).toBe("not-allowed");
    expect(report.verdict.reasons).toEqual([
      "non-commercial: cc-by-nc-4.0 dataset vendor/support-tickets at step 1 (sft)",
    ]);
    expect(find(report, "non-commercial")[0]?.source).toBe(
      "https://creativecommons.org/licenses/by-nc/4.0/legalcode",
    );
  });

  it("a model ancestor with an unknown licence is unclear", async () => {
    const report = await auditLineage(
      doc({
        bases: [{ id: "org/base", license: "my-own-licence" }],
        steps: [sft("org/base", ["HuggingFaceTB/smoltalk"])],
      }),
    );
    expect(report.verdict.level).toBe("unclear");
    expect(formatAudit(report)).toContain(
      "Commercial use: unclear — the licence of base org/base is not in the knowledge base",
    );
  });
});

describe("non-commercial terms recognised by name and text", () => {
  it("reads `other` with a non-commercial licence name as non-commercial; an Apache-2.0 derivative is an error", async () => {
    const report = await auditLineage(
      doc({
        bases: [
          {
            id: "facebook/opt-iml-30b",
            license: "other",
            licenseName: "opt-iml-noncommercial-license",
          },
        ],
        steps: [sft("facebook/opt-iml-30b", ["HuggingFaceTB/smoltalk"])],
      }),
    );
    expect(report.verdict.level).toBe("not-allowed");
    expect(report.verdict.reasons[0]).toContain("inferred from 'opt-iml-noncommercial-license'");
    expect(find(report, "license-conflict")[0]?.message).toContain("non-commercial use only");
    expect(find(report, "inferred-license")[0]?.message).toContain(
      "read as non-commercial from its wording: 'opt-iml-noncommercial-license'",
    );
  });

  it("reads the card's licence prose ('research purposes only') for the subject's own `other` licence", async () => {
    const card =
      "---\nlicense: other\n---\n# Model\n\n## License\nThe weights are released for research purposes only.\n";
    const report = await auditLineage(doc({ subject: { id: "org/out", license: "other" } }), {
      cardText: card,
    });
    expect(report.verdict.level).toBe("not-allowed");
    expect(report.verdict.reasons[0]).toContain("'The weights are released for research purposes only.'");
  });

  it("does not read 'commercial and non-commercial use' as non-commercial", async () => {
    const card = "## License\nReleased under our own terms, for commercial and non-commercial use.\n";
    const report = await auditLineage(doc({ subject: { id: "org/out", license: "other" } }), {
      cardText: card,
    });
    expect(report.verdict.level).toBe("unclear");
  });
});

describe("family inference for community re-uploads", () => {
  it("gives unsloth/Qwen2.5-3B-Instruct-bnb-4bit the Qwen research licence of that size, inferred", async () => {
    const report = await auditLineage(
      doc({ subject: { id: "unsloth/Qwen2.5-3B-Instruct-bnb-4bit", license: "apache-2.0" } }),
    );
    expect(report.ancestors[0]).toMatchObject({
      id: "Qwen2.5 3B",
      license: "qwen-research",
      licenseFrom: "family-name",
    });
    expect(report.verdict.level).toBe("not-allowed");
    expect(find(report, "license-conflict")).toHaveLength(1);
    expect(find(report, "inferred-license")[0]?.message).toContain("inferred");
  });

  it("reads a relabelled ancestor's family from its name when its own chain was not read", async () => {
    const report = await auditLineage(
      doc({
        bases: [{ id: "someone/llama-3-8b-support", license: "apache-2.0" }],
        steps: [sft("someone/llama-3-8b-support", ["HuggingFaceTB/smoltalk"])],
      }),
    );
    expect(find(report, "license-conflict")[0]?.message).toContain(
      "inherits llama3 from Llama 3 (someone/llama-3-8b-support names no base, but its name embeds Llama 3",
    );
    expect(find(report, "license-drift")).toHaveLength(1);
  });

  it("does not give the 7B re-upload the 3B's terms", async () => {
    const report = await auditLineage(
      doc({ subject: { id: "unsloth/Qwen2.5-7B-Instruct-bnb-4bit", license: "apache-2.0" } }),
    );
    expect(report.ancestors[0]).toMatchObject({ license: "apache-2.0", licenseFrom: "family-name" });
    expect(report.verdict.level).toBe("allowed");
  });
});

describe("Llama naming and attribution", () => {
  const quantised = (subject: string, license: string) =>
    doc({
      subject: { id: subject, license },
      bases: [{ id: "meta-llama/Llama-3.1-8B-Instruct" }],
      steps: [
        {
          id: "q4",
          kind: "quantization",
          method: "gguf",
          inputs: { models: [{ id: "meta-llama/Llama-3.1-8B-Instruct" }] },
          output: { id: subject },
        },
      ],
    });

  it("treats a re-upload keeping Meta's name (Meta-Llama-3.1-…-GGUF) as meeting the name rule", async () => {
    const report = await auditLineage(quantised("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", "llama3.1"));
    expect(report.counts.error).toBe(0);
    expect(find(report, "attribution")[0]?.message).toContain("display 'Built with Llama'");
  });

  it("still finds a relabelled licence on a re-upload that keeps the name", async () => {
    const report = await auditLineage(quantised("someone/Meta-Llama-3.1-8B-Instruct-GGUF", "apache-2.0"));
    expect(find(report, "license-conflict")).toHaveLength(1);
    expect(find(report, "naming-rule")).toEqual([]);
  });

  it("requires a derivative of Llama 3.1 renamed without 'Llama' at the start to fail the name rule", async () => {
    const report = await auditLineage(quantised("org/Hermes-8B-GGUF", "llama3.1"));
    expect(find(report, "naming-rule")[0]?.message).toContain("names starting with 'Llama'");
  });

  it("applies Llama 3's own 'Llama 3' prefix", async () => {
    const llama3 = (subject: string) =>
      doc({
        subject: { id: subject, license: "llama3" },
        bases: [{ id: "meta-llama/Meta-Llama-3-8B" }],
        steps: [sft("meta-llama/Meta-Llama-3-8B", ["HuggingFaceTB/smoltalk"], subject)],
      });
    expect(find(await auditLineage(llama3("org/Llama-3-8B-chat")), "naming-rule")).toEqual([]);
    expect(find(await auditLineage(llama3("org/Meta-Llama-3-8B-chat-AWQ")), "naming-rule")).toEqual([]);
    expect(find(await auditLineage(llama3("org/Llama-8B-chat")), "naming-rule")).toHaveLength(1);
  });
});

describe("a licensor is not bound by its own licence", () => {
  it("notes, not conflicts, when the base's publisher relicenses its own derivative", async () => {
    const report = await auditLineage(
      doc({
        subject: { id: "deepseek-ai/DeepSeek-R1", license: "mit" },
        bases: [{ id: "deepseek-ai/DeepSeek-V3-Base" }],
        steps: [sft("deepseek-ai/DeepSeek-V3-Base", ["deepseek-ai/cold-start"], "deepseek-ai/DeepSeek-R1")],
      }),
      { datasets: { "deepseek-ai/cold-start": "mit" } },
    );
    expect(report.counts.error).toBe(0);
    expect(find(report, "same-licensor")[0]?.message).toContain(
      "published by the same organisation, deepseek-ai",
    );
  });

  it("still conflicts when another organisation relicenses it", async () => {
    const report = await auditLineage(
      doc({
        subject: { id: "org/r1-clone", license: "mit" },
        bases: [{ id: "deepseek-ai/DeepSeek-V3-Base" }],
        steps: [sft("deepseek-ai/DeepSeek-V3-Base", ["HuggingFaceTB/smoltalk"], "org/r1-clone")],
      }),
    );
    expect(find(report, "license-conflict")).toHaveLength(1);
  });
});

describe("two licences in one card", () => {
  it("quotes both when the front matter says cc-by-4.0 and the text CC BY-NC 4.0", async () => {
    const card =
      "---\nlicense: cc-by-4.0\n---\n# Model\n\n## License\nThis model is released under CC BY-NC 4.0.\n";
    const report = await auditLineage(
      doc({ subject: { id: "org/out", license: "cc-by-4.0" }, bases: [{ id: "mistralai/Mistral-7B-v0.1" }] }),
      { cardText: card },
    );
    const finding = find(report, "license-contradiction")[0];
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toContain("its metadata says cc-by-4.0");
    expect(finding?.message).toContain("'This model is released under CC BY-NC 4.0.'");
    expect(report.verdict.level).toBe("not-allowed");
  });

  it("does not read a table of other licences as a second licence", async () => {
    const card =
      "## License\nApache 2.0.\n\n| Component | Licence |\n|---|---|\n| instructions | CC BY-NC 4.0 |\n";
    const report = await auditLineage(doc({ bases: [{ id: "mistralai/Mistral-7B-v0.1" }] }), {
      cardText: card,
    });
    expect(report.findings.filter((f) => f.code === "license-contradiction")).toEqual([]);
  });

  it("does not read a licence attributed to the data or the base as a second licence", async () => {
    const card =
      "## License\nThis model is released under Apache 2.0.\nThe training data is CC BY-NC 4.0 and the base model is under its own licence.\n";
    const report = await auditLineage(doc({ bases: [{ id: "mistralai/Mistral-7B-v0.1" }] }), {
      cardText: card,
    });
    expect(find(report, "license-contradiction")).toEqual([]);
  });
});

describe("data made by other models", () => {
  it("brings OpenAI's output terms for a dataset whose name says GPT-4, outside the table", async () => {
    const report = await auditLineage(
      doc({
        bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
        steps: [sft("mistralai/Mistral-7B-v0.1", ["someone/alpaca-gpt4-mix"])],
      }),
      { datasets: { "someone/alpaca-gpt4-mix": "cc-by-4.0" } },
    );
    const terms = find(report, "output-terms")[0];
    expect(terms?.message).toContain("dataset someone/alpaca-gpt4-mix says it holds gpt4 outputs (OpenAI)");
    expect(terms?.source).toBe("https://openai.com/policies/terms-of-use");
  });

  it("reads Claude and Gemini in the card's prose, and not a benchmark comparison", async () => {
    const card =
      "# Model\n\nThe SFT responses were generated with Claude 3 Opus. Preference pairs were written by Gemini 1.5 Pro.\nIt outperforms GPT-4 on MT-Bench.\n";
    const report = await auditLineage(doc({ bases: [{ id: "mistralai/Mistral-7B-v0.1" }] }), {
      cardText: card,
    });
    expect(find(report, "output-terms").map((f) => f.license)).toEqual([
      "anthropic-outputs",
      "gemini-outputs",
    ]);
  });

  it("does not repeat terms the dataset table already brings", async () => {
    const report = await auditLineage(
      doc({
        bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
        steps: [sft("mistralai/Mistral-7B-v0.1", ["HuggingFaceH4/ultrachat_200k"])],
        description: "Fine-tuned on dialogues generated by ChatGPT.",
      }),
    );
    expect(find(report, "output-terms")).toHaveLength(1);
  });
});
