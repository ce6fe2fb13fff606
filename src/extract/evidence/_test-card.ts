/** Test support (not exported): an empty card state and a card's blocks, as the evidence readers get them. */

import { type CardState, newCardState } from "../card-body.js";
import type { Block } from "../markdown.js";
import { parseCard } from "../markdown.js";

/** The state of an empty `README.md` model card. */
export function cardState(): CardState {
  return newCardState("README.md", {
    file: "README.md",
    kind: "model-card",
    bases: [],
    steps: [],
    warnings: [],
  });
}

/** The blocks of a card's text, as `README.md`. */
export const cardBlocks = (text: string): Block[] => parseCard(text, "README.md", []).blocks;

/** Runs one reader on a card's text and returns the state it filled. */
export function readWith(reader: (blocks: Block[], state: CardState) => void, text: string): CardState {
  const state = cardState();
  reader(cardBlocks(text), state);
  return state;
}
