/**
 * A table of the training data: under a heading about training data ("## Training Data", "## 数据集",
 * "## データセット", "## 학습 데이터", "## Datensatz") or with a dataset column ("| Dataset | Size |", "| 数据集 | 数量 |"),
 * each row's dataset cell gives a dataset: a Hub dataset link or an `org/name` id as written (extracted), or a name
 * ftl's table of well-known datasets knows ("OPUS-100 (Helsinki-NLP)"; inferred, with the table's source).
 * A table with score columns (an evaluation), a row marked test or evaluation (or whose role or split column says
 * evaluation or test and not training), a model link and a file or path are not read. Tables in evaluation, usage or result sections are skipped like prose there.
 */

import { hubRepo } from "../../model/hub-url.js";
import { resolveKnownDataset } from "../../model/known-datasets.js";
import type { CardState } from "../card-body.js";
import { type Block, innerHeading, links, replaceLinks, tableCells } from "../markdown.js";
import {
  catalogue,
  DATA_HEADING,
  fileOrPath,
  pushNamedDataset,
  withoutTrailingNote,
} from "./dataset-lines.js";
import { skipBlock } from "./ml-text.js";

const SEPARATOR = /^\|?[\s:|-]+$/;

/** A column header naming the dataset ("Dataset", "Training dataset", "학습 데이터셋 1,2", "数据集名称"). */
const DATASET_COLUMN =
  /^(?:training |train |fine-?tuning |sft |学習|训练|訓練|학습 ?|훈련 ?)?(?:datasets?|data ?sets?|source|corpus|data|数据集|数据|資料集|データセット|データ|데이터셋|데이터|датасет|набор данных|datensatz|jeu de données|conjunto de datos|conjunto de dados|dados)/i;
/** A column about the data that is not its name: its size, licence, language, split, share. */
const OTHER_COLUMN =
  /size|count|rows|samples|examples|tokens|licen[cs]e|lang|type|format|split|ratio|weight|share|%|数量|条数|规模|件数|개수|수량|размер|anzahl|taille|tamaño|tamanho/i;

/** A table that reports scores is an evaluation. */
const SCORE_COLUMN =
  /score|accuracy|\bacc\b|bleu|rouge|\bf1\b|exact match|pass@|win ?rate|metric|perplexity|得分|分数|准确率|精度|スコア|점수|정확도|точность|genauigkeit|précision|precisión|acurácia/i;

/** A row marked as evaluation data. */
const EVAL_ROW =
  /^(?:test|testing|eval|evaluation|validation|valid|dev|held[- ]out|测试|评测|评估|検証|評価|테스트|평가|тест)(?: set| split)?$/i;

/** A column saying what each row's data was used for ("Role", "Split used", "Purpose", "用途"). */
const ROLE_COLUMN =
  /\b(?:role|purpose|usage|use[ds]?|used for|split used|splits?)\b|用途|作用|役割|용도|назначение|verwendung|utilisation|\buso\b/i;
/** A role cell saying evaluation or test, ... */
const EVAL_ROLE =
  /\b(?:eval(?:uation)?|test(?:ing)?|benchmark(?:ing)?|validation|held[- ]out)\b|测试|评测|评估|検証|評価|테스트|평가|тест|évaluation|evaluación|avaliação/i;
/** ... unless it says training too ("Training and in-distribution evaluation"). */
const TRAIN_ROLE =
  /\btrain(?:ing|ed)?\b|fine-?tun|\bsft\b|\bdpo\b|训练|微调|学習|訓練|학습|훈련|обуч|entrenamiento|treino|entraînement/i;

/** True when the row's role columns say evaluation or test and none says training. */
function evaluationOnly(values: string[], roles: number[]): boolean {
  const cells = roles.map((i) => values[i] ?? "");
  return cells.some((c) => EVAL_ROLE.test(c)) && !cells.some((c) => TRAIN_ROLE.test(c));
}

const ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;

