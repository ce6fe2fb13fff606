/**
 * More licences of widely used training sets, for ids that extraction's dataset table (src/model/known-datasets*.ts)
 * resolves, each read from its Hub dataset card (front matter and the card's own licence text) at review time.
 * Where the front matter and the card's text disagree, the stricter term the card states is kept and the note
 * quotes both. A summary for triage, not legal advice.
 */
import type { DatasetEntry } from "../terms.js";
import { hfDataset as hf } from "./hub-sources.js";

const BELLE_NOTE =
  "front matter gpl-3.0; the card's '使用限制' section: '仅允许将此数据集及使用此数据集生成的衍生物用于研究目的，不得用于商业' (research use only, no commercial use, derivatives included)";

const GPT4_LLM_ZH =
  "GPT-4-LLM's alpaca_gpt4_data_zh (Alpaca prompts answered by GPT-4 in Chinese): 'The data is intended and licensed for research use only. The dataset is CC BY NC 4.0'";

const HUATUO_O1 =
  "the publisher's HuatuoGPT-o1 README (https://github.com/FreedomIntelligence/HuatuoGPT-o1#-data) Data";

export const MORE_DATASETS: readonly DatasetEntry[] = [
  {
    id: "Intel/orca_dpo_pairs",
    license: "apache-2.0",
    outputsOf: "openai-outputs",
    source: hf("Intel/orca_dpo_pairs"),
    note: "front matter apache-2.0; 'The dataset contains 12k examples from Orca style dataset Open-Orca/OpenOrca' (GPT-4/GPT-3.5 completions)",
  },
  {
    id: "GAIR/lima",
    license: "cc-by-nc-sa-4.0",
    source: hf("GAIR/lima"),
    note: "the card: 'If the source data of LIMA has a stricter license than CC BY-NC-SA, the LIMA dataset follows the same. Otherwise, it follows the CC BY-NC-SA license.' (no version stated; 4.0 taken)",
  },
  { id: "nvidia/HelpSteer", license: "cc-by-4.0", source: hf("nvidia/HelpSteer") },
  {
    id: "allenai/tulu-3-sft-mixture",
    license: "odc-by",
    source: hf("allenai/tulu-3-sft-mixture"),
    note: "'this collection is licensed under ODC-BY-1.0 license; different licenses apply to subsets of the data. Some portions of the dataset are non-commercial.'",
  },
  {
    id: "WizardLMTeam/WizardLM_evol_instruct_70k",
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("WizardLMTeam/WizardLM_evol_instruct_70k"),
    note: "front matter mit (added by the publisher, commit 16b48bd); Evol-Instruct rewrites instructions and answers with ChatGPT (the card's paper, arXiv 2304.12244)",
  },
  {
    id: "BelleGroup/train_0.5M_CN",
    license: "research-use-only",
    source: hf("BelleGroup/train_0.5M_CN"),
    note: BELLE_NOTE,
  },
  {
    id: "BelleGroup/train_1M_CN",
    license: "research-use-only",
    source: hf("BelleGroup/train_1M_CN"),
    note: BELLE_NOTE,
  },
  {
    id: "shibing624/alpaca-zh",
    license: "cc-by-nc-4.0",
    outputsOf: "openai-outputs",
    source: hf("shibing624/alpaca-zh"),
    note: `front matter cc-by-4.0, but the card's 'Usage and License Notices' keep the publisher's terms: ${GPT4_LLM_ZH}`,
  },
  {
    id: "c-s-ale/alpaca-gpt4-data-zh",
    license: "cc-by-nc-4.0",
    outputsOf: "openai-outputs",
    source: hf("llm-wizard/alpaca-gpt4-data-zh"),
    note: `a copy (now llm-wizard/alpaca-gpt4-data-zh) whose front matter says cc-by-4.0; the card cites arXiv 2304.03277 and the file is ${GPT4_LLM_ZH} (https://github.com/Instruction-Tuning-with-GPT-4/GPT-4-LLM#usage-and-license-notices)`,
  },
  {
    // The Chinese-LLaMA-Alpaca team's 51k Chinese instruction set (not the GPT-4-LLM Chinese data). Its data README:
    // 'Chinese Alpaca dataset, containing 51k instruction data crawled from ChatGPT (gpt-3.5-turbo).'
    id: "hfl/alpaca_zh_51k",
    names: ["alpaca_zh_51k", "alpaca_data_zh_51k", "Alpaca-Zh-51k"],
    license: "research-use-only",
    outputsOf: "openai-outputs",
    source:
      "https://github.com/ymcui/Chinese-LLaMA-Alpaca/blob/5e7a50ec8548e36497a9973359c0be21f95f4c47/data/README.md",
    note: "the Hub copy (https://huggingface.co/datasets/hfl/alpaca_zh_51k) is tagged apache-2.0, but the publisher's project says '本项目相关资源仅供学术研究之用，严禁用于商业用途' (README, 免责声明): the stricter stated term is kept",
  },
  {
    id: "mosaicml/dolly_hhrlhf",
    license: "cc-by-sa-3.0",
    source: hf("mosaicml/dolly_hhrlhf"),
    note: "front matter cc-by-sa-3.0; the card: databricks-dolly-15k plus a filtered subset of Anthropic HH-RLHF, 'Certain categories of material in the dataset include materials from the following sources, licensed under the CC BY-SA 3.0 license: Wikipedia (various pages) … Databricks' (share-alike)",
  },
  {
    id: "FreedomIntelligence/medical-o1-reasoning-SFT",
    license: "apache-2.0",
    outputsOf: "openai-outputs",
    source: hf("FreedomIntelligence/medical-o1-reasoning-SFT"),
    note: `front matter 'license: apache-2.0'; ${HUATUO_O1} table: 'SFT Data in Stage 1: Fine-tuning data generated using GPT-4o, including complex chains of thought (Complex CoT) and output (Response)'`,
  },
  {
    id: "FreedomIntelligence/medical-o1-verifiable-problem",
    license: "apache-2.0",
    outputsOf: "openai-outputs",
    source: hf("FreedomIntelligence/medical-o1-verifiable-problem"),
    note: `front matter 'license: apache-2.0'; ${HUATUO_O1} builds them with 'construct_verifiable_medical_problems.py … --model_name gpt-4o' ('Constructing Verifiable Problems from Multi-choice Questions')`,
  },
  {
    id: "teknium/OpenHermes-2.5",
    names: ["OpenHermes-2.5", "OpenHermes 2.5 dataset"],
    license: "apache-2.0",
    outputsOf: "openai-outputs",
    source: hf("teknium/OpenHermes-2.5"),
    note: "the card: '- **License:** [Apache 2.0]'; '1 million primarily synthetically generated instruction and chat samples', tagged 'Synthetic, GPT-4, Distillation' (copy of the card: https://huggingface.co/datasets/2A2I/Arabic-OpenHermes-2.5/commit/768298de51208eabcf7f3270c00860d65a69311f)",
  },
  {
    id: "CohereForAI/aya_dataset",
    license: "apache-2.0",
    source: hf("CohereForAI/aya_dataset"),
    note: "front matter 'license: apache-2.0'; 'a total of 204k human-annotated prompt-completion pairs' (no model outputs)",
  },
  {
    id: "microsoft/orca-math-word-problems-200k",
    names: ["Orca-Math 200k"],
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("microsoft/orca-math-word-problems-200k"),
    note: "the card: '- **License:** MIT'; 'All the answers in this dataset is generated using Azure GPT4-Turbo'",
  },
  {
    id: "WizardLMTeam/WizardLM_evol_instruct_V2_196k",
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("WizardLMTeam/WizardLM_evol_instruct_V2_196k"),
    note: "front matter 'license: mit' (added by the publisher, commit 8a7d15a); Evol-Instruct data like WizardLM_evol_instruct_70k, instructions evolved and answered with ChatGPT (arXiv 2304.12244, cited by the card)",
  },
  {
    id: "argilla/distilabel-intel-orca-dpo-pairs",
    license: "apache-2.0",
    outputsOf: "openai-outputs",
    source: hf("argilla/distilabel-intel-orca-dpo-pairs"),
    note: "front matter 'license: apache-2.0'; the card: 'a \"distilabeled\" version of the widely used dataset: Intel/orca_dpo_pairs … the original dataset just assumes gpt4/3.5-turbo are always the best response' (its responses are GPT-4 / GPT-3.5-turbo outputs)",
  },
  {
    id: "garage-bAInd/Open-Platypus",
    names: ["Open-Platypus", "OpenPlatypus"],
    license: "cc-by-nc-sa-4.0",
    outputsOf: "openai-outputs",
    source: hf("garage-bAInd/Open-Platypus"),
    note: "the card states no licence of its own; its table of sources lists 'ScienceQA | Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International' and 'ReClor | Non-commercial', so the stricter stated term is kept; it also includes 'jondurbin/airoboros-gpt4-1.4.1' and 'nuprl/leetcode-solutions-python-testgen-gpt4' (GPT-4 outputs)",
  },
  {
    id: "allenai/ultrafeedback_binarized_cleaned",
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("allenai/ultrafeedback_binarized_cleaned"),
    note: "front matter 'license: mit'; the card: 'a version of the UltraFeedback binarized dataset (HuggingFaceH4/ultrafeedback_binarized) but with TruthfulQA prompts removed and source annotations added' (completions rated by GPT-4)",
  },
  // The dataset cards (metadata and a short README) do not say which model wrote the data; the publisher's model
  // card does for OSS-Instruct.
  {
    id: "ise-uiuc/Magicoder-OSS-Instruct-75K",
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("ise-uiuc/Magicoder-OSS-Instruct-75K"),
    note: "front matter mit; the dataset card does not name the model that generated the instructions, the publisher's model card does (https://huggingface.co/ise-uiuc/Magicoder-S-DS-6.7B/raw/ee3db820a9a72c73b725e8a063df3286ae119678/README.md, Training Data: 'Magicoder-OSS-Instruct-75K: generated through OSS-Instruct using gpt-3.5-turbo-1106')",
  },
  {
    id: "ise-uiuc/Magicoder-Evol-Instruct-110K",
    license: "apache-2.0",
    source: hf("ise-uiuc/Magicoder-Evol-Instruct-110K"),
    note: "front matter changed from cc-by-nc-4.0 to apache-2.0 by the publisher ('Change license to Apache-2.0', commit b0079be)",
  },
  {
    id: "TIGER-Lab/MathInstruct",
    names: ["MathInstruct"],
    license: "mit",
    source: hf("TIGER-Lab/MathInstruct"),
    note: "front matter mit; 'compiled from 13 math rationale datasets, six of which are newly curated by this work' (MAmmoTH cards): the sources' own licences apply too",
  },
  {
    id: "cognitivecomputations/dolphin-r1",
    names: ["Dolphin-R1 dataset"],
    license: "apache-2.0",
    outputsOf: "gemini-outputs",
    source: hf("cognitivecomputations/dolphin-r1"),
    note: "the card: 'An Apache-2.0 dataset'; '300k reasoning samples from DeepSeek-R1, 300k reasoning samples from Gemini 2.0 flash thinking, 200k samples of Dolphin chat' (the Gemini part carries Google's terms; DeepSeek-R1 is MIT)",
  },
  {
    id: "nvidia/OpenMathInstruct-2",
    license: "cc-by-4.0",
    source: hf("nvidia/OpenMathInstruct-2"),
    note: "front matter cc-by-4.0; the card text naming the generating model was not read in this review (arXiv 2410.01560)",
  },
];
