import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { licenseOfFile } from "./license-text.js";

const MIT = "MIT License\n\nCopyright (c) 2026 Example\n\nPermission is hereby granted, free of charge, …\n";
const APACHE =
  "                                 Apache License\n                           Version 2.0, January 2004\n";
const GPL3 =
  "                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n";
const NC = "Attribution-NonCommercial 4.0 International\n\n=======\n";

const doc = (subject: LineageDocument["subject"], bases: LineageDocument["bases"] = []): LineageDocument => ({
  format: "ftl/v1",
  subject,
  bases,
  steps: [],
});

describe("the LICENSE file next to a card", () => {
  it.each([
    [MIT, "mit"],
    [APACHE, "apache-2.0"],
    [GPL3, "gpl-3.0"],
    [NC, "cc-by-nc-4.0"],
  ])("recognises %j", (text, id) => {
    expect(licenseOfFile(text)?.entry.id).toBe(id);
  });

  it("reports two licences when the card says apache-2.0 and the LICENSE file is MIT", async () => {
    const report = await auditLineage(
      doc({ id: "org/claims-7b", license: "apache-2.0" }, [{ id: "mistralai/Mistral-7B-Instruct-v0.2" }]),
      { licenseFile: { text: MIT, file: "LICENSE" } },
    );
    const finding = report.findings.find((f) => f.code === "license-contradiction");
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toBe(
      "two licences for org/claims-7b: its card declares apache-2.0, its LICENSE is mit ('MIT License'); which covers the weights is not said",
    );
    expect(report.verdict.level).toBe("allowed");
  });

  it("is not the weights' licence when the card declares none (often the code's licence): a note", async () => {
    const report = await auditLineage(doc({ id: "org/simpo-9b" }, [{ id: "google/gemma-2-9b-it" }]), {
      licenseFile: { text: MIT, file: "LICENSE" },
    });
    expect(report.subject.license).toBeUndefined();
    expect(
      report.findings.find((f) => f.code === "inferred-license" && f.message.includes("LICENSE"))?.message,
    ).toContain("which may cover only the code");
  });

  it("is the licence a Hub model card (front matter) that declares none is published under", async () => {
    const base = doc({ id: "org/lora-frutas-adapter" }, [{ id: "meta-llama/Meta-Llama-3-8B-Instruct" }]);
    const licenseFile = { text: GPL3, file: "LICENSE" };
    const modelCard =
      "---\nbase_model: meta-llama/Meta-Llama-3-8B-Instruct\nlibrary_name: peft\nlicence: license\n---\n\n# Model Card for lora-frutas-adapter\n";
    const report = await auditLineage(base, { cardText: modelCard, licenseFile });
    expect(report.subject.license).toBe("gpl-3.0");
    expect(report.findings.find((f) => f.code === "license-conflict")).toMatchObject({
      severity: "error",
      license: "llama3",
    });
    const readme = await auditLineage(base, { cardText: "# Frutas\n\nA LoRA adapter.\n", licenseFile });
    expect(readme.subject.license).toBeUndefined();
  });

  it("says nothing when both say the same", async () => {
    const report = await auditLineage(doc({ id: "org/toolkit", license: "apache-2.0" }), {
      licenseFile: { text: APACHE, file: "LICENSE" },
    });
    expect(report.findings.filter((f) => f.code === "license-contradiction")).toEqual([]);
  });
});

