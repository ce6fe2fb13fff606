/**
 * Vocabularies for realistic synthetic ids: well-known foundation models (the most popular roots), organisations
 * and users who publish fine-tunes, dataset names, trainers. Everything else is composed from these by index.
 */

/** The most popular roots, in popularity order: the generator's first roots take these ids. */
export const FOUNDATIONS = [
  ["meta-llama/Meta-Llama-3-8B", "Llama-3-8B", "llama3"],
  ["mistralai/Mistral-7B-v0.1", "Mistral-7B", "apache-2.0"],
  ["meta-llama/Llama-2-7b-hf", "Llama-2-7b", "llama2"],
  ["Qwen/Qwen2.5-7B", "Qwen2.5-7B", "apache-2.0"],
  ["meta-llama/Llama-3.1-8B", "Llama-3.1-8B", "llama3.1"],
  ["google/gemma-2-9b", "gemma-2-9b", "gemma"],
  ["microsoft/phi-2", "phi-2", "mit"],
  ["TinyLlama/TinyLlama_v1.1", "TinyLlama-1.1B", "apache-2.0"],
  ["Qwen/Qwen2.5-1.5B", "Qwen2.5-1.5B", "apache-2.0"],
  ["meta-llama/Llama-2-13b-hf", "Llama-2-13b", "llama2"],
  ["google/gemma-7b", "gemma-7b", "gemma"],
  ["mistralai/Mixtral-8x7B-v0.1", "Mixtral-8x7B", "apache-2.0"],
  ["meta-llama/Llama-3.2-3B", "Llama-3.2-3B", "llama3.2"],
  ["Qwen/Qwen2-7B", "Qwen2-7B", "apache-2.0"],
  ["microsoft/Phi-3-mini-4k-instruct", "Phi-3-mini", "mit"],
  ["google/gemma-2-2b", "gemma-2-2b", "gemma"],
  ["meta-llama/Llama-3.2-1B", "Llama-3.2-1B", "llama3.2"],
  ["Qwen/Qwen2.5-14B", "Qwen2.5-14B", "apache-2.0"],
  ["mistralai/Mistral-Nemo-Base-2407", "Mistral-Nemo-12B", "apache-2.0"],
  ["01-ai/Yi-6B", "Yi-6B", "apache-2.0"],
  ["tiiuae/falcon-7b", "falcon-7b", "apache-2.0"],
  ["EleutherAI/pythia-1b", "pythia-1b", "apache-2.0"],
  ["meta-llama/Meta-Llama-3-70B", "Llama-3-70B", "llama3"],
  ["deepseek-ai/deepseek-llm-7b-base", "deepseek-7b", "other"],
  ["Qwen/Qwen2.5-0.5B", "Qwen2.5-0.5B", "apache-2.0"],
  ["openai-community/gpt2", "gpt2", "mit"],
  ["stabilityai/stablelm-2-1_6b", "stablelm-2-1.6b", "other"],
  ["HuggingFaceTB/SmolLM2-1.7B", "SmolLM2-1.7B", "apache-2.0"],
  ["allenai/OLMo-7B", "OLMo-7B", "apache-2.0"],
  ["internlm/internlm2-7b", "internlm2-7b", "other"],
] as const;

/** Organisations that publish pretrained bases beyond the famous ones. */
export const BASE_ORGS = [
  "EleutherAI",
  "bigscience",
  "cerebras",
  "mosaicml",
  "tiiuae",
  "stabilityai",
  "allenai",
  "BAAI",
  "THUDM",
  "baichuan-inc",
  "internlm",
  "upstage",
  "LiquidAI",
  "ibm-granite",
  "nvidia",
  "apple",
  "Salesforce",
  "togethercomputer",
  "openlm-research",
  "h2oai",
] as const;

