/**
 * Checks that a name in a sentence is not the base it seems to be: a word before it that makes it another
 * model's name, or a sentence that describes the model it names. Used by `named-bases.ts`.
 */

/**
 * A capitalised word right before the name that is neither a function word nor a publisher makes it part of
 * another model's name: "Chinese LLaMA 7B", "Tiny Llama", "Open Llama" are not LLaMA; "Meta's LLaMA-7B",
 * "the Llama 2 7B model", "Basismodell Llama 2" are.
 */
const NOT_PART_OF_NAME =
  /^(?:meta|google|microsoft|mistral|alibaba|openai|facebook|deepseek|nvidia|eleutherai|huggingface|the|this|that|these|a|an|our|my|its|their|we|i|then|first|next|here|using|use|uses|used|with|from|on|of|to|by|via|over|upon|for|base|based|built|model\w*|modell\w*|mod[eè]le|modelo|basis\w*|der|die|das|den|dem|ein|eine|el|la|le|les|los|las|il|lo|um|uma|un|une|en|de|del|des|du|mit|auf|von|sobre|com|con|avec)$/i;

export function partOfLongerName(sentence: string, start: number): boolean {
  const before = sentence.slice(Math.max(0, start - 40), start);
  if (!/[A-Z][a-z]+\s$/.test(before)) return false;
  const words = before.trim().split(/\s+/);
  const prev = words[words.length - 1] ?? "";
  // The first word of the sentence is capitalised whatever it is.
  const first = words.length === 1 && start - before.length === 0;
  return /^[A-Z][a-z]+$/.test(prev) && !first && !NOT_PART_OF_NAME.test(prev);
}

/**
 * The model the sentence is about, not the one it came from: "ChatGLM-6B is an open bilingual language model
 * based on GLM", "ChatGLM-6B 是一个开源的…对话语言模型，基于 GLM" (dev d-base-chatglm6b-vendored-card); a topic marker
 * (是, は, 는, 은) says the same in Chinese, Japanese and Korean.
 */
export const DESCRIBED =
  /^\s*(?:\([^()]{0,40}\)\s*)?(?:(?:is|was|are|ist|est|es|é)\s+(?:an?|the|our|my|ein|eine|un|une|um|uma)\b|是|は|는|은)/i;

/**
 * "X is a …", also with a few words between ("The Mistral-7B-Instruct-v0.2 Large Language Model (LLM) is an
 * improved instruct fine-tuned version of Mistral-7B-Instruct-v0.1").
 */
export function isDescribed(after: string): boolean {
  if (DESCRIBED.test(after)) return true;
  const verb = /\s(?:is|was)\s+(?:an?|the)\b/i.exec(after);
  if (!verb || verb.index > 50) return false;
  const between = after.slice(0, verb.index).trim();
  return between.split(/\s+/).length <= 4 && /^[A-Z(]/.test(between) && !/[,;:]/.test(between);
}

/**
 * A model in another role than the card's base: a judge, evaluator, grader, teacher or baseline named right before
 * or after it ("The cross-encoder used here as the judge, X, was fine-tuned on D", "The X baseline in Step 3 was
 * fine-tuned on D": the phrasing battery, round 7), the project's own result ("Finetuned model available here :
 * https://huggingface.co/org/x", audit dev cus-llama2-7b-chat-qlora-alteon-cli-no-licence), or a model used for inference
 * ("调用 X 进行推理").
 */
const ROLE_BEFORE =
  /\b(?:judges?|evaluators?|graders?|teachers?|critics?|baselines?)\b[^.;:]{0,25}$|\breward models\b[^.;:]{0,50}$|\b(?:fine-?tuned|finetuned|trained|final|merged|resulting|our|my)\s(?:model|checkpoint|adapter|weights)s?\b(?![^.;]*\b(?:from|of|on|upon|based|built|derived|initiali[sz]ed)\b)[^.;]{0,30}$/i;
const ROLE_AFTER =
  /^[\s`*_)\]]{0,4}(?:baselines?|judges?|evaluators?|teachers?|graders?)\b|^[\s`*_]{0,4}(?:进行推理|做推理|推理|推論|for inference|로 추론)/i;

/** A teacher in the languages read, close after the model ("X uniquement comme modèle enseignant", round 8). */
const TEACHER_AFTER =
  /^[^.;。]{0,30}?(?:modèle enseignant|enseignant|Lehrermodell|modelo (?:maestro|profesor|professor)|教师模型|教師モデル|교사 모델|модель-учитель|учител)/i;

/**
 * A model the card compares with: "效果略好于ChatGLM-6B", "与ChatGLM-6B 效果相当" (blind dev
 * v1-ne-zh-toucan-7b-chinese-llama-full-ft-4bit), "better than X", "compared with X", "X보다", "Xと比較".
 */
const COMPARED_BEFORE =
  /(?:\bthan|\boutperform(?:s|ed|ing)?|\bcompared (?:to|with)|\bvs\.?|\bversus|好于|優於|优于|高于|超过|超越|不如|相比于?|对比|比)[\s`*_[(]{0,4}$/i;
const COMPARED_AFTER =
  /^[\s`*_)\]]{0,4}(?:效果相当|效果相當|相当|相當|相比|持平|对比|と比較|と同等|より|보다|와 비교|과 비교|대비)/;

export function otherRole(before: string, after: string): boolean {
  return (
    ROLE_BEFORE.test(before) ||
    ROLE_AFTER.test(after) ||
    TEACHER_AFTER.test(after) ||
    COMPARED_BEFORE.test(before) ||
    COMPARED_AFTER.test(after)
  );
}

/**
 * A sentence that says no fine-tuning was done ("without fine-tuning", "без дообучения", "ohne Feinabstimmung",
 * "sans affinage", "sin ajuste fino", "sem ajuste fino", "未经微调", "微調なし", "파인튜닝 없이") names no base.
 */
export const NO_FINE_TUNING =
  /\b(?:without|no) (?:any )?(?:further |additional )?(?:fine-?tuning|finetuning|training)\b|без (?:до)?обучени|ohne (?:Fein|Nach)\w*|sans (?:affinage|fine-?tuning|réentraînement)|sin (?:ajuste fino|fine-?tuning|reentrenamiento)|sem (?:ajuste fino|fine-?tuning)|未经?(?:过)?微调|不(?:进行|做)微调|(?:微調整|ファインチューニング)(?:なし|せず)|(?:파인튜닝|미세 ?조정) 없이/i;

/** A hypothetical ("wäre eine mögliche Variante", "serait", "sería", "would be"): nothing was done. */
export const HYPOTHETICAL =
  /\b(?:wäre|wären|würde|würden|könnte|serait|seraient|sería|seria|would be|would have)\b/i;
