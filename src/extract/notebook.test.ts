/**
 * Jupyter notebooks (notebook.ts): read from a folder as the Python program their code cells make (blind dev
 * g8-mrg-phi35-mini-task-arithmetic-mergekit-notebook, x1-ne-es-kai-notebook-qwen35-gemma4-branches-lora-gguf).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importGroups } from "./import-files.js";
import { notebookPython } from "./notebook.js";

const cells = [
  { cell_type: "markdown", source: "# Fine-tune\n" },
  { cell_type: "code", source: ["!pip install -q trl peft\n", "%cd /content\n"] },
  {
    cell_type: "code",
    source: [
      "from trl import SFTTrainer, SFTConfig\n",
      "from peft import LoraConfig\n",
      'trainer = SFTTrainer(model="Qwen/Qwen2.5-0.5B", train_dataset=ds,\n',
      "    args=SFTConfig(learning_rate=2e-4, num_train_epochs=1),\n",
      "    peft_config=LoraConfig(r=16, lora_alpha=16))\n",
      "trainer.train()\n",
    ],
  },
];
const notebook = JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 0 });

describe("notebooks", () => {
  it("become their code cells, shell and magic lines commented out, markdown left out", () => {
    const py = notebookPython(notebook) ?? "";
    expect(py).toContain("# !pip install -q trl peft");
    expect(py).toContain("# %cd /content");
    expect(py).not.toContain("# Fine-tune");
    expect(py).toContain("SFTTrainer(");
  });

  it("are collected from a folder and read as a training program", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-nb-"));
    writeFileSync(join(dir, "finetune.ipynb"), notebook);
    const { documents } = await importGroups([dir]);
    const [step] = documents.flatMap((d) => d.document.steps);
    expect(step?.kind).toBe("fine-tune");
    expect(step?.inputs?.models?.map((m) => m.id)).toEqual(["Qwen/Qwen2.5-0.5B"]);
    expect(step && "parameterization" in step ? step.parameterization : undefined).toBe("lora");
  });

  it("give nothing when the file is not a notebook's JSON", () => {
    expect(notebookPython("{not json")).toBeUndefined();
    expect(notebookPython(JSON.stringify({ cells: "no" }))).toBeUndefined();
  });
});
