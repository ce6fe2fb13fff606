/**
 * Steps from a card's prose: arrow chains (`Mistral-7B -> instruction-SFT -> safety-DPO`), clause chains
 * (`SFT on 200k instruction pairs, then DPO on 50k preference pairs, LoRA rank 64`) and method sentences
 * (`initially fine-tuned on UltraChat … then further aligned with DPO on UltraFeedback`). Deterministic rules.
 */

import { parseCount, parseUnit } from "../model/quantity.js";
import { spaceOr, trimChars } from "../model/trim.js";
import type { Objective } from "../model/vocabulary.js";
import type { DatasetRef } from "../schema/lineage.js";
import { emptyStep, extracted, fact, type StepFacts } from "./facts.js";
import { replaceLinks } from "./markdown.js";
import { mentions } from "./mentions.js";
import { insideSpans, outOfScopeSpans } from "./prose-scope.js";
import { OBJECTIVE_ORDER, OBJECTIVE_WORDS } from "./terms.js";

export { type Mention, mentions } from "./mentions.js";
export { objectiveMentions, parameterizationIn } from "./objective-mentions.js";

import { objectiveMentions, parameterizationIn } from "./objective-mentions.js";

/** A step found in prose, with the order evidence it came with. */
export interface ProseStep {
  step: StepFacts;
  /** True when the text gave the order explicitly (arrows, "then", "initially"). */
  ordered: boolean;
  /** Position in the text. */
  index: number;
}

/** A list of techniques in general ("supplemented by …", "such as …"), not this model's procedure. */
const TECHNIQUE_LIST =
  /\b(?:supplemented by|such as|including|techniques?|methods? like|e\.g\.|for example|supports?|aided by)\b/i;
