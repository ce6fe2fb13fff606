/**
 * The method a card names in its running text without a method sentence: a TRL trainer class
 * ("training with SFTTrainer", "uses `DPOTrainer`") states the objective, and a sentence about training that names
 * one parameterisation ("fine-tuning Mistral-7B-Instruct-v0.2 using QLoRA on …") states the adapter. Only when the
 * card names exactly one of each kind: a card that lists several ("we also support DPOTrainer", "LoRA or full
 * fine-tuning") says nothing about which was used.
 */
import type { Objective, Parameterization } from "../../model/vocabulary.js";
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import { type Block, sentences } from "../markdown.js";
import { PARAMETERIZATION_PATTERNS } from "../terms.js";

const TRAINER_CLASS = /\b(SFT|DPO|ORPO|KTO|CPO|GRPO|PPO|RLOO|Reward)Trainer\b/g;
const CLASS_OBJECTIVE: Readonly<Record<string, Objective>> = {
  SFT: "sft",
  DPO: "dpo",
  ORPO: "orpo",
  KTO: "kto",
  CPO: "cpo",
  GRPO: "grpo",
  PPO: "rlhf-ppo",
  RLOO: "rloo",
  Reward: "reward-model",
};
const TRAINS = /\b(?:fine-?tun|finetun|train)\w*/i;
/** The method a sentence says the training used: "using QLoRA", "with LoRA", "via full fine-tuning". */
const USED =
  /\b(?:using|with|via)\s+(?:4-bit\s+|8-bit\s+)?(QLoRA|DoRA|LoRA|full[- ](?:parameter\s+)?fine-?tuning)\b/gi;

/** The parameterisations a sentence names (all of them: "LoRA/QLoRA" names two). */
function named(sentence: string): Set<Parameterization> {
  const found = new Set<Parameterization>();
  for (const [pattern, p] of PARAMETERIZATION_PATTERNS) if (pattern.test(sentence)) found.add(p);
  // "QLoRA" also matches no LoRA pattern (word boundary), but "LoRA/QLoRA" names both.
  return found;
}

export function readProseMethods(blocks: Block[], state: CardState): void {
  const objectives = new Map<Objective, number>();
  const params = new Map<Parameterization, number>();
  for (const block of blocks) {
    if (block.type === "code" || block.type === "table") continue;
    for (const m of block.text.matchAll(TRAINER_CLASS)) {
      const o = CLASS_OBJECTIVE[m[1] ?? ""];
      if (o && !objectives.has(o)) objectives.set(o, block.line);
    }
    for (const sentence of sentences(block.text)) {
      if (!TRAINS.test(sentence)) continue;
      const all = named(sentence);
      const used = [...sentence.matchAll(USED)].map((m) => [...named(m[1] ?? "")][0]);
      for (const p of all)
        if (used.includes(p) && all.size === 1 && !params.has(p)) params.set(p, block.line);
      for (const p of all) if (!used.includes(p) || all.size > 1) params.set(p, -1);
    }
  }
  const [objective] = [...objectives];
  if (objectives.size === 1 && objective && !state.trainerObjective)
    state.trainerObjective = fact(
      objective[0],
      extracted(state.file, {
        line: objective[1],
        confidence: 0.8,
        note: "trainer class named in the card's text",
      }),
    );
  const [param] = [...params];
  if (params.size === 1 && param && param[1] > 0)
    state.proseParameterization = fact(
      param[0],
      extracted(state.file, { line: param[1], confidence: 0.7, note: "the card's sentence about training" }),
    );
}
