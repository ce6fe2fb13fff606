/**
 * The last resort for a card's training data: the one Hub dataset link of a card that states a training and whose
 * other readers found no data. A fine-tuning README that links one dataset and says nothing else of its
 * data ("训练集开源地址： [Moemu/Muice-Dataset](https://huggingface.co/datasets/Moemu/Muice-Dataset)", "**KoCoT_2000:**
 * [badge](https://huggingface.co/datasets/kyujinpy/KoCoT_2000)", "wget https://huggingface.co/datasets/org/name/resolve/…")
 * links the data it trained on. Read only when the card names no dataset in its front matter or anywhere else,
 * never in evaluation, test, usage, catalogue or acknowledgement sections, never from a line about evaluation or
 * comparison, and not at all when the card links more than `MAX_LINKS` datasets (resources or variants: on the
 * dev set, a second and third link were as often wrong as right). Each id is the link's target as written (extracted, 0.7: the card does not say it trained on it), kept
 * apart (`linkedDatasets`) so that it goes on a step other evidence gives and never makes one.
 */
import { hubRepo } from "../../model/hub-url.js";
import { DATASET_LINK_GUESS_NOTE } from "../../model/provenance-notes.js";
import { trimEnd } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import { isPretrainingCorpus } from "../card-datasets.js";
import { extracted, fact } from "../facts.js";
import type { Block } from "../markdown.js";
import { trained } from "./dataset-files.js";
import { catalogue, NOT_OWN_DATA } from "./dataset-lines.js";
import { skipBlock } from "./ml-text.js";

/** More than one distinct dataset link: the card lists resources or variants; none is read. */
const MAX_LINKS = 1;

const DATASET_URL =
  /https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co|hf-mirror\.com)\/datasets\/[\w.-]{1,96}\/[\w.-]{1,96}(?:\/[\w.%~/-]{0,300})?/g;
/** A file of a dataset repository used as a picture or a badge (`…/datasets/org/images/resolve/main/x.png`). */
const ASSET = /\.(?:png|jpe?g|gif|svg|webp|mp4|ico)$/i;

/** A line about evaluation, comparison or another model's data, in the languages read. */
const NOT_TRAINING_LINE =
  /evaluat|benchmark|\btest(?:ed|ing|s)?\b|validat|leaderboard|compar|baseline|\bvs\.?\b|versus|评估|评测|测试|对比|評価|比較|평가|비교|оценк|сравн|bewert|évalu|evalua|avalia/i;

/** The dataset ids the URLs of a line name, in order. */
function lineDatasets(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(DATASET_URL)) {
    if (ASSET.test(m[0])) continue;
    const id = hubRepo(trimEnd(m[0], "."))?.id;
    if (id?.includes("/") && !isPretrainingCorpus(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The card's dataset links outside the sections and lines that are not about its own training. */
function linkedDatasets(blocks: Block[]): Map<string, number> {
  const found = new Map<string, number>();
  const skip = new Map<string, boolean>();
  for (const block of blocks) {
    if (!block.text.includes("/datasets/")) continue;
    const code = block.type === "code";
    if ((!code && skipBlock(block, skip)) || catalogue(block)) continue;
    block.text.split("\n").forEach((line, i) => {
      if (NOT_TRAINING_LINE.test(line) || NOT_OWN_DATA.test(line)) return;
      for (const id of lineDatasets(line)) if (!found.has(id)) found.set(id, block.line + i);
    });
  }
  return found;
}

export function readDatasetLinkFallback(blocks: Block[], state: CardState): void {
  if (state.proseDatasets.length > 0 || state.metaDatasets || !trained(state)) return;
  const found = linkedDatasets(blocks);
  if (found.size === 0 || found.size > MAX_LINKS) return;
  for (const [id, line] of found)
    state.linkedDatasets.push(
      fact(
        id,
        extracted(state.file, {
          line,
          confidence: 0.7,
          note: DATASET_LINK_GUESS_NOTE,
        }),
      ),
    );
}
