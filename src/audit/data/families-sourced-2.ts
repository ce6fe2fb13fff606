/**
 * Licences of further models that fine-tuning cards start from, read from their publishers' own pages (a second
 * pass after families-sourced.ts). A list of 92 candidate ids (bases, encoders, translation and speech models, and
 * community fine-tunes and merges) was checked against the table; none was known. For each, the publisher's Hub page
 * (its `License:` tag, front matter or card text) or GitHub LICENSE was read, and each entry keeps that `source` and
 * the words it quotes. Entries cover the exact id read; a sibling joins a pattern only where its page was read too.
 * Kept out: ids whose page was not found or gave no licence (several candidates were invented names), ids whose only
 * licence statement came from a quantiser or leaderboard rather than the publisher, and bespoke licences the knowledge
 * base did not hold then: CodeGeeX2's MODEL_LICENSE (since stop 33 in bespoke-licenses.ts and families-regional.ts),
 * the Coqui Public Model License, the Stability AI Community License, the Tencent Hunyuan Community License (Hunyuan
 * A13B) and The aiXcoder Model License (since stop 34 in bespoke-licenses-2.ts, with XTTS and Stability's families in
 * families-sourced-restricted.ts, Hunyuan's and aiXcoder-7B's in families-regional.ts), and Anima's "special licence"
 * (still not held). A summary for triage, not legal advice.
 */
import type { FamilyEntry } from "../terms.js";
import { officialFamily as entry } from "./hub-sources.js";