/** The dataset a cell names, with how it was found. */
export function cellDataset(cell: string): { id: string; known?: string } | undefined {
  const urls = [
    ...links(cell).map((l) => l.url),
    ...[...cell.matchAll(/href="([^"\s]{1,300})"/g)].map((m) => m[1] ?? ""),
  ];
  for (const url of urls) {
    const hub = hubRepo(url);
    if (hub) return hub.kind === "dataset" ? { id: hub.id } : undefined;
  }
  const text = replaceLinks(cell, (label) => label)
    .replace(/[*`]/g, "")
    .trim();
  if (ID.test(text)) return fileOrPath(text) ? undefined : { id: text };
  const name = withoutTrailingNote(text);
  const known = name.length <= 80 ? resolveKnownDataset(name) : undefined;
  return known ? { id: known, known: name } : undefined;
}

/** The table's runs of rows: header, separator, data rows. */
function tables(blocks: Block[]): Block[][] {
  const out: Block[][] = [];
  let run: Block[] = [];
  for (const b of blocks) {
    if (b.type === "table") run.push(b);
    else if (run.length > 0) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  return out.filter((t) => t.length >= 3 && SEPARATOR.test((t[1] as Block).text.trim()));
}

/** A column giving the dataset's id or link ("HuggingFace ID", "Dataset ID", "Hub", "Source", "Link"). */
const ID_COLUMN =
  /\bid\b|\bhub\b|hugging ?face|\bhf\b|source|link|repo|来源|链接|連結|出典|リンク|출처|링크|источник|ссылка|quelle|fuente|fonte/i;

/**
 * The columns that may hold a row's dataset, in order: those a dataset or id header names, or the first column
 * under a training-data heading.
 */
function datasetColumns(header: string[], heading: string): { columns: number[]; linksOnly: boolean } {
  const columns: number[] = [];
  let named = false;
  header.forEach((h, i) => {
    const text = h.replace(/[*`]/g, "").trim();
    if (text.length > 30 || OTHER_COLUMN.test(text)) return;
    named ||= DATASET_COLUMN.test(text);
    if (DATASET_COLUMN.test(text) || ID_COLUMN.test(text)) columns.push(i);
  });
  const data = DATA_HEADING.test(heading);
  // Only an id column ("| Artifact | HF repo |") in a table that is not about data: a row gives a dataset only by
  // a link to a Hub dataset, never by an `org/name` (blind dev y8-long-qwen3-coder-30b-three-adapter-qlora-merge-gguf's
  // table of the model repositories its outputs went to).
  return { columns: columns.length > 0 || !data ? columns : [0], linksOnly: !named && !data };
}

/** The row's dataset, from the first of its columns that names one. */
function rowDataset(values: string[], columns: number[], linksOnly: boolean): ReturnType<typeof cellDataset> {
  for (const c of columns) {
    const cell = values[c] ?? "";
    if (linksOnly && !/huggingface\.co\/datasets\//.test(cell)) continue;
    const found = cellDataset(cell);
    if (found) return found;
  }
  return undefined;
}

export function readDatasetTables(blocks: Block[], state: CardState): void {
  const skip = new Map<string, boolean>();
  for (const table of tables(blocks)) {
    const first = table[0] as Block;
    if (skipBlock(first, skip) || catalogue(first)) continue;
    const header = tableCells(first.text);
    if (header.some((h) => SCORE_COLUMN.test(h))) continue;
    const { columns, linksOnly } = datasetColumns(header, innerHeading(first));
    if (columns.length === 0) continue;
    const roles = header.flatMap((h, i) => (ROLE_COLUMN.test(h) && !columns.includes(i) ? [i] : []));
    for (const row of table.slice(2)) {
      const values = tableCells(row.text);
      if (values.some((v) => EVAL_ROW.test(v.replace(/[*`]/g, "").trim()))) continue;
      if (evaluationOnly(values, roles)) continue;
      const found = rowDataset(values, columns, linksOnly);
      if (!found) continue;
      pushNamedDataset(
        state,
        found,
        row.line,
        "in a table of the training data",
        "a row of the card's table of training data",
      );
    }
  }
}
