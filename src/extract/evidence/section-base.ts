/**
 * A base model given as the whole first block of a section headed by a base-model label: "## Base model" then
 * "[mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1)" (or the bare id, or one list item
 * with it), in the languages whose labels `ml-phrases.ts` lists. Nothing else may stand in the block: a section that
 * discusses models ("## Base model\n\nWe compared X and Y …") names no base this way.
 */
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import { type Block, innerHeading } from "../markdown.js";
import { BASE_LABEL_ITEMS } from "./ml-phrases.js";
import { refAfter } from "./ml-refs.js";

const MORE_LABELS = [
  "base",
  "foundation model",
  "parent model",
  "pretrained model",
  "pre-trained model",
  "base checkpoint",
];

const isBaseHeading = (heading: string): boolean => {
  const label = heading
    .replace(/[*_`:：#]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  return BASE_LABEL_ITEMS.includes(label) || MORE_LABELS.includes(label);
};

export function readSectionBase(blocks: Block[], state: CardState): void {
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Block;
    if (block.type === "code" || block.type === "table") continue;
    const previous = blocks[b - 1];
    if (previous && previous.headings === block.headings) continue;
    if (!isBaseHeading(innerHeading(block))) continue;
    const text = block.text.replace(/^[-*+]\s+/, "");
    const ref = refAfter(text, 0);
    if (ref?.kind !== "hub" || text.slice(ref.end).replace(/[*_`\s.]/g, "") !== "") continue;
    if (state.proseBases.some((p) => p.value === ref.value)) continue;
    state.proseBases.push(
      fact(
        ref.value,
        extracted(state.file, {
          line: block.line,
          confidence: 0.8,
          note: "the section headed as the base model names it",
        }),
      ),
    );
  }
}