/** Publishers' licences for the second candidate list. */
export const SOURCED_FAMILIES_2: readonly FamilyEntry[] = [
  // Permissive (Apache-2.0, MIT, CC BY, OpenRAIL).
  entry(
    "Cross-Encoder MS MARCO MiniLM-L12-v2 (renamed repo)",
    "^cross-encoder/ms-marco-MiniLM-L12-v2$",
    "apache-2.0",
    "https://huggingface.co/cross-encoder/ms-marco-MiniLM-L-12-v2/commits/5d0a1da1a18c21272e63cb14e5d9ac2ec5e18564/config.json",
    "cross-encoder / ms-marco-MiniLM-L12-v2 … License: apache-2.0 (the page now titles the repo without the hyphen)",
  ),
  entry(
    "wav2vec2 XLS-R 1B",
    "^facebook/wav2vec2-xls-r-1b$",
    "apache-2.0",
    "https://huggingface.co/facebook/wav2vec2-xls-r-1b/commit/6d8fad78d7d9c252adfdf48da029590b21f47414",
    "license: apache-2.0",
  ),
  entry(
    "GTE large en v1.5",
    "^Alibaba-NLP/gte-large-en-v1\\.5$",
    "apache-2.0",
    "https://huggingface.co/Alibaba-NLP/gte-large-en-v1.5/tree/791c3b7d2979a3344292cbed11ffebd65bfb9b31",
    "License: apache-2.0",
  ),
  entry(
    "CamemBERT base",
    "^almanach/camembert-base$",
    "mit",
    "https://huggingface.co/almanach/camembert-base/blob/083e18f51b32a8aaa5ce4d586b7337b50b64a97a/tokenizer.json",
    "License: mit",
  ),
  entry(
    "Jina Embeddings v2 base (en)",
    "^jinaai/jina-embeddings-v2-base-en$",
    "apache-2.0",
    "https://huggingface.co/jinaai/jina-embeddings-v2-base-en/tree/0831c5fe3183a03fb20e24b8226fc4a0c7db23f6",
    "License: apache-2.0",
  ),
  entry(
    "OPUS-MT en-fr",
    "^Helsinki-NLP/opus-mt-en-fr$",
    "apache-2.0",
    "https://huggingface.co/Helsinki-NLP/opus-mt-en-fr/blob/259537ef0091414864c5a72f738862292576ae87/vocab.json",
    "License: apache-2.0",
  ),
  entry(
    "OPUS-MT en-de",
    "^Helsinki-NLP/opus-mt-en-de$",
    "cc-by-4.0",
    "https://huggingface.co/Helsinki-NLP/opus-mt-en-de/blame/main/README.md",
    "license: cc-by-4.0 … - **License:** CC-BY-4.0",
  ),
  entry(
    "OPUS-MT zh-en",
    "^Helsinki-NLP/opus-mt-zh-en$",
    "cc-by-4.0",
    "https://huggingface.co/Helsinki-NLP/opus-mt-zh-en/commit/6b02b2132d97136ebed2851703f2b3407ea9cf47",
    "license: cc-by-4.0 … - **License:** CC-BY-4.0 (the publisher's commit replaced an earlier apache-2.0 tag)",
  ),
  entry(
    "Multilingual MiniLM L12 H384",
    "^microsoft/Multilingual-MiniLM-L12-H384$",
    "mit",
    "https://huggingface.co/microsoft/Multilingual-MiniLM-L12-H384/tree/b4068d27eae01ab06085190df44e0634497d7f8c",
    "License: mit",
  ),
  entry(
    "OpenAI CLIP ViT-L/14",
    "^openai/clip-vit-large-patch14$",
    "mit",
    "https://github.com/openai/CLIP/blob/b1c4b6be5871f1b94359ba55901627f29ecc9ae9/LICENSE",
    "MIT License … Copyright (c) 2021 OpenAI (the publisher's CLIP repository; the Hub card carries no licence tag)",
  ),
  entry(
    "Kosmos-2.5",
    "^microsoft/kosmos-2\\.5$",
    "mit",
    "https://huggingface.co/microsoft/kosmos-2.5/commit/788d7caa16da5f6c27a285f20ab4727f0457c849",
    "license: mit … The content of this project itself is licensed under the [MIT](https://github.com/microsoft/unilm/blob/master/kosmos-2.5/LICENSE)",
  ),
  entry(
    "GOT-OCR 2.0 (Transformers port)",
    "^stepfun-ai/GOT-OCR-2\\.0-hf$",
    "apache-2.0",
    "https://huggingface.co/stepfun-ai/GOT-OCR-2.0-hf/tree/5015eba68c5dfd5ff0954370002ef1d3394cf23b",
    "License: apache-2.0",
  ),
  entry(
    "NuExtract tiny",
    "^numind/NuExtract-tiny$",
    "mit",
    "https://huggingface.co/numind/NuExtract-tiny/tree/afa50869f395f3f505142e00851257ea46ae17ce",
    "License: mit",
  ),
  entry(
    "ControlNet (SD 1.5) scribble",
    "^lllyasviel/sd-controlnet-scribble$",
    "openrail",
    "https://huggingface.co/lllyasviel/sd-controlnet-scribble/blob/4a4b210cebed2986c610c21e226a4fe472587e58/images/bag_scribble_out.png",
    "License: openrail",
  ),
  entry(
    "Swallow-MS 7B v0.1",
    "^tokyotech-llm/Swallow-MS-7b-v0\\.1$",
    "apache-2.0",
    "https://huggingface.co/tokyotech-llm/Swallow-MS-7b-v0.1/commits/479422f35266a4a7b9d5592a294fca2cabee259f/model-00001-of-00003.safetensors",
    "License: apache-2.0",
  ),
  entry(
    "Karasu 1.1B",
    "^lightblue/karasu-1\\.1B$",
    "apache-2.0",
    "https://huggingface.co/lightblue/karasu-1.1B/tree/4b3b15bb2d5414e46d77ee239975917d2f895029",
    "License: apache-2.0",
  ),
  entry(
    "Eurus-2 7B SFT",
    "^PRIME-RL/Eurus-2-7B-SFT$",
    "apache-2.0",
    "https://huggingface.co/PRIME-RL/Eurus-2-7B-SFT/commit/b92aef5346e02bce240eb002cc28cdd047787f9c",
    "license: apache-2.0",
  ),
  entry(
    "KoAlpaca Polyglot 5.8B",
    "^beomi/KoAlpaca-Polyglot-5\\.8B$",
    "apache-2.0",
    "https://huggingface.co/beomi/KoAlpaca-Polyglot-5.8B/commits/c9bc3dd38fe33960cfe68a425eee147905358175/README.md",
    "License: apache-2.0",
  ),
  entry(
    "ChatNTQ JA 7B v1.0",
    "^NTQAI/chatntq-ja-7b-v1\\.0$",
    "apache-2.0",
    "https://huggingface.co/NTQAI/chatntq-ja-7b-v1.0/blob/f0afa820b346ef3bf689adbf9bd08c9598742fe8/README.md",
    "license: apache-2.0",
  ),
  entry(
    "ChatMed-Consult (LoRA)",
    "^michaelwzhu/ChatMed-Consult$",
    "apache-2.0",
    "https://huggingface.co/michaelwzhu/ChatMed-Consult/tree/main",
    "License: apache-2.0 (a LoRA adapter; the weights it applies to come under their own terms)",
  ),
  entry(
    "Sky-T1 32B Preview",
    "^NovaSky-AI/Sky-T1-32B-Preview$",
    "apache-2.0",
    "https://huggingface.co/NovaSky-AI/Sky-T1-32B-Preview/commits/main/README.md",
    "License: apache-2.0",
  ),
  entry(
    "MistralLite 7B GGUF (TheBloke)",
    "^TheBloke/MistralLite-7B-GGUF$",
    "apache-2.0",
    "https://huggingface.co/TheBloke/MistralLite-7B-GGUF/tree/d10291e282c0f96d793844dab6ceb8d7c43e2a06",
    "License: apache-2.0 (the quantiser's own repo; amazon/MistralLite's page was not read)",
  ),
  entry(
    "CodeNinja 1.0 OpenChat 7B",
    "^beowolx/CodeNinja-1\\.0-OpenChat-7B$",
    "mit",
    "https://huggingface.co/beowolx/CodeNinja-1.0-OpenChat-7B/commits/main",
    "License: mit",
  ),

  // Conditional or non-commercial.
  entry(
    "Llemma 7B",
    "^EleutherAI/llemma_7b$",
    "llama2",
    "https://huggingface.co/EleutherAI/llemma_7b/blame/main/README.md",
    "license: llama2 … It was initialized with Code Llama 7B weights",
  ),
  entry(
    "Magicoder-S-DS 6.7B",
    "^ise-uiuc/Magicoder-S-DS-6\\.7B$",
    "deepseek",
    "https://huggingface.co/ise-uiuc/Magicoder-S-DS-6.7B/tree/cff055b1e110cbe75c0c3759bd436299c6d6bb66",
    "License: deepseek",
  ),
  entry(
    "Sakura-SOLAR-Instruct",
    "^kyujinpy/Sakura-SOLAR-Instruct$",
    "cc-by-nc-sa-4.0",
    "https://huggingface.co/kyujinpy/Sakura-SOLAR-Instruct/blob/68f5a6e0b4041ec00fb5781e5bc173be96c9e11d/README.md",
    "license: cc-by-nc-sa-4.0",
  ),
  entry(
    "KO-Platypus2 7B EX",
    "^kyujinpy/KO-Platypus2-7B-ex$",
    "cc-by-nc-sa-4.0",
    "https://huggingface.co/kyujinpy/KO-Platypus2-7B-ex/commit/63ad569198c7fabc62f292604211fed3435b3f48",
    "license: cc-by-nc-sa-4.0 … **The license is `cc-by-nc-sa-4.0`.** (replacing an earlier cc-by-nc-4.0 tag)",
  ),
  entry(
    "InternLM2 1.8B (base and chat)",
    "^internlm/internlm2-(chat-)?1_8b$",
    "internlm",
    "https://huggingface.co/internlm/internlm2-1_8b/commit/c24f301c7374ad9f9b58d1ea80f68b5f57cbca13",
    "license: other … The code is licensed under Apache-2.0, while model weights are fully open for academic research and also allow **free** commercial usage. To apply for a commercial license, please fill in the application form (the chat-1_8b card's front matter reads the same `license: other`)",
  ),
];
