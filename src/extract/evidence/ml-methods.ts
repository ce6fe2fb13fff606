/**
 * Methods named in a card's other-language text (objectives and the parameterisation), collected while reading
 * and then applied to the card's prose steps: an objective makes a step of its own, a parameterisation applies to
 * every prose step (a step is made when there is none).
 */
import type { Objective, Parameterization } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import { emptyStep, extracted, fact } from "../facts.js";

export interface Methods {
  parameterization?: { value: Parameterization; line: number };
  objectives: { value: Objective; line: number }[];
  /** The line of a statement that the adapter was merged into its base (`ml-merge.ts`). */
  merge?: number;
}

const RANK: Record<string, number> = { qlora: 3, dora: 2, lora: 1, full: 0 };

export function notePara(found: Methods, value: Parameterization, line: number): void {
  const have = found.parameterization;
  if (!have || (RANK[value] ?? 0) > (RANK[have.value] ?? 0)) found.parameterization = { value, line };
}

export function applyMethods(found: Methods, state: CardState): void {
  const { file } = state;
  const prov = (line: number) =>
    extracted(file, { line, confidence: 0.7, note: "method named in the card's prose" });
  for (const objective of found.objectives) {
    if (state.prose.some((p) => p.step.objective?.value === objective.value)) continue;
    const step = emptyStep("fine-tune", prov(objective.line));
    step.objective = fact(objective.value, prov(objective.line));
    state.prose.push({ step, ordered: false, index: objective.line * 10000 });
  }
  const para = found.parameterization;
  if (!para) return;
  if (found.merge !== undefined && para.value !== "full") state.adapterMerge ??= found.merge;
  if (state.prose.length === 0) {
    const step = emptyStep("fine-tune", prov(para.line));
    state.prose.push({ step, ordered: false, index: para.line * 10000 });
  }
  // QLoRA is LoRA on a quantised base: a card that says both (its title or prose "LoRA", its method line "QLoRA")
  // said the more specific one.
  for (const p of state.prose)
    if (!p.step.parameterization || (p.step.parameterization.value === "lora" && para.value === "qlora"))
      p.step.parameterization = fact(para.value, prov(para.line));
}
