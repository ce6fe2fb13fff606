/**
 * Settings written in words inside one cell of a training table, several to a cell and among other words (blind
 * dev y8-ne-zh-yida-model-14b-qwen3-lora-merge, under "## 训练": "| 优化 | fused AdamW，lr `1e-4`，cosine，warmup ratio
 * 0.05，weight decay 0.1 |", "| 日程 | 4 epoch，47,384 step，max length 8192 |", "| 批次 | 单卡 1，梯度累积 8（全局 batch
 * 32） |", "| LoRA | rank 16，alpha 32，dropout 0.05 |"). Each part of a cell between commas or brackets that is a
 * setting in words (`lr 1e-4`, `4 epochs`, `max length 8192`) is read; the other parts (`fused AdamW`) are passed
 * over. Only in tables under a heading about training, and never in a row about evaluation or inference.
 */
import type { CardState } from "../card-body.js";
import { type Block, tableCells } from "../markdown.js";
import { SCHEDULERS } from "./ml-setting-labels.js";
import { addHp, valueAfter } from "./ml-values.js";

/** Headings of a training section, in the languages read. */
const TRAINING_HEADING =
  /\btrain|fine-?tun|hyper-?param|训练|訓練|微调|微調|学習|학습|обучен|entrenamiento|treinamento|entraînement|ausbildung|training/i;
/** Sections and rows that are not about the training run. */
const NOT_TRAINING =
  /\beval\b|evaluat|benchmark|inferen|generat|serving|deploy|评估|評価|평가|推理|测试|測試|оценк|test/i;
/**
 * Rows that report what the run took, not what it was set to: its time, hardware or memory (dev
 * w1-ne-ja-fireedge-lfm25-vl-450m-lora-report: "| 学習時間 | 約 5 分（135 steps） |").
 */
const NOT_SETTING =
  /time|duration|hardware|gpu|memory|vram|cost|时间|時間|시간|время|tiempo|tempo|temps|dauer|显存|メモリ/i;

/** A setting in words, label before the value or a count before its unit, with the trainer key it gives. */
const WORDED: readonly (readonly [RegExp, string])[] = [
  [/^(?:learning[- ]rate|lr) (\S+)$/i, "learning_rate"],
  [/^(\d+) epochs?$/i, "num_train_epochs"],
  [/^epochs? (\d+)$/i, "num_train_epochs"],
  [/^([\d,]+) (?:steps?|iterations?)$/i, "max_steps"],
  [/^(?:max(?:imum)?|total) (?:training )?steps? ([\d,]+)$/i, "max_steps"],
  [/^warm-?up[- ]ratio (\S+)$/i, "warmup_ratio"],
  [/^warm-?up[- ]steps? (\d+)$/i, "warmup_steps"],
  [
    /^(?:gradient[- ]accumulation(?: steps)?|grad(?:ient)? accum|梯度累[积積计計](?:步数)?) (\d+)$/i,
    "gradient_accumulation_steps",
  ],
  [/^(?:per-?device |micro )?(?:train(?:ing)? )?batch[- ]size (\d+)$/i, "per_device_train_batch_size"],
  [/^(?:global|total|effective|全局|总|總) ?batch(?:[- ]size)? (\d+)$/i, "total_train_batch_size"],
  [
    /^(?:max(?:imum)?[- ]?(?:sequence |seq |input )?len(?:gth)?|(?:sequence|seq|context) length|cutoff[- ]len) (\d+)$/i,
    "max_seq_length",
  ],
  [/^(?:lora[- ])?(?:rank|r) (\d+)$/i, "lora_r"],
  [/^seed (\d+)$/i, "seed"],
];

/** The parts of a cell: split at commas, semicolons and brackets, emphasis and code marks dropped. */
function parts(cell: string): string[] {
  return (
    cell
      .replace(/[*`]/g, "")
      // A comma between digits groups thousands (`47,384 steps`).
      .split(/,(?!\d{3}(?!\d))|[;，；、()（）]/)
      .map((p) =>
        p
          .split(/[\s:=：]+/)
          .filter(Boolean)
          .join(" "),
      )
      .filter(Boolean)
  );
}

/** The settings one part names: a worded setting, or a schedule's name alone (`cosine`) beside a learning rate. */
function settingsOf(all: string[]): [string, string][] {
  const found: [string, string][] = [];
  for (const part of all) {
    for (const [re, key] of WORDED) {
      const raw = re.exec(part)?.[1]?.replace(/,/g, "");
      const value = raw === undefined ? undefined : valueAfter(raw, 0);
      if (value !== undefined && raw?.startsWith(value)) {
        found.push([key, value]);
        break;
      }
    }
  }
  if (found.some(([key]) => key === "learning_rate")) {
    const schedule = all.find((p) => SCHEDULERS.includes(p.toLowerCase()));
    if (schedule) found.push(["lr_scheduler_type", schedule.toLowerCase()]);
  }
  return found;
}

export function readWordSettingsCells(blocks: Block[], state: CardState): void {
  for (const block of blocks) {
    if (block.type !== "table" || block.text.length > 400) continue;
    const heading = block.headings.filter(Boolean).pop() ?? "";
    if (!TRAINING_HEADING.test(heading) || NOT_TRAINING.test(heading)) continue;
    const cells = tableCells(block.text);
    const [label, ...values] = cells;
    if (label === undefined || values.length !== 1 || NOT_TRAINING.test(label) || NOT_SETTING.test(label))
      continue;
    for (const [key, value] of settingsOf(parts(values[0] ?? ""))) addHp(state, key, value, block.line, 0.7);
  }
}
