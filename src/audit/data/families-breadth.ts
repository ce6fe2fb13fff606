/**
 * More official model families (issue 16, knowledge-base breadth, stop 26): bases that fine-tuning cards name
 * often and the table lacked (the blind dev batches `u1-`/`u2-` met LFM2 and Kimi; the rest are the encoders,
 * vision and speech backbones, embedding models and chat releases community cards start from). Each licence is
 * the publisher's card's `license` field or licence file (the `source`). Community re-uploads that keep the
 * family's name (`unsloth/gpt-oss-20b`, `lmstudio-community/LFM2-…`) are recognised at the end, as inferences.
 * A summary for triage, not legal advice.
 */
import type { FamilyEntry } from "../terms.js";
import { inferredFamily as copy, officialFamily as entry, hfModel as hf } from "./hub-sources.js";

/** Chat and instruction releases, and the licence their publisher gave each generation. */
const CHAT: readonly FamilyEntry[] = [
  entry("Llama Guard 3 (1B)", "^meta-llama/Llama-Guard-3-1B", "llama3.2", hf("meta-llama/Llama-Guard-3-1B")),
  entry("Llama Guard 3", "^meta-llama/Llama-Guard-3-", "llama3.1", hf("meta-llama/Llama-Guard-3-8B")),
  entry("Llama Guard 2", "^meta-llama/Meta-Llama-Guard-2-", "llama3", hf("meta-llama/Meta-Llama-Guard-2-8B")),
  entry("Llama Guard", "^meta-llama/LlamaGuard-7b", "llama2", hf("meta-llama/LlamaGuard-7b")),
  entry(
    "Zephyr 7B β",
    "^HuggingFaceH4/zephyr-7b-beta",
    "mit",
    hf("HuggingFaceH4/zephyr-7b-beta"),
    "the card's metadata 'license: mit' and 'License: MIT' under Model description",
  ),
  entry(
    "Intel NeuralChat 7B v3",
    "^Intel/neural-chat-7b-v3",
    "apache-2.0",
    hf("Intel/neural-chat-7b-v3-1"),
    "the card's 'License: Apache 2.0'; Intel's announcement: 'The NeuralChat model uses the same licensing' as Mistral-7B-v0.1 (Apache-2.0)",
  ),
  entry(
    "EEVE-Korean 10.8B (base)",
    "^yanolja/EEVE-Korean-10\\.8B-v1\\.0$",
    "apache-2.0",
    hf("yanolja/EEVE-Korean-10.8B-v1.0"),
    "the card's metadata 'license: apache-2.0', 'base_model: upstage/SOLAR-10.7B-v1.0'; the Instruct model's card was not read",
  ),
  entry(
    "Swallow (Llama 2)",
    "^tokyotech-llm/Swallow-(7b|13b|70b)",
    "llama2",
    hf("tokyotech-llm/Swallow-7b-hf"),
    "'license: llama2'; continual pre-training from the Llama 2 family (Swallow-7b/13b/70b, -plus, -NVE, -instruct); the later Llama-3-Swallow and Llama-3.1-Swallow are other ids",
  ),
  entry(
    "Orca 2",
    "^microsoft/Orca-2-",
    "microsoft-research-license",
    hf("microsoft/Orca-2-7b"),
    "the card's metadata: 'license: other', 'license_name: microsoft-research-license'",
  ),
  entry(
    "EXAONE",
    "^LGAI-EXAONE/EXAONE-",
    "exaone",
    hf("LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct"),
    "the card's metadata: 'license: other', 'license_name: exaone' (EXAONE AI Model License Agreement, NC)",
  ),
  entry("OpenChat 3.5", "^openchat/openchat[-_]3\\.[56]", "apache-2.0", hf("openchat/openchat-3.5-0106")),
  entry(
    "WizardLM 13B V1.2",
    "^WizardLMTeam/WizardLM-13B-V1\\.2",
    "llama2",
    hf("WizardLMTeam/WizardLM-13B-V1.2"),
  ),
  entry(
    "LLaVA v1.5",
    "^(liuhaotian/llava-v1\\.5-|llava-hf/llava-1\\.5-)",
    "llama2",
    hf("liuhaotian/llava-v1.5-7b"),
    "fine-tuned from Vicuna v1.5 (Llama 2)",
  ),
  entry(
    "LFM2 / LFM2.5 (Liquid AI)",
    "^LiquidAI/LFM2",
    "lfm1.0",
    hf("LiquidAI/LFM2-1.2B"),
    "the card's metadata: 'license: other', 'license_name: lfm1.0'",
  ),
  entry(
    "Kimi K2",
    "^moonshotai/Kimi-K2",
    "modified-mit",
    hf("moonshotai/Kimi-K2-Instruct"),
    "the card's metadata: 'license: other', 'license_name: modified-mit'",
  ),
  entry(
    "Kimi K3",
    "^moonshotai/Kimi-K3",
    "kimi-k3",
    "https://github.com/MoonshotAI/Kimi-K3/blob/main/LICENSE",
  ),
  entry("Jamba v0.1", "^ai21labs/Jamba-v0\\.1", "apache-2.0", hf("ai21labs/Jamba-v0.1")),
  entry(
    "Snowflake Arctic",
    "^Snowflake/snowflake-arctic-(instruct|base)",
    "apache-2.0",
    hf("Snowflake/snowflake-arctic-instruct"),
  ),
  entry("Grok-1", "^(xai-org|hpcai-tech)/grok-1", "apache-2.0", hf("xai-org/grok-1")),
  entry("Mamba", "^state-spaces/mamba-", "apache-2.0", hf("state-spaces/mamba-130m")),
  entry("XGen 7B (base)", "^Salesforce/xgen-7b-(4k|8k)-base", "apache-2.0", hf("Salesforce/xgen-7b-8k-base")),
  entry("IBM Granite (ibm)", "^ibm/granite-", "apache-2.0", hf("ibm/granite-7b-base")),
  entry("SmolVLM", "^HuggingFaceTB/SmolVLM", "apache-2.0", hf("HuggingFaceTB/SmolVLM-Instruct")),
  entry("IDEFICS2", "^HuggingFaceM4/idefics2-", "apache-2.0", hf("HuggingFaceM4/idefics2-8b")),
];

