/**
 * Well-known base model families and the licence of their official weights, so that a model card naming only
 * its bases can be audited. Patterns are matched against model ids, case-insensitively, first match wins:
 * official entries (the licensor's organisation) come first, then entries that only recognise a family name
 * inside a community id (re-uploads, quantisations), whose licence is an inference and reported as one.
 * Sources are the official model cards (their `license` field) or licence pages.
 */
import type { FamilyEntry } from "../terms.js";
import { BREADTH_COPIES, BREADTH_FAMILIES } from "./families-breadth.js";
import { BREADTH_FAMILIES_2 } from "./families-breadth-2.js";
import { BREADTH_FAMILIES_3 } from "./families-breadth-3.js";
import { BREADTH_FAMILIES_4 } from "./families-breadth-4.js";
import { CLASSIC_FAMILIES } from "./families-classic.js";
import { REGIONAL_COPIES, REGIONAL_FAMILIES } from "./families-regional.js";
import { SOURCED_FAMILIES } from "./families-sourced.js";
import { SOURCED_FAMILIES_2 } from "./families-sourced-2.js";
import { SOURCED_RESTRICTED } from "./families-sourced-restricted.js";
import { FAMILY_NAMES } from "./family-names.js";
import { hfModel as hf } from "./hub-sources.js";

