/**
 * Bespoke model licences added at stop 34, each read from its publisher's own repository at a pinned commit and
 * quoted from that text: the Coqui Public Model License 1.0.0 (XTTS; non-commercial, outputs included), the Stability
 * AI Community License (commercial use below USD 1M annual revenue, recorded as conditional like the LFM Open
 * License's revenue threshold), the Tencent Hunyuan Community License Agreement (territory excluding the EU, UK and
 * South Korea, a 100M monthly-active-user threshold recorded like Llama's and Tongyi Qianwen's, an acceptable use
 * policy) and The aiXcoder Model License (non-commercial research in its text). The ids are the Hub's `license_name`
 * values where cards have one. A summary for triage, not legal advice.
 */
import type { LicenseEntry } from "../terms.js";

export const BESPOKE_LICENSES_2: readonly LicenseEntry[] = [
  {
    id: "coqui-public-model-license",
    name: "Coqui Public Model License 1.0.0 (CPML)",
    aliases: ["coqui public model license", "coqui public model license 1.0.0", "cpml", "cpml 1.0.0"],
    kind: "non-commercial",
    licensor: "Coqui",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license"],
    limitations: [
      "'This license allows only non-commercial use of a machine learning model and its outputs.'",
      "'Use of the model to train other models for commercial use is not a non-commercial purpose.'",
      "'You must ensure that anyone who gets a copy of any part of the model, or any modification of the model, or their output, from you also gets a copy of these terms or the URL for them above.'",
    ],
    source:
      "https://github.com/coqui-ai/coqui-ai.github.io/blob/5497ef3e8b88c03377bba7b2d58c629ce29e2df8/static/cpml.txt",
    note: "The plain text Coqui serves at https://coqui.ai/cpml.txt, from Coqui's website repository. Coqui's TTS asks for 'I have purchased a commercial license from Coqui: licensing@coqui.ai' or 'I agree to the terms of the non-commercial CPML' (https://github.com/coqui-ai/TTS/blob/dbf1a08a0d4e47fdad6172e433eeb34bc6b13b4e/TTS/utils/manage.py): commercial use needs a separate licence, not this one. Hub cards: license_name coqui-public-model-license.",
  },
  {
    id: "stabilityai-ai-community",
    name: "Stability AI Community License Agreement",
    aliases: [
      "stability ai community license agreement",
      "stability ai community license",
      "stability community license",
    ],
    kind: "model-license",
    licensor: "Stability AI",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: [
      "include-license",
      "notice-file",
      "state-changes",
      "attribution-display",
      "use-restrictions",
      "no-improving-other-models",
    ],
    limitations: [
      "'If You are using or distributing the Stability AI Materials for a Commercial Purpose, You must register with Stability AI'",
      "'If at any time You or Your Affiliate(s), either individually or in aggregate, generate more than USD $1,000,000 in annual revenue (or the equivalent thereof in Your local currency), regardless of whether that revenue is generated directly or indirectly from the Stability AI Materials or Derivative Works, any licenses granted to You under this Agreement shall terminate as of such date.'",
      "distributors '(i) provide a copy of this Agreement to that third party', keep the attribution notice in a \"Notice\" text file and 'prominently display \"Powered by Stability AI\" on a related website, user interface, blogpost, about page, or product documentation'",
      "'You will not use the Stability AI Materials or Derivative Works, or any output or results of the Stability AI Materials or Derivative Works, to create or improve any foundational generative AI model (excluding the Models or Derivative Works).'",
    ],
    source:
      "https://github.com/Stability-AI/stable-fast-3d/blob/d5aea7418cce16ed7e841fc3ebf242e6af74e496/LICENSE.md",
    note: "'Last Updated: July 5, 2024'. Hub cards: license: other, license_name: stabilityai-ai-community. Above the revenue threshold a separate enterprise licence is needed ('You must request a license from Stability AI'); the threshold is on revenue, not monthly active users, so it is recorded as conditional commercial use (as for lfm1.0), not as a user-threshold.",
  },
  {
    id: "tencent-hunyuan-community",
    name: "Tencent Hunyuan Community License Agreement",
    aliases: ["tencent hunyuan community license agreement", "tencent hunyuan community license"],
    kind: "model-license",
    licensor: "Tencent",
    commercial: "conditional",
    derivatives: "carry-restrictions",
    conditions: [
      "include-license",
      "state-changes",
      "notice-file",
      "use-restrictions",
      "user-threshold",
      "no-improving-other-models",
    ],
    userThreshold: 100_000_000,
    limitations: [
      "'THIS LICENSE AGREEMENT DOES NOT APPLY IN THE EUROPEAN UNION, UNITED KINGDOM AND SOUTH KOREA AND IS EXPRESSLY LIMITED TO THE TERRITORY'",
      "'If, on the Tencent Hunyuan version release date, the monthly active users of all products or services made available by or for Licensee is greater than 100 million monthly active users in the preceding calendar month, You must request a license from Tencent'",
      "the Acceptable Use Policy binds every user: 'You must include the use restrictions referenced in these Sections 5(a) and 5(b) as an enforceable provision in any agreement (e.g., license agreement, terms of use, etc.) governing the use and/or distribution of Tencent Hunyuan Works'",
      "'You must not use the Tencent Hunyuan Works or any Output or results of the Tencent Hunyuan Works to improve any other AI model (other than Tencent Hunyuan or Model Derivatives thereof).'",
    ],
    source:
      "https://github.com/Tencent-Hunyuan/Hunyuan-A13B/blob/a728865b7398d1e18e9fb35a9894e4a4b9516a8a/LICENSE",
    note: "Hunyuan-A13B's text (release date June 27, 2025); HunyuanVideo's (December 3, 2024) has the same territory. Hunyuan-Large's (November 5, 2024: https://github.com/Tencent/Tencent-Hunyuan-Large/blob/c8c1ddd51303506f7813bdbddeae9e924980179d/LICENSE.txt) excludes only the European Union and forbids improving 'any other large language model'. The audit does not model territory: the exclusion is a limitation to read. Hub cards: license_name tencent-hunyuan-community.",
  },
  {
    id: "aixcoder-model-license",
    name: "The aiXcoder Model License",
    aliases: [
      "the aixcoder model license",
      "aixcoder model license",
      "the aixcoder license",
      "aixcoder license",
    ],
    kind: "non-commercial",
    licensor: "aiXcoder (the aiXcoder Model Team)",
    commercial: "not-allowed",
    derivatives: "non-commercial",
    conditions: ["include-license", "use-restrictions"],
    limitations: [
      "'a non-exclusive, worldwide, non-transferable, non-sublicensable, revocable, royalty-free copyright license to use the Software solely for your non-commercial research purposes'",
      "'You will not use, copy, modify, merge, publish, distribute, reproduce, or create derivative works of the Software, in whole or in part, for any commercial, military, or illegal purposes.'",
      "'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.'",
    ],
    source:
      "https://github.com/aixcoder-plugin/aiXcoder-7B/blob/b896bd4bd8c805d79949a4640924328d1270e51e/MODEL_LICENSE",
    note: "The README: 'The model weights are licensed under the [Model License](./MODEL_LICENSE) for academic research use; for commercial use, please apply by sending an email to support@aiXcoder.com' — a separate grant, not in the licence text (as for The CodeGeeX License). The first version (fa63c409a9602ad88bf4a11199d5bb7b98ae4cbf) was titled 'The aiXcoder License', same terms.",
  },
];
