/**
 * The sentences of a card's prose: the base it was fine-tuned from, the datasets it trained on, settings written
 * in words, and the steps a sentence states (arrow chains, clause chains, method sentences).
 */

import { trimEnd } from "../model/trim.js";
import type { Objective } from "../model/vocabulary.js";
import type { CardState } from "./card-body.js";
import { knownKey } from "./config-fields.js";
import { FROM_SCRATCH, saysTraining } from "./evidence/ml-text.js";
import { extracted, fact } from "./facts.js";
import { type Block, replaceLinks } from "./markdown.js";
import { insideSpans, outOfScopeSpans } from "./prose-scope.js";
import {
  arrowChain,
  type Mention,
  mentions,
  OTHER_MODEL_POINTER,
  objectiveMentions,
  RELATIVE_HISTORY,
  sentenceSteps,
} from "./read-prose.js";

// The spaces, colons and stars after `finetuned from model` are grouped so that no two `\s*` are adjacent.
// "is initialized with [X](link) and continues pre-training" (dev g-long-deepseek-math-cpt-sft-grpo).
// `scripts to fine-tune the X model`, `we fine-tune X`, `fine-tuning X on …` (isalnikow86/Lami-LoRA README, dev
// l3-card-leolm-7b-klexikon-lora-readme: "scripts to fine-tune the LeoLM/leo-hessianai-7b model using articles").
// "We fine-tuned X", "Starting from X", "trained on top of X", "a LoRA adapter for X", "continued pretraining of X"
// (the phrasing battery, src/extract/phrasing-battery.test.ts).
const BASE_PHRASE =
  /(?:fine-?tuned version of|\bto fine-?tune|\b(?:we|i) (?:first |then |further |also )?(?:fine-?tune|finetune|fine-?tuned|finetuned|trained|aligned|post-?trained|continued training|(?:[a-z]+-)?tuned)|\b(?:-?tuned|trained|aligned|distilled) (?:variant|version) of|\b(?:SFT|DPO|ORPO|KTO|GRPO|PPO|RLHF) of|\bcontinued training(?: of)?|\bappl(?:y|ied|ying) (?:Q?LoRA|DoRA|SFT|DPO|ORPO|KTO|GRPO) to|\b(?:starts?|started|trained) from|\b(?:base|parent|foundation) model (?:is|was)|\b(?:parent|foundation) model\s?:|^\W{0,3}base\s?:|fine-?tunes|\bfine-?tuning(?: of)?|fine-?tuned from|\bon top of|fine-?tune of|\badapters? (?:for|of|on)|based on|built (?:on|upon)(?: top of)?|derived from|initiali[sz]ed (?:from|with)|\bstarting (?:from|with)|continued from|continued pre-?training of|further (?:fine-?)?trained (?:from|on top of)|finetuned from model(?: \[optional\])?(?:\s*(?::\**|\*+))?(?:\s*:)?)\s*(?:the\s+)?$/i;
/**
 * Round 5 of the phrasing battery, apart so that each expression stays small enough to check for backtracking; and
 * "SFT followed by DPO on X" (a model after "on" is one of ftl's well-known models: mentions.ts reads others as data);
 * "Video action-recognition SFT pipeline for `google/gemma-4-e4b-it`" (blind dev y8-card-gemma4-e4b-action-recognition-lora-sft).
 */
const BASE_PHRASE_MORE =
  /(?:\badapters? weights (?:for|of|on)|\b(?:SFT|DPO|ORPO|KTO|GRPO|PPO|RLHF|Q?LoRA) on|\b(?:merg|fold|fus)\w* (?:the |our |its )?(?:Q?LoRA |PEFT )?(?:adapters?|weights) (?:back )?into|\bderivative(?: work| model)? of|\b(?:starting|initial|init) (?:point|checkpoint|model|weights) (?:is|was))\s*(?:the\s+)?$/i;
/** "SFT pipeline for X", "Fine-tuning code for X" (tested apart, only when the words end in "for"). */
const PIPELINE_FOR =
  /\b(?:SFT|DPO|ORPO|KTO|GRPO|PPO|RLHF|Q?LoRA|fine-?tuning|training) (?:pipeline|recipe|scripts?|code) for\s*(?:the\s+)?$/i;
/** The model is the subject of a training verb ("X was fine-tuned on …"): nothing but an opener before it. */
const TRAINED_AFTER =
  /^\s{0,3}(?:was|were|is|has been|had been)\s{1,3}(?:first\s|further\s|then\s)?\s{0,2}(?:fine-?tuned|finetuned|trained|aligned|adapted|post-?trained)\b/i;
