/**
 * Datasets named only in words in a sentence about training ("fine-tuned on the Databricks Dolly 15k instruction
 * dataset", "trained on ShareGPT conversations", "Data: UltraChat 200k"). The name is resolved through ftl's table
 * of well-known datasets (`model/known-datasets.ts`) and recorded as `inferred`, with the table's confidence, its
 * source and the quote; a name the table does not know is left alone. A sentence about evaluation or benchmarks,
 * a name used for a prompt format ("in the Alpaca format") and a name inside a longer token (`alpaca_data.json`,
 * `Alpaca-GPT4`) are not read.
 */

import {
  datasetNameForm,
  isOwnDatasetName,
  KNOWN_DATASET_CONFIDENCE,
  knownDatasetNames,
  knownDatasetSource,
  resolveKnownDataset,
} from "../../model/known-datasets.js";
import type { CardState } from "../card-body.js";
import { sameDataset } from "../card-datasets.js";
import { fact, inferred } from "../facts.js";
import { type Block, replaceLinks, sentences } from "../markdown.js";
import { foreignText, matches, phraseRegex, saysTraining, skipBlock, wholeWord } from "./ml-text.js";

const NAMES = phraseRegex(knownDatasetNames());

/** English words that say the sentence is about training, and a "Data:" / "Training data:" label. */
const TRAINED =
  /\b(?:train(?:s|ed|ing)?|fine-?tun(?:es?|ed|ing)|finetun(?:es?|ed|ing)|instruction-tuned|tuned|sft|dpo)\b/i;
