/**
 * The adapter merge a card states after an adapter training, in English as in the other languages read
 * (`ml-merge.ts` has the phrases; the other-language reader in `multilingual.ts` finds them only beside an
 * adapter it read itself): "- **Quantization:** 4-bit, LoRA merged into base model" (dev
 * w3-card-bnaveen-qwen25-3b-recipes-unsloth-qlora-merged), "merge_and_push_model.py用于将最佳checkpoint与基座模型融合"
 * (dev v1-ne-zh-xunzi-qwen2-15b-classical-modern-translation-ft), "학습 이후 merge_and_unload 모델." (dev
 * w1-ne-ko-singung-mistral-7b-sft-dpo-lora). Read only in a card whose training used LoRA, QLoRA or DoRA, outside
 * usage, evaluation and catalogue sections, never where the text says it could be merged or was not. Adds
 * `state.adapterMerge` (its line), from which `card-steps.ts` adds the step after the training (0.7).
 */
import type { CardState } from "../card-body.js";
import type { Block } from "../markdown.js";
import { outOfScopeSection } from "../section-scope.js";
import { adapterMergeLine } from "./ml-merge.js";
import { skipBlock } from "./ml-text.js";

const ADAPTERS = new Set(["lora", "qlora", "dora"]);
/** PEFT's call that folds the adapter into its base, named in prose ("merge_and_unload 모델"). */
const MERGE_CALL = /\bmerge_and_unload\b/;

/** Did the card's training use an adapter (a prose step's or the card's one stated parameterisation)? */
function adapterTrained(state: CardState): boolean {
  const said = state.proseParameterization?.value;
  return (
    (said !== undefined && ADAPTERS.has(said)) ||
    state.prose.some((p) => ADAPTERS.has(p.step.parameterization?.value ?? ""))
  );
}

export function readAdapterMergeProse(blocks: Block[], state: CardState): void {
  if (state.adapterMerge !== undefined || !adapterTrained(state)) return;
  const skip = new Map<string, boolean>();
  for (const block of blocks) {
    if (block.type === "code" || skipBlock(block, skip) || outOfScopeSection(block)) continue;
    const lower = block.text.toLowerCase();
    if (lower.length !== block.text.length) continue;
    const line = MERGE_CALL.test(lower) ? block.line : adapterMergeLine(block, lower, true);
    if (line !== undefined) {
      state.adapterMerge = line;
      return;
    }
  }
}
