/**
 * Official base-model families of regional and multilingual publishers that community fine-tunes start from
 * (Chinese, Korean, Japanese, German and Portuguese bases, and a few widely fine-tuned encoders), each read from the
 * publisher's own card, licence file or licence PDF (the `source`; a mirror actually read is named in `note`).
 * Generations with different terms get separate entries: ChatGLM-6B, ChatGLM2-6B (families.ts) and ChatGLM3-6B each
 * have their own model licence, and Baichuan-7B, Baichuan-13B and Baichuan 2 each theirs; since stop 34 Tencent's
 * Hunyuan-A13B, Hunyuan-Large and HunyuanVideo (Tencent Hunyuan Community License) and aiXcoder-7B (The aiXcoder Model
 * License), read from their GitHub repositories at pinned commits. A summary for triage, not legal advice.
 */
import type { FamilyEntry } from "../terms.js";
import { inferredFamily as copy, officialFamily as entry, hfModel as hf } from "./hub-sources.js";

/** Chinese LLM publishers whose weights carry a bespoke model licence. */
const CHINESE_LLMS: readonly FamilyEntry[] = [
  entry(
    "ChatGLM-6B",
    "^(THUDM|zai-org)/chatglm-6b",
    "chatglm-6b",
    hf("THUDM/chatglm-6b/blob/main/MODEL_LICENSE"),
    "the first generation only: ChatGLM2-6B and ChatGLM3-6B have their own licences",
  ),
  entry(
    "CodeGeeX2-6B",
    "^(THUDM|zai-org)/codegeex2-6b",
    "codegeex",
    "https://github.com/THUDM/CodeGeeX2/blob/754a2082356dec1293826c03d2dc4fcc9e48f160/MODEL_LICENSE",
    "the weights' MODEL_LICENSE (The CodeGeeX License: non-commercial research only); the README scopes the repository's Apache-2.0 LICENSE to the code and offers commercial use after registration, a separate grant",
  ),
  entry(
    "ChatGLM3-6B",
    "^(THUDM|zai-org)/chatglm3-6b",
    "chatglm3-6b",
    hf("THUDM/chatglm3-6b/blob/main/MODEL_LICENSE"),
    "the README: 'All these weights are fully open for academic research, and free commercial use is also allowed after registration via a questionnaire' (ChatGLM3-6B, -Base, -32K); read at https://huggingface.co/THUDM/chatglm3-6b/resolve/main/README.md and the MODEL_LICENSE commit 00f2a12",
  ),
  entry(
    "Baichuan 2",
    "^baichuan-inc/Baichuan2-(7B|13B)-",
    "baichuan2",
    hf("baichuan-inc/Baichuan2-7B-Base"),
    "card front matter 'license: other'; 'Community License for Baichuan 2 Model'",
  ),
  entry(
    "Baichuan-13B",
    "^baichuan-inc/Baichuan-13B-",
    "baichuan-13b",
    hf("baichuan-inc/Baichuan-13B-Base"),
    "card: 'License: Community License for Baichuan-13B Model'; 'For commercial use: Contact us via Email above to apply for written authorization' (commit bc0679d)",
  ),
  entry(
    "Baichuan-7B",
    "^baichuan-inc/Baichuan-7B",
    "baichuan-7b",
    hf("baichuan-inc/Baichuan-7B"),
    "weights under the 'baichuan-7B 模型许可协议' (code Apache-2.0)",
  ),
  // Stop 34: Tencent Hunyuan and aiXcoder, read from the publishers' GitHub repositories at pinned commits.
  entry(
    "Hunyuan-A13B",
    "^tencent/Hunyuan-A13B-Instruct(-FP8|-GPTQ-Int4)?$",
    "tencent-hunyuan-community",
    "https://github.com/Tencent-Hunyuan/Hunyuan-A13B/blob/a728865b7398d1e18e9fb35a9894e4a4b9516a8a/LICENSE",
    "'TENCENT HUNYUAN COMMUNITY LICENSE AGREEMENT / Tencent Hunyuan A13B Release Date: June 27, 2025'; the README (commit 2798f3c) links the weights at huggingface.co/tencent/Hunyuan-A13B-Instruct, -Instruct-FP8 and -Instruct-GPTQ-Int4",
  ),
  entry(
    "Hunyuan-Large",
    "^tencent/Tencent-Hunyuan-Large$",
    "tencent-hunyuan-community",
    "https://github.com/Tencent/Tencent-Hunyuan-Large/blob/c8c1ddd51303506f7813bdbddeae9e924980179d/LICENSE.txt",
    "'Tencent-Hunyuan-Large released at https://github.com/Tencent/Tencent-Hunyuan-Large, https://huggingface.co/tencent/Tencent-Hunyuan-Large' (the licence's own definition); this first text's territory excludes only the European Union",
  ),
  entry(
    "HunyuanVideo",
    "^tencent/HunyuanVideo$",
    "tencent-hunyuan-community",
    "https://github.com/Tencent-Hunyuan/HunyuanVideo/blob/0865a213e0e6c4df755e9ff626fd9f37bdd78c24/LICENSE.txt",
    "'Tencent HunyuanVideo Release Date: December 3, 2024'; the weights: 'huggingface-cli download tencent/HunyuanVideo' (ckpts/README.md, commit 78b23f3); -I2V and 1.5 have their own repositories and were not read",
  ),
  entry(
    "aiXcoder-7B",
    "^aiXcoder/aixcoder-7b-base$",
    "aixcoder-model-license",
    "https://github.com/aixcoder-plugin/aiXcoder-7B/blob/b896bd4bd8c805d79949a4640924328d1270e51e/MODEL_LICENSE",
    "the README: 'The model weights are licensed under the [Model License](./MODEL_LICENSE) for academic research use' and links the weights at huggingface.co/aiXcoder/aixcoder-7b-base; commercial use on application by email, a separate grant",
  ),
  entry(
    "InternLM / InternLM2 (ModelScope)",
    "^Shanghai_AI_Laboratory/internlm2?-(chat-)?(base-)?(chat-)?(7b|20b)",
    "internlm",
    "https://huggingface.co/internlm/internlm2-base-7b/commit/438e4c8a828b216602eb29eefd2640f0fa6ace41",
    "the publisher's ModelScope organisation for the same weights as internlm/… on the Hub",
  ),
  entry(
    "InternLM2.5 / InternLM3 (ModelScope)",
    "^Shanghai_AI_Laboratory/internlm(2_5|3)-",
    "apache-2.0",
    "https://github.com/InternLM/InternLM/blob/main/README.md#license",
    "the publisher's ModelScope organisation for the same weights as internlm/… on the Hub",
  ),
];

