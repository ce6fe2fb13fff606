/**
 * An adapter merged into its base, said in another language's words: a merge word and an adapter word in one
 * clause (`将 LoRA 适配器合并到基座模型`, `LoRAアダプタをベースモデルにマージ`, `LoRA 어댑터를 병합`, `слияние LoRA-адаптера
 * с базовой моделью`, `LoRA-Adapter zusammenführen`, `fusionner l'adaptateur LoRA`, `fusionar el adaptador`,
 * `mesclar o adaptador LoRA`), or a heading that names the merge over a block that names the adapter. Data
 * merged (`合并数据集`) is not an adapter merge. Read only in a card whose training used an adapter (LoRA/QLoRA/DoRA).
 *
 * Phrase sources (find_string ids of stored public files): 52907391072 "Phase 2.7 将最优 LoRA adapter 合并回基座模型",
 * 31697255385 "Слияние LoRA-адаптера с базовой моделью", 54566069807 "베이스 모델과 LoRA 어댑터를 병합하여", 53414507462
 * "Merge precisa de pesos em float16/bfloat16 completos"; dev k-ne-ru-vkvlm-llava-gemma-lora-report "LoRA-адаптеры и
 * merged модель", k-ne-zh-wendongmi-internlm2-qlora "5. HuggingFace 模型合并到大语言模型" (a heading over the merge).
 */
import type { Block } from "../markdown.js";
import { clause, matches, phraseRegex } from "./ml-text.js";

const MERGE_WORDS = phraseRegex([
  "合并",
  "合併",
  "融合",
  "マージ",
  "병합",
  "머지",
  "слияние",
  "слить",
  "смерж",
  "объединение адаптера",
  "zusammenführ",
  "zusammengeführt",
  "fusionner",
  "fusionné",
  "fusion de",
  "fusionar",
  "fusionado",
  "mesclar",
  "mesclado",
  "fundir",
  "merged",
  "merge",
]);

/** Words for the adapter (or LoRA weights) being merged. */
const ADAPTER = /lora|adapter|适配器|適配器|アダプタ|어댑터|адаптер|adaptateur|adaptador/;
/**
 * Words for the base model an adapter is merged into (`将最佳checkpoint与基座模型融合`, dev
 * v1-ne-zh-xunzi-qwen2-15b-classical-modern-translation-ft): in a card whose training used an adapter, only the
 * adapter can be merged into its base.
 */
const INTO_BASE =
  /基座模型|基础模型|基模型|底座模型|ベースモデル|베이스 ?모델|기본 ?모델|базов\S{0,4} модел|base ?model|basismodell|modèle de base|modelo base/;
/** An English statement that the merge did not happen, or happens elsewhere. */
const NOT_DONE = /\bnot\b|\bunmerged\b|\bwithout\b|n't\b|\binstead\b|\bseparate(?:ly)?\b|\bbefore merging\b/;
/** Words for data: a merge of data is not an adapter merge. */
const DATA = /数据|資料|データ|데이터|данн|датасет|dataset|daten|données|datos|dados/;

/**
 * What LoRA allows in general (`这些适配器权重可以与基础模型合并`, `les poids des adaptateurs peuvent être fusionnés`,
 * dev c-ne-zh/fr-agents-course-gemma2-function-calling): a possibility, not a step taken.
 */
const MODAL =
  /可以|可与|能够|也可|できる|できます|수 있|можно|могут|может|kann|können|peut|peuvent|puede|pueden|pode|podem|\bcan\b|\bcould\b|\bmay\b/;

function saysMerge(lower: string, line: string, intoBase = false): boolean {
  for (const m of matches(MERGE_WORDS, lower, 20)) {
    const at = m.index ?? 0;
    const around = clause(lower, at, at + m[0].length, 80);
    if (MODAL.test(around) || NOT_DONE.test(around)) continue;
    if ((ADAPTER.test(around) || (intoBase && INTO_BASE.test(around))) && !DATA.test(around)) return true;
    if (ADAPTER.test(line) && !DATA.test(around) && lower.length < 60) return true;
  }
  return false;
}

/**
 * The line of the first statement of an adapter merge in a block, if any. `intoBase`: the card's training used an
 * adapter, so a merge into the base model (no adapter word) is one too.
 */
export function adapterMergeLine(block: Block, lower: string, intoBase = false): number | undefined {
  const heading = (block.headings.filter(Boolean).pop() ?? "").toLowerCase();
  if (saysMerge(lower, "", intoBase)) return block.line;
  // A heading that names a merge over a block that names the adapter (`## 模型合并` / `将 LoRA 权重…`).
  if (heading.length < 60 && ADAPTER.test(lower) && saysMerge(heading, lower.slice(0, 300)))
    return block.line;
  return undefined;
}
