/**
 * Cards in other languages and cards that only download their base (issue 16, breadth): each case is a small
 * card written for the rule, in the forms real cards use, not a corpus item.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import { auditLineage } from "./audit-lineage.js";
import { datasetsInProse } from "./card-datasets.js";
import { downloadedModels } from "./card-labels.js";
import { basesInProse, readCard } from "./card-text.js";
import { familyFor } from "./knowledge.js";
import { nonCommercialInProse } from "./license-text.js";

const ids = (found: { id: string }[]) => found.map((f) => f.id);

describe("base and data labels in other languages", () => {
  it.each([
    [
      "* モデル： [Llama3.1 8B Instruct](https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct)",
      "meta-llama/Llama-3.1-8B-Instruct",
    ],
    ["- ベースモデル: Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-7B-Instruct"],
    ["- 基座模型：[Qwen2.5-7B](https://huggingface.co/Qwen/Qwen2.5-7B)", "Qwen/Qwen2.5-7B"],
    ["* 베이스 모델: [gemma-2-9b](https://huggingface.co/google/gemma-2-9b)", "google/gemma-2-9b"],
    [
      "**Basismodell:** [Mistral 7B](https://huggingface.co/mistralai/Mistral-7B-v0.1)",
      "mistralai/Mistral-7B-v0.1",
    ],
    [
      "- Modèle de base : [Llama 3](https://huggingface.co/meta-llama/Meta-Llama-3-8B)",
      "meta-llama/Meta-Llama-3-8B",
    ],
    ["- Modelo base: microsoft/phi-2", "microsoft/phi-2"],
    ["Базовая модель: [Qwen2.5](https://huggingface.co/Qwen/Qwen2.5-1.5B)", "Qwen/Qwen2.5-1.5B"],
  ])("reads %s", (line, id) => {
    expect(ids(basesInProse(`# Card\n\n${line}\n`))).toContain(id);
  });

  it("reads a short parenthesis between the derivation and 'of': 'fine-tuning (QLoRA) of `org/model`'", () => {
    const body =
      "This project demonstrates parameter-efficient fine-tuning (QLoRA) of `microsoft/Phi-3-mini-4k-instruct` on news.";
    expect(ids(basesInProse(body))).toContain("microsoft/Phi-3-mini-4k-instruct");
  });

  it("does not read a label that only starts like one (モデル名, 模型大小)", () => {
    expect(basesInProse("モデル名：my-bot\n模型大小：7B\n")).toEqual([]);
  });

  it("reads Hub datasets on a dataset field line, not on an evaluation line", () => {
    const body = [
      "* データセット： [dolly-ja](https://huggingface.co/datasets/org/dolly-ja)",
      "- 数据集：[medical](https://huggingface.co/datasets/org2/medical-zh)",
      "- Evaluation dataset: [bench](https://huggingface.co/datasets/org3/bench)",
    ].join("\n");
    expect(ids(datasetsInProse(body))).toEqual(["org/dolly-ja", "org2/medical-zh"]);
  });
});

describe("the model a card downloads", () => {
  it("reads git clone, huggingface-cli download and snapshot_download, not datasets", () => {
    const body = [
      "git clone https://huggingface.co/unsloth/Qwen2.5-72B-Instruct-bnb-4bit",
      "huggingface-cli download meta-llama/Llama-3.1-8B-Instruct --local-dir x",
      "huggingface-cli download --repo-type dataset org/data",
      "git clone https://huggingface.co/datasets/org/other-data",
      'snapshot_download(repo_id="google/gemma-2-2b-it")',
    ].join("\n");
    expect(ids(downloadedModels(body))).toEqual([
      "unsloth/Qwen2.5-72B-Instruct-bnb-4bit",
      "meta-llama/Llama-3.1-8B-Instruct",
      "google/gemma-2-2b-it",
    ]);
  });

  it("is a base when the card names none, but not on a model's own licensed card", () => {
    const serving =
      "# Qwen2.5 VL 3B Instruct\n\n```bash\ngit clone https://huggingface.co/Qwen/Qwen2.5-VL-3B-Instruct\n```\n";
    expect(ids(readCard(serving).bases)).toEqual(["Qwen/Qwen2.5-VL-3B-Instruct"]);
    const own = `---\nlicense: apache-2.0\n---\n# Foo-7B\n\n\`\`\`\ngit clone https://huggingface.co/org/Foo-7B\n\`\`\`\n`;
    expect(readCard(own).bases).toEqual([]);
    const app =
      "---\nlicense: mit\n---\n# Doc search app\n\n```\ngit clone https://huggingface.co/BAAI/bge-small-en-v1.5\n```\n";
    expect(readCard(app).bases).toEqual([]);
  });

  it("a serving recipe of a research-licence size is not allowed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-labels-"));
    writeFileSync(
      join(dir, "README.md"),
      "# Qwen2.5 VL 3B Instruct\n\nServe it.\n\n```bash\ngit clone https://huggingface.co/Qwen/Qwen2.5-VL-3B-Instruct\n```\n",
    );
    const { stdout } = await ftl(["audit", dir, "--json"]);
    const r = JSON.parse(stdout) as { verdict: { level: string; reasons: string[] } };
    expect(r.verdict.level).toBe("not-allowed");
    expect(r.verdict.reasons.join("; ")).toContain("qwen-research");
  });
});

describe("non-commercial wording in other languages", () => {
  it.each([
    "本モデルは研究目的に限り利用できます。",
    "商用利用は不可です。",
    "이 모델은 비상업적 용도로만 사용할 수 있습니다.",
    "Das Modell ist nur für Forschungszwecke, nicht-kommerziell.",
    "Licencia: uso no comercial.",
    "Модель распространяется только для некоммерческого использования.",
  ])("reads %s", (text) => {
    expect(nonCommercialInProse(text)).toBeDefined();
  });

  it("does not read 'commercial or not' as non-commercial", () => {
    expect(nonCommercialInProse("商用・非商用を問わずご利用いただけます。")).toBeUndefined();
  });
});

describe("families by generation and variant", () => {
  it.each([
    ["upstage/SOLAR-10.7B-Instruct-v1.0", "cc-by-nc-4.0"],
    ["upstage/SOLAR-10.7B-v1.0", "apache-2.0"],
    ["stabilityai/stablelm-tuned-alpha-7b", "cc-by-nc-sa-4.0"],
    ["stabilityai/stablelm-base-alpha-7b", "cc-by-sa-4.0"],
    ["lmsys/vicuna-13b-v1.3", "llama1"],
    ["lmsys/vicuna-13b-v1.5", "llama2"],
    ["mosaicml/mpt-7b-chat", "cc-by-nc-sa-4.0"],
    ["mosaicml/mpt-7b", "apache-2.0"],
    ["facebook/opt-1.3b", "opt-175b"],
    ["bert-base-uncased", "apache-2.0"],
    ["google-bert/bert-base-multilingual-cased", "apache-2.0"],
    ["roberta-base", "mit"],
    ["t5-small", "apache-2.0"],
    ["google/flan-t5-large", "apache-2.0"],
    ["openai/whisper-small", "apache-2.0"],
    ["CohereForAI/aya-expanse-8b", "cc-by-nc-4.0"],
    ["mistralai/Pixtral-12B-2409", "apache-2.0"],
    ["mistralai/Codestral-22B-v0.1", "mnpl"],
    ["internlm/internlm2-chat-7b", "internlm"],
    // InternLM2.5 and InternLM3: "Code and model weights are licensed under Apache-2.0" (InternLM/InternLM README).
    ["internlm/internlm2_5-7b-chat", "apache-2.0"],
  ])("%s is %s", (id, license) => {
    expect(familyFor(id)?.entry.license).toBe(license);
  });

  it("OPT weights are non-commercial", () => {
    expect(familyFor("facebook/opt-350m")?.license.commercial).toBe("not-allowed");
  });
});

describe("a publisher's own data", () => {
  it("is not an unknown licence when the subject's organisation published it", async () => {
    const report = await auditLineage({
      format: "ftl/v1",
      subject: { id: "acme/vision-lora", license: "apache-2.0" },
      bases: [{ id: "Qwen/Qwen2.5-7B-Instruct" }],
      steps: [
        {
          id: "sft",
          kind: "fine-tune",
          inputs: { models: [{ id: "Qwen/Qwen2.5-7B-Instruct" }], datasets: [{ id: "acme/shelf-videos" }] },
          output: { id: "acme/vision-lora" },
        },
      ],
    });
    expect(report.verdict.level).toBe("allowed");
    expect(report.findings.filter((f) => f.code === "unknown-license")).toEqual([]);
  });
});

describe("task datasets of Trainer cards", () => {
  const trainerCard = (base: string, data: string) =>
    `---\nlicense: apache-2.0\ntags:\n- generated_from_trainer\ndatasets:\n- ${data}\n---\n\n# out\n\nThis model is a fine-tuned version of [${base}](https://huggingface.co/${base}) on the ${data} dataset.\n`;
  const audit = async (card: string) => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-trainer-"));
    writeFileSync(join(dir, "README.md"), card);
    const { stdout } = await ftl(["audit", dir, "--json"]);
    return JSON.parse(stdout) as { verdict: { level: string }; findings: { code: string }[] };
  };

  it("SAMSum (CC BY-NC-ND 4.0) makes a BART fine-tune not allowed", async () => {
    const r = await audit(trainerCard("facebook/bart-large", "samsum"));
    expect(r.verdict.level).toBe("not-allowed");
    expect(r.findings.map((f) => f.code)).toContain("non-commercial");
  });

  it("SQuAD (CC BY-SA 4.0) on DistilBERT is allowed with a share-alike warning", async () => {
    const r = await audit(trainerCard("distilbert-base-uncased", "squad"));
    expect(r.verdict.level).toBe("allowed-with-warnings");
    expect(r.findings.map((f) => f.code)).toContain("share-alike");
  });
});
