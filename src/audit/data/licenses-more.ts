/**
 * Licences some widely used training sets and model families carry that the main table (licenses.ts) lacks, each
 * reduced to the facts the audit reasons with and linked to its full text. A summary for triage, not legal advice.
 */
import type { LicenseEntry } from "../terms.js";

export const MORE_LICENSES: readonly LicenseEntry[] = [
  {
    // The 3.0 ports of the NC-SA and NC-ND licences (takala/financial_phrasebank is tagged cc-by-nc-sa-3.0).
    id: "cc-by-nc-sa-3.0",
    name: "Creative Commons Attribution Non Commercial Share Alike 3.0",
    spdx: "CC-BY-NC-SA-3.0",
    kind: "non-commercial",
    commercial: "not-allowed",
    derivatives: "same",
    conditions: ["attribution", "state-changes", "share-alike"],
    limitations: [
      "non-commercial use only",
      "adaptations must be shared under the same or a compatible licence",
    ],
    source: "https://creativecommons.org/licenses/by-nc-sa/3.0/legalcode",
  },
  {
    id: "cc-by-nc-nd-3.0",
    name: "Creative Commons Attribution Non Commercial No Derivatives 3.0",
    spdx: "CC-BY-NC-ND-3.0",
    kind: "no-derivatives",
    commercial: "not-allowed",
    derivatives: "none",
    conditions: ["attribution"],
    limitations: ["non-commercial use only", "adapted material may not be shared"],
    source: "https://creativecommons.org/licenses/by-nc-nd/3.0/legalcode",
  },
  {
    // The Naver Sentiment Movie Corpus (e9t/nsmc) is tagged cc-by-2.0 on the Hub.
    id: "cc-by-2.0",
    name: "Creative Commons Attribution 2.0 Generic",
    spdx: "CC-BY-2.0",
    kind: "attribution",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["attribution"],
    limitations: ["the licence notice and the original author's credit must be kept when the work is shared"],
    source: "https://creativecommons.org/licenses/by/2.0/legalcode",
  },
  {
    // Microsoft's data licence (microsoft/orca-agentinstruct-1M-v1 carries it on the Hub).
    id: "cdla-permissive-2.0",
    name: "Community Data License Agreement - Permissive, Version 2.0",
    spdx: "CDLA-Permissive-2.0",
    aliases: ["cdla-permissive-2", "community data license agreement permissive 2.0"],
    kind: "permissive",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["include-license"],
    limitations: [
      "sharing the data needs the agreement's text or a link to it; Results (such as a trained model) are not restricted",
    ],
    source: "https://cdla.dev/permissive-2-0/",
  },
  {
    // Liquid AI's licence for its LFM2 / LFM2.5 weights (`license_name: lfm1.0` on the Hub).
    id: "lfm1.0",
    name: "LFM Open License v1.0",
    aliases: ["lfm open license v1.0", "lfm open license", "lfm-1.0", "lfm license"],
    kind: "model-license",
    licensor: "Liquid AI",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: ["include-license", "attribution", "state-changes"],
    limitations: [
      "'free commercial use is limited to companies with annual revenue under $10 million USD' (Liquid AI's summary of the licence)",
      "'If your company's annual revenue exceeds $10 million USD, your right to use the models commercially under this license ends'",
      "'You own your modifications, but use of derivative models remains subject to this license'",
    ],
    source: "https://www.liquid.ai/lfm-open-license-v1.0",
    note: "Based on the Apache 2.0 text; quotes from https://docs.liquid.ai/lfm/getting-started/model-license (last updated 2 April 2026). Qualified non-profits may use the models for non-commercial or research purposes whatever their revenue.",
  },
  {
    // Moonshot AI's licence for Kimi K2 (`license: other`, `license_name: modified-mit`).
    id: "modified-mit",
    name: "Modified MIT License (Moonshot AI, Kimi K2)",
    aliases: ["modified mit license", "modified mit"],
    kind: "model-license",
    licensor: "Moonshot AI",
    commercial: "allowed",
    derivatives: "any",
    conditions: ["include-license", "attribution-display"],
    limitations: [
      "'if the Software (or any derivative works thereof) is used for any of your commercial products or services that have more than 100 million monthly active users, or more than 20 million US dollars (or equivalent in other currencies) in monthly revenue, you shall prominently display \"Kimi K2\" on the user interface of such product or service'",
    ],
    source: "https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/LICENSE",
  },
  {
    id: "kimi-k3",
    name: "Kimi K3 License (Moonshot AI)",
    aliases: ["kimi k3 license"],
    kind: "model-license",
    licensor: "Moonshot AI",
    commercial: "conditional",
    derivatives: "any",
    conditions: ["include-license"],
    limitations: [
      "MIT-style grant: 'to run, deploy, fine-tune, or otherwise modify the Software and create derivative works from it'",
      "a 'Model as a Service' business above a revenue threshold is subject to a further condition (clause 2)",
    ],
    source: "https://github.com/MoonshotAI/Kimi-K3/blob/main/LICENSE",
    note: "Reviewed from the stored text of the licence up to clause 2's threshold ('the aggregate revenue of the Licensee and its affiliates exceeds 20 m…'); the rest of clause 2 was not read, so commercial use is recorded as conditional, not allowed.",
  },
  {
    // LG AI Research's licence for EXAONE 3.0 / 3.5 / 4.0 (`license_name: exaone`).
    id: "exaone",
    name: "EXAONE AI Model License Agreement - NC",
    aliases: [
      "exaone ai model license agreement",
      "exaone license",
      "exaone ai model license agreement 1.1 - nc",
      "exaone ai model license agreement 1.2 - nc",
    ],
    kind: "non-commercial",
    licensor: "LG AI Research",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license"],
    limitations: [
      "the agreement is the 'NC' (non-commercial) licence: research use, no commercial use of the model or its derivatives",
    ],
    source: "https://huggingface.co/LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct/blob/main/LICENSE",
  },
  {
    // Meta's licence for FAIR research releases (Spirit LM, Perception LM, …).
    id: "fair-noncommercial-research-license",
    name: "FAIR Noncommercial Research License",
    aliases: ["fair noncommercial research license", "fair-noncommercial-research"],
    kind: "non-commercial",
    licensor: "Meta",
    commercial: "not-allowed",
    derivatives: "same",
    conditions: ["include-license", "use-restrictions"],
    limitations: [
      "'You will not use the Research Materials or any outputs or results of the Research Materials in connection with any commercial uses or for any uses other than Noncommercial Research Uses' (1.b.i)",
      "'If you distribute or make the Research Materials, or any derivative works thereof, available to a third party, you may only do so under the terms of this Agreement' (1.b.ii)",
    ],
    source: "https://github.com/facebookresearch/spiritlm/blob/main/LICENSE",
    note: "Version last updated 18 October 2024, read in facebookresearch/spiritlm's LICENSE.",
  },
  {
    // Black Forest Labs' licence for FLUX.1 [dev] and its variants (`license_name: flux-1-dev-non-commercial-license`).
    id: "flux-1-dev-non-commercial-license",
    name: "FLUX.1 [dev] Non-Commercial License",
    aliases: [
      "flux.1 [dev] non-commercial license",
      "flux-1-dev-non-commercial-license",
      "flux.1-dev non-commercial license",
    ],
    kind: "non-commercial",
    licensor: "Black Forest Labs",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license"],
    limitations: [
      "the weights are available 'for your non-commercial and non-production use' (the licence text)",
    ],
    source: "https://github.com/black-forest-labs/flux/blob/main/model_licenses/LICENSE-FLUX1-dev",
    note: "The publisher's README lists FLUX.1 [dev] (and its Fill, Canny, Depth and Redux variants) under this licence and FLUX.1 [schnell] under Apache-2.0.",
  },
  {
    // Stability AI's non-commercial research licence (`license_name: sai-nc-community` on SDXL-Turbo).
    id: "sai-nc-community",
    name: "Stability AI Non-Commercial Research Community License",
    aliases: [
      "stabilityai non-commercial research community license",
      "stability ai non-commercial research community license",
      "stability noncommercial research license",
    ],
    kind: "non-commercial",
    licensor: "Stability AI",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license"],
    limitations: [
      "a non-commercial research licence: the repository ships it as 'Stability Noncommercial Research License'",
    ],
    source: "https://huggingface.co/stabilityai/sdxl-turbo/tree/78d886250d20e37ee0ee754d358e500d542612fb",
    note: "Stability AI later offered its Community License for many models; whether SDXL-Turbo moved was not checked.",
  },
  {
    // Stable Beluga's own licence, stated only in the card's prose (no `license` field).
    id: "stable-beluga-non-commercial",
    name: "Stable Beluga Non-Commercial Community License Agreement",
    aliases: [
      "stable beluga non-commercial community license agreement",
      "stable beluga non-commercial community license",
    ],
    kind: "non-commercial",
    licensor: "Stability AI",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license"],
    limitations: [
      "'Fine-tuned checkpoints (Stable Beluga 2) is licensed under the STABLE BELUGA NON-COMMERCIAL COMMUNITY LICENSE AGREEMENT' (the card)",
      "the weights derive from Llama 2, whose Community License also applies",
    ],
    source:
      "https://huggingface.co/stabilityai/StableBeluga2/commit/863ba934051dfca2be932ccbcd7fac89b3e3e20f",
  },
];
