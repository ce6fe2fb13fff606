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
import { type Block, replaceLinks, sentences } from "../markdown.js";
import { insideSpans, outOfScopeSpans } from "../prose-scope.js";
import { outOfScopeSection } from "../section-scope.js";
import { PARAMETERIZATION_PATTERNS } from "../terms.js";
import { saysTraining } from "./ml-text.js";

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
/**
 * The method a sentence says the training used: "using QLoRA", "with LoRA", "via full fine-tuning", "we trained a
 * LoRA", "after QLoRA training on …".
 */
const USED =
  /\b(?:using|with|via|used|appl(?:y|ies|ied|ying))\s+(?:the\s+)?(?:4-bit\s+|8-bit\s+)?(QLoRA|DoRA|LoRA|full[- ](?:parameter\s+)?fine-?tuning)\b|\b(?:we|i)\s+(?:then\s+)?train(?:ed)?\s+(?:an?\s+)?(QLoRA|DoRA|LoRA)\b|\b(?:after|with|via|by|using)\s+(QLoRA|DoRA|LoRA)[ -](?:training|fine-?tuning|finetuning)\b/gi;
/**
 * The method as the head of the statement, which needs no training verb: "a LoRA adapter for X", "X + LoRA",
 * "Full fine-tuning of X", "A QLoRA fine-tune of X", "LoRA adapter weights for X", "LoRA weights on top of X",
 * "Training method: QLoRA" (the phrasing battery); "… was used for full-parameter fine-tuning of X", "QLoRA fine-tuning
 * pipeline for X" (round 7).
 */
