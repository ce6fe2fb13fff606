/**
 * Canonical Hub ids of widely used base models, so that a model named without its org ("Mistral 7B",
 * "Llama-2-70B", "Llama 3.1 8B Instruct") can be resolved. Each id is its own source: its Hub page,
 * https://huggingface.co/<id>. A resolution is always recorded as `inferred`, with the confidence below, and
 * a name that matches no entry, or more than one, stays unresolved.
 *
 * Names are compared by their letters and digits only (`Llama 3.1 8B Instruct` → `llama318binstruct`), against
 * the id's own name, the name without a trailing `-hf`, and the aliases listed.
 */

interface KnownModel {
  id: string;
  /** Other names people write for it (as written; compared squashed). */
  aliases?: string[];
}

const KNOWN: readonly KnownModel[] = [
  { id: "meta-llama/Llama-2-7b-hf", aliases: ["Llama 2 7B", "LLaMA2-7B", "Llama-2 7B"] },
  { id: "meta-llama/Llama-2-13b-hf", aliases: ["Llama 2 13B"] },
  { id: "meta-llama/Llama-2-70b-hf", aliases: ["Llama 2 70B"] },
  { id: "meta-llama/Llama-2-7b-chat-hf", aliases: ["Llama 2 7B Chat"] },
  { id: "meta-llama/Llama-2-13b-chat-hf", aliases: ["Llama 2 13B Chat"] },
  { id: "meta-llama/Llama-2-70b-chat-hf", aliases: ["Llama 2 70B Chat"] },
  { id: "meta-llama/Meta-Llama-3-8B", aliases: ["Llama 3 8B", "Llama-3-8B", "LLaMA3-8B"] },
  { id: "meta-llama/Meta-Llama-3-70B", aliases: ["Llama 3 70B", "Llama-3-70B"] },
  { id: "meta-llama/Meta-Llama-3-8B-Instruct", aliases: ["Llama 3 8B Instruct", "Llama-3-8B-Instruct"] },
  { id: "meta-llama/Meta-Llama-3-70B-Instruct", aliases: ["Llama 3 70B Instruct", "Llama-3-70B-Instruct"] },
  { id: "meta-llama/Llama-3.1-8B", aliases: ["Meta-Llama-3.1-8B", "Llama 3.1 8B"] },
  { id: "meta-llama/Llama-3.1-70B", aliases: ["Meta-Llama-3.1-70B", "Llama 3.1 70B"] },
  { id: "meta-llama/Llama-3.1-405B", aliases: ["Meta-Llama-3.1-405B"] },
  { id: "meta-llama/Llama-3.1-8B-Instruct", aliases: ["Meta-Llama-3.1-8B-Instruct"] },
  { id: "meta-llama/Llama-3.1-70B-Instruct", aliases: ["Meta-Llama-3.1-70B-Instruct"] },
  { id: "meta-llama/Llama-3.2-1B" },
  { id: "meta-llama/Llama-3.2-3B" },
  { id: "meta-llama/Llama-3.2-1B-Instruct" },
  { id: "meta-llama/Llama-3.2-3B-Instruct" },
  { id: "meta-llama/Llama-3.3-70B-Instruct" },
  { id: "mistralai/Mistral-7B-v0.1", aliases: ["Mistral 7B", "Mistral-7B", "Mistral7B"] },
  { id: "mistralai/Mistral-7B-v0.3" },
  { id: "mistralai/Mistral-7B-Instruct-v0.1" },
  { id: "mistralai/Mistral-7B-Instruct-v0.2" },
  { id: "mistralai/Mistral-7B-Instruct-v0.3" },
  { id: "mistralai/Mixtral-8x7B-v0.1", aliases: ["Mixtral 8x7B", "Mixtral-8x7B"] },
  { id: "mistralai/Mixtral-8x7B-Instruct-v0.1", aliases: ["Mixtral 8x7B Instruct"] },
  { id: "mistralai/Mistral-Nemo-Base-2407", aliases: ["Mistral Nemo", "Mistral-Nemo"] },
  { id: "mistralai/Mistral-Nemo-Instruct-2407", aliases: ["Mistral Nemo Instruct"] },
  { id: "google/gemma-2b" },
  { id: "google/gemma-7b" },
  { id: "google/gemma-2b-it" },
  { id: "google/gemma-7b-it" },
  { id: "google/gemma-2-2b" },
  { id: "google/gemma-2-9b" },
  { id: "google/gemma-2-27b" },
  { id: "google/gemma-2-2b-it" },
  { id: "google/gemma-2-9b-it" },
  { id: "google/gemma-2-27b-it" },
  { id: "google/gemma-3-1b-it" },
  { id: "google/gemma-3-4b-it" },
  { id: "google/gemma-3-12b-it" },
  { id: "google/gemma-3-27b-it" },
  { id: "Qwen/Qwen2-7B" },
  { id: "Qwen/Qwen2-7B-Instruct" },
  { id: "Qwen/Qwen2.5-0.5B" },
  { id: "Qwen/Qwen2.5-1.5B" },
  { id: "Qwen/Qwen2.5-3B" },
  { id: "Qwen/Qwen2.5-7B" },
  { id: "Qwen/Qwen2.5-14B" },
  { id: "Qwen/Qwen2.5-32B" },
  { id: "Qwen/Qwen2.5-72B" },
  { id: "Qwen/Qwen2.5-0.5B-Instruct" },
  { id: "Qwen/Qwen2.5-1.5B-Instruct" },
  { id: "Qwen/Qwen2.5-3B-Instruct" },
  { id: "Qwen/Qwen2.5-7B-Instruct" },
  { id: "Qwen/Qwen2.5-14B-Instruct" },
  { id: "Qwen/Qwen2.5-32B-Instruct" },
  { id: "Qwen/Qwen2.5-72B-Instruct" },
  { id: "Qwen/Qwen2.5-Coder-7B-Instruct" },
  { id: "Qwen/Qwen3-0.6B" },
  { id: "Qwen/Qwen3-1.7B" },
  { id: "Qwen/Qwen3-4B" },
  { id: "Qwen/Qwen3-8B" },
  { id: "Qwen/Qwen3-14B" },
  { id: "Qwen/Qwen3-32B" },
  { id: "microsoft/phi-2", aliases: ["Phi-2", "Phi 2"] },
  { id: "microsoft/Phi-3-mini-4k-instruct", aliases: ["Phi-3 mini", "Phi-3-mini"] },
  { id: "microsoft/phi-4", aliases: ["Phi-4", "Phi 4"] },
  { id: "tiiuae/falcon-7b", aliases: ["Falcon 7B"] },
  { id: "tiiuae/falcon-40b", aliases: ["Falcon 40B"] },
  { id: "TinyLlama/TinyLlama-1.1B-Chat-v1.0", aliases: ["TinyLlama 1.1B Chat"] },
  { id: "HuggingFaceTB/SmolLM2-135M" },
  { id: "HuggingFaceTB/SmolLM2-360M" },
  { id: "HuggingFaceTB/SmolLM2-1.7B" },
  { id: "HuggingFaceTB/SmolLM2-1.7B-Instruct" },
  { id: "HuggingFaceH4/zephyr-7b-beta", aliases: ["Zephyr 7B beta", "Zephyr-7B-β"] },
  { id: "openai-community/gpt2", aliases: ["GPT-2", "GPT2", "gpt2", "GPT-2 Small"] },
  { id: "openai-community/gpt2-medium", aliases: ["gpt2-medium"] },
  { id: "openai-community/gpt2-large", aliases: ["gpt2-large"] },
  { id: "google-bert/bert-base-uncased", aliases: ["bert-base-uncased", "BERT base uncased"] },
  { id: "google-bert/bert-base-cased", aliases: ["bert-base-cased"] },
  { id: "google-bert/bert-large-uncased", aliases: ["bert-large-uncased"] },
  { id: "google-bert/bert-base-multilingual-cased", aliases: ["bert-base-multilingual-cased", "mBERT"] },
  { id: "distilbert/distilbert-base-uncased", aliases: ["distilbert-base-uncased", "DistilBERT"] },
  { id: "FacebookAI/roberta-base", aliases: ["roberta-base", "RoBERTa base"] },
  { id: "FacebookAI/roberta-large", aliases: ["roberta-large"] },
  { id: "FacebookAI/xlm-roberta-base", aliases: ["xlm-roberta-base"] },
  { id: "FacebookAI/xlm-roberta-large", aliases: ["xlm-roberta-large"] },
  { id: "google-t5/t5-small", aliases: ["t5-small"] },
  { id: "google-t5/t5-base", aliases: ["t5-base", "T5 base"] },
  { id: "google-t5/t5-large", aliases: ["t5-large"] },
  { id: "facebook/bart-large", aliases: ["bart-large"] },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B" },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B" },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Llama-8B" },
  { id: "allenai/OLMo-2-1124-7B", aliases: ["OLMo 2 7B"] },
  { id: "01-ai/Yi-6B", aliases: ["Yi-6B", "Yi 6B"] },
  { id: "01-ai/Yi-34B", aliases: ["Yi-34B", "Yi 34B"] },
  { id: "THUDM/chatglm2-6b", aliases: ["ChatGLM2-6B"] },
  { id: "THUDM/chatglm3-6b", aliases: ["ChatGLM3-6B"] },
  { id: "baichuan-inc/Baichuan2-7B-Base", aliases: ["Baichuan2-7B"] },
  { id: "baichuan-inc/Baichuan2-13B-Base", aliases: ["Baichuan2-13B"] },
  { id: "internlm/internlm2-7b", aliases: ["InternLM2-7B"] },
  // Bases that cards in other languages name without their org (issue categories 6 and 7): dev items
  // c-ne-zh-* / j-ne-zh-* (Qwen1.5 chat models), j-ne-ko-* (KoGPT2, Polyglot-Ko), k-ne-ko-* (EEVE,
  // SOLAR). Each id is its own source.
  { id: "THUDM/glm-4-9b-chat", aliases: ["GLM-4-9B-Chat"] },
  { id: "internlm/internlm2-chat-7b", aliases: ["InternLM2-Chat-7B"] },
  { id: "Qwen/Qwen1.5-0.5B-Chat" },
  { id: "Qwen/Qwen1.5-1.8B-Chat" },
  { id: "Qwen/Qwen1.5-7B-Chat" },
  { id: "Qwen/Qwen2-0.5B" },
  { id: "Qwen/Qwen2-1.5B" },
  { id: "Qwen/Qwen2-0.5B-Instruct" },
  { id: "Qwen/Qwen2-1.5B-Instruct" },
  { id: "Qwen/Qwen2.5-VL-3B-Instruct" },
  { id: "Qwen/Qwen2.5-VL-7B-Instruct" },
  { id: "Qwen/Qwen3-4B-Instruct-2507" },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B" },
  { id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B" },
  { id: "microsoft/Phi-3.5-mini-instruct", aliases: ["Phi-3.5-mini"] },
  { id: "meta-llama/Llama-3.2-11B-Vision-Instruct" },
  { id: "google/gemma-3-270m" },
  { id: "google/gemma-3-1b-pt" },
  { id: "skt/kogpt2-base-v2", aliases: ["KoGPT2"] },
  { id: "EleutherAI/polyglot-ko-1.3b", aliases: ["Polyglot-Ko 1.3B"] },
  { id: "EleutherAI/polyglot-ko-5.8b", aliases: ["Polyglot-Ko 5.8B"] },
  { id: "EleutherAI/polyglot-ko-12.8b", aliases: ["Polyglot-Ko 12.8B"] },
  { id: "upstage/SOLAR-10.7B-v1.0", aliases: ["SOLAR-10.7B"] },
  { id: "upstage/SOLAR-10.7B-Instruct-v1.0" },
  { id: "yanolja/EEVE-Korean-10.8B-v1.0" },
  { id: "yanolja/EEVE-Korean-Instruct-10.8B-v1.0", aliases: ["EEVE-Korean-Instruct-10.8B"] },
  { id: "LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct" },
  { id: "google/mt5-small", aliases: ["mT5-small"] },
  { id: "google/mt5-base", aliases: ["mT5-base"] },
  // Chinese chat and base models that zh READMEs name without their org (dev l3-ne-zh-zeronlp-*: "使用的模型是
  // `baichuan2-7b-chat`", "internlm-7b"). Each id is its own source.
  { id: "baichuan-inc/Baichuan2-7B-Chat" },
  { id: "baichuan-inc/Baichuan2-13B-Chat" },
  { id: "internlm/internlm-7b", aliases: ["InternLM-7B"] },
  { id: "internlm/internlm-chat-7b" },
  { id: "internlm/internlm-20b" },
  { id: "Qwen/Qwen-7B" },
  { id: "Qwen/Qwen-7B-Chat" },
  { id: "Qwen/Qwen-14B-Chat" },
  { id: "Qwen/Qwen3-0.6B" },
  { id: "Qwen/Qwen3-1.7B" },
  { id: "Qwen/Qwen3-4B" },
  { id: "Qwen/Qwen3-8B" },
  { id: "Qwen/Qwen3-14B" },
  { id: "Qwen/Qwen3-32B" },
  { id: "Qwen/Qwen3-4B-Thinking-2507" },
  // Qwen2 / Qwen2.5, Mistral Instruct, Gemma, Phi-3 and TinyLlama models that READMEs name without their org
  // ("`Qwen2-0.5B-Instruct`的SFT", "Qwen2.5-7B", "Mistral 7B Instruct v0.2"; issue 10, dev g-* items). Each id is
  // its own source: https://huggingface.co/<id>.
  { id: "Qwen/Qwen2-0.5B" },
  { id: "Qwen/Qwen2-0.5B-Instruct" },
  { id: "Qwen/Qwen2-1.5B" },
  { id: "Qwen/Qwen2-1.5B-Instruct" },
  { id: "Qwen/Qwen2-7B" },
  { id: "Qwen/Qwen2-7B-Instruct" },
  { id: "Qwen/Qwen2.5-0.5B" },
  { id: "Qwen/Qwen2.5-0.5B-Instruct" },
  { id: "Qwen/Qwen2.5-1.5B" },
  { id: "Qwen/Qwen2.5-1.5B-Instruct" },
  { id: "Qwen/Qwen2.5-3B" },
  { id: "Qwen/Qwen2.5-3B-Instruct" },
  { id: "Qwen/Qwen2.5-7B" },
  { id: "Qwen/Qwen2.5-7B-Instruct" },
  { id: "Qwen/Qwen2.5-14B" },
  { id: "Qwen/Qwen2.5-14B-Instruct" },
  { id: "Qwen/Qwen2.5-32B" },
  { id: "Qwen/Qwen2.5-32B-Instruct" },
  { id: "Qwen/Qwen2.5-72B-Instruct" },
  { id: "Qwen/Qwen2.5-Math-7B" },
  { id: "Qwen/Qwen2.5-Coder-7B-Instruct" },
  { id: "mistralai/Mistral-7B-Instruct-v0.2" },
  { id: "mistralai/Mistral-7B-Instruct-v0.3" },
  { id: "google/gemma-2b" },
  { id: "google/gemma-7b" },
  { id: "google/gemma-2-2b" },
  { id: "google/gemma-2-2b-it" },
  { id: "google/gemma-2-9b" },
  { id: "google/gemma-2-9b-it" },
  { id: "microsoft/Phi-3-mini-4k-instruct" },
  { id: "TinyLlama/TinyLlama-1.1B-Chat-v1.0" },
];

/** Confidence of a resolution by this table: the name may mean a sibling (a chat or instruct variant). */
export const KNOWN_MODEL_CONFIDENCE = 0.7;

/** Letters and digits only, lower case. */
export function squashName(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function buildIndex(): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (name: string, id: string) => {
    const key = squashName(name);
    if (key.length < 3) return;
    const set = index.get(key) ?? new Set<string>();
    set.add(id);
    index.set(key, set);
  };
  for (const m of KNOWN) {
    const own = m.id.split("/")[1] ?? m.id;
    add(own, m.id);
    add(own.replace(/-hf$/i, ""), m.id);
    for (const a of m.aliases ?? []) add(a, m.id);
  }
  return index;
}

const INDEX = buildIndex();

/** The canonical Hub id of a model named without its org, when exactly one entry matches. */
export function resolveKnownModel(name: string): string | undefined {
  const found = INDEX.get(squashName(name.replace(/^the\s+/i, "")));
  return found && found.size === 1 ? [...found][0] : undefined;
}

/** The source to cite for a resolution. */
export function knownModelSource(id: string): string {
  return `https://huggingface.co/${id}`;
}
