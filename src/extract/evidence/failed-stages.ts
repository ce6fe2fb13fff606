/**
 * A stage the card marks as failed or not applied in a heading ("## 3. ORPO (실패, 미 적용)", "### DPO (failed)",
 * "## DPO（未采用）") was not a step of the model, wherever else the card names it ("SFT, ORPO 각각 데이터셋 중 80% …"
 * in an overview written before it failed; dev c-ne-ko-deepseek-coder-diagram-sft). Its prose steps are dropped.
 * Runs after the readers that add prose steps.
 */
import type { Objective } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import type { Block } from "../markdown.js";
import { objectiveMentions } from "../read-prose.js";
import { FAILED_HEADING } from "../section-scope.js";

export function dropFailedStages(blocks: Block[], state: CardState): void {
  if (state.prose.length === 0) return;
  const failed = new Set<Objective>();
  const seen = new Set<string>();
  for (const block of blocks)
    for (const h of block.headings) {
      if (!h || seen.has(h)) continue;
      seen.add(h);
      if (FAILED_HEADING.test(h)) for (const m of objectiveMentions(h)) failed.add(m.objective);
    }
  if (failed.size === 0) return;
  state.prose = state.prose.filter((p) => !failed.has(p.step.objective?.value as Objective));
}