/** Korean, Japanese, German and Portuguese bases, and multilingual ones. */
const REGIONAL_BASES: readonly FamilyEntry[] = [
  entry(
    "XGLM",
    "^facebook/xglm-(564M|1\\.7B|2\\.9B|4\\.5B|7\\.5B)",
    "mit",
    hf("facebook/xglm-2.9B"),
    "card front matter 'license: mit' (read at https://huggingface.co/facebook/xglm-2.9B/resolve/main/README.md)",
  ),
  entry(
    "Polyglot-Ko",
    "^EleutherAI/polyglot-ko-(1\\.3b|3\\.8b|5\\.8b|12\\.8b)",
    "apache-2.0",
    hf("EleutherAI/polyglot-ko-1.3b"),
    "card front matter 'license: apache-2.0' (1.3B; 3.8B commit 451a670; the Open Ko-LLM leaderboard lists all four as apache-2.0)",
  ),
  entry(
    "KoGPT2 (SKT)",
    "^skt/kogpt2-base-v2",
    "cc-by-nc-sa-4.0",
    hf("skt/kogpt2-base-v2"),
    "the Hub lists 'License: cc-by-nc-sa-4.0'; commit 5d51d69 changed the card from cc-by-nc-4.0 to 'cc-by-nc-sa 4.0'",
  ),
  entry(
    "KoGPT (Kakao Brain)",
    "^kakaobrain/kogpt",
    "cc-by-nc-nd-4.0",
    hf("kakaobrain/kogpt/blob/main/LICENSE"),
    "'The pretrained wieghts of KakaoBrain KoGPT are licensed under CC-BY-NC-ND 4.0 License' (source code Apache 2.0)",
  ),
  entry("rinna japanese-gpt2-medium", "^rinna/japanese-gpt2-medium", "mit", hf("rinna/japanese-gpt2-medium")),
  entry(
    "OpenCALM (CyberAgent)",
    "^cyberagent/open-calm-(small|medium|large|1b|3b|7b)$",
    "cc-by-sa-4.0",
    hf("cyberagent/open-calm-7b"),
    "'OpenCALM is licensed under the Creative Commons Attribution-ShareAlike 4.0 International License (CC BY-SA 4.0)'",
  ),
  entry(
    "RakutenAI-7B",
    "^Rakuten/RakutenAI-7B",
    "apache-2.0",
    hf("Rakuten/RakutenAI-7B"),
    "base, -instruct and -chat cards: 'license: apache-2.0' (built on Mistral-7B-v0.1, Apache-2.0)",
  ),
  entry(
    "LeoLM (Llama 2)",
    "^LeoLM/leo-hessianai-(7b|13b|70b)",
    "llama2",
    hf("LeoLM/leo-hessianai-7b"),
    "continued pretraining of Llama 2; licence read from TheBloke's quantisations of the LeoLM cards (License: llama2, Notice 'Llama 2 is licensed under the LLAMA 2 Community License'), e.g. https://huggingface.co/TheBloke/leo-hessianai-7B-GPTQ",
  ),
  entry(
    "BERTimbau (NeuralMind)",
    "^neuralmind/bert-(base|large)-portuguese-cased",
    "mit",
    hf("neuralmind/bert-base-portuguese-cased"),
  ),
  entry(
    "HFL Chinese BERT-wwm / RoBERTa-wwm / MacBERT",
    "^hfl/chinese-(macbert-base|roberta-wwm-ext|bert-wwm-ext)$",
    "apache-2.0",
    hf("hfl/chinese-roberta-wwm-ext"),
    "each card: 'license: apache-2.0' (chinese-bert-wwm-ext commit cccc38f)",
  ),
];