describe("a derivative that declares no licence", () => {
  it("is an error when what it inherits must be passed on (Llama 2), a warning otherwise", async () => {
    const llama = await auditLineage(doc({ id: "org/hr-chatbot" }, [{ id: "meta-llama/Llama-2-7b-hf" }]));
    expect(llama.findings.find((f) => f.code === "undeclared-license")).toMatchObject({
      severity: "error",
      message:
        "org/hr-chatbot declares no licence, but inherits llama2, which must be passed on with every copy of a derivative",
    });
    expect(llama.verdict.level).toBe("allowed");
    const mistral = await auditLineage(doc({ id: "org/chat" }, [{ id: "mistralai/Mistral-7B-v0.1" }]));
    expect(mistral.findings.find((f) => f.code === "undeclared-license")?.severity).toBe("warning");
  });

  it("is an error over a ChatGLM2-6B base named by a local path (its licence must accompany every copy)", async () => {
    const report = await auditLineage(
      doc({ id: "org/chatglm2-lora" }, [{ id: "local:/content/chatglm2-6b" }]),
    );
    expect(report.findings.find((f) => f.code === "undeclared-license")).toMatchObject({
      severity: "error",
      license: "chatglm2-6b",
    });
    expect(report.verdict.commercialUse).toBe("allowed");
  });

  it("raises a non-commercial model ancestor as a finding of its own (LLaMA 1 under a fine-tune)", async () => {
    const report = await auditLineage(doc({ id: "org/pygmalion-7b" }, [{ id: "huggyllama/llama-7b" }]));
    expect(report.verdict.level).toBe("not-allowed");
    expect(report.findings.find((f) => f.code === "non-commercial")).toMatchObject({
      severity: "warning",
      license: "llama1",
      ancestor: { kind: "model", id: "huggyllama/llama-7b" },
    });
  });

  it("is an error over a non-commercial model licence, whose limit a derivative must carry (LLaMA 1)", async () => {
    const report = await auditLineage(doc({ id: "org/pygmalion-7b" }, [{ id: "huggyllama/llama-7b" }]));
    expect(report.findings.find((f) => f.code === "undeclared-license")).toMatchObject({
      severity: "error",
      license: "llama1",
    });
  });

  it("is not raised when the card declares its base's licence by reference", async () => {
    const base = doc({ id: "org/vsl-llama-1b" }, [{ id: "meta-llama/Llama-3.2-1B-Instruct" }]);
    for (const line of [
      "This model is released under the same license as the Llama 3.2 base model.",
      "- **Model License**: Subject to original Llama-3 license terms",
      "本项目基于Llama-2开发，使用过程中请严格遵守Llama-2的开源许可协议。",
      // LLaVA's notice, copied by the projects built on it (audit dev gen-w2-llama3-llava-next-8b).
      "**Usage and License Notices**: This project utilizes certain datasets and checkpoints that are subject to their respective original licenses.",
    ]) {
      const report = await auditLineage(base, { cardText: `# VSL Llama\n\n## License\n\n${line}\n` });
      expect(report.findings.find((f) => f.code === "undeclared-license")).toBeUndefined();
      expect(report.findings.find((f) => f.code === "inferred-license")?.message).toContain("by reference");
    }
    const silent = await auditLineage(base, { cardText: "# VSL Llama\n\nA chat model.\n" });
    expect(silent.findings.find((f) => f.code === "undeclared-license")?.severity).toBe("error");
  });

  it("reports two licences when the card declares its base's by reference but names another one", async () => {
    const base = doc({ id: "org/vsl-llama-1b" }, [{ id: "meta-llama/Llama-3.2-1B-Instruct" }]);
    const card = (review: string) =>
      `# VSL Llama\n\n## License\n\nThis model is released under the same license as the Llama 3.2 base model. Please review [${review}](https://llama.meta.com/) for usage terms.\n`;
    const wrong = await auditLineage(base, { cardText: card("Llama 3 License") });
    expect(wrong.findings.find((f) => f.code === "license-contradiction")).toMatchObject({
      severity: "error",
      license: "llama3",
    });
    const right = await auditLineage(base, { cardText: card("Llama 3.2 License") });
    expect(right.findings.find((f) => f.code === "license-contradiction")).toBeUndefined();
  });

  it("reads a weights licence of its own terms as a licence it cannot judge, never as none", async () => {
    const text =
      "The Example License\n\nThis license permits you to use the models for academic research free. Users who wish to use the models for commercial purposes must register first.\n";
    const report = await auditLineage(doc({ id: "org/vlm-17b" }), {
      cardText:
        "# VLM\n\nThe use of the model weights must comply with the [Model License](./MODEL_LICENSE).\n",
      licenseFile: { text, file: "MODEL_LICENSE", model: true },
    });
    expect(report.findings.find((f) => f.code === "undeclared-license")).toBeUndefined();
    expect(report.findings.find((f) => f.code === "unknown-license")?.message).toContain("MODEL_LICENSE");
    expect(report.verdict.level).toBe("unclear");
  });

  it("is unclear when nothing was read either", async () => {
    const report = await auditLineage(doc({ id: "org/mystery" }));
    expect(report.verdict).toMatchObject({ level: "unclear", reasons: ["the subject declares no licence"] });
  });

  it("does not judge the name of a subject the import could not name", async () => {
    const report = await auditLineage(
      doc({ id: "unknown", provenance: { source: "inferred", confidence: 0 } }, [
        { id: "MaziyarPanahi/Llama-3-8B-Instruct-v0.9", license: "llama3" },
      ]),
    );
    // A note with its own code: the rule is not judged, so no naming-rule finding (a policy denying it passes).
    expect(report.findings.find((f) => f.code === "naming-unchecked")?.severity).toBe("info");
    expect(report.findings.find((f) => f.code === "naming-rule")).toBeUndefined();
  });

  it("judges the name the card's title gives a subject the import could not name", async () => {
    const report = await auditLineage(
      doc({ id: "unknown", provenance: { source: "inferred", confidence: 0 } }, [
        { id: "meta-llama/Llama-3.1-70B-Instruct" },
      ]),
      { cardText: "# Reflection Llama-3.1 70B\n\nThe world's top open-source LLM.\n" },
    );
    expect(report.findings.find((f) => f.code === "naming-rule")?.severity).toBe("error");
  });
});

describe("LLaMA (version 1) ancestors", () => {
  it("reads 'based on Meta's LLaMA-7B' as a non-commercial research base", async () => {
    const report = await auditLineage(doc({ id: "PygmalionAI/pygmalion-7b" }), {
      cardText: "# Pygmalion 7B\n\nPygmalion 7B is a dialogue model based on Meta's LLaMA-7B.\n",
    });
    expect(report.ancestors[0]).toMatchObject({
      id: "LLaMA-7B",
      license: "llama1",
      licenseFrom: "family-name",
    });
    expect(report.verdict.level).toBe("not-allowed");
  });
});
