/**
 * The dataset a card's quoted training code loads: `load_dataset("org/name", split="train")` or a
 * `dataset_name = "org/name"` it passes on, in a code block that trains (a Trainer, `trainer.train()`,
 * `train_dataset=`). An evaluation split or variable (`split="test"`, `eval_ds = load_dataset(…)`), a local file
 * format (`load_dataset("json", …)`), code that only runs the model, and code in evaluation or usage sections are
 * not read. Phrasings as in public cards and tutorials of the index (find_string `load_dataset("` beside
 * `SFTTrainer(`).
 */
import type { CardState } from "../card-body.js";
import { sameDataset } from "../card-datasets.js";
import { isHubDataset } from "../dataset-ref.js";
import { extracted, fact } from "../facts.js";
import { lineOf } from "../line-of.js";
import type { Block } from "../markdown.js";
import { skipBlock } from "./ml-text.js";

const TRAINS = /\b\w{0,30}Trainer\s*\(|\btrainer\.train\s*\(|\btrain_dataset\s*=/;
const LOAD =
  /(?:\b(\w{1,40})\s*=\s*)?\bload_dataset\(\s*(?:path\s*=\s*)?["']([^"'\n]{1,200})["']([^)\n]{0,300})/g;
const NAMED =
  /^ {0,8}(?:dataset_name|dataset_id|dataset_path|train_dataset_name|data_path|hf_dataset) {0,4}[:=] {0,4}["']([^"'\n]{1,200})["']/;
const EVAL = /eval|test|valid|\bdev\b/i;

/** The Hub ids the training code loads, each with its line offset in the block. */
export function codeDatasets(code: string): { id: string; offset: number }[] {
  if (!TRAINS.test(code)) return [];
  const out: { id: string; offset: number }[] = [];
  const add = (id: string, index: number) => {
    if (!out.some((o) => o.id === id)) out.push({ id, offset: lineOf(code, index) - 1 });
  };
  for (const m of code.matchAll(LOAD)) {
    const [, variable = "", id = "", args = ""] = m;
    const split = /\bsplit\s*=\s*["']([^"']{1,60})["']/.exec(args)?.[1] ?? "";
    if (!isHubDataset(id) || EVAL.test(variable) || EVAL.test(split)) continue;
    add(id, m.index ?? 0);
  }
  let at = 0;
  for (const line of code.split("\n")) {
    const m = NAMED.exec(line);
    if (m?.[1] && isHubDataset(m[1])) add(m[1], at);
    at += line.length + 1;
  }
  return out;
}

export function readDatasetCode(blocks: Block[], state: CardState): void {
  const skip = new Map<string, boolean>();
  for (const block of blocks) {
    if (block.type !== "code" || (block.lang && !/^(?:py|python|python3|ipython|)$/i.test(block.lang)))
      continue;
    // The section, not the block's kind: code is what this reader reads.
    if (skipBlock({ ...block, type: "prose" }, skip)) continue;
    for (const { id, offset } of codeDatasets(block.text)) {
      if (state.proseDatasets.some((d) => sameDataset(d.value, id))) continue;
      state.proseDatasets.push(
        fact(
          id,
          extracted(state.file, {
            line: block.line + offset,
            confidence: 0.8,
            note: "loaded by the training code the card quotes",
          }),
        ),
      );
    }
  }
}
