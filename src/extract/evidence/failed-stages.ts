/**
 * Stages the card says were not done:
 * - a stage a heading marks as failed or not applied ("## 3. ORPO (실패, 미 적용)", "### DPO (failed)", "## DPO（未采用）") was
 *   not a step of the model, wherever else the card names it ("SFT, ORPO 각각 데이터셋 중 80% …" in an overview written
 *   before it failed; dev c-ne-ko-deepseek-coder-diagram-sft): its prose steps are dropped;
 * - an unchecked to-do item ("- [ ] Phase 4: Fine-tuning", "- [ ] DPO 학습") says the training (or that stage) has not
 *   happened yet: the methods the card names elsewhere ("**Method**: QLoRA") are plans (dev
 *   k-vague-ko-junreud-stock-chatbot-planned). A checked item ("- [x] Phase 4: Fine-tuning") says it has.
 * Runs after the readers that add prose steps.
 */
import type { Objective } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import type { Block } from "../markdown.js";
import { objectiveMentions } from "../read-prose.js";
import { FAILED_HEADING } from "../section-scope.js";

const UNCHECKED = /^\s*\[ \]/;
const TRAINING =
  /fine-?tun|finetun|\btrain|微调|训练|訓練|학습|파인튜닝|学習|ファインチューニング|обучен|дообуч/i;

/** Objectives of failed headings and unchecked items; `all` when an unchecked item is the training itself. */
function notDone(blocks: Block[]): { objectives: Set<Objective>; all: boolean } {
  const objectives = new Set<Objective>();
  let all = false;
  const seen = new Set<string>();
  for (const block of blocks) {
    if (block.type === "item" && UNCHECKED.test(block.text)) {
      const named = objectiveMentions(block.text);
      for (const m of named) objectives.add(m.objective);
      if (named.length === 0 && TRAINING.test(block.text)) all = true;
    }
    for (const h of block.headings) {
      if (!h || seen.has(h)) continue;
      seen.add(h);
      if (FAILED_HEADING.test(h)) for (const m of objectiveMentions(h)) objectives.add(m.objective);
    }
  }
  return { objectives, all };
}

export function dropFailedStages(blocks: Block[], state: CardState): void {
  const { objectives, all } = notDone(blocks);
  if (all) {
    state.prose = [];
    state.trainerObjective = undefined;
    state.proseParameterization = undefined;
    return;
  }
  if (objectives.size === 0 || state.prose.length === 0) return;
  state.prose = state.prose.filter((p) => !objectives.has(p.step.objective?.value as Objective));
}