/** "X fine-tuned with QLoRA on …" opening a sentence; "X was used as the base model", "We use X as the base model". */
const PARTICIPLE_AFTER =
  /^\s{0,3},?\s{0,3}(?:further\s{1,3})?(?:fine-?tuned|finetuned|trained|aligned)\s{1,3}(?:with|on|using|via|from|for)\b/i;
const AS_BASE =
  /^\s{0,3}(?:(?:was|is|were|has been)\s{1,3})?(?:used\s{1,3})?as\s{1,3}(?:the|our|a|its)\s{1,3}(?:base|starting|foundation|parent|initial)\s{1,3}(?:model|point|checkpoint|LLM|language\s{1,3}model|backbone)\b|^\s{0,3}is\s{1,3}(?:our|the)\s{1,3}base\b(?!(?:\s{1,3}model)?\s{1,3}(?:that|which|of|for|used by)\s{1,3}(?!We\b|I\b|This\b|Our\b)[A-Z])/i;
/** "A PLM model trained using X base LLM", "built on X backbone model": a training verb, the model, then its role. */
const TRAINED_WITH =
  /\b(?:trained|fine-?tuned|finetuned|built|developed|post-?trained)\s{1,3}(?:using|with|on|upon)\s{0,3}(?:the\s{1,3})?$/i;
const ROLE_AFTER =
  /^\s{0,3}(?:(?:base|backbone|foundation)\s{1,3})?(?:LLM|language\s{1,3}model)\b|^\s{0,3}(?:base|backbone|foundation)\s{1,3}model\b/i;
/** "X …: this is the pre-trained model that serves as the starting point for fine-tuning" (round 8). */
const SERVES_AS_BASE =
  /^[^.;]{0,80}?\b(?:serves?|served|acts?|used) as (?:the|a|our) (?:starting point|base model|base|foundation|initiali[sz]ation) (?:for|of) (?:the |our |this )?(?:fine-?tun|train|sft|adapt)/i;
/** "a checkpoint of X after SFT", "an X-based model" (the phrasing battery, round 5). */
const CHECKPOINT_OF = /\bcheckpoint of\s*$/i;
const AFTER_TRAINING =
  /^\s{0,3}after\s{1,3}(?:SFT|DPO|ORPO|KTO|GRPO|PPO|RLHF|Q?LoRA|supervised|fine-?tuning|training|alignment)\b/i;
const X_BASED =
  /^-based\s{1,3}(?:[\w-]{1,30}\s{1,3}){0,3}?(?:model|checkpoint|adapter|fine-?tune|version)\b/i;
/** "Fine-tuned X with …", "Preference-tuned X with KTO": a participle opening the sentence, the model its object. */
const OPENING_PARTICIPLE = /^\W{0,3}(?:[a-z]{1,20}-)?(?:tuned|trained|aligned)\s*$/i;
/** "X + LoRA", "X + SFT": the model and the method applied to it. */
const PLUS_METHOD = /^\s{0,3}\+\s{0,3}(?:Q?LoRA|DoRA|SFT|DPO|ORPO|KTO|GRPO|PPO|full fine-?tuning)\b/i;
/** "This model is X trained with GRPO": the card's model is X with training applied. */
const IS_MODEL = /\b(?:(?:this|the|our) (?:model|decoder|encoder|backbone|checkpoint)|this|it) is\s*$/i;
/** …after it: a participle of training, or "with" a method ("This is X with an SFT stage on …"). */
const TRAINED_PARTICIPLE =
  /^\s{0,3}(?:fine-?tuned|finetuned|trained|aligned|post-?trained|continu(?:ed|ally) pre-?trained)\b|^\s{0,3}with\s{1,3}(?:an?\s{1,3})?(?:SFT|DPO|ORPO|KTO|GRPO|PPO|Q?LoRA|DoRA)\b/i;

/**
 * "This is a [whisper-large-v3-turbo](…) speech-to-text model fine-tuned on …" (dev
 * x2-int-whisper-turbo-kaz-rus-lora-on-ksc2-checkpoint): the model, then a few words of its kind, "model" and a
 * participle of training.
 */
const THIS_IS_A = /\b(?:this|it) is an?\s*$/i;
const KIND_TRAINED =
  /^\s{0,3}(?:[\w-]{1,30}\s{1,3}){0,3}?model\s{1,3}(?:fine-?tuned|finetuned|trained|adapted|post-?trained)\b/i;

