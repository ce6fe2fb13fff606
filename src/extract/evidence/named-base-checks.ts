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