/** Name stems of synthetic bases. */
export const BASE_STEMS = [
  "Falcon",
  "Pythia",
  "OpenLLaMA",
  "RedPajama-INCITE",
  "MPT",
  "StableLM",
  "Granite",
  "Nemotron",
  "Aquila",
  "ChatGLM",
  "Baichuan",
  "InternLM",
  "Solar",
  "LFM",
  "OpenELM",
  "XGen",
  "Cerebras-GPT",
  "BLOOM",
  "Persimmon",
  "Zamba",
] as const;

/** Parameter counts as they appear in ids. */
export const SIZES = [
  "0.5B",
  "1B",
  "1.5B",
  "2B",
  "3B",
  "7B",
  "8B",
  "9B",
  "13B",
  "14B",
  "34B",
  "70B",
] as const;

/** Well-known publishers of fine-tunes, merges and quantisations (used often), then composed user handles. */
export const KNOWN_AUTHORS = [
  "TheBloke",
  "bartowski",
  "mradermacher",
  "unsloth",
  "NousResearch",
  "teknium",
  "mlabonne",
  "HuggingFaceH4",
  "Intel",
  "OpenAssistant",
  "lmsys",
  "WizardLM",
  "cognitivecomputations",
  "jondurbin",
  "Undi95",
  "TheDrummer",
  "QuantFactory",
  "LoneStriker",
  "maywell",
  "allknowingroger",
] as const;

export const HANDLE_PARTS = [
  ["deep", "neural", "open", "tiny", "smart", "quantum", "silly", "brave", "lazy", "fast", "cosmic", "dark"],
  ["llama", "coder", "wizard", "panda", "fox", "owl", "lab", "ml", "bot", "mind", "forge", "works"],
] as const;

/** Publishers of quantised copies, weighted towards the prolific ones. */
export const QUANT_AUTHORS = [
  "TheBloke",
  "bartowski",
  "mradermacher",
  "QuantFactory",
  "LoneStriker",
] as const;

/** Famous datasets, in popularity order within their kind. */
export const FAMOUS_SFT_DATASETS = [
  "HuggingFaceH4/ultrachat_200k",
  "teknium/OpenHermes-2.5",
  "Open-Orca/SlimOrca",
  "yahma/alpaca-cleaned",
  "databricks/databricks-dolly-15k",
  "OpenAssistant/oasst1",
  "WizardLM/WizardLM_evol_instruct_V2_196k",
  "meta-math/MetaMathQA",
  "garage-bAInd/Open-Platypus",
  "cognitivecomputations/dolphin",
  "microsoft/orca-math-word-problems-200k",
  "HuggingFaceTB/smoltalk",
] as const;
export const FAMOUS_PREFERENCE_DATASETS = [
  "HuggingFaceH4/ultrafeedback_binarized",
  "argilla/distilabel-intel-orca-dpo-pairs",
  "Intel/orca_dpo_pairs",
  "jondurbin/truthy-dpo-v0.1",
  "Anthropic/hh-rlhf",
  "argilla/ultrafeedback-binarized-preferences-cleaned",
  "mlabonne/orpo-dpo-mix-40k",
  "nvidia/HelpSteer2",
] as const;

export const DATASET_TOPICS = [
  "math",
  "code",
  "medical",
  "legal",
  "finance",
  "chat",
  "roleplay",
  "reasoning",
  "instruct",
  "summarization",
  "translation",
  "tool-use",
  "safety",
  "science",
  "multilingual",
  "function-calling",
] as const;

export const TRAINERS = [
  ["trl", ["0.7.1", "0.8.6", "0.9.6", "0.12.1", "0.15.2"]],
  ["axolotl", ["0.4.0", "0.4.1", "0.5.2"]],
  ["LLaMA-Factory", ["0.8.3", "0.9.1"]],
  ["unsloth", ["2024.8", "2024.12", "2025.3"]],
  ["peft", ["0.10.0", "0.13.2"]],
] as const;

export const ACCELERATORS = [
  "NVIDIA A100 80GB",
  "NVIDIA H100 80GB",
  "NVIDIA RTX 4090",
  "NVIDIA A10G",
  "NVIDIA L4",
];
