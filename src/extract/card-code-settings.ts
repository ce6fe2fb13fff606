/**
 * Training settings quoted in a card's Python code: the keyword rows of `TrainingArguments(...)`,
 * `LoraConfig(...)` or a trainer call, and plain assignment lists (`learning_rate = 2e-4`, `r = 32`) such as a
 * technical note shows under "Training Arguments" (dev v2-ne-vi-legal-llama32-3b-sft-unsloth). A fence of plain
 * assignments is read only when it sets a training-only setting (learning rate, epochs, batch size,
 * accumulation, warm-up, scheduler, a LoRA-only key) and at least two known settings, so that `max_length = 512`
 * in generation code is not taken for a training length.
 */
import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import type { CardState } from "./card-body.js";
import { parseListValue, pythonAssignment } from "./card-key-values.js";
import { knownKey } from "./config-fields.js";
import { extracted, fact } from "./facts.js";
import type { Block } from "./markdown.js";
import { OBJECTIVE_WORDS } from "./terms.js";

const TRAINING_CALL = /(TrainingArguments|LoraConfig|Config\(|Trainer\()/;
const TRAINING_ONLY = new Set([
  "learningRate",
  "epochs",
  "perDeviceBatchSize",
  "gradientAccumulationSteps",
  "warmupRatio",
  "warmupSteps",
  "scheduler",
]);
const LORA_ONLY = new Set(["lora_r", "lora_rank", "lora_alpha", "lora_dropout", "target_modules"]);

/**
 * Advice, not the run: "Out of memory" / troubleshooting sections that suggest other values (dev
 * g13-ne-tr-qwen25-lora-apple-silicon "Sorun Giderme", k-ne-es-llm-hpc-llama32-1b-qlora "Out of Memory (OOM)").
 */
const ADVICE_HEADING =
  /troubleshoot|out of memory|\boom\b|\bfaq\b|common (?:issues|problems|errors)|solución de problemas|solução de problemas|dépannage|sorun giderme|fehlerbehebung|常见问题|故障排除|问题排查|トラブルシューティング|문제 ?해결|устранение неполадок/i;

function trainingOnly(key: string): boolean {
  const typed = hyperparameterKeyFor(key);
  return (typed !== undefined && TRAINING_ONLY.has(typed)) || LORA_ONLY.has(key.toLowerCase());
}

/** A list opened on the assignment's row and closed on a later one (`target_modules = [` … `]`), joined. */
function wholeList(raw: string, lines: string[], index: number): string | undefined {
  if (!raw.startsWith("[") || raw.includes("]")) return raw;
  const parts = [raw];
  for (let i = index + 1; i < lines.length && i <= index + 20; i++) {
    const line = lines[i] ?? "";
    const hash = line.indexOf("#");
    const row = (hash < 0 ? line : line.slice(0, hash)).trim();
    const close = row.indexOf("]");
    if (close < 0) {
      parts.push(row);
      continue;
    }
    parts.push(row.slice(0, close));
    const joined = parts.join(" ").trim();
    return `${joined.endsWith(",") ? joined.slice(0, -1) : joined}]`;
  }
  return undefined;
}

function settingRows(text: string): { key: string; raw: string; index: number }[] {
  const rows: { key: string; raw: string; index: number }[] = [];
  const lines = text.split("\n");
  lines.forEach((row, index) => {
    const m = pythonAssignment(row);
    const raw = m && knownKey(m[0]) ? wholeList(m[1], lines, index) : undefined;
    if (m && raw !== undefined) rows.push({ key: m[0], raw, index });
  });
  return rows;
}

/** Reads a Python fence's training settings and trainer class into the card's state; false when it has none. */
export function readPythonSettings(block: Block, state: CardState): boolean {
  if (!/^(python|py|)$/.test(block.lang ?? "")) return false;
  const rows = settingRows(block.text);
  const call = TRAINING_CALL.test(block.text);
  const list =
    new Set(rows.map((r) => r.key)).size >= 2 &&
    rows.some((r) => trainingOnly(r.key)) &&
    !block.headings.some((h) => h && ADVICE_HEADING.test(h));
  if (!call && !list) return false;
  // An earlier fence's value is the run's; a later fence setting it again offers a variation ("LORA_R = 128  # from
  // 64 to 128" under "advanced settings", dev y6-ne-fa-paradise-llama31-8b-qlora-rtx3080).
  const earlier = new Set(state.hp.filter((h) => h.line < block.line).map((h) => h.key.toLowerCase()));
  for (const { key, raw, index } of rows.filter((r) => call || !earlier.has(r.key.toLowerCase())))
    state.hp.push({
      key,
      value: parseListValue(raw.replace(/^["']|["']$/g, "")),
      line: block.line + index,
      confidence: 0.8,
    });
  const trainer = /\b(SFT|DPO|ORPO|KTO|CPO|GRPO|PPO|RLOO|Reward)Trainer\(/
    .exec(block.text)?.[1]
    ?.toLowerCase();
  const objective = trainer
    ? (OBJECTIVE_WORDS[trainer] ?? (trainer === "reward" ? "reward-model" : undefined))
    : undefined;
  if (objective)
    state.trainerObjective = fact(
      objective,
      extracted(state.file, { line: block.line, confidence: 0.9, note: "trainer class in the card's code" }),
    );
  return true;
}
