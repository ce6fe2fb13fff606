/**
 * Encoders and small decoders that cards in other languages fine-tune and name without their org (BERTimbau,
 * CamemBERT, ruGPT-3, KLUE, KoBART, Chinese BERT-wwm…). Each id is its own source: the publisher's card at
 * https://huggingface.co/<id> (`knownModelSource`). Aliases are the names the publishers give them in their own
 * cards and papers ("BERTimbau Base" is neuralmind's name for bert-base-portuguese-cased).
 */
import type { KnownModel } from "./known-models-decoders.js";

export const LANGUAGE_MODELS: readonly KnownModel[] = [
  // Portuguese: BERTimbau (https://huggingface.co/neuralmind/bert-base-portuguese-cased).
  { id: "neuralmind/bert-base-portuguese-cased", aliases: ["BERTimbau", "BERTimbau Base", "BERTimbau-base"] },
  { id: "neuralmind/bert-large-portuguese-cased", aliases: ["BERTimbau Large", "BERTimbau-large"] },
  // French: CamemBERT (https://huggingface.co/almanach/camembert-base), FlauBERT.
  { id: "almanach/camembert-base", aliases: ["CamemBERT", "CamemBERT base", "camembert-base"] },
  { id: "flaubert/flaubert_base_cased", aliases: ["FlauBERT", "FlauBERT base"] },
  // Spanish: BETO (https://huggingface.co/dccuchile/bert-base-spanish-wwm-cased).
  { id: "dccuchile/bert-base-spanish-wwm-cased", aliases: ["BETO"] },
  // German: GBERT (https://huggingface.co/deepset/gbert-base), dbmdz's German BERT.
  { id: "deepset/gbert-base", aliases: ["GBERT", "GBERT base"] },
  { id: "dbmdz/bert-base-german-cased" },
  // Russian: ruGPT-3 and ruT5 (https://huggingface.co/ai-forever), RuBERT (https://huggingface.co/DeepPavlov).
  { id: "ai-forever/rugpt3small_based_on_gpt2", aliases: ["ruGPT-3 Small", "ruGPT3 small", "rugpt3small"] },
  {
    id: "ai-forever/rugpt3medium_based_on_gpt2",
    aliases: ["ruGPT-3 Medium", "ruGPT3 medium", "rugpt3medium"],
  },
  { id: "ai-forever/rugpt3large_based_on_gpt2", aliases: ["ruGPT-3 Large", "ruGPT3 large", "rugpt3large"] },
  { id: "ai-forever/rugpt3xl", aliases: ["ruGPT-3 XL", "ruGPT-3XL"] },
  { id: "ai-forever/ruT5-base", aliases: ["ruT5 base"] },
  { id: "ai-forever/ruT5-large", aliases: ["ruT5 large"] },
  { id: "ai-forever/ruBert-base" },
  { id: "ai-forever/ruBert-large" },
  { id: "DeepPavlov/rubert-base-cased", aliases: ["RuBERT", "RuBERT base"] },
  { id: "cointegrated/rubert-tiny2", aliases: ["rubert-tiny2"] },
  // Korean: KLUE (https://huggingface.co/klue), KcBERT / KcELECTRA (https://huggingface.co/beomi), KoELECTRA.
  { id: "klue/bert-base", aliases: ["KLUE-BERT", "KLUE BERT base"] },
  { id: "klue/roberta-base", aliases: ["KLUE-RoBERTa", "KLUE RoBERTa base"] },
  { id: "klue/roberta-large", aliases: ["KLUE-RoBERTa large", "KLUE RoBERTa large"] },
  { id: "beomi/kcbert-base", aliases: ["KcBERT", "KcBERT base"] },
  { id: "beomi/KcELECTRA-base", aliases: ["KcELECTRA", "KcELECTRA base"] },
  {
    id: "monologg/koelectra-base-v3-discriminator",
    aliases: ["KoELECTRA", "KoELECTRA v3", "KoELECTRA-base-v3"],
  },
  // Chinese: BERT-wwm and MacBERT (https://huggingface.co/hfl).
  { id: "hfl/chinese-bert-wwm-ext", aliases: ["Chinese-BERT-wwm-ext", "BERT-wwm-ext"] },
  { id: "hfl/chinese-roberta-wwm-ext", aliases: ["Chinese-RoBERTa-wwm-ext", "RoBERTa-wwm-ext"] },
  { id: "hfl/chinese-macbert-base", aliases: ["MacBERT", "MacBERT base"] },
  // Japanese: Tohoku University's BERT (https://huggingface.co/tohoku-nlp/bert-base-japanese-v3).
  { id: "tohoku-nlp/bert-base-japanese-v3", aliases: ["bert-base-japanese-v3"] },
  // Decoders trained further for one language, which their own fine-tunes name without the org: ELYZA
  // (https://huggingface.co/elyza), Swallow (https://huggingface.co/tokyotech-llm), LLM-jp
  // (https://huggingface.co/llm-jp), CALM2 (https://huggingface.co/cyberagent), Chinese-LLaMA-2 and Chinese-Alpaca-2
  // (https://huggingface.co/hfl), KoAlpaca and Llama-2-ko (https://huggingface.co/beomi), Bllossom
  // (https://huggingface.co/MLP-KTLim), EXAONE (https://huggingface.co/LGAI-EXAONE).
  { id: "elyza/ELYZA-japanese-Llama-2-7b" },
  { id: "elyza/ELYZA-japanese-Llama-2-7b-instruct" },
  { id: "tokyotech-llm/Swallow-7b-hf", aliases: ["Swallow 7B"] },
  { id: "tokyotech-llm/Swallow-13b-hf", aliases: ["Swallow 13B"] },
  { id: "tokyotech-llm/Swallow-MS-7b-v0.1", aliases: ["Swallow-MS 7B"] },
  { id: "llm-jp/llm-jp-3-1.8b" },
  { id: "llm-jp/llm-jp-3-13b" },
  { id: "cyberagent/calm2-7b" },
  { id: "cyberagent/calm2-7b-chat" },
  { id: "hfl/chinese-llama-2-7b", aliases: ["Chinese-LLaMA-2 7B"] },
  { id: "hfl/chinese-llama-2-13b", aliases: ["Chinese-LLaMA-2 13B"] },
  { id: "hfl/chinese-alpaca-2-7b", aliases: ["Chinese-Alpaca-2 7B"] },
  { id: "hfl/chinese-alpaca-2-13b", aliases: ["Chinese-Alpaca-2 13B"] },
  { id: "beomi/KoAlpaca-Polyglot-12.8B" },
  { id: "beomi/llama-2-ko-7b", aliases: ["Llama-2-Ko 7B"] },
  { id: "MLP-KTLim/llama-3-Korean-Bllossom-8B", aliases: ["Bllossom 8B", "Llama-3-Korean-Bllossom 8B"] },
  { id: "LGAI-EXAONE/EXAONE-3.0-7.8B-Instruct" },
  { id: "LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct" },
  { id: "LGAI-EXAONE/EXAONE-4.0-1.2B", aliases: ["EXAONE 4.0 1.2B"] },
];
