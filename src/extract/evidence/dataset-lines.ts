/**
 * Lines that name the training data: a data label and its value ("Dataset: [org/name](…)", "- **Training data:**
 * org/name, OpenHermes 2.5", "数据集：org/name", "学習データ: …"), a list under a training-data heading ("## Training
 * Data" / "- [UltraChat 200k](…/datasets/HuggingFaceH4/ultrachat_200k)" / "- SlimOrca"), and a bare dataset URL in
 * a sentence about training ("fine-tuned using the dataset at https://huggingface.co/datasets/org/name"). A value is
 * a Hub dataset link or URL, an `org/name` id (extracted), or a name the table of well-known datasets knows
 * (inferred, with the table's source). Evaluation and usage sections, model links, files and paths are not read.
 * Phrasings seen in public cards of the index (find_string "Training data:", "- **Dataset:**", "数据集：", "データセット:").
 */

import { hubRepo } from "../../model/hub-url.js";
import {
  KNOWN_DATASET_CONFIDENCE,
  knownDatasetSource,
  resolveKnownDataset,
} from "../../model/known-datasets.js";
import { trimEnd } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import { sameDataset } from "../card-datasets.js";
import { extracted, fact, inferred } from "../facts.js";
import { type Block, innerHeading, linkSpans, replaceLinks } from "../markdown.js";
import { skipBlock } from "./ml-text.js";

/** A data label opening a line, in the languages read; its value follows. */
const LABEL =
  /^\s{0,3}(?:[-*+]\s{1,3}|\d{1,2}[.)]\s{1,3})?(?:\*\*|__)?(?:fine-?tuned (?:from|on) (?:the )?)?(?:(?:training|train|fine-?tuning|finetuning|sft|dpo|rl|instruction|preference)[ -])?(?:data ?sets?|data|corpus|corpora|训练数据|训练集|数据集|微调数据|訓練資料|資料集|学習データ|データセット|訓練データ|학습 ?데이터|데이터셋|훈련 ?데이터|обучающие данные|датасет|набор данных|trainingsdaten|datensatz|données d'entraînement|jeu de données|datos de entrenamiento|conjunto de datos|dados de treinamento|dados de treino|conjunto de dados)(?: used)?(?:\*\*|__)?\s{0,2}[:：](?:\*\*|__)?\s{0,3}/i;

/** A heading about the data trained on, in the languages read; evaluation headings are skipped before. */
export const DATA_HEADING =
  /\b(?:training|train|fine-?tuning|sft|dpo|instruction)[ -](?:data(?:sets?)?|corpus|mix(?:ture)?)\b|^\W*(?:\d+[.)]?\s*)?(?:data(?:sets?)?|data ?mix(?:ture)?|dataset mix(?:ture)?)\W*$|训练数据|训练集|数据集|微调数据|训练资料|学習データ|データセット|訓練データ|학습 ?데이터|데이터셋|훈련 ?데이터|обучающ|датасет|trainingsdaten|datens[äa]tze?|données d'entra[îi]nement|jeu de données|datos de entrenamiento|conjunto de datos|dados de trein|conjunto de dados/i;

/**
 * A heading that says the data was trained on (a bare "Dataset" / "数据集" heading may be a catalogue of the
 * datasets a toolkit supports, and is not enough for a list).
 */
export const TRAINING_DATA_HEADING =
  /\b(?:training|train|fine-?tuning|finetuning|sft|dpo|instruction)[ -](?:data(?:sets?)?|corpus|mix(?:ture)?)\b|\b(?:data(?:sets?)?|data) used\b|\btrained on\b|训练数据|训练集|微调数据|訓練資料|学習データ|訓練データ|학습 ?데이터|훈련 ?데이터|обучающ|данные для обучения|trainingsdaten|données d'entra[îi]nement|datos de entrenamiento|dados de trein/i;

