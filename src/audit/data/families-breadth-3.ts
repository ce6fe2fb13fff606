/**
 * More official model families (issue 16, knowledge-base breadth, stop 34): chat, instruction and vision-language
 * releases that fine-tuning cards start from. Each licence is the publisher's card's `license` field, or its own
 * repository's README or licence file (the `source`). A summary for triage, not legal advice. Sizes and generations
 * whose card was not read (InternVL 2.5 and 3, the other InternVL2 sizes, llm-jp-3 instruct, Sarashina2.2, whose
 * licence was found only in a release post) are left out on purpose: several embed another publisher's LLM.
 */
import type { FamilyEntry } from "../terms.js";
import { officialFamily as entry, hfModel as hf } from "./hub-sources.js";

export const BREADTH_FAMILIES_3: readonly FamilyEntry[] = [
  entry(
    "Janus / JanusFlow / Janus-Pro (DeepSeek)",
    "^deepseek-ai/(Janus-Pro-(1B|7B)|Janus-1\\.3B|JanusFlow-1\\.3B)$",
    "deepseek",
    "https://github.com/deepseek-ai/Janus/blob/main/README.md#4-license",
    "the publisher's README: 'This code repository is licensed under the MIT License. The use of Janus models is subject to DeepSeek Model License' (LICENSE-MODEL: 'DEEPSEEK LICENSE AGREEMENT Version 1.0')",
  ),
  entry(
    "GLM-4.5 / GLM-4.5-Air (Z.ai)",
    "^(zai-org|THUDM)/GLM-4\\.5(-Air)?(-Base|-FP8)?$",
    "mit",
    hf("zai-org/GLM-4.5"),
    "the card's metadata 'license: mit': 'We have open-sourced the base models, hybrid reasoning models, and FP8 versions of the hybrid reasoning models for both GLM-4.5 and GLM-4.5-Air. They are released under the MIT open-source license'; GLM-4.5V and later GLM versions are other cards",
  ),
  entry(
    "InternLM-XComposer2-VL 7B",
    "^internlm/internlm-xcomposer2-vl-7b$",
    "internlm",
    "https://github.com/InternLM/InternLM-XComposer/blob/main/README.md#license--contact-us",
    "the publisher's README: 'The code is licensed under Apache-2.0, while model weights are fully open for academic research and also allow free commercial usage. To apply for a commercial license, please fill in the application form'",
  ),
  entry(
    "InternVL2 8B",
    "^OpenGVLab/InternVL2-8B$",
    "mit",
    hf("OpenGVLab/InternVL2-8B/blob/cf5b9bd089821696c2b402c213cd5bf76fc025f6/README.md"),
    "the card's metadata 'license: mit', 'base_model: OpenGVLab/InternViT-300M-448px, internlm/internlm2_5-7b-chat'; the other InternVL2 sizes embed other LLMs (Phi-3, Yi, Llama 3) and InternVL 2.5 / 3 are other cards",
  ),
  entry(
    "MOSS-003 (Fudan)",
    "^fnlp/moss-moon-003-(base|sft|sft-plugin)(-int[48])?$",
    "agpl-3.0",
    "https://github.com/OpenMOSS/MOSS/blob/main/README_en.md#page_with_curl-license",
    "the publisher's README: 'the model weights on huggingface are licensed by GNU AGPL 3.0. If you wish to use our models for commercial purpose or public serving, please sign this agreement ... to get authorized. We only track the commercial use but charge nothing.' (MODEL_LICENSE: GNU AFFERO GENERAL PUBLIC LICENSE Version 3)",
  ),
  entry(
    "Starling-LM 7B alpha",
    "^berkeley-nest/Starling-LM-7B-alpha$",
    "apache-2.0",
    hf("berkeley-nest/Starling-LM-7B-alpha"),
    "the card: 'License: Apache-2.0 license under the condition that the model is not used to compete with OpenAI'; 'Finetuned from model: Openchat 3.5 (based on Mistral-7B-v0.1)'",
  ),
  entry(
    "Notus 7B v1",
    "^argilla/notus-7b-v1$",
    "mit",
    "https://github.com/argilla-io/notus/blob/main/v1/assets/MODEL_CARD.md",
    "the publisher's model card: metadata 'license: mit', 'License: MIT (same as Zephyr 7B-beta)'; fine-tuned with DPO over alignment-handbook/zephyr-7b-sft-full",
  ),
  entry(
    "Japanese GPT-NeoX 3.6B instruction SFT (rinna)",
    "^rinna/japanese-gpt-neox-3\\.6b-instruction-sft$",
    "mit",
    hf("rinna/japanese-gpt-neox-3.6b-instruction-sft"),
    "the card's metadata 'license: mit', 'base_model: rinna/japanese-gpt-neox-3.6b'; the base model's and the PPO / SFT-v2 models' cards were not read",
  ),
  entry(
    "LLM-jp-3 (1.8B, 440M)",
    "^llm-jp/llm-jp-3-(1\\.8b|440m)$",
    "apache-2.0",
    hf("llm-jp/llm-jp-3-1.8b/blob/60acda32e07c72b82ce5a73d60b21b3d65e0c810/README.md"),
    "both cards' metadata 'license: apache-2.0'; the instruct and 172B models were not read",
  ),
  entry(
    "MiniCPM 2B (OpenBMB)",
    "^openbmb/MiniCPM-2B-(sft|dpo)-(bf16|fp32)$",
    "apache-2.0",
    "https://github.com/OpenBMB/MiniCPM/blob/main/README.md#-license",
    "the publisher's README (since October 2025): 'This repository and MiniCPM models are released under the Apache-2.0 License'; earlier releases pointed to the MiniCPM Model License",
  ),
  entry(
    "MiniCPM-V 2.6 (OpenBMB)",
    "^openbmb/MiniCPM-V-2_6$",
    "apache-2.0",
    "https://github.com/OpenBMB/MiniCPM-V/blob/main/README.md#model-license-",
    "the publisher's README (since September 2025): 'The MiniCPM-o/V model weights and code are open-sourced under the Apache-2.0 license' (registration questionnaire optional); earlier it read 'must strictly follow MiniCPM Model License.md'",
  ),
  entry(
    "DCLM-Baseline 7B (Apple)",
    "^apple/DCLM-7B(-8k)?$",
    "apple-ascl",
    hf("apple/DCLM-7B/blob/4b666fb6df9f1d0a1aa731a32502d47079fcad72/README.md"),
    "both cards' metadata 'license: apple-ascl' and 'License: Apple Sample Code License'",
  ),
  entry(
    "Fuyu-8B (Adept)",
    "^adept/fuyu-8b$",
    "cc-by-nc-4.0",
    hf("adept/fuyu-8b/blob/860995a9a0dcd9384ebce5a8033d9840f0d18a71/README.md"),
    "the card: metadata 'license: cc', 'License: CC-BY-NC' linking creativecommons.org/licenses/by-nc/4.0",
  ),
  entry(
    "Moonlight 16B-A3B (Moonshot AI)",
    "^moonshotai/Moonlight-16B-A3B(-Instruct)?$",
    "mit",
    "https://github.com/MoonshotAI/Moonlight/blob/master/LICENSE",
    "the publisher's repository, which releases 'the pretrained, instruction-tuned, and intermediate checkpoints': LICENSE 'The MIT License (MIT) Copyright © 2025 Moonshot AI'",
  ),
  entry(
    "Seed-OSS 36B (ByteDance Seed)",
    "^ByteDance-Seed/Seed-OSS-36B-(Base|Base-woSyn|Instruct)$",
    "apache-2.0",
    "https://github.com/ByteDance-Seed/seed-oss/blob/master/README.md",
    "the publisher's README: 'We release this series of models to the open-source community under the Apache-2.0 license' (Seed-OSS-36B-Base with and without synthetic data, Seed-OSS-36B-Instruct)",
  ),
  // Families of the bespoke licences in bespoke-licenses-3.ts, each only as broad as its licence's own scope.
  entry(
    "DBRX (Databricks)",
    "^databricks/dbrx-(base|instruct)$",
    "databricks-open-model-license",
    "https://github.com/databricks/dbrx/blob/a3200393e678387a6f30f3e903108c650625eb21/README.md#license",
    "the publisher's README lists DBRX Base and DBRX Instruct on the Hub: 'Our model weights and code are licensed for both researchers and commercial entities. The Databricks Open Source License can be found at LICENSE' (LICENSE: 'Databricks Open Model License')",
  ),
  entry(
    "XVERSE 7B / 13B / 65B (元象)",
    "^xverse/XVERSE-(7B(-Chat)?|13B(-Chat|-256K)?|65B(-Chat|-2)?)$",
    "xverse-model-license",
    "https://github.com/xverse-ai/XVERSE-7B/blob/551dea7e53be070e9f76188e450467200af320f2/README_EN.md#open-source-license",
    "each size's README (XVERSE-7B, XVERSE-13B at b0f30a0e9a632e57fd44abad52f0ffc91c14969b, XVERSE-65B at b2e8e2effca0c36472c9d1ae3a80ab7aec654d21): 'The use of the source code in this repository must follow the Apache-2.0 open-source license, while the use of the model weights of XVERSE-7B needs to adhere to the Model License Agreement' (MODEL_LICENSE.pdf, the same text in the three); the MoE and vision models were not read",
  ),
  entry(
    "Skywork-13B (Skywork)",
    "^Skywork/Skywork-13B-(Base(-8bits|-Intermediate|-3\\.1TB)?|Math(-8bits)?)$",
    "skywork-community-license",
    "https://github.com/SkyworkAI/Skywork/blob/9c0d593e13f7999d15c12732b49d8591d0d39ae5/README.md#license-agreement",
    "the publisher's README: 'The community usage of Skywork model requires Skywork Community License. The Skywork model supports commercial use.' The licence defines 'Skywork Model' as 'the Skywork-13B model'; later Skywork releases are not covered",
  ),
  entry(
    "Aquila 7B / 33B, AquilaChat, AquilaCode (BAAI, first generation)",
    "^BAAI/((Aquila|AquilaChat)-(7B|33B)|AquilaCode-(multi|py|7B-NV|7B-TS))$",
    "baai-aquila-model-license",
    "https://github.com/FlagAI-Open/FlagAI/blob/9a885f3384bea3dc456eb07e061252a7be0df514/examples/Aquila/Aquila-pretrain/README.md",
    "FlagAI's Aquila READMEs: 'Aquila-7B和Aquila-33B开源模型使用 智源Aquila系列模型许可协议', and the same for AquilaChat-7B / -33B and AquilaCode-multi / -py; the licence names 'Aquila-33B, Aquila-7B, AquilaChat-33B, AquilaChat-7B, AquilaCode-7B-NV, AquilaCode-7B-TS'. Aquila2 is under other terms",
  ),
  entry(
    "MiniMax-Text-01 / MiniMax-VL-01",
    "^MiniMaxAI/MiniMax-(Text|VL)-01(-hf)?$",
    "minimax-model-license",
    "https://github.com/MiniMax-AI/MiniMax-01/blob/57cf223b177e99636c7711a0f179e9fdc9c38e8a/README.md",
    "the publisher's repository for MiniMax-Text-01 and MiniMax-VL-01: 'Model License' links LICENSE-MODEL ('MINIMAX MODEL LICENSE'), 'Code License' MIT; the -hf repository is the publisher's Transformers copy of MiniMax-Text-01; later MiniMax models (M1 and after) are other repositories, not matched",
  ),
];