const DATA_LABEL = /^[\s*_#>-]*(?:training |fine-?tuning )?(?:data|datasets?)\s*[:：]/i;

/** A sentence about evaluation, in English or the other languages read. */
const EVALUATION =
  /evaluat|benchmark|\btest(?:ed|ing)? (?:on|set)|\btest split|validat|leaderboard|\bscores?\b|accuracy|compared|outperform|zero-shot|few-shot|perplexity|评估|评测|測試|测试|評価|평가|оценк|évalu|evalua|avalia/i;

/**
 * A name used for something other than data: a prompt format, an adapter, a model or a project (in the languages
 * read: "中文LLaMA&Alpaca大模型", "参考了Stanford Alpaca项目中数据集处理的相关部分").
 */
const NOT_DATA_AFTER =
  /^\W{0,3}(?:format(?:ted)?|style|template|prompts?|models?|lora|adapter|\d+(?:\.\d+)?b\b|paper|recipe|chat template|schema|projects?|repo(?:sitory)?|code|大?模型|项目|代码|モデル|모델|модел|modèle|modelo|modell)/i;

/**
 * A name given as a format or a likeness, not as data: a format word just before it ("the Alpaca template",
 * "o template (Alpaca)", "uma estrutura como alpaca"), or a likeness word right before it ("类似于hh-rlhf数据集的格式").
 */
const FORMAT_BEFORE = /template|format|estilo|structure|estrutura|模板|格式|形式/i;
const LIKE_BEFORE = /(?:similar to|like|such as|类似于?)\s*(?:the )?$/i;

/**
 * A known name followed by a qualifier and a dataset word ("the MS MARCO passage dataset", "OpenOrca GPT4 data")
 * names a part or variant the table does not hold: left unresolved, as a model name followed by a variant word is.
 * Words that only say what kind of data it is ("the Alpaca instruction dataset") do not count.
 */
const QUALIFIED = /^ ([\w.+]{1,20}) (?:dataset|data|corpus|subset|split)\b/i;
const KIND_WORD =
  /^(?:instructions?|instruct|chat|conversations?|conversational|dialogues?|preferences?|pairs|training|train|fine|finetuning|sft|dpo|rlhf|qa|question|reasoning|math|code|english|chinese|japanese|korean|multilingual|public|open|full|original|cleaned|filtered|whole|entire|same|\d{1,3}(?:[.,]\d)?[kmb]?)$/i;

function qualified(sentence: string, end: number): boolean {
  const m = QUALIFIED.exec(sentence.slice(end, end + 40));
  return m !== null && !KIND_WORD.test(m[1] ?? "");
}

/** Does the name at `start..end` of the original sentence stand alone (not part of an id, path or file)? */
function standsAlone(sentence: string, start: number, end: number): boolean {
  if (/[\w@/.-]/.test(sentence[start - 1] ?? "")) return false;
  const next = sentence[end] ?? "";
  if (/[\w/]/.test(next)) return false;
  return !(/[-_.]/.test(next) && /\w/.test(sentence[end + 1] ?? ""));
}

/** German, Spanish, Portuguese, French and Italian training words, for text written without accents. */
const LATIN_TRAINED =
  /\b(?:trainiert|feinabgestimmt|feinjustiert|nachtrainiert|entrenad[oa]s?|entrenamiento|treinad[oa]s?|treinamento|ajustad[oa]s?|afinad[oa]s?|entraine|affine|finetune|addestrat[oa]|perfezionat[oa])\b/i;

/** A comparison with other models: their data is not this model's. */
const COMPARISON = /compar|outperform|\bthan\b|\bvs\.?\s|versus|baseline|other models?/i;

function aboutTraining(sentence: string): boolean {
  if (EVALUATION.test(sentence)) return false;
  if (TRAINED.test(sentence) || DATA_LABEL.test(sentence) || LATIN_TRAINED.test(sentence)) return true;
  return foreignText(sentence) && saysTraining(sentence.toLowerCase());
}

/**
 * The parts of a sentence to read: all of it when it is about training; its training clauses when another clause
 * is about evaluation ("Trained with SFT on MetaMathQA, then evaluated on GSM8K"), unless it compares models.
 */
function trainingParts(sentence: string): string[] {
  if (aboutTraining(sentence)) return [sentence];
  if (!EVALUATION.test(sentence) || COMPARISON.test(sentence)) return [];
  return sentence
    .split(/[,;]\s|\s(?:then|and then|before|after|while|whereas|and evaluated)\s/)
    .filter(aboutTraining);
}

/** The table's ids for the names a training sentence gives, each with the name as written. */
export function namedDatasets(text: string): { id: string; name: string }[] {
  const found: { id: string; name: string }[] = [];
  for (const sentence of trainingParts(text)) namesIn(sentence, found);
  return found;
}

function namesIn(sentence: string, found: { id: string; name: string }[]): void {
  const form = datasetNameForm(sentence);
  for (const m of matches(NAMES, form, 20)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!wholeWord(form, start, end) || !standsAlone(sentence, start, end)) continue;
    if (NOT_DATA_AFTER.test(sentence.slice(end, end + 20)) || qualified(sentence, end)) continue;
    const before = sentence.slice(Math.max(0, start - 30), start);
    if (FORMAT_BEFORE.test(before) || LIKE_BEFORE.test(before)) continue;
    const id = resolveKnownDataset(m[0]);
    const written = sentence.slice(start, end);
    // `alpaca_gpt4_zh`, `belle_2m`: a name with underscores that is not the id's own is a trainer's key for its
    // data (LLaMA-Factory's dataset_info) or a file, written as it is.
    if (id && written.includes("_") && !isOwnDatasetName(written, id)) continue;
    if (id && !found.some((f) => f.id === id)) found.push({ id, name: written });
  }
}

/** Reads datasets named in words from the card's prose (not its code, tables or evaluation sections). */
export function readNamedDatasets(blocks: Block[], state: CardState): void {
  const skip = new Map<string, boolean>();
  for (const block of blocks) {
    if (block.type === "table" || skipBlock(block, skip)) continue;
    for (const line of block.text.split("\n"))
      for (const raw of sentences(line)) {
        // A link to the Hub is read by the readers of links, whatever its label says.
        const sentence = replaceLinks(raw, (label, target) =>
          /huggingface\.co|hf\.co|hf-mirror\.com/i.test(target) ? " it " : label,
        ).replace(/\*\*|__|`/g, "");
        if (sentence.length > 600) continue;
        for (const { id, name } of namedDatasets(sentence)) {
          if (state.proseDatasets.some((d) => sameDataset(d.value, id))) continue;
          const quote = sentence.trim().slice(0, 160);
          state.proseDatasets.push(
            fact(
              id,
              inferred(
                state.file,
                `"${name}" named in words in "${quote}"; resolved by ftl's table of well-known datasets (${knownDatasetSource(id)})`,
                KNOWN_DATASET_CONFIDENCE,
                `line ${block.line}`,
              ),
            ),
          );
        }
      }
  }
}