/** A catalogue or an acknowledgement, not the data this model was trained on. */
export const NOT_OWN_DATA =
  /available|supported|catalog|recommended|other |more |related|thank|acknowledg|credit|支持|推荐|更多|其他|可用|相关|感谢|致谢|謝辞|感謝|おすすめ|その他|추천|기타|지원|감사|благодар|danke|merci|gracias|agradec|obrigad/i;

/** Is the block in a catalogue or acknowledgement section (any heading above it)? */
export function catalogue(block: Block): boolean {
  return block.headings.some((h) => NOT_OWN_DATA.test(h) || TEST_HEADING.test(h));
}

/** Test or validation data ("### Testing Data" in the Hub's card template). */
const TEST_HEADING = /\btest(?:ing)?\b|\bvalidation\b|\beval\b|测试|テスト|테스트/i;

const TRAINED =
  /\b(?:train(?:s|ed|ing)?|fine-?tun(?:es?|ed|ing)|finetun(?:es?|ed|ing)|instruction-tuned|tuned|sft|dpo)\b/i;
const EVALUATION =
  /evaluat|benchmark|\btest(?:ed|ing)? (?:on|set)|validat|leaderboard|评估|评测|测试|評価|평가|оценк/i;

const FILE = /\.(?:jsonl?|csv|tsv|txt|parquet|arrow|zip|gz|tar|xlsx?|md|py)$/i;
const ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;
const PATH_ROOT = /^(?:data|datasets?|train|output|outputs|home|mnt|tmp|root|content|workspace|src)\//i;

/** Is an `org/name`-shaped value a data file or a path (`data/train.jsonl`, `outputs/x`), not a Hub dataset id? */
export function fileOrPath(value: string): boolean {
  return FILE.test(value) || PATH_ROOT.test(value);
}
const DATASET_URL =
  /https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co|hf-mirror\.com)\/datasets\/[\w.-]{1,96}\/[\w.-]{1,96}/g;

export interface Named {
  id: string;
  /** The name as written, when the table of well-known datasets resolved it. */
  known?: string;
}

/** The text without a closing parenthetical note ("OPUS-100 (Helsinki-NLP)" → "OPUS-100"); by index, not a pattern. */
export function withoutTrailingNote(raw: string): string {
  const text = raw.trim();
  const last = text[text.length - 1];
  if (last !== ")" && last !== "）") return text;
  const open = Math.max(text.lastIndexOf("("), text.lastIndexOf("（"));
  return open > 0 && text.length - open <= 82 ? text.slice(0, open).trim() : text;
}

/** A written part of a value: an `org/name` id, or a name the table knows. */
function namePart(part: string): Named | undefined {
  let text = withoutTrailingNote(part.replace(/[*`"'“”]/g, ""));
  for (const word of [" dataset", " data"])
    if (text.toLowerCase().endsWith(word)) text = text.slice(0, -word.length).trim();
  if (text.length === 0 || text.length > 80) return undefined;
  if (ID.test(text)) return fileOrPath(text) ? undefined : { id: text };
  const known = resolveKnownDataset(text);
  return known ? { id: known, known: text } : undefined;
}

/** The datasets a value gives: its dataset links and URLs, else its comma-separated ids and known names. */
export function valueDatasets(value: string): Named[] {
  const out: Named[] = [];
  let rest = "";
  let at = 0;
  for (const l of linkSpans(value)) {
    const hub = hubRepo(l.target.trim().split(/\s/)[0] ?? "");
    if (hub?.kind === "dataset") out.push({ id: hub.id });
    else if (!hub) rest += `${value.slice(at, l.start)} ${l.label} `;
    else rest += value.slice(at, l.start);
    at = l.end;
  }
  rest += value.slice(at);
  for (const m of rest.matchAll(DATASET_URL)) {
    const hub = hubRepo(trimEnd(m[0], "."));
    if (hub) out.push({ id: hub.id });
  }
  if (out.length > 0) return out;
  const plain = rest.replace(/[(（][^()（）]{0,200}[)）]/g, " ").replace(/\s+/g, " ");
  for (const part of plain.split(/[,;、，]| (?:and|&|\+|und|et|y|e|и) /)) {
    // "**org/name**: what it is", "org/name - what it is": the id before its description.
    const cut = part.search(/ [-–—:] |(?<=\S)[*_`]{0,2}[:：]\s/);
    const found = namePart(cut === -1 ? part : part.slice(0, cut));
    if (found) out.push(found);
  }
  return out;
}