const HEAD =
  /\bappl(?:y|ies|ied|ying)\s{1,3}(QLoRA|DoRA|LoRA)\s{1,3}to\b|\b(QLoRA|DoRA|LoRA)\s{1,3}(?:adapters?\s{1,3}(?:weights\s{1,3})?|weights\s{1,3})\(?(?:(?:trained|fine-?tuned)\s{1,3})?(?:for|of|on)\b|^\W{0,3}(?:training\s{1,3})?method(?:ology)?\s{0,3}:\s{0,3}(?:[48]-?bit\s{1,3})?(QLoRA|DoRA|LoRA)\b|\+\s{0,3}(QLoRA|DoRA|LoRA)\b|(?:^\W{0,3}|\b(?:an?|the|for|did|performs?|performed|conducts?|conducted)\s)(full[- ](?:parameter[- ])?fine-?tun\w*|QLoRA|DoRA|LoRA)\s{1,3}(?:fine-?tun\w*\s{1,3})?(?:(?:pipeline|recipe|script|setup)\s{1,3})?(?:of|for)\b/gi;
/** "mit LoRA", "usando LoRA", "com LoRA", "avec LoRA": the means in the other languages read, after their training word. */
const USED_OTHER =
  /(?:\bmit|\bavec|\busando|\butilizando|\bcon|\bcom|\bmediante|\bpar|\bс помощью|\bчерез)\s{1,3}(?:(?:la|el|a|o|der|dem)\s)?(QLoRA|DoRA|LoRA)\b/gi;
const USED_OTHER_WORD = new RegExp(USED_OTHER.source, "i");
/** "LoRA (Low-Rank Adaptation) is applied …" (dev g-noorg-llama32-1b-instruction-lora). */
const USED_PASSIVE =
  /\b(QLoRA|DoRA|LoRA)(?:\s*\([^()]{0,40}\))?\s+(?:(?:adapters?|weights)\s+)?(?:is|was|were)\s+(?:applied|used|trained|fine-?tuned)\b/gi;
/** A 4-bit quantised base stated in the card's text: LoRA on it is QLoRA (LABELING.md). */
const FOUR_BIT = /\b4-?bit\b|\bnf4\b/i;
/** …in a sentence about the training or the quantised load, not about a published quantisation. */
const QUANTISED_BASE = /\b(?:lora|train\w*|fine-?tun\w*|quanti[sz]ation|memory|vram|load\w*)\b/i;
const EXPORT_FORMAT = /\b(?:gguf|gptq|awq|exl2|ggml)\b/i;

/** The parameterisations a sentence names (all of them: "LoRA/QLoRA" names two). */
function named(sentence: string): Set<Parameterization> {
  const found = new Set<Parameterization>();
  for (const [pattern, p] of PARAMETERIZATION_PATTERNS) if (pattern.test(sentence)) found.add(p);
  // "QLoRA" also matches no LoRA pattern (word boundary), but "LoRA/QLoRA" names both. A LoRA adapter made by QLoRA
  // training ("merging the LoRA adapter … after QLoRA training") names one method: QLoRA makes LoRA adapters.
  if (found.has("qlora") && found.has("lora") && !/\bQ?LoRA\s*(?:\/|,|\bor\b)\s*Q?LoRA\b/i.test(sentence))
    found.delete("lora");
  return found;
}

export function readProseMethods(blocks: Block[], state: CardState): void {
  const objectives = new Map<Objective, number>();
  const params = new Map<Parameterization, number>();
  let fourBit = false;
  for (const block of blocks) {
    if (block.type === "code" || block.type === "table" || outOfScopeSection(block)) continue;
    const outside = block.text.includes("Trainer") ? outOfScopeSpans(block.text) : [];
    for (const m of block.text.matchAll(TRAINER_CLASS)) {
      // "Die trl-Bibliothek bietet den SFTTrainer", "TRL supports DPOTrainer": a library's offer, not this run.
      if (insideSpans(outside, m.index)) continue;
      const o = CLASS_OBJECTIVE[m[1] ?? ""];
      if (o && !objectives.has(o)) objectives.set(o, block.line);
    }
    for (const raw of sentences(block.text)) {
      if (FOUR_BIT.test(raw) && QUANTISED_BASE.test(raw) && !EXPORT_FORMAT.test(raw)) fourBit = true;
      // Bold and code marks do not break a phrase ("using **LoRA**").
      // Links read as their labels and Hub addresses as their ids, so that a scope ("Sie können [X](…) mit LoRA
      // feinabstimmen") does not stop at a link's brackets or an address's colon.
      const sentence = replaceLinks(raw, (label) => label)
        .replace(/https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//g, "")
        .replace(/\*\*|__|`/g, "");
      const head = [...sentence.matchAll(HEAD)];
      // Another language's means ("mit LoRA … feinabgestimmt"), with one of its training words.
      const foreign = USED_OTHER_WORD.test(sentence) && saysTraining(sentence.toLowerCase());
      if (!TRAINS.test(sentence) && head.length === 0 && !foreign) continue;
      const all = named(sentence);
      // "you can use QLoRA", "if you want LoRA": a method the reader may use is not the one the training used.
      const scope = outOfScopeSpans(sentence);
      const other = foreign ? [...sentence.matchAll(USED_OTHER)] : [];
      const used = [...sentence.matchAll(USED), ...sentence.matchAll(USED_PASSIVE), ...head, ...other]
        .filter((m) => !insideSpans(scope, m.index))
        .map((m) => [...named(m.slice(1).find(Boolean) ?? "")][0]);
      for (const p of all)
        if (used.includes(p) && all.size === 1 && !params.has(p)) params.set(p, block.line);
      // A later mention of the method a sentence said was used ("Quantized Low-Rank Adaptation (QLoRA in 4-bit) via
      // Unsloth" after "fine-tuning X using QLoRA on Y", dev t7-ic-unsloth-qwen25-7b-bnb4-qlora-vi-absa) keeps it.
      for (const p of all)
        if ((!used.includes(p) || all.size > 1) && !((params.get(p) ?? 0) > 0)) params.set(p, -1);
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
  // QLoRA trains LoRA adapters: "attach the LoRA adapters" beside "fine-tuning X using QLoRA" names one method.
  if ((params.get("qlora") ?? 0) > 0 && (params.get("lora") ?? 0) < 0) params.delete("lora");
  const [param] = [...params];
  if (params.size === 1 && param && param[1] > 0)
    state.proseParameterization = fact(
      param[0] === "lora" && fourBit ? "qlora" : param[0],
      extracted(state.file, { line: param[1], confidence: 0.7, note: "the card's sentence about training" }),
    );
}