/** Widely fine-tuned encoders and speech backbones. */
const ENCODERS_MORE: readonly FamilyEntry[] = [
  entry(
    "wav2vec 2.0 (960h)",
    "^facebook/wav2vec2-(base|large)-960h",
    "apache-2.0",
    hf("facebook/wav2vec2-base-960h"),
    "card front matter 'license: apache-2.0' (base-960h, large-960h, large-960h-lv60)",
  ),
  entry(
    "Cross-Encoder MS MARCO MiniLM",
    "^cross-encoder/ms-marco-MiniLM-L-(6|12)-v2",
    "apache-2.0",
    hf("cross-encoder/ms-marco-MiniLM-L-6-v2"),
  ),
  entry(
    "nlptown multilingual sentiment BERT",
    "^nlptown/bert-base-multilingual-uncased-sentiment",
    "mit",
    hf("nlptown/bert-base-multilingual-uncased-sentiment"),
  ),
];

/**
 * Community copies that keep one of these families' names (`hiyouga/Baichuan2-7B-Base-LLaMAfied`, a converted
 * `chatglm-6b`, `TheBloke/vicuna-13b-v1.5-GGUF`, `xglm-2.9B-GGUF`): the family's licence, inferred; the source is
 * the publisher's page of the official entry. Generations stay apart (`chatglm-6b` is not `chatglm3-6b`).
 */
export const REGIONAL_COPIES: readonly FamilyEntry[] = [
  copy("Baichuan 2", "baichuan2-(7b|13b)", "baichuan2", hf("baichuan-inc/Baichuan2-7B-Base")),
  copy("Baichuan-13B", "baichuan-13b", "baichuan-13b", hf("baichuan-inc/Baichuan-13B-Base")),
  copy("Baichuan-7B", "baichuan-7b", "baichuan-7b", hf("baichuan-inc/Baichuan-7B")),
  copy("ChatGLM-6B", "chatglm-6b", "chatglm-6b", hf("THUDM/chatglm-6b/blob/main/MODEL_LICENSE")),
  copy("ChatGLM3-6B", "chatglm3-6b", "chatglm3-6b", hf("THUDM/chatglm3-6b/blob/main/MODEL_LICENSE")),
  copy(
    "InternLM / InternLM2",
    "internlm2?-(chat-)?(base-)?(chat-)?(7b|20b)",
    "internlm",
    "https://huggingface.co/internlm/internlm2-base-7b/commit/438e4c8a828b216602eb29eefd2640f0fa6ace41",
  ),
  copy("XGLM", "xglm-(564m|1\\.7b|2\\.9b|4\\.5b|7\\.5b)", "mit", hf("facebook/xglm-2.9B")),
];

export const REGIONAL_FAMILIES: readonly FamilyEntry[] = [
  ...CHINESE_LLMS,
  ...REGIONAL_BASES,
  ...ENCODERS_MORE,
];