/**
 * Records a dataset the card names (once): inferred through the table of well-known datasets when it was named in
 * words, else extracted with `note` (by default "named HOW"). Used by the label, list and table readers.
 */
export function pushNamedDataset(
  state: CardState,
  found: Named,
  line: number,
  how: string,
  note = `named ${how}`,
): void {
  if (state.proseDatasets.some((d) => sameDataset(d.value, found.id))) return;
  state.proseDatasets.push(
    fact(
      found.id,
      found.known
        ? inferred(
            state.file,
            `"${found.known}" named ${how}; resolved by ftl's table of well-known datasets (${knownDatasetSource(found.id)})`,
            KNOWN_DATASET_CONFIDENCE,
            `line ${line}`,
          )
        : extracted(state.file, { line, confidence: 0.8, note }),
    ),
  );
}

/** One line of a block: a label and its value, an item under a data heading, or a training sentence's URL. */
/**
 * "**Source:** `org/name` (Hugging Face Datasets Hub)" under a heading that is only about the data ("## 3.
 * Dataset": dev s7-card-tinyllama-medical-flashcards-lora): where the data comes from.
 */
const SOURCE_LABEL =
  /^\s{0,3}(?:[-*+]\s{1,3})?(?:\*\*|__)?(?:source|hub id|hugging ?face id|hf id)(?:\*\*|__)?\s{0,2}[:：](?:\*\*|__)?\s{0,3}/i;

/**
 * "The train dataset is `trl-lib/Capybara` which can be found in huggingface" (blind dev
 * g8-int-qwen25-05b-capybara-sft-then-ultrafeedback-dpo): a sentence whose subject is the training data; its value
 * ends at the first clause that describes it ("which", "from", a full stop).
 */
const DATA_IS =
  /^\s{0,3}(?:[-*+]\s{1,3})?(?:the |our |my )?(?:training|train|fine-?tuning|finetuning|sft|dpo|preference|instruction)[ -](?:data ?sets?|data|corpus) (?:used )?(?:is|was|are|were)\s{1,3}/i;
const VALUE_END = [" which ", " that ", " from ", " on ", " in ", " (", ". ", "; "];

function dataIsValue(text: string): string | undefined {
  const m = DATA_IS.exec(text);
  if (!m || text.length > 300 || EVALUATION.test(text)) return undefined;
  const rest = text.slice(m[0].length);
  const ends = VALUE_END.map((e) => rest.indexOf(e)).filter((i) => i > 0);
  return trimEnd(rest.slice(0, ends.length > 0 ? Math.min(...ends) : rest.length).trim(), ".");
}