/** Encoders, sequence-to-sequence, vision and embedding backbones. */
const BACKBONES: readonly FamilyEntry[] = [
  entry("BGE", "^BAAI/bge-", "mit", hf("BAAI/bge-m3")),
  entry("E5", "^intfloat/(multilingual-)?e5-", "mit", hf("intfloat/multilingual-e5-large")),
  entry("T5 v1.1", "^google/t5-v1_1-", "apache-2.0", hf("google/t5-v1_1-base")),
  entry("ByT5", "^google/byt5-", "apache-2.0", hf("google/byt5-small")),
  entry("LongT5", "^google/long-t5-", "apache-2.0", hf("google/long-t5-tglobal-base")),
  entry("SigLIP", "^google/siglip", "apache-2.0", hf("google/siglip-so400m-patch14-384")),
  entry("Florence-2", "^microsoft/Florence-2-", "mit", hf("microsoft/Florence-2-large")),
  entry(
    "LayoutLMv2 / LayoutLMv3",
    "^microsoft/layoutlmv[23]-",
    "cc-by-nc-sa-4.0",
    hf("microsoft/layoutlmv3-base"),
    "LayoutLM (v1) is MIT; v2 and v3 are CC BY-NC-SA 4.0",
  ),
  entry("mBART-50", "^facebook/mbart-large-50", "mit", hf("facebook/mbart-large-50")),
  entry("M2M100", "^facebook/m2m100_", "mit", hf("facebook/m2m100_418M")),
  entry("BlenderBot", "^facebook/blenderbot-", "apache-2.0", hf("facebook/blenderbot-400M-distill")),
  entry("DINOv2", "^facebook/dinov2-", "apache-2.0", hf("facebook/dinov2-base")),
  entry("SAM", "^facebook/sam-vit-", "apache-2.0", hf("facebook/sam-vit-base")),
  entry("CodeT5", "^Salesforce/codet5-", "apache-2.0", hf("Salesforce/codet5-base")),
  entry("BLIP", "^Salesforce/blip-", "bsd-3-clause", hf("Salesforce/blip-image-captioning-base")),
  entry("Bio_ClinicalBERT", "^emilyalsentzer/Bio_ClinicalBERT", "mit", hf("emilyalsentzer/Bio_ClinicalBERT")),
];

/** Community copies that keep a family's name: the licence is the family's, inferred (not the table's say-so). */
const COPIES: readonly FamilyEntry[] = [
  copy("Gemma 4", "gemma-?4-", "apache-2.0", "https://ai.google.dev/edge/litert-lm/models/gemma-4"),
  copy("gpt-oss", "gpt-oss-(20b|120b)", "apache-2.0", hf("openai/gpt-oss-20b")),
  copy("LFM2 / LFM2.5 (Liquid AI)", "\\bLFM2", "lfm1.0", hf("LiquidAI/LFM2-1.2B")),
  copy("Kimi K2", "Kimi-K2", "modified-mit", hf("moonshotai/Kimi-K2-Instruct")),
  copy("Kimi K3", "Kimi-K3", "kimi-k3", "https://github.com/MoonshotAI/Kimi-K3/blob/main/LICENSE"),
  copy("EXAONE", "EXAONE-(3|4)", "exaone", hf("LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct")),
  copy("Orca 2", "orca-2-(7b|13b)", "microsoft-research-license", hf("microsoft/Orca-2-7b")),
  copy("Zephyr 7B β", "zephyr-7b-beta", "mit", hf("HuggingFaceH4/zephyr-7b-beta")),
  copy("Intel NeuralChat 7B v3", "neural-chat-7b-v3", "apache-2.0", hf("Intel/neural-chat-7b-v3-1")),
  copy("Swallow (Llama 2)", "\\bSwallow-(7b|13b|70b)", "llama2", hf("tokyotech-llm/Swallow-7b-hf")),
  // Vicuna's generations differ: v1.5 is on Llama 2, v1.1-v1.3 on LLaMA 1; a copy that gives no version is not read.
  copy("Vicuna v1.5", "vicuna-(7b|13b)-(16k-)?v1\\.5", "llama2", hf("lmsys/vicuna-7b-v1.5")),
  copy(
    "Vicuna v1.1-v1.3 (LLaMA)",
    "vicuna-(7b|13b|33b)-(delta-)?v1\\.[0-3]",
    "llama1",
    hf("lmsys/vicuna-7b-v1.3"),
  ),
];

export const BREADTH_FAMILIES: readonly FamilyEntry[] = [...CHAT, ...BACKBONES];
export const BREADTH_COPIES: readonly FamilyEntry[] = COPIES;
