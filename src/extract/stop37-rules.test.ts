/**
 * Rules written at stop 37 from the dev misses of non-English technical notes (layouts rewritten, not copied).
 * Each case was checked to fail without its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const docOf = (text: string, path = "README.md") => extractFromFiles([{ path, text }]).document;
const fence = (lines: string[]) => ["```python", ...lines, "```"].join("\n");

describe("plain assignments in a card's Python fence (v2-ne-vi-legal-llama32-3b-sft-unsloth)", () => {
  const card = [
    "# Ghi chú kỹ thuật",
    "- **Base Model**: `unsloth/Llama-3.2-3B-Instruct-bnb-4bit`",
    "## LoRA Parameters",
    fence([
      "r = 32                     # rank",
      "lora_alpha = 16",
      "target_modules = [",
      '    "q_proj", "v_proj",  # attention',
      "]",
    ]),
    "## Training Arguments",
    fence(["num_train_epochs = 2", "learning_rate = 2e-4", 'lr_scheduler_type = "cosine"']),
  ];

  it("reads the settings and the adapter, a list over several rows included", () => {
    const step = docOf(card.join("\n\n")).steps[0];
    expect(step?.hyperparameters).toMatchObject({ epochs: 2, learningRate: 2e-4, scheduler: "cosine" });
    expect(step?.kind === "fine-tune" ? step.adapter : undefined).toMatchObject({
      rank: 32,
      alpha: 16,
      targetModules: ["q_proj", "v_proj"],
    });
  });

  it("does not read generation code, nor advice under an out-of-memory heading", () => {
    const generation = [card[0], card[1], fence(["max_length = 512", "seed = 42", "temperature = 0.7"])];
    expect(docOf(generation.join("\n\n")).steps[0]?.hyperparameters ?? {}).toEqual({});
    const advice = [
      card[0],
      card[1],
      "## Sorun Giderme",
      "### Out of memory",
      fence(["per_device_train_batch_size = 1  # 2 yerine 1", "max_length = 64"]),
    ];
    expect(docOf(advice.join("\n\n")).steps[0]?.hyperparameters ?? {}).toEqual({});
  });
});

describe("Vietnamese, Indonesian and Turkish cards (evidence/ml-vi-id-tr.ts)", () => {
  const baseOf = (text: string) => docOf(text).bases.map((b) => b.id);

  it("reads the base of 'versi fine-tuned dari X' (id) and 'được fine-tune từ X' (vi)", () => {
    expect(
      baseOf(
        "# Deteksi Spam\n\nModel ini adalah versi fine-tuned dari [`microsoft/deberta-v3-small`](https://huggingface.co/microsoft/deberta-v3-small) untuk klasifikasi teks.\n",
      ),
    ).toEqual(["microsoft/deberta-v3-small"]);
    expect(
      baseOf(
        "# Trợ lý lập trình\n\nDự án là một trợ lý AI, được fine-tune từ **Qwen/Qwen2.5-1.5B-Instruct** với 10.000 bài học.\n",
      ),
    ).toEqual(["Qwen/Qwen2.5-1.5B-Instruct"]);
  });

  it("reads a Turkish base label beside a training word, and the dataset the training used", () => {
    const doc = docOf(
      [
        "# Hukuk Asistanı (İnce Ayar)",
        "## Teknik Detaylar",
        "- Ana Model: Qwen/Qwen2.5-7B-Instruct",
        "- Eğitim Yöntemi: LoRA ile ince ayar",
        "## Veri",
        "Model, acme/hukuk-qa veri seti ile eğitilmiştir.",
      ].join("\n\n"),
    );
    expect(doc.bases.map((b) => b.id)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
    expect(doc.steps[0]?.inputs?.datasets?.map((d) => d.id)).toContain("acme/hukuk-qa");
  });

  it("takes no base from an architecture trained from scratch (sıfırdan)", () => {
    expect(
      baseOf(
        "# Vergi Modeli\n\nGPT-2 mimarisi temel alınmış ve model sıfırdan Türkçe verilerle eğitilmiştir.\n",
      ),
    ).toEqual([]);
  });
});
