/**
 * A dataset's Hub id written right beside a dataset word in a clause about training, before it (`在
 * yahma/alpaca-cleaned 数据集上进行微调`) or after it (`使用数据集 \`tatsu-lab/alpaca\` 进行训练`).
 */
import { type Ref, refAfter, refBefore } from "./ml-refs.js";
import { clause, saysTraining } from "./ml-text.js";

/** Data for testing or evaluation, not training. */
export const NOT_TRAINING =
  /test|eval|valid|测试|评估|验证|テスト|評価|検証|테스트|평가|검증|тест|оценк|валид/;

/** `在 yahma/alpaca-cleaned 数据集上进行微调`: an id written right before the dataset word, in a clause about training. */
export function idBefore(text: string, lower: string, start: number): Ref | undefined {
  const ref = refBefore(text, start);
  if (!ref || (ref.kind !== "hub" && ref.kind !== "dataset")) return undefined;
  const around = clause(lower, ref.start, start + 4, 60);
  return saysTraining(around) && !NOT_TRAINING.test(around) ? ref : undefined;
}

/**
 * `使用数据集 \`tatsu-lab/alpaca\` 进行训练`, `на датасете IlyaGusev/ru_turbo_saiga`: a Hub id or dataset link right after
 * the dataset word (spaces and emphasis between), in a clause about training.
 */
export function idAfter(text: string, lower: string, end: number): Ref | undefined {
  const ref = refAfter(text, end);
  if (!ref || (ref.kind !== "hub" && ref.kind !== "dataset")) return undefined;
  if (!/^[\s*_`「『“"'(（]*$/.test(text.slice(end, ref.start))) return undefined;
  const around = clause(lower, end, ref.end, 60);
  return saysTraining(around) && !NOT_TRAINING.test(around) ? ref : undefined;
}

/**
 * A numbered line naming the data under another language's data heading (`## 2. 데이터셋 (Dataset)` / ` 1) Name:
 * ChuGyouk/PubMedQA-test-Ko`, find_string 26633229794): a Hub id after a name label.
 */
const NAME_LINE =
  /^\s{0,4}(?:\d{1,2}[.)]\s{0,3})?(?:name|id|hub|source|名称|名字|来源|名前|이름|출처|название|источник)\s{0,2}[:：]\s{0,3}/i;

export function namedLine(text: string): Ref | undefined {
  if (text.length > 200 || text.includes("\n")) return undefined;
  const label = NAME_LINE.exec(text);
  const ref = label ? refAfter(text, label[0].length) : undefined;
  return ref?.kind === "hub" || ref?.kind === "dataset" ? ref : undefined;
}
