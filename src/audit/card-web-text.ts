/**
 * Text from public websites that a card names as its training data ("fine-tune GPT-2 on a custom dataset of
 * Wikipedia articles", a `## 预训练数据` table row `[中文維基百科](https://dumps.wikimedia.org/zhwiki/)`, "texts
 * with expert knowledge (e.g., Wikipedia)" under `### Pre-training Data`). The sites' own terms license every
 * copy of their text, so the data's licence is known even when no Hub dataset is named: Wikipedia's text and
 * Stack Exchange's posts are CC BY-SA (`data/datasets-web.ts`). A mention counts only where the card speaks
 * of its training data: a line of a data section, a row of a table whose header names data, or a sentence
 * that says the model was trained on it. Links to the sites (a Wikipedia article cited, a Wikimedia Commons
 * image) are not training data, nor are words in code blocks (a command's argument). Pure; never throws.
 */
import type { ProseDataset } from "./card-datasets.js";
import { WEB_TEXT_SOURCES } from "./data/datasets-web.js";

/** A heading over training data, in the languages of the corpus (`## Pre-training Data`, `### 預訓練資料`). */
const DATA_HEADING =
  /^#{1,6}\s.*(?:\b(?:datasets?|data|corpus|corpora)\b|数据|資料|データ|데이터|语料|語料|Daten|donn[ée]es|datos|dados|данные)/i;
/** A heading about something else that also says "data" (`## Evaluation data`, `## Data formats`). */
const OTHER_HEADING =
  /\b(?:evaluat|bench|test|generation|format|process|ownership|citation|license|licence|limitation|bias)|评测|評測|評価|평가/i;
/** A table header cell that names data (`| 資料集 | 檔案大小 |`, `| Dataset | Size |`, `| 类型 | 描述 |` under a data heading). */
const DATA_HEADER = /\b(?:datasets?|data|corpus|source)\b|数据|資料|データ|데이터|语料|語料/i;
/** A header of results (`| Dataset | Score |`): its rows are benchmarks. */
const SCORES = /\b(?:score|acc(?:uracy)?|f1|bleu|rouge|pass@\d|win rate)\b|得分|分数|精度/i;
/** A verb of training ("trained", "fine-tune", "pre-training"); "on" must follow it before the mention. */
const TRAIN_VERB =
  /\b(?:trained|training|train|fine[\s-]?tun(?:ed|ing|e)|finetun(?:ed|ing|e)|pre-?train(?:ed|ing)?)\b/i;
/** Words that make a sentence about evaluation, retrieval or bias, not training data. */
const NOT_TRAINING =
  /\b(?:evaluat|benchmark|accuracy|score|test set|leaderboard|retriev|bias|cite|citation)/i;
/** A Markdown link: its text is kept, its address dropped (a link to a site is no mention of its text). */
const LINK = /!?\[([^[\]\n]{0,300})\]\([^()[\]\s]{0,500}\)/g;
const BARE_URL = /\bhttps?:\/\/\S{1,500}/g;

/** The line without link addresses and bare URLs, image links dropped whole. */
function withoutAddresses(line: string): string {
  return line
    .replace(LINK, (all, text: string) => (all.startsWith("!") ? " " : ` ${text} `))
    .replace(BARE_URL, " ");
}

/** Is this table line a header row (the line after it is a `| --- |` separator)? */
function isHeader(lines: readonly string[], i: number): boolean {
  return /^[ \t]*(?:\|[ \t]*)?:?-{3,}/.test(lines[i + 1] ?? "");
}

/** For each line, whether a mention there is about training data. */
function dataLines(lines: readonly string[]): boolean[] {
  const out: boolean[] = [];
  let inData = false;
  let underOther = false;
  let table: "data" | "scores" | "other" | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^#{1,6}\s/.test(line)) {
      underOther = OTHER_HEADING.test(line);
      inData = DATA_HEADING.test(line) && !underOther;
    }
    if (!line.trimStart().startsWith("|")) table = undefined;
    else if (isHeader(lines, i))
      table = SCORES.test(line)
        ? "scores"
        : !underOther && DATA_HEADER.test(line) && !OTHER_HEADING.test(line)
          ? "data"
          : "other";
    out.push(table === "data" || (inData && table !== "scores"));
  }
  return out;
}

/** Does a training verb come before `at`, with "on" between them ("fine-tune GPT-2 on … Wikipedia")? */
function trainedOn(sentence: string, at: number): boolean {
  const verb = TRAIN_VERB.exec(sentence);
  if (!verb || verb.index >= at) return false;
  const between = sentence.slice(verb.index + verb[0].length, at);
  return between.length <= 120 && /\bon\b/i.test(between);
}

/** Website text a card names as training data, each with the line it was read from. */
export function webTextInProse(body: string): ProseDataset[] {
  const found = new Map<string, ProseDataset>();
  const lines = body.split(/\r?\n/);
  const data = dataLines(lines);
  let fenced = false;
  lines.forEach((raw, i) => {
    if (/^\s{0,3}(?:```|~~~)/.test(raw)) fenced = !fenced;
    if (fenced || raw.length > 2000) return;
    const line = withoutAddresses(raw);
    for (const sentence of line.split(/(?<=[.!?。！？])\s+/)) {
      if (NOT_TRAINING.test(sentence)) continue;
      for (const source of WEB_TEXT_SOURCES) {
        if (found.has(source.id)) continue;
        const at = source.mention.exec(sentence);
        if (!at) continue;
        if (data[i] || trainedOn(sentence, at.index))
          found.set(source.id, { id: source.id, where: raw.trim().slice(0, 200) });
      }
    }
  });
  return [...found.values()];
}
