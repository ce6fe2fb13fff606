import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import { cardFilesOf, withOtherTexts } from "./card-files.js";
import { readCard } from "./card-text.js";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ftl-card-files-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("cardFilesOf: what the audit reads in a folder", () => {
  it("takes README.md in any case, else MODEL_CARD.md, and the LICENSE next to it", () => {
    const upper = folder({ "README.MD": "# M\n", LICENSE: "MIT License\n" });
    expect(cardFilesOf(upper, true)).toEqual({
      card: join(upper, "README.MD"),
      others: [],
      license: join(upper, "LICENSE"),
    });
    const modelCard = folder({ "MODEL_CARD.md": "# M\n", "notes.md": "x" });
    expect(cardFilesOf(modelCard, true).card).toBe(join(modelCard, "MODEL_CARD.md"));
  });

  it("takes the lone top-level Markdown file as the card when there is no README", () => {
    const lone = folder({ "koala.md": "# Koala\n", LICENSE: "MIT License\n", "docs/x.md": "x" });
    expect(cardFilesOf(lone, true).card).toBe(join(lone, "koala.md"));
    expect(cardFilesOf(folder({ "a.md": "a", "b.md": "b" }), true).card).toBeUndefined();
  });

  it("prefers a licence file named for the model or its weights over the plain LICENSE", () => {
    const dir = folder({
      "README.md": "# M\n",
      LICENSE: "MIT License\n",
      "weights/LICENSE-WEIGHTS.md": "solely for non-commercial research purposes\n",
    });
    expect(cardFilesOf(dir, true)).toMatchObject({
      license: join(dir, "weights/LICENSE-WEIGHTS.md"),
      licenseIsModel: true,
    });
    const glm = folder({
      "README.md": "# M\n",
      LICENSE: "MIT License\n",
      MODEL_LICENSE: "The ChatGLM-6B License\n",
    });
    expect(cardFilesOf(glm, true).license).toBe(join(glm, "MODEL_LICENSE"));
  });

  it("reads a bespoke weights licence that says non-commercial as the subject's own licence", async () => {
    const dir = folder({
      "README.md": "# Emotion recogniser\n\nWeights download: see below.\n",
      LICENSE: "MIT License\n",
      "weights/LICENSE-WEIGHTS.md":
        "# License Agreement for Model Weights\n\nThe Licensor grants the User a licence to use the Weights solely for non-commercial research purposes.\n",
    });
    const report = JSON.parse((await ftl(["audit", dir, "--json"])).stdout);
    expect(report.verdict.level).toBe("not-allowed");
  });

  it("reads a DATA_LICENSE that forbids commercial use as the training data's licence", async () => {
    const dir = folder({
      "README.md": "# M\n\nFine-tuned from [Mistral-7B](https://huggingface.co/mistralai/Mistral-7B-v0.1).\n",
      LICENSE: "MIT License\n",
      DATA_LICENSE: "Attribution-NonCommercial 4.0 International\n\n====\n",
    });
    expect(cardFilesOf(dir, true).dataLicense).toBe(join(dir, "DATA_LICENSE"));
    const report = JSON.parse((await ftl(["audit", dir, "--json"])).stdout);
    expect(report.verdict.level).toBe("not-allowed");
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        code: "non-commercial",
        ancestor: expect.objectContaining({ kind: "dataset" }),
      }),
    );
  });

  it("warns when a card says it was trained from a base but names no data", async () => {
    const dir = folder({ "README.md": "# Agent\n\nOur agent is a LoRA Phi-3 adapter, exported to GGUF.\n" });
    const report = JSON.parse((await ftl(["audit", dir, "--json"])).stdout);
    expect(report.verdict.level).toBe("allowed-with-warnings");
    expect(report.findings.map((f: { code: string }) => f.code)).toContain("undocumented-data");
  });

  it("reads a second card and training scripts too, but not other files", () => {
    const dir = folder({
      "README.md": "# M\n",
      "README (model).txt": "model file link\n",
      "out/ckpt/README.md": "# ckpt\n",
      "train/sft.sh": 'base_model="Qwen/Qwen2.5-32B-Instruct"\n',
      "data.csv": "a,b\n",
    });
    const found = cardFilesOf(dir, true);
    expect(found.card).toBe(join(dir, "README.md"));
    expect(found.others.sort()).toEqual(
      [join(dir, "README (model).txt"), join(dir, "out/ckpt/README.md"), join(dir, "train/sft.sh")].sort(),
    );
  });

  it("does not read a script or second card over 512 KB, nor more than 20 of them", () => {
    const many: Record<string, string> = { "README.md": "# M\n", "big.py": "x".repeat(600 * 1024) };
    for (let i = 0; i < 25; i++) many[`s${String(i).padStart(2, "0")}.sh`] = "echo\n";
    const found = cardFilesOf(folder(many), true);
    expect(found.others).toHaveLength(20);
    expect(found.others.some((p) => p.endsWith("big.py"))).toBe(false);
  });

  it("has no card for a folder without one", () => {
    expect(cardFilesOf(folder({ "train.yaml": "x: 1\n" }), true).card).toBeUndefined();
  });
});

describe("withOtherTexts", () => {
  it("adds the bases a script names, quoting the file, and keeps a script's comments out of licence lines", () => {
    const card = withOtherTexts(readCard("# s1\n\nA reasoning model.\n"), [
      { file: "train/sft.sh", text: '# released under MIT\nbase_model="Qwen/Qwen2.5-32B-Instruct"\n' },
    ]);
    expect(card.bases).toEqual([
      {
        id: "Qwen/Qwen2.5-32B-Instruct",
        where: `'base_model="Qwen/Qwen2.5-32B-Instruct"' (in train/sft.sh)`,
      },
    ]);
    expect(card.licenseLines).toEqual([]);
  });
});

describe("ftl audit DIR over several runs", () => {
  const run = (dataset: string) =>
    [
      "model_name_or_path: Qwen/Qwen2-1.5B",
      "stage: sft",
      "do_train: true",
      "finetuning_type: lora",
      `dataset: ${dataset}`,
      `output_dir: /out/${dataset}`,
      "",
    ].join("\n");

  it("audits each lineage and gives the strongest verdict, naming the runs", async () => {
    const dir = folder({
      "README.md": "# Merging thesis\n\n- Base model: Qwen2-1.5B.\n",
      "code.yaml": run("code_alpaca_20k"),
      "sciq.yaml": run("sciq"),
    });
    const { stdout } = await ftl(["audit", dir, "--json"]);
    const report = JSON.parse(stdout);
    expect(report.verdict.level).toBe("not-allowed");
    expect(report.verdict.reasons.join("\n")).toContain("the run in sciq.yaml");
    expect(report.findings[0]).toMatchObject({ code: "incomplete-lineage", severity: "warning" });
    expect(report.findings[0].message).toContain("lineages that do not connect");
  });
});