/** Does the text around a model say it is the base of the card's training? */
function baseAround(before: string, after: string): boolean {
  // "O, which is fine-tuned from X": the relative clause tells another model's history.
  if (RELATIVE_HISTORY.test(before)) return false;
  if (
    BASE_PHRASE.test(before) ||
    BASE_PHRASE_MORE.test(before) ||
    OPENING_PARTICIPLE.test(before) ||
    (/\bfor\s*(?:the\s+)?$/i.test(before) && PIPELINE_FOR.test(before))
  )
    return true;
  const opener = /^(?:first|then|initially|here)?,?\s*$/i.test(before);
  if (AS_BASE.test(after) || X_BASED.test(after)) return true;
  if (TRAINED_WITH.test(before) && ROLE_AFTER.test(after)) return true;
  if (CHECKPOINT_OF.test(before) && AFTER_TRAINING.test(after)) return true;
  // "Inherits … from the base model (X)" (the phrasing battery, round 8).
  if (/\bbase model\s{0,2}\(\s{0,2}$/i.test(before)) return true;
  if (opener && (TRAINED_AFTER.test(after) || PLUS_METHOD.test(after) || PARTICIPLE_AFTER.test(after)))
    return true;
  if (THIS_IS_A.test(before) && KIND_TRAINED.test(after)) return true;
  return IS_MODEL.test(before) && TRAINED_PARTICIPLE.test(after);
}

/**
 * The objective a heading names (`Training hyperparameters (DPO)`), if any: the innermost heading that names one.
 * Worked out once per card for each headings array (the blocks under the same headings share one, see
 * `parseCard`).
 */
export function headingObjective(block: Block, state: CardState): Objective | undefined {
  const seen = state.headingObjectives.get(block.headings);
  if (seen !== undefined) return seen ?? undefined;
  let found: Objective | null = null;
  for (let i = block.headings.length - 1; i >= 0 && !found; i--)
    found = objectiveMentions(block.headings[i] as string)[0]?.objective ?? null;
  state.headingObjectives.set(block.headings, found);
  return found ?? undefined;
}

/**
 * "on" or "with" in the other languages read, right before a dataset or its noun (`sur`, `auf`, `em`, `no conjunto de
 * dados`, `на`; `mit D feinabgestimmt`, `à l'aide de D`, `com o dataset D`, `使用 D 问答对`: the phrasing battery, round 7).
 */
const ON_OTHER =
  /(?:(?:^|\s)(?:sur|auf|en|em|no|na|на|mit|avec|con|com|à l'aide d(?:e|u|es)|mediante|usando|utilisant|с помощью)\s{1,2}(?:(?:le|la|el|o|a|dem|den|der)\s)?(?:(?:conjunto de (?:dados|datos)|jeu de données|datensatz|dataset|corpus|датасете?)\s{1,2})?|(?:使用|利用|采用|用)\s{0,2})[*`_]{0,2}\s{0,2}$/i;
/**
 * Japanese and Korean mark the data after it (`X を D で LoRA ファインチューニング`, `D 데이터셋으로`; the phrasing battery),
 * Chinese names it as the data in it (`以及 D 中的数据`, round 8).
 */
const MEANS_AFTER =
  /^[*`_]{0,2}\s{0,2}(?:で|を用いて|を使って|を使用して|로|으로|中的数据|的数据|数据集)(?:\s|[^\w\s]|$)/;
/** "Dataset: X", "Datasets: X, Y": a label of the data the card names. */
const DATA_LABEL = /^\W{0,4}(?:datasets?|data|corpus)\s{0,2}:/i;
/**
 * "The model was fine-tuned using TRL on …", "This model has been further fine-tuned with LoRA …", "We fine-tuned it
 * with …", a sentence or list item that opens "Fine-tuned with QLoRA …": the card's own model was fine-tuned (plain
 * "trained" is left out: a base model's card says it too).
 */
const OWN_FINE_TUNING =
  /\b(?:(?:this|the|our) model|it) (?:was|is|has been|were) (?:\w+ )?(?:fine-?tuned|finetuned|instruction-tuned|aligned)\b|\bwe (?:\w+ )?(?:fine-?tuned|finetuned)\b|^\W{0,4}(?:fine-?tuned|finetuned) (?:with|using|via) (?:Q?LoRA|DoRA|PEFT|full fine-?tuning)\b/i;
/** Words of training right around a base (within the phrase that names it). */
const TRAINED_PHRASE =
  /fine-?tun|finetun|\btrain|\btuned|\baligned|\bdistill|\badapter|\b(?:SFT|DPO|ORPO|KTO|GRPO|PPO|RLHF|Q?LoRA|DoRA)\b/i;
const TRAINING_VERB =
  /\b(?:train|tun|fine-?tun|finetun|align|sft|dpo|optimi[sz]|distill)\w*|\bon the\b|\busing\b/i;
const PAPER_URL =
  /^https?:\/\/(?:arxiv\.org|huggingface\.co\/papers|papers\.nips\.cc|openreview\.net|aclanthology\.org)/;

/** de: "X, mit QLoRA auf D feinabgestimmt": the model opens the sentence, a method after "mit", a participle later. */
const GERMAN_MIT = /^\s{0,3},\s{0,3}mit\s{1,3}(?:Q?LoRA|DoRA|SFT|DPO|ORPO|KTO|GRPO)\b/i;
const GERMAN_TUNED = /\b(?:feinabgestimmt|feinjustiert|nachtrainiert|trainiert|fine-?getunt|finegetunt)\b/i;

/** "a QLoRA adapter trained on D for X", "QLoRA adapter weights (trained on D) for X": the model after "for" is the adapter's base (the phrasing battery). */
const ADAPTER_TRAINED =
  /\badapters?(?:\s{1,3}weights)?\s{1,3}\(?(?:trained|fine-?tuned)\s{1,3}(?:on|with)\b/i;

/** Bases: "fine-tuned version of [X]", "Finetuned from model: X", "based on X". */
function sentenceBases(
  sentence: string,
  found: Mention[],
  block: Block,
  state: CardState,
  scope: () => [number, number][],
): void {
  const adapterFor = ADAPTER_TRAINED.test(sentence);
  const german = GERMAN_TUNED.test(sentence);
  for (const m of found) {
    // "we plan to fine-tune X", "X can be fine-tuned with …", "unlike X": no base of this model.
    if (m.kind !== "model" || insideSpans(scope(), m.index)) continue;
    const before = trimEnd(sentence.slice(Math.max(0, m.index - 60), m.index), "[*`_").replace(/\*\*/g, "");
    const after = sentence.slice(m.end, m.end + 60).replace(/^[*`_]+/, "");
    const opensGerman = german && /^\W{0,3}$/.test(before) && GERMAN_MIT.test(after);
    // "- The X model: this is the pre-trained model that serves as the starting point for fine-tuning" (round 8).
    const serves = SERVES_AS_BASE.test(sentence.slice(m.end, m.end + 140));
    if (baseAround(before, after) || (adapterFor && /\bfor\s*$/i.test(before)) || opensGerman || serves) {
      state.proseBases.push(
        fact(
          m.id,
          extracted(state.file, { line: block.line, confidence: 0.8, note: "named in the card's prose" }),
        ),
      );
      // "This model is a QLoRA fine-tune of X", "a DPO-aligned version of X": the phrase itself says it was trained.
      if (TRAINED_PHRASE.test(before) || TRAINED_PHRASE.test(after.slice(0, 40)))
        state.genericFineTune ??= block.line;
    }
  }
}

/** Datasets a sentence trains on: linked or named `org/name`, and the Trainer's "on the X and the Y datasets". */
function sentenceDatasets(sentence: string, found: Mention[], block: Block, state: CardState): void {
  const { file } = state;
  // The training verb is looked for (without links and URLs) only when the sentence names a dataset.
  const datasets = found.filter((m) => m.kind === "dataset" && !/^open-llm-leaderboard\//i.test(m.id));
  const words =
    datasets.length > 0 ? replaceLinks(sentence, () => " it ").replace(/https?:\/\/\S+/g, " ") : "";
  const english = datasets.length > 0 && (TRAINING_VERB.test(words) || DATA_LABEL.test(words));
  // Another language's training word, with the dataset right after its "on" ("… avec LoRA sur [org/x](…)").
  const other = datasets.length > 0 && !english && saysTraining(words.toLowerCase());
  for (const m of datasets)
    if (
      english ||
      (other &&
        (ON_OTHER.test(sentence.slice(Math.max(0, m.index - 40), m.index)) ||
          MEANS_AFTER.test(sentence.slice(m.end, m.end + 12))))
    )
      state.proseDatasets.push(fact(m.id, extracted(file, { line: block.line, confidence: 0.7 })));
  // Trainer's generated sentence: "… on the tcm, the mdk and the NLI datasets."
  const named = /\bon the ([\w./-]+(?:(?:,| and) the [\w./-]+)*) datasets?\b/i.exec(
    replaceLinks(sentence, (label) => label),
  );
  if (named?.[1] && /fine-?tuned version of|trained on/i.test(sentence)) {
    for (const name of named[1]
      .split(/,\s*(?:and\s+)?|(?<!\s)\s+and\s+/)
      .map((n) => n.replace(/^the\s+/i, "").trim())) {
      if (!name || /^(none|unknown|an?|this|our|custom|following|same)$/i.test(name)) continue;
      state.proseDatasets.push(fact(name, extracted(file, { line: block.line, confidence: 0.8 })));
    }
  }
}

/** Settings in a sentence: "trained for 3 epochs", `` `learning_rate=2e-5` ``. */
function sentenceSettings(sentence: string, block: Block, state: CardState): void {
  const plain = sentence.replace(/\([^()]*\)/g, " ");
  const objectiveHere = objectiveMentions(plain)[0]?.objective ?? headingObjective(block, state);
  const epochs = /\b(?:for|over|trained|training)\s+(\d+(?:\.\d+)?)\s+epochs?\b/i.exec(plain);
  if (epochs?.[1] && TRAINING_VERB.test(plain))
    state.hp.push({
      key: "num_train_epochs",
      value: epochs[1],
      line: block.line,
      objective: objectiveHere,
      confidence: 0.7,
    });
  if (plain.includes("`"))
    for (const m of plain.matchAll(/`([A-Za-z_]\w*)\s*=\s*([\w.+-]+)`/g))
      if (m[1] && m[2] !== undefined && knownKey(m[1]))
        state.hp.push({
          key: m[1],
          value: m[2],
          line: block.line,
          objective: objectiveHere,
          confidence: 0.7,
        });
}

const MEMORY_CAPTION =
  /\b(?:GPU|VRAM)\s+memory\b|\bmemory\s+(?:usage|footprint|consumption|requirements?)\b/i;

/** A sentence about the models a table compares this one with ("References are …", "The baselines were …"). */
const COMPARED_MODELS =
  /^\W{0,4}(?:the\s+)?(?:references?|reference models|baselines?|baseline models|compared models|other models)\s+(?:are|were|is|was)\b/i;

export function readSentence(raw: string, block: Block, state: CardState): void {
  const { file } = state;
  // Titles of papers (`[Direct Preference Optimization: … a Reward Model](arxiv)`) are not claims about this model.
  const sentence = replaceLinks(raw, (label, target) =>
    PAPER_URL.test(target) ? `[paper](${target})` : `[${label}](${target})`,
  );
  const found = mentions(sentence);
  if (FROM_SCRATCH.test(sentence)) state.fromScratch ??= block.line;
  // "Try our other model X, fine-tuned from Y with DPO", "See also X": another model's history.
  if (OTHER_MODEL_POINTER.test(sentence)) return;
  // The sentence's out-of-scope spans (starting points kept in), worked out once, when first asked for.
  let spans: [number, number][] | undefined;
  const scope = () => (spans ??= outOfScopeSpans(sentence, { from: false }));
  sentenceBases(sentence, found, block, state, scope);
  // "is the result of continued pretraining of X" says how the model came about, not how it scores.
  if (/\b(results?(?! of\b)|evaluat\w*|benchmark\w*|leaderboard)\b/i.test(sentence)) return;
  // "References are instruction-tuned, scored raw-completion style" (under a comparison table): the models compared.
  if (COMPARED_MODELS.test(sentence)) return;
  // A table's caption on what a method costs ("**DPO GPU memory usage**", dev t9-rcp-ko-gemma2-2b-it-lora-sft) is
  // a measurement, not a statement that this model was trained so.
  if (MEMORY_CAPTION.test(sentence) && sentence.split(/\s+/).length <= 10) return;
  // "As future work, we plan to fine-tune X on D": a training the sentence puts out of scope trains on nothing yet.
  const verb = /fine-?tun|finetun|\btrain/i.exec(sentence);
  const planned = verb !== null && insideSpans(scope(), verb.index);
  if (!planned) sentenceDatasets(sentence, found, block, state);
  const said =
    /fine-?tuned version of|fine-?tuned (?:on|from)|finetuned on top of|\b(?:to|we) fine-?tune\b/i.exec(
      sentence,
    ) ?? OWN_FINE_TUNING.exec(sentence);
  // "Trained from scratch (not fine-tuned from X)": a negated fine-tuning says none was done.
  if (!planned && said && !insideSpans(scope(), said.index)) state.genericFineTune ??= block.line;
  sentenceSettings(sentence, block, state);
  const chain = arrowChain(sentence, file, block.line);
  if (chain) {
    state.prose.push(...chain.steps);
    if (chain.base) state.chainBase ??= chain.base;
    return;
  }
  const steps = sentenceSteps(sentence, file, block.line);
  for (const s of steps) s.index += block.line * 10000;
  state.prose.push(...steps);
}
