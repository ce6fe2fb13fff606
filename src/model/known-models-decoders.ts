/**
 * Decoder language models that cards name without their org, family by family, as their publishers name them on
 * the Hub. Each id is its own source: the publisher's card at https://huggingface.co/<id> (`knownModelSource`).
 * Sizes and variants are written out by `cross`, never guessed: every combination listed is a published
 * repository of that publisher.
 */

export interface KnownModel {
  id: string;
  /** Other names people write for it (as written; compared squashed). */
  aliases?: string[];
}

/** `prefix + size + suffix` for each size and suffix: the ids a publisher gave one family. */
export function cross(
  prefix: string,
  sizes: readonly string[],
  suffixes: readonly string[] = [""],
): KnownModel[] {
  return sizes.flatMap((s) => suffixes.map((x) => ({ id: `${prefix}${s}${x}` })));
}

export const DECODERS: readonly KnownModel[] = [
  // LLaMA 1: Meta published the weights by request, not on the Hub; huggyllama/llama-* is the Hub's copy that
  // cards load as "LLaMA-7B" (https://huggingface.co/huggyllama/llama-7b).
  { id: "huggyllama/llama-7b", aliases: ["LLaMA-7B", "LLaMA 7B", "LLaMA1-7B", "LLaMA-1 7B"] },
  { id: "huggyllama/llama-13b", aliases: ["LLaMA-13B", "LLaMA 13B", "LLaMA-1 13B"] },
  { id: "huggyllama/llama-30b", aliases: ["LLaMA-30B", "LLaMA 30B", "LLaMA-33B", "LLaMA 33B"] },
  { id: "huggyllama/llama-65b", aliases: ["LLaMA-65B", "LLaMA 65B"] },
  // Llama 2 (https://huggingface.co/meta-llama/Llama-2-7b-hf): the -hf repositories are the Transformers ones.
  { id: "meta-llama/Llama-2-7b-hf", aliases: ["Llama 2 7B", "LLaMA2-7B", "Llama-2 7B"] },
  { id: "meta-llama/Llama-2-13b-hf", aliases: ["Llama 2 13B"] },
  { id: "meta-llama/Llama-2-70b-hf", aliases: ["Llama 2 70B"] },
  { id: "meta-llama/Llama-2-7b-chat-hf", aliases: ["Llama 2 7B Chat", "Llama-2-Chat 7B"] },
  { id: "meta-llama/Llama-2-13b-chat-hf", aliases: ["Llama 2 13B Chat", "Llama-2-Chat 13B"] },
  { id: "meta-llama/Llama-2-70b-chat-hf", aliases: ["Llama 2 70B Chat", "Llama-2-Chat 70B"] },
  // Llama 3, 3.1, 3.2, 3.3 (https://huggingface.co/meta-llama/Meta-Llama-3-8B, …/Llama-3.1-8B, …).
  { id: "meta-llama/Meta-Llama-3-8B", aliases: ["Llama 3 8B", "Llama-3-8B", "LLaMA3-8B"] },
  { id: "meta-llama/Meta-Llama-3-70B", aliases: ["Llama 3 70B", "Llama-3-70B"] },
  { id: "meta-llama/Meta-Llama-3-8B-Instruct", aliases: ["Llama 3 8B Instruct", "Llama-3-8B-Instruct"] },
  { id: "meta-llama/Meta-Llama-3-70B-Instruct", aliases: ["Llama 3 70B Instruct", "Llama-3-70B-Instruct"] },
  { id: "meta-llama/Llama-3.1-8B", aliases: ["Meta-Llama-3.1-8B"] },
  { id: "meta-llama/Llama-3.1-70B", aliases: ["Meta-Llama-3.1-70B"] },
  { id: "meta-llama/Llama-3.1-405B", aliases: ["Meta-Llama-3.1-405B"] },
  { id: "meta-llama/Llama-3.1-8B-Instruct", aliases: ["Meta-Llama-3.1-8B-Instruct"] },
  { id: "meta-llama/Llama-3.1-70B-Instruct", aliases: ["Meta-Llama-3.1-70B-Instruct"] },
  ...cross("meta-llama/Llama-3.2-", ["1B", "3B"], ["", "-Instruct"]),
  { id: "meta-llama/Llama-3.2-11B-Vision-Instruct" },
  // Llama 3.3 was published as an instruct model only: "Llama 3.3 70B" can mean nothing else.
  { id: "meta-llama/Llama-3.3-70B-Instruct", aliases: ["Llama 3.3 70B", "Llama-3.3-70B"] },
  // Code Llama (https://huggingface.co/codellama/CodeLlama-7b-hf) and Vicuna (https://huggingface.co/lmsys).
  ...cross("codellama/CodeLlama-", ["7b", "13b", "34b", "70b"], ["-hf", "-Instruct-hf", "-Python-hf"]),
  ...cross("lmsys/vicuna-", ["7b", "13b"], ["-v1.3", "-v1.5"]),
  { id: "lmsys/vicuna-33b-v1.3" },
  // Mistral AI (https://huggingface.co/mistralai).
  { id: "mistralai/Mistral-7B-v0.1", aliases: ["Mistral 7B", "Mistral-7B", "Mistral7B"] },
  { id: "mistralai/Mistral-7B-v0.3" },
  ...cross("mistralai/Mistral-7B-Instruct-", ["v0.1", "v0.2", "v0.3"]),
  { id: "mistralai/Mixtral-8x7B-v0.1", aliases: ["Mixtral 8x7B", "Mixtral-8x7B"] },
  { id: "mistralai/Mixtral-8x7B-Instruct-v0.1", aliases: ["Mixtral 8x7B Instruct"] },
  { id: "mistralai/Mixtral-8x22B-v0.1", aliases: ["Mixtral 8x22B"] },
  { id: "mistralai/Mixtral-8x22B-Instruct-v0.1", aliases: ["Mixtral 8x22B Instruct"] },
  { id: "mistralai/Mistral-Nemo-Base-2407", aliases: ["Mistral Nemo", "Mistral-Nemo"] },
  { id: "mistralai/Mistral-Nemo-Instruct-2407", aliases: ["Mistral Nemo Instruct"] },
  { id: "mistralai/Mistral-Small-24B-Base-2501" },
  { id: "mistralai/Mistral-Small-24B-Instruct-2501" },
  { id: "mistralai/Ministral-8B-Instruct-2410" },
  // Qwen (https://huggingface.co/Qwen): Qwen 1, 1.5, 2, 2.5 (base, Instruct, Coder, Math, VL) and 3.
  ...cross("Qwen/Qwen-", ["1_8B", "7B", "14B", "72B"], ["", "-Chat"]),
  ...cross("Qwen/Qwen1.5-", ["0.5B", "1.8B", "4B", "7B", "14B", "32B", "72B"], ["", "-Chat"]),
  ...cross("Qwen/Qwen2-", ["0.5B", "1.5B", "7B", "72B"], ["", "-Instruct"]),
  ...cross("Qwen/Qwen2-VL-", ["2B", "7B"], ["-Instruct"]),
  ...cross("Qwen/Qwen2.5-", ["0.5B", "1.5B", "3B", "7B", "14B", "32B", "72B"], ["", "-Instruct"]),
  ...cross("Qwen/Qwen2.5-Coder-", ["0.5B", "1.5B", "3B", "7B", "14B", "32B"], ["", "-Instruct"]),
  ...cross("Qwen/Qwen2.5-Math-", ["1.5B", "7B", "72B"], ["", "-Instruct"]),
  ...cross("Qwen/Qwen2.5-VL-", ["3B", "7B", "32B", "72B"], ["-Instruct"]),
  ...cross("Qwen/Qwen3-", ["0.6B", "1.7B", "4B", "8B", "14B"], ["", "-Base"]),
  { id: "Qwen/Qwen3-32B" },
  ...cross("Qwen/Qwen3-", ["30B-A3B", "235B-A22B"]),
  { id: "Qwen/Qwen3-4B-Instruct-2507" },
  { id: "Qwen/Qwen3-4B-Thinking-2507" },
  { id: "Qwen/QwQ-32B" },
  // Qwen3.5 (February-March 2026: the eight open-weight sizes; Qwen/Qwen3.5-4B-Base's card links its LICENSE, and
  // cards cite Qwen/Qwen3.5-4B and Qwen/Qwen3.5-35B-A3B as their sources). Other -Base ids are not listed: not seen.
  ...cross("Qwen/Qwen3.5-", ["0.8B", "2B", "4B", "9B", "27B", "35B-A3B", "122B-A10B", "397B-A17B"]),
  { id: "Qwen/Qwen3.5-4B-Base" },
  // Gemma (https://huggingface.co/google/gemma-7b, …/gemma-2-9b, …/gemma-3-4b-it) and CodeGemma.
  ...cross("google/gemma-", ["2b", "7b"], ["", "-it"]),
  ...cross("google/gemma-1.1-", ["2b", "7b"], ["-it"]),
  ...cross("google/gemma-2-", ["2b", "9b", "27b"], ["", "-it"]),
  ...cross("google/gemma-3-", ["1b", "4b", "12b", "27b"], ["-pt", "-it"]),
  ...cross("google/gemma-3-", ["270m", "270m-it"]),
  ...cross("google/codegemma-", ["2b", "7b", "7b-it"]),
  // Phi (https://huggingface.co/microsoft/phi-2, …/Phi-3-mini-4k-instruct, …/phi-4).
  { id: "microsoft/phi-1_5", aliases: ["Phi-1.5", "Phi 1.5"] },
  { id: "microsoft/phi-2", aliases: ["Phi-2", "Phi 2"] },
  { id: "microsoft/Phi-3-mini-4k-instruct", aliases: ["Phi-3 mini", "Phi-3-mini"] },
  ...cross(
    "microsoft/Phi-3-",
    ["mini-128k", "small-8k", "small-128k", "medium-4k", "medium-128k"],
    ["-instruct"],
  ),
  { id: "microsoft/Phi-3.5-mini-instruct", aliases: ["Phi-3.5-mini", "Phi-3.5 mini"] },
  { id: "microsoft/Phi-3.5-MoE-instruct" },
  { id: "microsoft/phi-4", aliases: ["Phi-4", "Phi 4"] },
  { id: "microsoft/Phi-4-mini-instruct", aliases: ["Phi-4-mini", "Phi-4 mini"] },
  // TinyLlama, SmolLM, OLMo, Zephyr, StableLM, OpenChat.
  { id: "TinyLlama/TinyLlama-1.1B-Chat-v1.0", aliases: ["TinyLlama 1.1B Chat"] },
  { id: "TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T" },
  ...cross("HuggingFaceTB/SmolLM-", ["135M", "360M", "1.7B"], ["", "-Instruct"]),
  ...cross("HuggingFaceTB/SmolLM2-", ["135M", "360M", "1.7B"], ["", "-Instruct"]),
  { id: "HuggingFaceTB/SmolLM3-3B" },
  ...cross("allenai/OLMo-", ["1B", "7B"], ["-hf"]),
  { id: "allenai/OLMo-2-1124-7B", aliases: ["OLMo 2 7B"] },
  { id: "allenai/OLMo-2-1124-13B", aliases: ["OLMo 2 13B"] },
  { id: "allenai/OLMo-2-1124-7B-Instruct" },
  { id: "HuggingFaceH4/zephyr-7b-beta", aliases: ["Zephyr 7B beta", "Zephyr-7B-β"] },
  { id: "HuggingFaceH4/zephyr-7b-alpha", aliases: ["Zephyr 7B alpha", "Zephyr-7B-α"] },
  ...cross("stabilityai/", ["stablelm-2-1_6b", "stablelm-3b-4e1t", "stablelm-zephyr-3b"]),
  { id: "openchat/openchat-3.5-0106" },
  // Falcon (https://huggingface.co/tiiuae), Yi (https://huggingface.co/01-ai), MPT (https://huggingface.co/mosaicml).
  { id: "tiiuae/falcon-7b", aliases: ["Falcon 7B"] },
  { id: "tiiuae/falcon-40b", aliases: ["Falcon 40B"] },
  ...cross("tiiuae/falcon-", ["7b", "40b"], ["-instruct"]),
  { id: "tiiuae/falcon-rw-1b" },
  ...cross("01-ai/Yi-", ["6B", "34B"], ["", "-Chat"]),
  { id: "01-ai/Yi-9B" },
  ...cross("01-ai/Yi-1.5-", ["6B", "9B", "34B"], ["", "-Chat"]),
  ...cross("mosaicml/mpt-", ["7b", "7b-instruct", "30b"]),
  // Chinese bases (https://huggingface.co/baichuan-inc, /THUDM, /internlm, /deepseek-ai).
  { id: "baichuan-inc/Baichuan-7B" },
  ...cross("baichuan-inc/Baichuan-13B-", ["Base", "Chat"]),
  { id: "baichuan-inc/Baichuan2-7B-Base", aliases: ["Baichuan2-7B"] },
  { id: "baichuan-inc/Baichuan2-13B-Base", aliases: ["Baichuan2-13B"] },
  ...cross("baichuan-inc/Baichuan2-", ["7B", "13B"], ["-Chat"]),
  { id: "THUDM/chatglm-6b", aliases: ["ChatGLM-6B"] },
  { id: "THUDM/chatglm2-6b", aliases: ["ChatGLM2-6B"] },
  { id: "THUDM/chatglm3-6b", aliases: ["ChatGLM3-6B"] },
  { id: "THUDM/chatglm3-6b-base" },
  { id: "THUDM/glm-4-9b" },
  { id: "THUDM/glm-4-9b-chat", aliases: ["GLM-4-9B-Chat"] },
  { id: "internlm/internlm-7b", aliases: ["InternLM-7B"] },
  ...cross("internlm/", ["internlm-chat-7b", "internlm-20b", "internlm2-20b", "internlm2-chat-20b"]),
  { id: "internlm/internlm2-7b", aliases: ["InternLM2-7B"] },
  { id: "internlm/internlm2-chat-7b", aliases: ["InternLM2-Chat-7B"] },
  { id: "internlm/internlm2_5-7b-chat", aliases: ["InternLM2.5-7B-Chat"] },
  ...cross("deepseek-ai/deepseek-llm-", ["7b", "67b"], ["-base", "-chat"]),
  ...cross("deepseek-ai/deepseek-coder-", ["1.3b", "6.7b", "33b"], ["-base", "-instruct"]),
  ...cross("deepseek-ai/deepseek-math-7b-", ["base", "instruct", "rl"]),
  ...cross("deepseek-ai/DeepSeek-R1-Distill-", [
    "Qwen-1.5B",
    "Qwen-7B",
    "Qwen-14B",
    "Qwen-32B",
    "Llama-8B",
    "Llama-70B",
  ]),
  { id: "deepseek-ai/DeepSeek-V2-Lite" },
  { id: "deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct" },
];
