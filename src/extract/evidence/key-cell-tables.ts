/**
 * Settings tables whose rows name the trainer's own key in a cell, the value in the next one, whatever the other
 * columns hold and whatever the language of the headers: dev k-ne-pt-fiap-llama32-1b-qlora-gguf ("| Categoria |
 * Parâmetro | Valor Otimizado | Justificativa |", "| **Aprendizado (LR)** | `learning_rate` | $3e-5$ | … |",
 * "| **Scheduler** | `lr_scheduler_type` | `'cosine'` | … |", "| **Capacidade LoRA** | `LoRA r` / `alpha` | 32 / 64 |").
 *
 * A key cell is a trainer name written as code or with an underscore (`learning_rate`, `max_seq_length`), so a
 * word of prose in a cell is never read as a key; `LoRA r` / `lora_r` give the adapter rank.
 */
import { hyperparameterKeyFor } from "../../model/hyperparameters.js";
import type { CardState } from "../card-body.js";
import { type Block, tableCells } from "../markdown.js";
import { SCHEDULERS, SHORT_KEYS } from "./ml-setting-labels.js";
import { addHp, valueAfter } from "./ml-values.js";

const SEPARATOR = /^\|[\s:|-]+$/;
const RANK = /^lora r$/;

const plain = (cell: string): string => cell.replace(/[*`$'"]/g, "").trim();

/** The trainer key a cell names, when it is written as a key (`` `learning_rate` ``, `max_seq_length`). */
function keyCell(cell: string): string | undefined {
  const text = plain(cell).toLowerCase();
  if (RANK.test(text) && cell.includes("`")) return "lora_r";
  if (!cell.includes("`") && !text.includes("_")) return undefined;
  return hyperparameterKeyFor(text) ? text : SHORT_KEYS[text];
}

function cellValue(key: string, cell: string): string | undefined {
  const text = plain(cell).toLowerCase();
  if (hyperparameterKeyFor(key) === "scheduler") return SCHEDULERS.find((s) => text === s);
  const value = valueAfter(text, 0);
  return value !== undefined && text.startsWith(value) ? value : undefined;
}

/** One row: each key cell and the cell after it; `a` / `b` key cells pair with `x` / `y` values. */
function readRow(cells: string[], state: CardState, line: number): void {
  for (let i = 0; i + 1 < cells.length; i++) {
    const keys = (cells[i] ?? "").split("/");
    const values = (cells[i + 1] ?? "").split("/");
    if (keys.length !== values.length) continue;
    keys.forEach((k, j) => {
      const key = keyCell(k);
      const value = key === undefined ? undefined : cellValue(key, values[j] ?? "");
      if (key !== undefined && value !== undefined) addHp(state, key, value, line, 0.8);
    });
  }
}

/** The reader: every table row after a header and its separator. */
export function readKeyCellTables(blocks: Block[], state: CardState): void {
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Block;
    if (block.type !== "table" || (!block.text.includes("`") && !block.text.includes("_"))) continue;
    if (SEPARATOR.test(block.text.trim())) continue;
    const prev = blocks[b - 1];
    // A header row is not data: the row right before a separator is skipped by its separator test below.
    const next = blocks[b + 1];
    if (next?.type === "table" && SEPARATOR.test(next.text.trim()) && prev?.type !== "table") continue;
    // Cells as written (markup kept: a key cell is told by its backticks or underscore).
    readRow(tableCells(block.text), state, block.line);
  }
}
