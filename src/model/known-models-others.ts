/**
 * Encoders, encoder-decoders, older and smaller decoders, speech and vision models that cards name without their
 * org, and the bases of cards in other languages. Each id is its own source: the publisher's card at
 * https://huggingface.co/<id> (`knownModelSource`); legacy root-level names (`bert-base-uncased`, `gpt2`,
 * `t5-small`) are the ones the Hub redirects to these ids.
 */
import { cross, type KnownModel } from "./known-models-decoders.js";

export const OTHERS: readonly KnownModel[] = [
  // GPT-2 (https://huggingface.co/openai-community/gpt2) and EleutherAI's open decoders.
  { id: "openai-community/gpt2", aliases: ["GPT-2", "GPT2", "gpt2", "GPT-2 Small"] },
  { id: "openai-community/gpt2-medium", aliases: ["gpt2-medium", "GPT-2 Medium"] },
  { id: "openai-community/gpt2-large", aliases: ["gpt2-large", "GPT-2 Large"] },
  { id: "openai-community/gpt2-xl", aliases: ["gpt2-xl", "GPT-2 XL"] },
  { id: "distilbert/distilgpt2", aliases: ["DistilGPT2", "DistilGPT-2"] },
  ...cross("EleutherAI/gpt-neo-", ["125m", "1.3B", "2.7B"]),
  ...cross("EleutherAI/", ["gpt-j-6b", "gpt-neox-20b"]),
  ...cross(
    "EleutherAI/pythia-",
    ["70m", "160m", "410m", "1b", "1.4b", "2.8b", "6.9b", "12b"],
    ["", "-deduped"],
  ),
  // OPT (https://huggingface.co/facebook/opt-1.3b), BLOOM (https://huggingface.co/bigscience/bloom-560m),
  // StarCoder (https://huggingface.co/bigcode).
  ...cross("facebook/opt-", ["125m", "350m", "1.3b", "2.7b", "6.7b", "13b", "30b", "66b"]),
  ...cross("bigscience/bloom-", ["560m", "1b1", "1b7", "3b", "7b1"]),
  ...cross("bigscience/bloomz-", ["560m", "1b1", "1b7", "3b", "7b1"]),
  ...cross("bigcode/", [
    "starcoder",
    "starcoderbase",
    "starcoderbase-1b",
    "starcoderbase-3b",
    "starcoderbase-7b",
  ]),
  ...cross("bigcode/starcoder2-", ["3b", "7b", "15b"]),
  // BERT family (https://huggingface.co/google-bert, /distilbert, /FacebookAI, /microsoft, /albert, /google).
  { id: "google-bert/bert-base-uncased", aliases: ["BERT base uncased", "BERT-base uncased"] },
  { id: "google-bert/bert-base-cased", aliases: ["BERT base cased", "BERT-base cased"] },
  { id: "google-bert/bert-large-uncased", aliases: ["BERT large uncased"] },
  { id: "google-bert/bert-large-cased" },
  { id: "google-bert/bert-base-multilingual-cased", aliases: ["mBERT"] },
  { id: "google-bert/bert-base-multilingual-uncased" },
  { id: "google-bert/bert-base-chinese" },
  { id: "distilbert/distilbert-base-uncased", aliases: ["DistilBERT"] },
  { id: "distilbert/distilbert-base-cased" },
  { id: "distilbert/distilbert-base-multilingual-cased" },
  { id: "distilbert/distilroberta-base", aliases: ["DistilRoBERTa"] },
  { id: "FacebookAI/roberta-base", aliases: ["RoBERTa base", "RoBERTa-base"] },
  { id: "FacebookAI/roberta-large", aliases: ["RoBERTa large", "RoBERTa-large"] },
  { id: "FacebookAI/xlm-roberta-base", aliases: ["XLM-RoBERTa base", "XLM-R base"] },
  { id: "FacebookAI/xlm-roberta-large", aliases: ["XLM-RoBERTa large", "XLM-R large"] },
  ...cross("microsoft/deberta-v3-", ["xsmall", "small", "base", "large"]),
  ...cross("microsoft/deberta-", ["base", "large"]),
  { id: "microsoft/mdeberta-v3-base" },
  ...cross("albert/albert-", ["base", "large"], ["-v2"]),
  ...cross("google/electra-", ["small", "base", "large"], ["-discriminator"]),
  { id: "sentence-transformers/all-MiniLM-L6-v2" },
  { id: "sentence-transformers/all-mpnet-base-v2" },
  // T5, Flan-T5, mT5 (https://huggingface.co/google-t5/t5-base, /google/flan-t5-base, /google/mt5-base), BART.
  { id: "google-t5/t5-small", aliases: ["T5 small", "T5-Small"] },
  { id: "google-t5/t5-base", aliases: ["T5 base", "T5-Base"] },
  { id: "google-t5/t5-large", aliases: ["T5 large", "T5-Large"] },
  ...cross("google-t5/t5-", ["3b", "11b"]),
  ...cross("google/flan-t5-", ["small", "base", "large", "xl", "xxl"]),
  { id: "google/mt5-small", aliases: ["mT5-small"] },
  { id: "google/mt5-base", aliases: ["mT5-base"] },
  { id: "google/mt5-large", aliases: ["mT5-large"] },
  { id: "facebook/bart-base", aliases: ["BART base", "BART-base"] },
  { id: "facebook/bart-large", aliases: ["BART large", "BART-large"] },
  ...cross("facebook/bart-large-", ["cnn", "mnli"]),
  // Speech and vision (https://huggingface.co/openai/whisper-small, /facebook/wav2vec2-base, /google/vit-…).
  ...cross("openai/whisper-", ["tiny", "base", "small", "medium", "large-v2", "large-v3", "large-v3-turbo"]),
  ...cross("facebook/wav2vec2-", ["base", "base-960h", "large-960h", "large-xlsr-53", "xls-r-300m"]),
  ...cross("google/vit-", ["base-patch16-224", "base-patch16-224-in21k", "large-patch16-224"]),
  ...cross("openai/clip-vit-", ["base-patch32", "base-patch16", "large-patch14"]),
  { id: "stabilityai/stable-diffusion-xl-base-1.0", aliases: ["SDXL", "SDXL 1.0", "SDXL base 1.0"] },
  // Bases that cards in other languages name without their org (issue categories 6 and 7): dev items
  // j-ne-ko-* (KoGPT2, Polyglot-Ko), k-ne-ko-* (EEVE, SOLAR), c-ne-zh-* / j-ne-zh-* / l3-ne-zh-* (Qwen, InternLM,
  // Baichuan chat models: in known-models-decoders.ts). Each id is its own source.
  { id: "skt/kogpt2-base-v2", aliases: ["KoGPT2"] },
  { id: "EleutherAI/polyglot-ko-1.3b", aliases: ["Polyglot-Ko 1.3B"] },
  { id: "EleutherAI/polyglot-ko-5.8b", aliases: ["Polyglot-Ko 5.8B"] },
  { id: "EleutherAI/polyglot-ko-12.8b", aliases: ["Polyglot-Ko 12.8B"] },
  { id: "upstage/SOLAR-10.7B-v1.0", aliases: ["SOLAR-10.7B"] },
  { id: "upstage/SOLAR-10.7B-Instruct-v1.0" },
  { id: "yanolja/EEVE-Korean-10.8B-v1.0" },
  { id: "yanolja/EEVE-Korean-Instruct-10.8B-v1.0", aliases: ["EEVE-Korean-Instruct-10.8B"] },
  { id: "LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct" },
];
