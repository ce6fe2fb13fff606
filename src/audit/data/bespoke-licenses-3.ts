/**
 * Bespoke model licences added after stop 34 (issue 16), each read from its publisher's own repository at a pinned
 * commit and quoted from that text: the Databricks Open Model License (DBRX; a 700M monthly-active-user threshold
 * recorded like Llama's, an acceptable use policy, no improving other LLMs), the XVERSE model licence (元象 XVERSE
 * 大模型许可协议: non-commercial use granted, commercial use after registering for the licensor's written
 * authorisation, recorded as conditional like Baichuan's licences of the same form), the Skywork Community License
 * (Skywork-13B; commercial use granted, a "Skywork Inside" label), the BAAI Aquila Model License Agreement (commercial
 * use granted) and the MiniMax Model License (MiniMax-Text-01 and MiniMax-VL-01; a prohibited uses policy). The
 * NVIDIA Community Model License that Nemotron-Mini-4B-Instruct's card links (a PDF in its Hub repository) was not
 * readable here and is left out. A summary for triage, not legal advice.
 */
import type { LicenseEntry } from "../terms.js";

export const BESPOKE_LICENSES_3: readonly LicenseEntry[] = [
  {
    id: "databricks-open-model-license",
    name: "Databricks Open Model License",
    aliases: ["databricks open model license", "databricks open model license agreement"],
    kind: "model-license",
    licensor: "Databricks",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: [
      "include-license",
      "notice-file",
      "state-changes",
      "use-restrictions",
      "user-threshold",
      "no-improving-other-models",
    ],
    userThreshold: 700_000_000,
    limitations: [
      "'If, on the DBRX version release date, the monthly active users of the products or services made available by or for Licensee, or Licensee’s affiliates, is greater than 700 million monthly active users in the preceding calendar month, you must request a license from Databricks'",
      "'You will not use DBRX or DBRX Derivatives or any Output to improve any other large language model (excluding DBRX or DBRX Derivatives).'",
      "not 'for any restricted use set forth in the Databricks Open Model Acceptable Use Policy'; 'Any additional or different terms and conditions you impose must not conflict with the terms of this Agreement'",
      "'All distributions of DBRX or DBRX Derivatives must be accompanied by a \"Notice\" text file'; 'you must provide a copy of this Agreement to such third party'; 'You must cause any modified files that you distribute to carry prominent notices stating that you modified the files.'",
    ],
    source: "https://github.com/databricks/dbrx/blob/a3200393e678387a6f30f3e903108c650625eb21/LICENSE",
    note: "'Version Release Date: March 27, 2024'. The README calls it the 'Databricks Open Source License' and links the same LICENSE: 'Our model weights and code are licensed for both researchers and commercial entities.' The threshold is on monthly active users, recorded as a user threshold as for Llama.",
  },
  {
    id: "xverse-model-license",
    name: "XVERSE Model License Agreement (元象 XVERSE 大模型许可协议)",
    aliases: [
      "xverse model license agreement",
      "xverse model license",
      "元象 xverse 大模型许可协议",
      "xverse 大模型许可协议",
      "xverse 大模型社区许可协议",
    ],
    kind: "model-license",
    licensor: "Shenzhen Yuanxiang Technology (元象)",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "attribution", "state-changes", "use-restrictions"],
    limitations: [
      "'您仅能基于非商业用途使用此许可。如果您计划将 XVERSE 大模型及模型衍生品用作商业用途，应当按照本协议附则提供的联络方式，事先向许可方登记并获得许可方的书面商用许可授权' (the licence is for non-commercial use; commercial use of the model or derivatives needs prior registration and the licensor's written commercial authorisation)",
      "'（自然人不得申请 XVERSE 大模型的商用许可。）' (natural persons may not apply for the commercial licence)",
      "'若您将 XVERSE 大模型（部分或全部）或其衍生品分发于任何第三方，则您必须向该第三方告知 XVERSE 大模型的来源以及提供本协议的副本' (tell any third party the model's source and give it a copy of the agreement, with its copyright notice)",
      "'您必须以显著的方式向该第三方说明您所修改的内容' (state modifications prominently); '您不得出于任何军事或非法目的使用、复制、修改、合并、发布、分发、复制或创建、XVERSE 大模型的全部或部分衍生品' (no military or illegal use)",
    ],
    source:
      "https://github.com/xverse-ai/XVERSE-7B/blob/551dea7e53be070e9f76188e450467200af320f2/MODEL_LICENSE.pdf",
    note: "The PDF (updated 6 November 2023; the first version named XVERSE-7B only) is Chinese only; XVERSE-13B's (b0f30a0e9a632e57fd44abad52f0ffc91c14969b) and XVERSE-65B's (b2e8e2effca0c36472c9d1ae3a80ab7aec654d21) MODEL_LICENSE.pdf hold the same text. The READMEs: code under Apache-2.0, weights 'fully open to academic research and support free commercial use. To apply for a commercial license, please fill in the application form' — the registration the licence asks for, so commercial use is recorded as conditional (as for Baichuan's licences of the same form); a Hub 'apache-2.0' tag on these cards is the code's licence.",
  },
  {
    id: "skywork-community-license",
    name: "Skywork Community License",
    aliases: ["skywork community license"],
    kind: "model-license",
    licensor: "Beijing Skywork Intelligence Technology (Kunlun)",
    commercial: "allowed",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "state-changes", "attribution-display", "use-restrictions"],
    limitations: [
      "'You may use the License for commercial purposes.'; 'If you intend to use the Skywork Model and Model Derivatives for commercial purposes, you shall at all times strictly adhere to all terms of this Agreement.'",
      "'You shall not use, copy, modify, merge, publish, distribute, replicate, propagate or create derivative works of the Skywork Model, in whole or in part, for any military or unlawful purposes.'",
      "'You must provide the source of the Skywork Model and a copy of this Agreement to any permissible third-party users of the Skywork Model or its Model Derivatives.'; 'If you modify the Skywork Model to create Model Derivatives, you must clearly indicate the nature of your modifications.'",
      "'if you offer Model Derivatives developed based on the Skywork Model to open source communities with open-source licenses, you must prominently label these Model Derivatives as developed based on the Skywork Model. This labeling includes but is not limited to \"Skywork Inside\"' (the same on benchmark leaderboards)",
    ],
    source:
      "https://github.com/SkyworkAI/Skywork/blob/9c0d593e13f7999d15c12732b49d8591d0d39ae5/Skywork%20Community%20License.pdf",
    note: "'\"Skywork Model\" refers to the Skywork-13B model.' Unchanged since the repository's first commit (30 October 2023). Later Skywork releases (SkyReels, Skywork-MoE, reward models) publish their own texts under similar names; those were not read, and a card naming the 'Skywork Community License' is matched to this text.",
  },
  {
    id: "baai-aquila-model-license",
    name: "BAAI Aquila Model License Agreement (智源Aquila系列模型许可协议)",
    aliases: [
      "baai aquila model license agreement",
      "baai aquila model license",
      "baai aquila model licence agreement",
      "智源aquila系列模型许可协议",
    ],
    kind: "model-license",
    licensor: "BAAI (Beijing Academy of Artificial Intelligence)",
    commercial: "allowed",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "state-changes", "use-restrictions"],
    limitations: [
      "'BAAI grants you global, non-exclusive, and no-charge license to copy, use, modify, distribute, and commercialize the Aquila model.'",
      "'Your use and modification of the Aquila model (including using the output of the Aquila model or model derivatives based on the Aquila model) shall not violate any nation’s laws and regulations, especially the laws and regulations of the People's Republic of China'",
      "'You must provide the source of the Aquila model and a copy of this agreement to any third-party users of the model or model derivatives.'",
      "'If you modify the Aquila model to obtain model derivatives or modify this agreement, you must clearly explain the content of the modification, and such modifications must not violate the licensing restrictions of this agreement.'",
    ],
    source:
      "https://github.com/FlagAI-Open/FlagAI/blob/9a885f3384bea3dc456eb07e061252a7be0df514/BAAI_Aquila_Model_License.pdf",
    note: "'Effective Date: 06/08/2023'; Chinese and English text in one PDF, for 'Aquila-33B, Aquila-7B, AquilaChat-33B, AquilaChat-7B, AquilaCode-7B-NV, AquilaCode-7B-TS'. FlagAI's Aquila READMEs: 'Users can use it for commercial purposes as long as they meet the licensing restrictions.' Aquila2 has its own licence, not read.",
  },
  {
    id: "minimax-model-license",
    name: "MiniMax Model License",
    aliases: ["minimax model license", "minimax license"],
    kind: "model-license",
    licensor: "MiniMax",
    commercial: "allowed",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "notice-file", "state-changes", "use-restrictions"],
    limitations: [
      "'you shall provide a copy of this Agreement with any such the Model Materials or derivative works and cause any modified files to carry prominent notices stating that you changed the files'",
      "'You must retain in all copies of the Model Materials that you distribute the following attribution notice within a “Notice” text file'",
      "'Your use of the Model Materials must comply with applicable laws and regulations (including trade compliance laws and regulations) and adhere to the Prohibited Uses Policy for the Model Materials'; the policy forbids among others to 'Assist with, engage in or otherwise support any military purpose.'",
    ],
    source:
      "https://github.com/MiniMax-AI/MiniMax-01/blob/57cf223b177e99636c7711a0f179e9fdc9c38e8a/LICENSE-MODEL",
    note: "'Model Release Date: 15 January 2025'; this text replaced, on 20 February 2025, the 'MINIMAX MODEL LICENSE AGREEMENT' first published with the models (https://github.com/MiniMax-AI/MiniMax-01/blob/15dcc3fda65084dec7b6d786ef865630f8b7df31/LICENSE), which asked for 'Built with MiniMax AI', a 'MiniMax' prefix on derived model names, no improving other LLMs and a licence above 100 million monthly active users; copies taken before then carry those older terms. The entry is the current text.",
  },
];