export const FAMILIES: readonly FamilyEntry[] = [
  // Meta Llama (official organisations).
  {
    family: "Llama 4",
    pattern: "^meta-llama/Llama-4-",
    license: "llama4",
    official: true,
    source: hf("meta-llama/Llama-4-Scout-17B-16E"),
  },
  {
    family: "Llama 3.3",
    pattern: "^meta-llama/(Meta-)?Llama-3\\.3-",
    license: "llama3.3",
    official: true,
    source: hf("meta-llama/Llama-3.3-70B-Instruct"),
  },
  {
    family: "Llama 3.2",
    pattern: "^meta-llama/(Meta-)?Llama-3\\.2-",
    license: "llama3.2",
    official: true,
    source: hf("meta-llama/Llama-3.2-1B"),
  },
  {
    family: "Llama 3.1",
    pattern: "^meta-llama/(Meta-)?Llama-3\\.1-",
    license: "llama3.1",
    official: true,
    source: hf("meta-llama/Llama-3.1-8B"),
  },
  {
    family: "Llama 3",
    pattern: "^meta-llama/Meta-Llama-3-",
    license: "llama3",
    official: true,
    source: hf("meta-llama/Meta-Llama-3-8B"),
  },
  {
    family: "Llama 2",
    pattern: "^meta-llama/Llama-2-",
    license: "llama2",
    official: true,
    source: hf("meta-llama/Llama-2-7b-hf"),
  },
  {
    family: "Code Llama",
    pattern: "^(meta-llama|codellama)/CodeLlama-",
    license: "llama2",
    official: true,
    source: hf("meta-llama/CodeLlama-7b-hf"),
    note: "Code Llama is released under the Llama 2 Community License",
  },
  // Mistral AI.
  {
    family: "Mistral",
    pattern:
      "^mistralai/(Mistral-7B|Mixtral-8x7B|Mixtral-8x22B|Mistral-Nemo|Mistral-Small-24B|Mistral-Small-3\\.[12])",
    license: "apache-2.0",
    official: true,
    source: hf("mistralai/Mistral-7B-v0.1"),
  },
  {
    family: "Mistral (research licence)",
    pattern: "^mistralai/(Mistral-Large-Instruct-24|Ministral-8B-Instruct-2410|Mistral-Small-Instruct-2409)",
    license: "mrl",
    official: true,
    source: hf("mistralai/Mistral-Large-Instruct-2407"),
  },
  {
    family: "Codestral",
    pattern: "^mistralai/Codestral-22B",
    license: "mnpl",
    official: true,
    source: hf("mistralai/Codestral-22B-v0.1"),
  },
  // Google Gemma 4 left the Gemma Terms of Use for Apache-2.0 (dev qnt-u5-gemma4-26b-a4b-qat-q4-gguf-pai-bundle-apache).
  {
    family: "Gemma 4",
    pattern: "^google/gemma-4-",
    license: "apache-2.0",
    official: true,
    source: "https://ai.google.dev/edge/litert-lm/models/gemma-4",
    note: "'Gemma 4 is licensed under the Apache-2.0 license'; Gemma 1 to 3 stay under the Gemma Terms of Use",
  },
  // Google Gemma (1, 2, 3 and variants share the Gemma Terms of Use).
  {
    family: "Gemma",
    pattern: "^google/(gemma|codegemma|recurrentgemma|paligemma|shieldgemma|medgemma)",
    license: "gemma",
    official: true,
    source: hf("google/gemma-2-9b"),
  },
  // Qwen (size-specific exceptions first).
  {
    family: "Qwen2.5 3B",
    pattern: "^Qwen/Qwen2\\.5-([A-Za-z]+-)*3B",
    license: "qwen-research",
    official: true,
    source: hf("Qwen/Qwen2.5-3B"),
  },
  {
    family: "Qwen2.5 72B",
    pattern: "^Qwen/Qwen2\\.5-([A-Za-z]+-)*72B",
    license: "qwen",
    official: true,
    source: hf("Qwen/Qwen2.5-72B-Instruct"),
  },
  {
    family: "Qwen2.5",
    pattern: "^Qwen/Qwen2\\.5-",
    license: "apache-2.0",
    official: true,
    source: hf("Qwen/Qwen2.5-7B"),
  },
  {
    family: "Qwen2 72B",
    pattern: "^Qwen/Qwen2-([A-Za-z]+-)*72B",
    license: "tongyi-qianwen",
    official: true,
    source: hf("Qwen/Qwen2-72B"),
  },
  {
    family: "Qwen2",
    pattern: "^Qwen/Qwen2-",
    license: "apache-2.0",
    official: true,
    source: hf("Qwen/Qwen2-7B"),
  },
  {
    family: "Qwen (1.0)",
    pattern: "^Qwen/Qwen-(1_8B|7B|14B|72B)",
    license: "tongyi-qianwen",
    official: true,
    source: hf("Qwen/Qwen-7B-Chat"),
  },
  {
    family: "CodeQwen1.5",
    pattern: "^Qwen/CodeQwen1\\.5",
    license: "qwen-research",
    official: true,
    source: hf("Qwen/CodeQwen1.5-7B"),
  },
  {
    // Within Qwen1.5 the small sizes (0.5B, 1.8B, 4B) are under the Tongyi Qianwen Research licence.
    family: "Qwen1.5 0.5B/1.8B/4B",
    pattern: "^Qwen/Qwen1\\.5-(0\\.5|1\\.8|4)B",
    license: "qwen-research",
    official: true,
    source: hf("Qwen/Qwen1.5-0.5B-Chat/blob/main/LICENSE"),
  },
  {
    family: "Qwen1.5",
    pattern: "^Qwen/Qwen1\\.5-",
    license: "tongyi-qianwen",
    official: true,
    source: hf("Qwen/Qwen1.5-7B"),
  },
  {
    family: "Qwen3",
    pattern: "^Qwen/(Qwen3|QwQ)",
    license: "apache-2.0",
    official: true,
    source: hf("Qwen/Qwen3-8B"),
  },
  // Microsoft Phi (phi-1.5 and phi-2 were relicensed to MIT in 2024).
  {
    family: "Phi",
    pattern: "^microsoft/phi-",
    license: "mit",
    official: true,
    source: hf("microsoft/phi-2"),
  },
  // AI2 OLMo.
  {
    family: "OLMo",
    pattern: "^allenai/OLMo",
    license: "apache-2.0",
    official: true,
    source: hf("allenai/OLMo-2-1124-7B"),
  },
  // TII Falcon.
  {
    family: "Falcon 180B",
    pattern: "^tiiuae/falcon-180B",
    license: "falcon-180b",
    official: true,
    source: hf("tiiuae/falcon-180B"),
  },
  {
    family: "Falcon 2/3",
    pattern: "^tiiuae/(falcon-11B|Falcon3|falcon-mamba|Falcon-H1)",
    license: "falcon-llm-license",
    official: true,
    source: hf("tiiuae/Falcon3-7B-Base"),
  },
  {
    family: "Falcon",
    pattern: "^tiiuae/falcon-(7b|40b|rw)",
    license: "apache-2.0",
    official: true,
    source: hf("tiiuae/falcon-7b"),
  },
  // DeepSeek.
  {
    family: "DeepSeek-R1-Distill-Llama 8B",
    pattern: "^deepseek-ai/DeepSeek-R1-Distill-Llama-8B",
    license: "mit",
    official: true,
    source: hf("deepseek-ai/DeepSeek-R1-Distill-Llama-8B"),
    upstream: [
      { id: "meta-llama/Llama-3.1-8B", license: "llama3.1", relation: "derived by distillation from" },
    ],
    note: "The card states it is derived from Llama3.1-8B-Base, originally licensed under the Llama 3.1 licence",
  },
  {
    family: "DeepSeek-R1-Distill-Llama 70B",
    pattern: "^deepseek-ai/DeepSeek-R1-Distill-Llama-70B",
    license: "mit",
    official: true,
    source: hf("deepseek-ai/DeepSeek-R1-Distill-Llama-70B"),
    upstream: [
      {
        id: "meta-llama/Llama-3.3-70B-Instruct",
        license: "llama3.3",
        relation: "derived by distillation from",
      },
    ],
    note: "The card states it is derived from Llama3.3-70B-Instruct, originally licensed under the Llama 3.3 licence",
  },
  {
    family: "DeepSeek-R1",
    pattern: "^deepseek-ai/DeepSeek-(R1|V3-0324|V3\\.1)",
    license: "mit",
    official: true,
    source: hf("deepseek-ai/DeepSeek-R1"),
  },
  {
    family: "DeepSeek",
    pattern:
      "^deepseek-ai/(deepseek-llm|deepseek-coder|deepseek-moe|deepseek-math|DeepSeek-V2|DeepSeek-Coder-V2|DeepSeek-V3)",
    license: "deepseek",
    official: true,
    source: hf("deepseek-ai/deepseek-llm-7b-base"),
  },
  // 01.AI Yi (Yi 1.0 moved from its own licence to Apache-2.0 in 2024).
  {
    family: "Yi",
    pattern: "^01-ai/Yi-",
    license: "apache-2.0",
    official: true,
    source: hf("01-ai/Yi-1.5-9B"),
    note: "Yi 1.0 weights were first released under the Yi Series Models Community License",
  },
  // Hugging Face SmolLM, TinyLlama.
  {
    family: "SmolLM",
    pattern: "^HuggingFaceTB/SmolLM",
    license: "apache-2.0",
    official: true,
    source: hf("HuggingFaceTB/SmolLM2-1.7B"),
  },
  {
    family: "TinyLlama",
    pattern: "^TinyLlama/",
    license: "apache-2.0",
    official: true,
    source: hf("TinyLlama/TinyLlama-1.1B-Chat-v1.0"),
  },
  // THUDM / Zhipu AI GLM: each generation ships its own model licence (ChatGLM2-6B, GLM-4-9B).
  {
    family: "ChatGLM2-6B",
    pattern: "^(THUDM|zai-org)/chatglm2-6b",
    license: "chatglm2-6b",
    official: true,
    source: hf("THUDM/chatglm2-6b/blob/main/MODEL_LICENSE"),
  },
  {
    family: "GLM-4-9B",
    pattern: "^(THUDM|zai-org)/glm-4-9b",
    license: "glm-4",
    official: true,
    source: hf("THUDM/glm-4-9b-chat/blob/main/LICENSE"),
  },
  {
    family: "NVIDIA Cosmos",
    pattern: "^nvidia/Cosmos-",
    license: "nvidia-open-model-license",
    official: true,
    source: hf("nvidia/Cosmos-Reason2-2B"),
  },
  // Others often used as bases.
  {
    family: "Cohere Command R",
    pattern: "^(CohereForAI|CohereLabs)/c4ai-command-r",
    license: "cc-by-nc-4.0",
    official: true,
    source: hf("CohereForAI/c4ai-command-r-v01"),
  },
  {
    family: "IBM Granite",
    pattern: "^ibm-granite/granite",
    license: "apache-2.0",
    official: true,
    source: hf("ibm-granite/granite-3.0-8b-base"),
  },
  {
    family: "OpenELM",
    pattern: "^apple/OpenELM",
    license: "apple-ascl",
    official: true,
    source: hf("apple/OpenELM-3B"),
  },
  {
    family: "StarCoder",
    pattern: "^bigcode/starcoder",
    license: "bigcode-openrail-m",
    official: true,
    source: hf("bigcode/starcoder2-15b"),
  },
  {
    family: "BLOOM",
    pattern: "^bigscience/bloom",
    license: "bigscience-bloom-rail-1.0",
    official: true,
    source: hf("bigscience/bloom"),
  },
  {
    family: "Pythia / GPT-NeoX / GPT-J",
    pattern: "^EleutherAI/(pythia|gpt-neox|gpt-j)",
    license: "apache-2.0",
    official: true,
    source: hf("EleutherAI/pythia-6.9b"),
  },
  {
    family: "GPT-2",
    pattern: "^(openai-community/)?gpt2",
    license: "mit",
    official: true,
    source: hf("openai-community/gpt2"),
  },
  {
    family: "gpt-oss",
    pattern: "^openai/gpt-oss",
    license: "apache-2.0",
    official: true,
    source: hf("openai/gpt-oss-20b"),
  },
  {
    family: "Stable Diffusion XL",
    pattern: "^stabilityai/stable-diffusion-xl",
    license: "openrail++",
    official: true,
    source: hf("stabilityai/stable-diffusion-xl-base-1.0"),
  },
  {
    family: "Stable Diffusion 1.x",
    pattern: "^(CompVis|runwayml|stable-diffusion-v1-5)/stable-diffusion-v1",
    license: "creativeml-openrail-m",
    official: true,
    source: hf("CompVis/stable-diffusion-v1-4"),
  },
  ...CLASSIC_FAMILIES,
  ...REGIONAL_FAMILIES,
  ...BREADTH_FAMILIES,
  ...SOURCED_FAMILIES,
  ...SOURCED_RESTRICTED,
  ...SOURCED_FAMILIES_2,
  ...BREADTH_FAMILIES_2,
  ...BREADTH_FAMILIES_3,
  ...BREADTH_FAMILIES_4,
  ...BREADTH_COPIES,
  ...REGIONAL_COPIES,
  ...FAMILY_NAMES,
];
