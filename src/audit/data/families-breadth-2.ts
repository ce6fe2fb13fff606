/**
 * More official model families (issue 16, knowledge-base breadth): encoders, task models and speech/vision backbones that fine-tuning cards start from (stop 34).
 * Each licence is the publisher's card's `license` field or licence file (the `source`). A summary for triage,
 * not legal advice.
 */
import type { FamilyEntry } from "../terms.js";
import { officialFamily as entry, hfModel as hf } from "./hub-sources.js";

export const BREADTH_FAMILIES_2: readonly FamilyEntry[] = [
  entry(
    "OpenAI CLIP ViT-B/32, ViT-B/16",
    "^openai/clip-vit-base-patch(16|32)$",
    "mit",
    hf("openai/clip-vit-base-patch32"),
    "the publisher's CLIP repository's LICENSE (github.com/openai/CLIP at b1c4b6b): 'MIT License … Copyright (c) 2021 OpenAI', as for ViT-L/14; the Hub card carries no licence tag",
  ),
  entry(
    "Microsoft GIT base",
    "^microsoft/git-base(-coco|-vatex)?$",
    "mit",
    hf("microsoft/git-base"),
    "the card's metadata 'license: mit' (git-base at 69bb541); the -coco and -vatex cards carry the same 'license: mit'; GIT large and the other fine-tunes were not read",
  ),
  entry(
    "HuBERT base (LibriSpeech 960h)",
    "^facebook/hubert-base-ls960$",
    "apache-2.0",
    hf("facebook/hubert-base-ls960"),
    "the card's metadata 'license: apache-2.0'",
  ),
  entry(
    "KLUE BERT base",
    "^klue/bert-base$",
    "cc-by-sa-4.0",
    hf("klue/bert-base"),
    "the card's 'License: cc-by-sa-4.0' under Model Details, and its metadata 'license: cc-by-sa-4.0' (commit 0f1e25c)",
  ),
  entry(
    "Tohoku BERT Japanese (base v3, large v2)",
    "^(cl-tohoku|tohoku-nlp)/bert-(base-japanese-v3|large-japanese(-char)?-v2)$",
    "apache-2.0",
    hf("tohoku-nlp/bert-base-japanese-v3"),
    "the cards' metadata 'license: apache-2.0' (bert-base-japanese-v3, bert-large-japanese-v2, bert-large-japanese-char-v2 at e45a0ab); the earlier base v1/v2 and large models are CC BY-SA 3.0 and not covered here",
  ),
  entry(
    "Mengzi-BERT base",
    "^Langboat/mengzi-bert-base$",
    "apache-2.0",
    hf("Langboat/mengzi-bert-base"),
    "the card's metadata 'license: apache-2.0'",
  ),
  entry(
    "Microsoft PubMedBERT (old ids of BiomedBERT)",
    "^microsoft/BiomedNLP-PubMedBERT-(base-uncased-abstract(-fulltext)?|large-uncased-abstract)$",
    "mit",
    hf("microsoft/BiomedNLP-PubMedBERT-base-uncased-abstract-fulltext"),
    "the cards' metadata 'license: mit' (base abstract+fulltext, base abstract, large abstract); the renamed BiomedBERT ids are matched by their own entries",
  ),
  entry(
    "CamemBERT base (legacy root id)",
    "^camembert-base$",
    "mit",
    hf("almanach/camembert-base"),
    "the card's 'License: MIT' under Model Details; the Hub moved the root id camembert-base to almanach/camembert-base (its own entry, read from the same repository)",
  ),
  entry(
    "IndicBERT (AI4Bharat)",
    "^ai4bharat/indic-bert$",
    "mit",
    hf("ai4bharat/indic-bert"),
    "the card's metadata 'license: mit'; IndicBERT v2/v3 are other repositories, not read",
  ),
];
