/**
 * The training data file a project-layout tree marks with a comment, in the languages read:
 *
 *     ├── data/                        # Datos de entrenamiento
 *     │   └── base.jsonl               # Tu dataset (no incluido)
 *     ├── train.jsonl                  # 訓練データ（13,513サンプル）
 *     ├── korquad_tutorial.json        # 2. 학습 데이터
 *
 * (dev k-ne-es-llm-hpc-llama32-1b-qlora, t1-ne-ja-sarashina22-05b-full-and-lora-finetune,
 * s1-ne-ko-obsidian-llama2-7b-korquad-qlora-note). The file is recorded as a local reference with its folders
 * from the tree, the tree's own root left out (`data/base.jsonl`; extracted, 0.7). Read only when no other reader
 * found the card's data and the card states a training; never a file whose comment or name says it is
 * validation, test, raw, sample or evaluation data, and never in sections about evaluation, usage or catalogues.
 */
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import type { Block } from "../markdown.js";
import { outOfScopeSection } from "../section-scope.js";
import { trained } from "./dataset-files.js";
import { catalogue } from "./dataset-lines.js";

/** The characters that draw a tree before a name. */
const DRAWING = new Set([..." \t│├└─|`+-"]);
const COMMENT_MARKS = ["#", "//", "<-", "←"];

/** A tree line's drawing (its length), name, and comment after `#`, `//` or an arrow; by index, not a pattern. */
function treeLine(line: string): { column: number; name: string; comment?: string } | undefined {
  let column = 0;
  while (column < line.length && column <= 80 && DRAWING.has(line[column] as string)) column++;
  const rest = line.slice(column);
  const end = rest.search(/\s/);
  const name = end === -1 ? rest : rest.slice(0, end);
  if (name === "" || name.startsWith("#")) return undefined;
  const after = end === -1 ? "" : rest.slice(end).trim();
  if (after === "") return { column, name };
  const mark = COMMENT_MARKS.find((m) => after.startsWith(m));
  return mark ? { column, name, comment: after.slice(mark.length).trim() } : undefined;
}

const DATA_FILE = /\.(?:jsonl|json|csv|tsv|parquet|txt|arrow)$/i;
/** A data file's comment that says it is (the) training data. */
const TRAINING =
  /\b(?:train(?:ing)?|fine-?tun\w*|sft|dpo)\b|训练|訓練|学習|학습|훈련|обуч|entra[îi]n|entrenamiento|treino|treinamento|trainings/i;
const DATA_WORD =
  /\b(?:data|dataset|set|split|pairs?|samples?|examples|corpus|file)\b|数据|集|データ|데이터|페어|данн|датасет|donn[ée]es|\bjeu\b|datos|dados|conjunto/i;
const DATASET_WORD =
  /\bdataset\b|数据集|データセット|데이터셋|датасет|jeu de donn[ée]es|conjunto de (?:datos|dados)/i;
/** Comments of data that is not what the model was trained on (or not as it was trained on). */
const NOT_TRAINING =
  /valid|\bval\b|\bdev\b|\btest|\beval|benchmark|\braw\b|original|\bsample (?:data|file)|\bexamples? (?:data|file)|\bformat|验证|測試|测试|评估|原始|样例|示例|格式|脱敏|検証|テスト|評価|元データ|검증|테스트|평가|원본|валид|тест|оцен|сыр|исходн|évalu|prueba|evalua|teste|avalia/i;
const NOT_TRAINING_FILE =
  /(?:^|[/_.-])(?:test|tests|eval|valid|validation|val|dev|raw|sample|samples|example|examples|pred|predictions?|results?|metrics?|config|requirements|vocab|tokenizer|adapter_config|trainer_state)(?:[/_.-]|$)/i;

/** Is this comment, on a data file, about the training data? */
function trainingComment(comment: string): boolean {
  if (NOT_TRAINING.test(comment)) return false;
  return (TRAINING.test(comment) && DATA_WORD.test(comment)) || DATASET_WORD.test(comment);
}

/** The training data files of one tree, with their line numbers in the block; a name's depth is its column / 4. */
export function treeDataFiles(text: string): { file: string; line: number }[] {
  if (!/[├└]|\|--|`--/.test(text)) return [];
  const folders: string[] = [];
  const out: { file: string; line: number }[] = [];
  text.split("\n").forEach((line, i) => {
    const t = treeLine(line.trimEnd());
    if (!t) return;
    const name = t.name.replace(/^\.\//, "");
    const depth = Math.round(t.column / 4);
    // The tree's root ("project/" at column 0) is the repository itself: not part of a path.
    if (depth === 0) return;
    folders.length = depth - 1;
    if (name.endsWith("/")) {
      folders[depth - 1] = name.slice(0, -1);
      return;
    }
    const comment = t.comment;
    if (!comment || !DATA_FILE.test(name) || !trainingComment(comment)) return;
    const file = [...folders.filter((f) => f !== undefined), name].join("/");
    if (NOT_TRAINING_FILE.test(file) || out.some((f) => f.file === file)) return;
    out.push({ file, line: i });
  });
  return out;
}

export function readDatasetTree(blocks: Block[], state: CardState): void {
  if (state.proseDatasets.length > 0 || state.metaDatasets || !trained(state)) return;
  for (const block of blocks) {
    if (block.type !== "code" || outOfScopeSection(block) || catalogue(block)) continue;
    for (const { file, line } of treeDataFiles(block.text))
      if (!state.proseDatasets.some((d) => d.value === file))
        state.proseDatasets.push(
          fact(
            file,
            extracted(state.file, {
              line: block.line + line,
              confidence: 0.7,
              note: "a data file the project's layout tree marks as the training data",
            }),
          ),
        );
  }
}
