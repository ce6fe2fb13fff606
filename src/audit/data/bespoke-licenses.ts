/**
 * Bespoke model licences added for issue 16, each read from its publisher's own card or licence page: the
 * original LLaMA's non-commercial research licence (many early fine-tunes sit on it), the NVIDIA Open Model
 * License, and THUDM's ChatGLM2-6B and GLM-4-9B model licences (free for research, commercial use after
 * registration, the licence and its use restrictions carried with every copy), THUDM's first ChatGLM-6B licence and
 * 01.AI's Yi Series Models Community License (v2.1); later THUDM's ChatGLM3-6B licence and Baichuan's three generations of
 * model licences (Baichuan-7B, Baichuan-13B, Baichuan 2), each free for research and commercial use after registering. A summary for triage, not legal advice.
 */
import type { LicenseEntry } from "../terms.js";

export const BESPOKE_LICENSES: readonly LicenseEntry[] = [
  {
    id: "llama1",
    name: "LLaMA (version 1) non-commercial research licence",
    aliases: ["llama-1", "llama 1", "llama-license", "llama license", "llama-research-license"],
    kind: "non-commercial",
    licensor: "Meta",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license"],
    limitations: [
      "licensed solely for non-commercial research purposes (the model card: 'Non-commercial bespoke license')",
      "the weights may not be redistributed without Meta's permission",
    ],
    source: "https://github.com/facebookresearch/llama/blob/llama_v1/MODEL_CARD.md",
    note: "Weights were released on request (Feb 2023); derivatives such as Alpaca, Vicuna v0, Guanaco, Pygmalion 7B and 33B/65B models sit on it.",
  },
  {
    id: "opt-175b",
    name: "OPT-175B License Agreement (Meta's OPT models)",
    aliases: ["opt-175b license", "opt license", "opt-175b-license"],
    kind: "non-commercial",
    licensor: "Meta",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license"],
    limitations: [
      "a non-commercial research licence: the OPT model cards' metadata says 'license: other' and 'commercial: false'",
    ],
    source: "https://github.com/facebookresearch/metaseq/blob/main/projects/OPT/MODEL_LICENSE.md",
    note: "Meta's OPT models (125M to 66B on the Hub, 175B on request) share the OPT-175B licence.",
  },
  {
    id: "internlm",
    name: "InternLM model weights terms (code Apache-2.0; weights free for research, commercial use on application)",
    aliases: ["internlm license", "internlm-license"],
    kind: "model-license",
    licensor: "Shanghai AI Laboratory (InternLM)",
    commercial: "conditional",
    derivatives: "any",
    conditions: [],
    limitations: [
      "'model weights are fully open for academic research and also allow free commercial usage. To apply for a commercial license, please fill in the application form' (the cards' Open Source License section)",
    ],
    source:
      "https://huggingface.co/internlm/internlm2-base-7b/commit/438e4c8a828b216602eb29eefd2640f0fa6ace41",
    note: "InternLM (first generation) and InternLM2 cards; later InternLM2.5 card revisions read differently and are not covered here.",
  },
  {
    id: "nvidia-open-model-license",
    name: "NVIDIA Open Model License Agreement",
    aliases: ["nvidia open model license", "nvidia-oml", "nvidia open model license agreement"],
    kind: "model-license",
    licensor: "NVIDIA",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["include-license", "attribution"],
    limitations: [
      "ship a copy of the agreement and the notice 'Licensed by NVIDIA Corporation under the NVIDIA Open Model License'",
      "bypassing or disabling the model's guardrails ends the licence",
    ],
    source: "https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/",
    note: "'Models are commercially usable. You are free to create and distribute Derivative Models.'",
  },
  {
    id: "chatglm2-6b",
    name: "ChatGLM2-6B Model License",
    aliases: ["chatglm2-6b license", "chatglm2 license", "chatglm2-6b model license"],
    kind: "model-license",
    licensor: "THUDM / Zhipu AI",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "use-restrictions"],
    limitations: [
      "commercial use is free after registering with the licensor (the README: weights 'fully open for academic research', 'free commercial use is also allowed after completing the questionnaire')",
      "'the above copyright statement and this license shall be included in all copies or significant portions of the Software'",
      "no use for military or illegal purposes, or to harm national security or the public interest",
    ],
    source: "https://huggingface.co/THUDM/chatglm2-6b/blob/main/MODEL_LICENSE",
  },
  {
    id: "glm-4",
    name: "GLM-4 Model License",
    aliases: ["glm-4 license", "glm4", "glm-4-9b license", "the glm-4 license"],
    kind: "model-license",
    licensor: "THUDM / Zhipu AI",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "use-restrictions"],
    limitations: [
      "commercial use after registering with the licensor",
      "the copyright statement and the licence are included in all copies or substantial portions of the Software",
      "no use for military or illegal purposes, or to harm national security or the public interest",
    ],
    source: "https://huggingface.co/THUDM/glm-4-9b-chat/blob/main/LICENSE",
    note: "The Hub lists it as license: other, license_name: glm-4.",
  },
  {
    id: "chatglm-6b",
    name: "The ChatGLM-6B License",
    aliases: ["the chatglm-6b license", "chatglm-6b license", "chatglm-6b model license"],
    kind: "model-license",
    licensor: "THUDM / Zhipu AI",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "use-restrictions"],
    limitations: [
      "the README: weights 'completely open for academic research', 'free commercial use is also allowed after completing the questionnaire'",
      "the copyright statement and the licence are included in all copies or substantial portions of the Software",
      "no use for military or illegal purposes, or to harm national security or the public interest",
    ],
    source: "https://github.com/THUDM/ChatGLM-6B/blob/main/MODEL_LICENSE",
    note: "Covers ChatGLM-6B only ('不包括二代模型 ChatGLM2-6B 以及后续模型'); ChatGLM2-6B has its own licence.",
  },
  {
    id: "yi-license",
    name: "Yi Series Models Community License Agreement",
    aliases: ["yi series models community license agreement", "yi license", "yi-license", "yi model license"],
    kind: "model-license",
    licensor: "01.AI (Beijing Lingyiwanwu)",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "use-restrictions", "attribution"],
    limitations: [
      "commercial use after registering with 01.AI ('send completed Registration Form ... to complete the registration and obtain the license for Commercial Purposes')",
      "derivatives state their modifications and carry the agreement; no use against the law or third parties' rights",
    ],
    source:
      "https://github.com/01-ai/Yi/blob/90fe5676d3ec5f9e5b54601de4aa5f80a13d5f79/MODEL_LICENSE_AGREEMENT.txt",
    note: "Version 2.1 (23 Nov 2023). 01.AI later released the Yi series under Apache-2.0; the entry is for the agreement's own text.",
  },
  {
    // Publishers of several widely used Chinese instruction sets tag a permissive licence on the Hub and restrict
    // use to research in the card's or the project's own text; the audit keeps the stated restriction.
    id: "research-use-only",
    name: "Research use only (a publisher's own restriction, whatever its front-matter licence)",
    kind: "non-commercial",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: [],
    limitations: [
      "BELLE data cards: '仅允许将此数据集及使用此数据集生成的衍生物用于研究目的，不得用于商业' (the data and derivatives made with it: research only, no commercial use)",
      "Chinese-LLaMA-Alpaca (whose data folder holds alpaca_data_zh_51k): '本项目相关资源仅供学术研究之用，严禁用于商业用途' (academic research only, commercial use forbidden)",
    ],
    source: "https://huggingface.co/datasets/BelleGroup/train_0.5M_CN",
    note: "A data term, not a model licence; second source: https://github.com/ymcui/Chinese-LLaMA-Alpaca/blob/5e7a50ec8548e36497a9973359c0be21f95f4c47/README.md (免责声明).",
  },
  {
    // The model licence WizardMath-7B-V1.1's card named (and Sakana's EvoLLM-JP v1 merges of it carry).
    id: "microsoft-research-license",
    name: "Microsoft Research License (as named by WizardMath-7B-V1.1 and Sakana's EvoLLM-JP v1)",
    aliases: ["microsoft research license", "msr license", "msr-la", "microsoft-research-license-agreement"],
    kind: "non-commercial",
    licensor: "Microsoft",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license"],
    limitations: [
      "Microsoft Research License Terms (MSR-LA): 'You may use, copy, modify, creative derivative works, and distribute the Software for non-commercial purposes … Examples of non-commercial uses are teaching, academic research, public demonstrations and personal experimentation.'",
      "'If you distribute the Software or any derivative works of the Software, you will distribute them under the same terms and conditions as in this license'",
    ],
    source:
      "https://huggingface.co/WizardLMTeam/WizardMath-7B-V1.1/blob/f6c4a60b7fe045302d49c1209cef9effe6fa3970/README.md",
    note: "The quoted MSR-LA wording is Microsoft's standard research licence text (e.g. https://github.com/microsoft/CNTK/blob/master/Tools/cntk-binary-drop/linux/1bitsgd/license/CNTK-1bit-SGD-License.md); WizardMath's own LICENSE file was not read in this review. Sakana's table lists EvoLLM-JP-v1-7B/10B under it: https://github.com/SakanaAI/evolutionary-model-merge#models",
  },
  {
    id: "chatglm3-6b",
    name: "The ChatGLM3-6B License",
    aliases: [
      "the chatglm3-6b license",
      "chatglm3-6b license",
      "chatglm3 license",
      "chatglm3-6b model license",
    ],
    kind: "model-license",
    licensor: "THUDM / Zhipu AI",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "use-restrictions"],
    limitations: [
      "'Users who wish to use the models for commercial purposes must register … Registered users may use the models for commercial activities free of charge' (MODEL_LICENSE, 2. License Grant)",
      "'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software'",
      "no use for military or illegal purposes, or to endanger national security, the public interest or others' rights",
    ],
    source: "https://huggingface.co/THUDM/chatglm3-6b/blob/main/MODEL_LICENSE",
    note: "Read at https://huggingface.co/THUDM/chatglm3-6b/commit/00f2a120452a7e7b874858d8216aca785743c519 (first text) and the later revision shown in https://huggingface.co/THUDM/chatglm3-6b/discussions/54/files (registration clause). Covers ChatGLM3-6B, -Base and -32K.",
  },
  {
    id: "baichuan-7b",
    name: "baichuan-7B 模型许可协议 (License Agreement for Baichuan-7B Model)",
    aliases: ["baichuan-7b license", "license agreement for baichuan-7b model", "baichuan-7b 模型许可协议"],
    kind: "model-license",
    licensor: "Beijing Baichuan Intelligent Technology",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "state-changes", "use-restrictions"],
    limitations: [
      "non-commercial use is granted; '如果您计划将 baichuan-7B 模型及模型衍生品用作商业用途，应当…事先向许可方登记并获得许可方的书面授权' (commercial use of the model or derivatives needs prior registration and written authorisation)",
      "'您必须向 baichuan-7B 模型或其模型衍生品的任何第三方使用者提供 baichuan-7B模型的来源以及本协议的副本' (give every third-party user the source and a copy of the agreement)",
      "modifications must be stated prominently; no military or illegal use",
    ],
    source:
      "https://huggingface.co/baichuan-inc/Baichuan-7B/resolve/5d86e56a58fe4a5b3292cd9bb7468afef6f93eab/baichuan-7B%20%E6%A8%A1%E5%9E%8B%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE.pdf",
    note: "The card says 'Baichuan-7B supports commercial use' after registering by email (opensource@baichuan-inc.com); code is Apache-2.0.",
  },
  {
    id: "baichuan-13b",
    name: "Community License for Baichuan-13B Model (Baichuan-13B 模型社区许可协议)",
    aliases: [
      "community license for baichuan-13b model",
      "baichuan-13b license",
      "baichuan-13b 模型社区许可协议",
    ],
    kind: "model-license",
    licensor: "Beijing Baichuan Intelligent Technology",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "state-changes", "use-restrictions"],
    limitations: [
      "non-commercial use is granted; '如果您计划将 Baichuan-13B 模型及模型衍生品用作商业用途，应当…事先向许可方登记并获得许可方的书面授权' (commercial use needs prior registration and written authorisation)",
      "give every third-party user the model's source and a copy of the agreement; state modifications prominently; no military or illegal use",
    ],
    source: "https://huggingface.co/baichuan-inc/Baichuan-13B-Base",
    note: "Card: 'License: Community License for Baichuan-13B Model' and 'For commercial use: Contact us via Email above to apply for written authorization' (https://huggingface.co/baichuan-inc/Baichuan-13B-Base/commit/bc0679d333ad113b54a83b8c539d2b060843c2c3). The licence text was read from a re-upload of the publisher's PDF: https://huggingface.co/ssbuild/baichuan-13b-chat-int4/resolve/a54dc059ec2a48dd9044d40caaa167dbbd37cc4e/Baichuan-13B%20%E6%A8%A1%E5%9E%8B%E7%A4%BE%E5%8C%BA%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE.pdf",
  },
  {
    id: "baichuan2",
    name: "Community License for Baichuan 2 Model (Baichuan 2 模型社区许可协议)",
    aliases: [
      "community license for baichuan 2 model",
      "baichuan 2 license",
      "baichuan2 license",
      "baichuan 2 模型社区许可协议",
    ],
    kind: "model-license",
    licensor: "Beijing Baichuan Intelligent Technology",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "use-restrictions"],
    limitations: [
      "'All versions are fully open to academic research, and developers can also use them for free in commercial applications after obtaining an official commercial license through email request'",
      "'If you are using the Baichuan 2 models or their derivatives for commercial purposes, please contact the licensor … for registration and to apply for written authorization'",
      "the card's later wording ties the free commercial licence to eligibility, first '您或您的关联方的服务或产品的日均用户活跃量(DAU)低于100万' (daily active users below 1,000,000)",
    ],
    source:
      "https://huggingface.co/baichuan-inc/Baichuan2-7B-Base/blob/main/Baichuan%202%E6%A8%A1%E5%9E%8B%E7%A4%BE%E5%8C%BA%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE.pdf",
    note: "Read from the cards: https://huggingface.co/baichuan-inc/Baichuan2-13B-Base/commit/4224a07a96905440a3f60fe0def0b6b425303fc9 and https://huggingface.co/baichuan-inc/Baichuan2-7B-Chat-4bits/commit/4b1363a2cff444a1ea22c915c47ac6972c82accd (Hub 'license: other'); the PDF itself was not read.",
  },
];
