/**
 * Settings written as `key: value` pairs, from dev k-ne-ru-vkvlm-llava-gemma-lora-report (test/fixtures/corpus/dev).
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readSettingsPairs, readWordSettingsList } from "./settings-pairs.js";

const hp = (s: CardState) => Object.fromEntries(s.hp.map((h) => [h.key, h.value]));
const read = (text: string) => readWith(readSettingsPairs, text);

describe("settings pairs", () => {
  it("reads several pairs to a line, and one pair to an item under a settings heading", () => {
    const s = read(
      "## 5) Параметры обучения\n- epochs: 1\n- batch_size: 1\n- grad_accum: 2\n- lr: 2e-4, scheduler: cosine, warmup_ratio: 0.03\n- max_seq_len: 512\n",
    );
    expect(hp(s)).toEqual({
      epochs: "1",
      per_device_train_batch_size: "1",
      gradient_accumulation_steps: "2",
      lr: "2e-4",
      scheduler: "cosine",
      warmup_ratio: "0.03",
      max_seq_length: "512",
    });
  });

  it("reads r as the LoRA rank only beside an alpha", () => {
    expect(hp(read("- Метод дообучения: LoRA\n  - r=16, alpha=32, dropout=0.05\n"))).toEqual({
      lora_r: "16",
    });
    expect(hp(read("## Notes\n- r=16\n"))).toEqual({});
  });

  it("does not read a single pair outside a settings section, nor a line with other words", () => {
    expect(hp(read("## Model\n- batch_size: 8\n"))).toEqual({});
    expect(hp(read("## Training\n- learning rate was 2e-4, which: worked\n"))).toEqual({});
    expect(hp(read("## Параметры\n- Base model: org/name, lr: 2e-4\n"))).toEqual({});
  });

  it("reads a labelled list of settings in words, and nothing when a part is not a setting", () => {
    const s = readWith(
      readWordSettingsList,
      "- **Hyperparameters:** batch size 2, learning rate 5e-5, 3 epochs.\n",
    );
    expect(hp(s)).toEqual({ per_device_train_batch_size: "2", learning_rate: "5e-5", num_train_epochs: "3" });
    const t = readWith(readWordSettingsList, "- Hyperparameters: batch size 2, tuned by hand.\n");
    expect(hp(t)).toEqual({});
  });
});
