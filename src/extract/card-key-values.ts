/**
 * A setting as a card writes it in a list or a table row (`- learning_rate: 5e-07`, `**Epoch:** 1`, `* lora_alpha=16`,
 * `| learning_rate | 2e-5 |`, a Python assignment) → its key and value, read by scans rather than ambiguous patterns.
 */
import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import { lookupTable } from "../model/lookup.js";
import { hasLineTerminator, isSpace, trimChars, trimStart } from "../model/trim.js";
import type { Block } from "./markdown.js";

/** Names people write in cards' own lists (`**Epoch:** 1`, `Gradient Accumulation: 16`). */
const CARD_ALIASES: Readonly<Record<string, string>> = lookupTable({
  epoch: "num_train_epochs",
  // "- **Number of Epochs:** 1" (dev q-card-aira-2-124m-dpo)
  number_of_epochs: "num_train_epochs",
  num_of_epochs: "num_train_epochs",
  training_epochs: "num_train_epochs",
  gradient_accumulation: "gradient_accumulation_steps",
  mixed_precision: "precision",
  lora_rank: "lora_rank",
  rank: "lora_rank",
  alpha: "lora_alpha",
  dropout: "lora_dropout",
  batch_size_per_device: "per_device_train_batch_size",
  global_batch_size: "total_train_batch_size",
  warmup: "warmup_ratio",
});

/**
 * `**Key:** value` → [, key, value]: what `/^[*`]*(KEY)[*`]*\s*(?::|=)\s*[*`]*\s*(.+)$/` captured (KEY one to four
 * words), with the value read by a scan: the ambiguous `\s*[*`]*\s*(.+)` backtracked over long values.
 */
function cardKeyValue(text: string): [string, string, string] | undefined {
  const head = /^[*`]*([A-Za-z_][\w.-]*(?: [A-Za-z][\w.-]*){0,3}?)[*`]*\s*(?::|=)/.exec(text);
  if (!head?.[1]) return undefined;
  const rest = text.slice(head[0].length);
  // The markup and spaces the greedy quantifiers took; `(.+)` is the rest, or the last character of it all.
  const skipped = rest.length - trimStart(trimStart(trimStart(rest, isSpace), "*`"), isSpace).length;
  const value = skipped < rest.length ? rest.slice(skipped) : rest.slice(-1);
  if (value === "" || hasLineTerminator(value)) return undefined;
  return [head[0], head[1], value];
}

/** The rest of a Python line after `=`: `\s*,?\s*(?:#.*)?$` — a comma, a comment, nothing else. */
function pythonTail(row: string, at: number): boolean {
  let i = at;
  while (i < row.length && isSpace(row[i]!)) i++;
  if (row[i] === ",") i++;
  while (i < row.length && isSpace(row[i]!)) i++;
  return i === row.length || (row[i] === "#" && !hasLineTerminator(row.slice(i)));
}

/**
 * `name = value,  # comment` → [name, value]: what
 * `/^\s*([A-Za-z_]\w*)\s*=\s*([^,#]+?|\[[^\]]*\])\s*,?\s*(?:#.*)?$/` captured, by a scan (its lazy value and the
 * spaces around the comma were ambiguous). A value of spaces alone is the one space the lazy group took.
 */
export function pythonAssignment(row: string): [string, string] | undefined {
  const head = /^\s*([A-Za-z_]\w*)\s*=/.exec(row);
  if (!head?.[1]) return undefined;
  const after = head[0].length;
  let start = after;
  while (start < row.length && isSpace(row[start]!)) start++;
  let stop = start; // the first `,` or `#`
  while (stop < row.length && row[stop] !== "," && row[stop] !== "#") stop++;
  const tailOk = pythonTail(row, stop);
  if (stop > start && tailOk) {
    let end = stop;
    while (end > start + 1 && isSpace(row[end - 1]!)) end--;
    return [head[1], row.slice(start, end)];
  }
  if (row[start] === "[") {
    const close = row.indexOf("]", start + 1);
    if (close >= 0 && pythonTail(row, close + 1)) return [head[1], row.slice(start, close + 1)];
  }
  if (start > after && stop === start && tailOk) return [head[1], row[start - 1]!];
  return undefined;
}