/** Sentences about the field, another model or future work, not this model's procedure. */
const GENERAL_TALK =
  /\b(?:we plan|in the future|future work|will be|is a technique|are techniques|refers to|we recommend|if you(?:'d| would) like to|you can (?:set|use|try)|best hyperparameters for each)\b/i;

/** A pointer to another model of the author's: "Try our other model X, fine-tuned from …", "See also X". */
export const OTHER_MODEL_POINTER =
  /\b(?:(?:our|my|the) other models?|check out|see also|try (?:our|out)|sister models?|companion models?)\b/i;

/** A relative clause telling another model's history, up to the model it names: "O, which is fine-tuned from X". */
export const RELATIVE_HISTORY =
  /\b(?:which|that|who)\s(?:is|was|were|are|has been|had been)\s(?:\w+\s)?(?:fine-?tuned|finetuned|trained|aligned|based|built|derived|initiali[sz]ed)\b[^,;.]{0,40}$/i;

const SEVERAL_MODELS = /\b(?:two|three|four|five|several|multiple|both)\s+(?:[\w-]+\s+)?models\b/i;

/** Tried only where a number starts (sticky): unanchored, `\d[\d,._]*` retried every digit of a long number. */
const COUNT_UNIT =
  /(\d[\d,._]*(?:\s*[kKmMbB])?)\s+((?:[\w-]+\s+){0,3}?)(examples|samples|pairs|conversations|tokens|dialogues|instructions|prompts|rows)\b/y;

/**
 * The first `200k instruction pairs` in a clause: what the unanchored pattern found. A run of digits and
 * separators is tried from its first digit only: a later start in the same run reaches no other end.
 */
function countUnit(clause: string): RegExpExecArray | undefined {
  for (const run of clause.matchAll(/[\d,._]+/g)) {
    const digit = run[0].search(/\d/);
    if (digit < 0) continue;
    COUNT_UNIT.lastIndex = (run.index ?? 0) + digit;
    const m = COUNT_UNIT.exec(clause);
    if (m) return m;
  }
  return undefined;
}

/** `on 200k instruction pairs` → a described dataset with a size. */
function countedDataset(clause: string): DatasetRef | undefined {
  const m = countUnit(clause);
  if (!m?.[1]) return undefined;
  const count = parseCount(m[1].replace(/\s+/g, ""));
  if (count === undefined) return undefined;
  const word = m[3] ?? "";
  const unit =
    parseUnit(word) ??
    (/dialogue/.test(word) ? "conversations" : /instruction|prompt|row/.test(word) ? "examples" : undefined);
  const what = `${(m[2] ?? "").trim()} ${word}`.trim();
  return { description: what, ...(unit ? { size: { count, unit } } : {}) };
}

const SEQUENCE =
  /\b(?:then|followed by|after that|afterwards|subsequently|next|finally|and later)\b|;|\s→\s|\s->\s/i;
const RANK = /\b(?:(?:LoRA|QLoRA|DoRA|adapter)\s*)?(?:rank|r)\s*(?:(?:=|:|of)\s*)?(\d{1,4})\b/i;

const CLAUSE_BREAK = new RegExp(`,?\\s*(?:${SEQUENCE.source})\\s*`, "i");

/** Steps from one clause of text (one method, its datasets, counts and adapter settings). */
function clauseStep(
  clause: string,
  file: string,
  line: number,
  objective: Objective,
  confidence: number,
): StepFacts {
  const step = emptyStep("fine-tune", extracted(file, { line, confidence, note: "from the card's prose" }));
  const prov = extracted(file, { line, confidence });
  step.objective = fact(objective, prov);
  const p = parameterizationIn(clause);
  // LoRA over a 4-bit base in the same words ("with support for LoRA, 4-bit quantization") is QLoRA; a published
  // 4-bit export (GGUF, GPTQ …) is not the training's.
  const fourBit =
    p === "lora" && /\b4-?bit\b|\bnf4\b/i.test(clause) && !/\b(?:gguf|gptq|awq|exl2|ggml)\b/i.test(clause);
  if (p) step.parameterization = fact(fourBit ? "qlora" : p, prov);
  const rank = RANK.exec(clause);
  if (rank?.[1] && /rank|\br\s*=/.test(rank[0])) step.adapter.rank = fact(Number(rank[1]), prov);
  const trained = /\b(?:train|tun|fine-?tun|finetun|align|optimi[sz])\w*|\bon\b|\busing\b|\bwith\b/i.test(
    replaceLinks(clause, () => " it "),
  );
  if (trained)
    for (const m of mentions(clause)) if (m.kind === "dataset") step.datasets.push(fact({ id: m.id }, prov));
  const counted = countedDataset(clause);
  if (counted && step.datasets.length === 0) step.datasets.push(fact(counted, prov));
  else if (counted?.size && step.datasets.length === 1 && step.datasets[0])
    step.datasets[0].value.size ??= counted.size;
  return step;
}

/**
 * The model an arrow chain starts from, in the text before its first arrow: the whole text when it is short
 * enough to be a name (`Llama 3 8B`), else the model-like word that ends it (`… as (\`Mistral-7B-v0.1`). A
 * sentence is never taken for a model name.
 */
export function modelNameBefore(text: string): string | undefined {
  const clean = trimChars(text, spaceOr("(`*_\"'["), spaceOr(")`*_\"'].,:;"));
  if (clean.length > 0 && clean.length <= 40 && clean.split(/\s+/).length <= 4 && !/[:*`()[\]]/.test(clean))
    return clean;
  const word = clean.split(/\s+/).at(-1);
  const last = word === undefined ? undefined : trimChars(word, "(`*_\"'[", ")`*_\"'].,:;");
  if (last && /^[A-Za-z][\w.-]*(?:\/[\w.-]+)?$/.test(last) && /\d|\//.test(last) && last.length >= 4)
    return last;
  return undefined;
}

/** `Mistral-7B -> instruction-SFT -> domain-SFT -> safety-DPO` → a base and ordered steps. */
export function arrowChain(
  text: string,
  file: string,
  line: number,
): { base?: string; steps: ProseStep[] } | undefined {
  if (!/(->|→|=>|⟶)/.test(text)) return undefined;
  // Split at the arrows alone: the spaces around them go with the markup trimmed from each part.
  const parts = text.split(/(?:->|→|=>|⟶)/).map((p) => trimChars(p, spaceOr("`*_"), spaceOr("`*_.")));
  if (parts.length < 2) return undefined;
  const steps: ProseStep[] = [];
  let base: string | undefined;
  parts.forEach((part, i) => {
    const words = part.toLowerCase().split(/[^a-z0-9_]+/);
    const word = words.map((w) => OBJECTIVE_WORDS[w]).find(Boolean);
    const objective = word ?? objectiveMentions(part)[0]?.objective;
    if (objective && part.length <= 80) {
      const step = clauseStep(part, file, line, objective, 0.8);
      step.name = part;
      steps.push({ step, ordered: true, index: i });
    } else if (i === 0) base = modelNameBefore(part);
    else if (steps.length > 0 && /^[\w.-]+\/[\w.-]+$/.test(part)) {
      const last = steps[steps.length - 1];
      if (last) last.step.output = fact(part, extracted(file, { line, confidence: 0.8 }));
    }
  });
  if (steps.length === 0) return undefined;
  return { ...(base ? { base } : {}), steps };
}

/**
 * A relative clause right after a span about another model belongs to it: "Unlike X, which was aligned with DPO,
 * our model …" (the phrasing battery). The clause runs to its closing comma, within 200 characters.
 */
function withRelativeClauses(sentence: string, spans: [number, number][]): [number, number][] {
  return spans.map(([start, end]) => {
    // The span may stop inside the model's reference (`https:`, `[`): the reference's rest is skipped.
    let skip = end;
    while (skip < end + 300 && skip < sentence.length && !/[\s,]/.test(sentence[skip] ?? "")) skip++;
    const rest = sentence.slice(skip, skip + 200);
    const opener = /^\s{0,2},?\s{0,2}(?:which|that|who)\s/i.exec(rest);
    if (!opener) return [start, end];
    const comma = rest.indexOf(",", opener[0].length);
    return [start, skip + (comma > 0 ? comma : rest.length)];
  });
}

/** Clause chains and method sentences of one sentence. */
export function sentenceSteps(sentence: string, file: string, line: number): ProseStep[] {
  const found = objectiveMentions(sentence);
  if (found.length === 0) return [];
  const clauses = sentence.split(CLAUSE_BREAK);
  const ordered =
    clauses.length > 1 ||
    /\b(initially|first(?:ly)?|then|further|subsequently|finally|afterwards)\b/i.test(sentence);
  const steps: ProseStep[] = [];
  let offset = 0;
  if (GENERAL_TALK.test(sentence)) return steps;
  // "We release the following two models … by training DPO and SimPO": one method per model, not a chain, and
  // the sentence does not say which model is the card's own.
  if (new Set(found.map((f) => f.objective)).size > 1 && SEVERAL_MODELS.test(sentence)) return steps;
  // "Unlike the DPO version", "not aligned with RLHF", "starting from our SFT checkpoint": not this card's steps.
  const outside = withRelativeClauses(sentence, outOfScopeSpans(sentence));
  for (const clause of clauses) {
    const index = sentence.indexOf(clause, offset);
    offset = index + clause.length;
    const here = objectiveMentions(clause).filter((h) => !insideSpans(outside, index + h.index));
    if (here.length === 0) {
      // "…, LoRA rank 64": settings without a method belong to the step before.
      const last = steps[steps.length - 1]?.step;
      if (last) {
        const extra = clauseStep(clause, file, line, last.objective?.value ?? "other", 0.6);
        if (extra.parameterization && !last.parameterization) last.parameterization = extra.parameterization;
        if (extra.adapter.rank && !last.adapter.rank) last.adapter.rank = extra.adapter.rank;
      }
      continue;
    }
    const distinct = [...new Set(here.map((h) => h.objective))];
    // "sft, dpo, kto, orpo, …" in one clause, with nothing that orders them, is a list of what a tool or a
    // card supports, not a procedure.
    if (distinct.length >= 3 && !ordered) continue;
    // "supplemented by SFT, feedback bootstrap and RLHF", "techniques such as DPO and PPO": a list of
    // techniques in general, not this model's procedure.
    if (distinct.length >= 2 && !ordered && TECHNIQUE_LIST.test(clause)) continue;
    for (const objective of distinct.sort((a, b) => OBJECTIVE_ORDER[a] - OBJECTIVE_ORDER[b])) {
      steps.push({
        step: clauseStep(distinct.length === 1 ? clause : "", file, line, objective, ordered ? 0.8 : 0.7),
        ordered: ordered || distinct.length > 1,
        index: index + (here.find((h) => h.objective === objective)?.index ?? 0),
      });
    }
    if (distinct.length > 1) {
      // Datasets of a clause naming several methods stay unassigned here; the card's metadata assigns them.
      const shared = clauseStep(clause, file, line, "other", 0.6);
      for (const s of steps.slice(-distinct.length)) {
        if (shared.parameterization && !s.step.parameterization)
          s.step.parameterization = shared.parameterization;
        if (shared.adapter.rank && !s.step.adapter.rank) s.step.adapter.rank = shared.adapter.rank;
      }
    }
  }
  return steps;
}