function readLine(
  text: string,
  isItem: boolean,
  underHeading: boolean,
  line: number,
  state: CardState,
  dataHeading = false,
): void {
  const stated = dataIsValue(text);
  if (stated) {
    for (const found of valueDatasets(stated)) pushNamedDataset(state, found, line, "as the training data");
    return;
  }
  const label = LABEL.exec(text);
  if (label) {
    for (const found of valueDatasets(text.slice(label[0].length)))
      pushNamedDataset(state, found, line, "after a data label");
    return;
  }
  const source = dataHeading && text.length <= 300 ? SOURCE_LABEL.exec(text) : null;
  if (source && !EVALUATION.test(text) && !NOT_OWN_DATA.test(text)) {
    for (const found of valueDatasets(text.slice(source[0].length)))
      pushNamedDataset(state, found, line, "as the source under the data heading");
    return;
  }
  // An item's own text, or a line that is only a link or URL (`https://huggingface.co/datasets/org/name`).
  const item = isItem ? text : /^\s{0,3}(?:[-*+]|\d{1,2}[.)])\s{1,3}(.{1,300})$/.exec(text)?.[1];
  const alone = /^\s{0,3}(?:<?https?:\/\/\S{1,300}|\[[^\]]{1,200}\]\(\S{1,300}\))\s{0,3}$/.test(text)
    ? text
    : undefined;
  const entry = item ?? alone;
  if (
    underHeading &&
    entry !== undefined &&
    entry.length <= 300 &&
    !EVALUATION.test(entry) &&
    !NOT_OWN_DATA.test(entry)
  ) {
    for (const found of valueDatasets(entry))
      pushNamedDataset(state, found, line, "in a list under a training-data heading");
    return;
  }
  if (underHeading && codeIdAfterDataWords(text, line, state)) return;
  if (text.length > 600 || !text.includes("/datasets/") || EVALUATION.test(text) || COMPARISON.test(text))
    return;
  if (underHeading && !NOT_OWN_DATA.test(text)) {
    // The section about the training data (the Hub template's "### Training Data"): its dataset links.
    for (const found of valueDatasets(text).filter((f) => !f.known))
      pushNamedDataset(state, found, line, "linked in the section about the training data");
  } else if (TRAINED.test(text))
    for (const m of replaceLinks(text, (label) => label).matchAll(DATASET_URL)) {
      const hub = hubRepo(trimEnd(m[0], "."));
      if (hub) pushNamedDataset(state, { id: hub.id }, line, "by its Hub URL in a sentence about training");
    }
}

/** Words of a line that says where the data comes from ("use data from this repo:", "the dataset", "corpus"). */
const DATA_WORDS = /\b(?:data(?:sets?)?|corpus|corpora)\b/i;
/** A line about data made or judged by a model: its id is the model's. */
const MODEL_MADE = /generat|synthe|distill|teacher|annotat|judge|label(?:l?ed|ing) by|\bmodel\b/i;
/** An `org/name` id in inline code (one to three backticks). */
const CODE_ID = /`{1,3}([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})`{1,3}/g;

/**
 * A line of the section about the training data that names its data and gives one `org/name` id in code (dev
 * s4-card-wac81-llama3-8b-orpo-chinese-qlora: "use data from this repo: ```Starlento/DPO-En-Zh-20k-handbook```"). A
 * line about data a model made or judged is not read (the id may be the model's).
 */
function codeIdAfterDataWords(text: string, line: number, state: CardState): boolean {
  if (text.length > 200 || !text.includes("`") || !DATA_WORDS.test(text)) return false;
  if (MODEL_MADE.test(text) || EVALUATION.test(text) || NOT_OWN_DATA.test(text) || COMPARISON.test(text))
    return false;
  const ids = [...text.matchAll(CODE_ID)].map((m) => m[1] ?? "");
  const id = ids.length === 1 ? ids[0] : undefined;
  if (!id || fileOrPath(id)) return false;
  pushNamedDataset(state, { id }, line, "in code in the section about the training data");
  return true;
}

const COMPARISON = /compar|outperform|unlike|instead of|\bthan\b|\bvs\.?\s|versus|baseline|other models?/i;

export function readDatasetLines(blocks: Block[], state: CardState): void {
  const skip = new Map<string, boolean>();
  for (const block of blocks) {
    if (block.type === "table" || skipBlock(block, skip) || catalogue(block)) continue;
    const underHeading = block.headings.some((h) => TRAINING_DATA_HEADING.test(h));
    const dataHeading = underHeading || DATA_HEADING.test(innerHeading(block));
    block.text.split("\n").forEach((text, i) => {
      readLine(text, block.type === "item" && i === 0, underHeading, block.line + i, state, dataHeading);
    });
  }
}
