/**
 * A card that lists several of its own released models and names none of them as its own: its recipe and
 * settings may belong to any of them, so extraction says so instead of guessing.
 */
import type { Block } from "../markdown.js";
import type { ExtractWarning } from "../types.js";
import { hubLinks, OTHER } from "./self-link.js";

/**
 * The models a card lists as its releases: a table with two or more rows that each link a different Hub model of
 * the same org (audit dev gen-metamath-mistral-7b-gpt35-metamathqa: "| MetaMath-7B-V1.0 | 🤗 HF Link | … |",
 * "| MetaMath-Mistral-7B | 🤗 HF Link | … |"). Empty when there is no such table.
 */
export function releasedModels(blocks: Block[], notSubject: string[]): string[] {
  const excluded = new Set(notSubject.map((x) => x.toLowerCase()));
  let ids = new Map<string, string>();
  let last = -2;
  for (const b of blocks) {
    if (b.type !== "table") continue;
    // A table is one block per row: consecutive rows are one table.
    if (b.line !== last + 1) {
      if (isReleaseList(ids)) return [...ids.values()];
      ids = new Map();
    }
    last = b.line;
    if (!b.text.includes("huggingface.co/")) continue;
    const row = hubLinks([b], undefined).filter(
      (l) => !excluded.has(l.id.toLowerCase()) && !OTHER.test(l.label),
    );
    const first = row[0];
    if (first && row.every((l) => l.id === first.id)) ids.set(first.id.toLowerCase(), first.id);
  }
  return isReleaseList(ids) ? [...ids.values()] : [];
}

/** Two or more models of one org. */
const isReleaseList = (ids: Map<string, string>) =>
  ids.size >= 2 && new Set([...ids.keys()].map((id) => id.split("/")[0])).size === 1;

/** The `card.several-models` warning of a card that names none of the models it lists as its own. */
export function severalModelsWarning(blocks: Block[], notSubject: string[], file: string): ExtractWarning[] {
  const released = releasedModels(blocks, notSubject);
  return released.length > 1
    ? [
        {
          code: "card.several-models",
          message: `${file}: the card lists ${released.length} released models (${released.join(", ")}) and does not say which one it describes; its recipe and settings may belong to any of them: give the model with --subject`,
          file,
        },
      ]
    : [];
}
