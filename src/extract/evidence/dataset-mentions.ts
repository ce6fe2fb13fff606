/**
 * Two more ways cards name their training data, beside the labels, lists and links of `dataset-lines.ts`:
 * - under a heading about the training data, or one that is only about data ("## Dataset"), an `org/name` id
 *   written in prose right before the word "dataset" ("Input texts sourced from the dair-ai/emotion dataset.");
 * - a list introduced by a sentence about training that ends in a colon ("Fine-tuned with LoRA for 500 steps
 *   on:" / "- [OpenAssistant OASST-1 dataset](https://huggingface.co/datasets/OpenAssistant/oasst1)"): the items'
 *   dataset links and URLs, and their `org/name` ids.
 * A sentence about evaluation, comparison, a catalogue or data a model made is not read; neither is a file or a
 * path. The ids are extracted as written (0.8), never resolved from names here.
 */
import type { CardState } from "../card-body.js";
import { type Block, innerHeading, sentences } from "../markdown.js";
import {
  catalogue,
  DATA_HEADING,
  fileOrPath,
  NOT_OWN_DATA,
  pushNamedDataset,
  TRAINING_DATA_HEADING,
  valueDatasets,
} from "./dataset-lines.js";
import { skipBlock } from "./ml-text.js";

/** An `org/name` id right before the word "dataset" (or "data set", "corpus"). */
const ID_BEFORE_DATASET =
  /(?<![\w./-])([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}?)[`*]{0,2}\s{1,3}(?:dataset|data set|corpus)\b/gi;

/** Words of a sentence about training. */
const TRAINING_WORD =
  /\b(?:train(?:ed|ing)?|fine-?tun(?:ed|ing)|finetun(?:ed|ing)|instruction-tuned|sft|dpo)\b/i;
/** How such a sentence ends before its colon: "… on:", "… using:", "… the following datasets:". */
const INTRO_END = /(?:\bon|\busing|\bwith|\bfrom|datasets?|data|corpora|corpus)$/i;

/** A sentence about training that introduces what follows: it ends in a colon. */
function introduces(sentence: string): boolean {
  const s = sentence.trimEnd();
  if (!s.endsWith(":") && !s.endsWith("：")) return false;
  const head = s.slice(0, -1).trimEnd();
  return INTRO_END.test(head) && TRAINING_WORD.test(head.slice(-200)) && !NOT_TRAINING.test(head);
}

const NOT_TRAINING =
  /evaluat|benchmark|\btest(?:ed|ing)?\b|validat|leaderboard|compar|outperform|\bthan\b|versus|baseline|generat|synthe|distill|teacher|annotat|judge/i;

/** The ids before the word "dataset" in the sentences of a line under the training-data heading. */
function idsBeforeDataset(text: string, line: number, state: CardState): void {
  if (text.length > 600 || !/data ?set|corpus/i.test(text)) return;
  for (const sentence of sentences(text)) {
    if (NOT_TRAINING.test(sentence) || NOT_OWN_DATA.test(sentence)) continue;
    for (const m of sentence.matchAll(ID_BEFORE_DATASET)) {
      const id = m[1] ?? "";
      if (fileOrPath(id) || /^https?:/i.test(id)) continue;
      pushNamedDataset(state, { id }, line, "before the word 'dataset' in the section about the data");
    }
  }
}

/** The datasets of a list item introduced by a training sentence ending in a colon. */
function introducedItem(block: Block, state: CardState): void {
  const text = block.text.split("\n")[0] ?? "";
  if (text.length > 300 || NOT_TRAINING.test(text) || NOT_OWN_DATA.test(text)) return;
  for (const found of valueDatasets(text))
    if (!found.known && !fileOrPath(found.id))
      pushNamedDataset(state, found, block.line, "in a list that a sentence about training introduces");
}

export function readDatasetMentions(blocks: Block[], state: CardState): void {
  const skip = new Map<string, boolean>();
  let introduced = false;
  for (const block of blocks) {
    // The items right after the sentence share its section (their own bold label is no section heading).
    if (block.type === "item" && introduced) {
      introducedItem(block, state);
      continue;
    }
    if (block.type === "table" || skipBlock(block, skip) || catalogue(block)) {
      introduced = false;
      continue;
    }
    const last = sentences(block.text.trim()).at(-1) ?? "";
    introduced = block.type === "prose" && introduces(last);
    if (block.headings.some((h) => TRAINING_DATA_HEADING.test(h)) || DATA_HEADING.test(innerHeading(block)))
      block.text.split("\n").forEach((text, i) => {
        idsBeforeDataset(text, block.line + i, state);
      });
  }
}