/** `- learning_rate: 5e-07`, `* lora_alpha=16`, `| learning_rate | 2e-5 |` → [key, value]. */
const SWITCHES = /^(?:bf16|fp16|tf32|gradient[_ ]checkpointing|load[_ ]in[_ ][48]bit|packing)$/i;
const SWITCH_VALUE = /^(?:true|false|yes|no|on|off|auto|enabled?|disabled?|[01]|✓|✗|✔|✅|❌)$/i;

export function keyValue(block: Block): [string, string] | undefined {
  if (block.type === "table") {
    // Only the first two cells are read: the others are left as they are.
    const parts = block.text.split("|");
    const cell = (c: string | undefined) => (c === undefined ? undefined : c.trim().replace(/[*`]/g, ""));
    const [key, value] = [cell(parts[1]), cell(parts[2])];
    // A second cell that is itself a trainer key (`| Scheduler | lr_scheduler_type | cosine |`) is not a value.
    if (value && /^[a-z]+(?:_[a-z]+)+$/.test(value) && hyperparameterKeyFor(value)) return undefined;
    // A switch's row holds a switch's value: `| **BF16** | Highest | High | … |` compares formats, it sets nothing
    // (blind dev z1-qnt-mungert-qwen25-05b-instruct-gguf-iq-quants).
    if (key && SWITCHES.test(key) && value !== undefined && !SWITCH_VALUE.test(value)) return undefined;
    return key && value !== undefined && /^[\w .-]+$/.test(key)
      ? [key.trim().replace(/\s+/g, "_"), value]
      : undefined;
  }
  const m = cardKeyValue(block.text.trim());
  if (!m?.[1] || m[2] === undefined) return undefined;
  const key = m[1]
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return [
    CARD_ALIASES[key] ?? key,
    // Bold or code markup around a value (`**0.0003**`) is not part of it.
    defaultValue(
      trimChars(m[2].trim(), "*_`")
        .replace(/^["'`]|["'`,]$/g, "")
        .replace(/^["'`]|["'`]$/g, ""),
    ),
  ];
}

/**
 * A setting described in words with its default (`` `LEARNING_RATE`: Learning rate (default: 2e-4) ``, dev
 * g-noorg-dota2-mistral-nemo-7b-qlora): the default is its value. A value that is not such a description stays.
 */
function defaultValue(value: string): string {
  const at = value.toLowerCase().lastIndexOf("(default");
  if (at < 0 || !value.endsWith(")") || !/^[A-Za-z]/.test(value)) return value;
  const words = value
    .slice(at + "(default".length, -1)
    .split(/[\s:=]+/)
    .filter((w) => w !== "" && !/^(?:s|to|is)$/i.test(w));
  return words.length === 1 && words[0] && !words[0].includes("(") ? trimChars(words[0], "`'\"") : value;
}

/**
 * Settings written inside a value's brackets (`` `torch.optim.AdamW` (warmup_steps = 1e2, learning_rate = 5e-5) ``,
 * dev q-card-aira-2-124m-dpo): each `name = value` or `name: value` pair, by a split rather than a pattern.
 */
export function bracketedSettings(value: string): [string, string][] {
  const open = value.indexOf("(");
  const close = value.lastIndexOf(")");
  if (open < 0 || close < open) return [];
  const out: [string, string][] = [];
  for (const part of value.slice(open + 1, close).split(",")) {
    const at = part.search(/[=:]/);
    if (at < 1) continue;
    const key = part.slice(0, at).trim();
    const v = part.slice(at + 1).trim();
    if (/^[A-Za-z_]\w{0,40}$/.test(key) && /^[\w.+-]{1,20}$/.test(v)) out.push([key, v]);
  }
  return out;
}

export function parseListValue(raw: string): unknown {
  const v = raw.trim();
  if (/^\[.*\]$/.test(v)) {
    try {
      return JSON.parse(v.replace(/'/g, '"'));
    } catch {
      return v;
    }
  }
  return v;
}
