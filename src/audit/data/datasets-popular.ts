/**
 * Licences of further widely used public training sets (instruction, preference, reasoning, math and code sets
 * first, then classic NLP, speech and multimodal corpora), for ids seen with no known licence. Each entry was read
 * from what its publisher states: the Hub dataset card (its front matter `license:` as the Hub header shows it, and
 * the card's own licence text where it has one), or, for the classic sets whose cards began in the `datasets`
 * library, that card as it stood in huggingface/datasets (datasets/<name>/README.md, the last commit before the
 * cards moved to the Hub ids), or the publisher's GitHub README or site (MS MARCO's terms). The note quotes what was
 * read; where a card's front matter and text disagree, the stricter term is kept and both are quoted. Sets generated
 * by OpenAI models record `outputsOf`. Ids whose card states no licence, or a licence the knowledge base does not
 * know, are left out: unknown is the right answer for them. A summary for triage, not legal advice: a document's own
 * `license` or `--dataset-licenses` wins.
 */
import type { DatasetEntry } from "../terms.js";
import { hfDataset as hf } from "./hub-sources.js";

/** A canonical card in huggingface/datasets at the parent of the commit that removed them (3 Oct 2022). */
const canonicalCard = (name: string): string =>
  `https://github.com/huggingface/datasets/blob/d7dfbc83d68e87ba002c5eb2555f7a932e59038a/datasets/${name}/README.md`;

const CANONICAL = "the card as it stood in huggingface/datasets before it moved to this Hub id (datasets/";

export const POPULAR_DATASETS: readonly DatasetEntry[] = [
  {
    // The Hub card states no licence; the publisher's own site states the terms.
    id: "microsoft/ms_marco",
    names: ["MS MARCO", "MSMARCO"],
    license: "research-use-only",
    source: "https://microsoft.github.io/msmarco/Submission",
    note: "the publisher's Terms and Conditions: 'The MS MARCO and ORCAS datasets are intended for non-commercial research purposes only to promote advancement in the field of artificial intelligence and related areas, and is made available free of charge without extending any license or other intellectual property rights'",
  },
  {
    // Its licence entered the table (licenses-more.ts) after the card was read.
    id: "takala/financial_phrasebank",
    names: ["Financial PhraseBank"],
    license: "cc-by-nc-sa-3.0",
    source: hf("takala/financial_phrasebank"),
    note: "front matter 'license: cc-by-nc-sa-3.0' (the Hub header)",
  },
  // Instruction, preference and reasoning sets.
  {
    id: "jondurbin/truthy-dpo-v0.1",
    license: "cc-by-4.0",
    source: hf("jondurbin/truthy-dpo-v0.1"),
    note: "front matter 'license: cc-by-4.0' (README at 3a1c141; the Hub header still shows cc-by-4.0 at 46b2b8c); it read 'license: apache-2.0' at a8318e6",
  },
  {
    id: "mlabonne/orpo-dpo-mix-40k",
    license: "apache-2.0",
    source: hf("mlabonne/orpo-dpo-mix-40k"),
    note: "front matter apache-2.0 (the Hub header at commit 2526b33)",
  },
  {
    id: "nampdn-ai/tiny-codes",
    license: "mit",
    source: hf("nampdn-ai/tiny-codes"),
    note: "front matter mit (the Hub header)",
  },
  {
    id: "AI-MO/NuminaMath-CoT",
    license: "apache-2.0",
    source: hf("AI-MO/NuminaMath-CoT"),
    note: "front matter apache-2.0 (the Hub header at e3f78d4, ebee60f and 7819382); one early capture of the header showed cc-by-nc-4.0",
  },
  {
    id: "gretelai/synthetic_text_to_sql",
    license: "apache-2.0",
    source: hf("gretelai/synthetic_text_to_sql"),
    note: "front matter 'license: apache-2.0'; the card: 'designed and generated using Gretel Navigator, and released under Apache 2.0' (README at 1b29bd9)",
  },
  {
    id: "glaiveai/glaive-function-calling-v2",
    license: "apache-2.0",
    source: hf("glaiveai/glaive-function-calling-v2"),
    note: "front matter apache-2.0 (the Hub header)",
  },
  {
    id: "glaiveai/glaive-code-assistant-v3",
    license: "apache-2.0",
    source: hf("glaiveai/glaive-code-assistant-v3"),
    note: "front matter 'license: apache-2.0'; 'a dataset of ~1M code problems and solutions generated using Glaive's synthetic data generation platform'",
  },
  {
    id: "Salesforce/xlam-function-calling-60k",
    license: "cc-by-4.0",
    source: hf("Salesforce/xlam-function-calling-60k"),
    note: "front matter cc-by-4.0 (the Hub header)",
  },
  {
    id: "BAAI/Infinity-Instruct",
    names: ["Infinity Instruct"],
    license: "cc-by-sa-4.0",
    source: hf("BAAI/Infinity-Instruct"),
    note: "front matter cc-by-sa-4.0 (the Hub header); gated: 'You agree to not use the dataset to conduct experiments that cause harm to human subjects.'",
  },
  {
    id: "Magpie-Align/Magpie-Pro-300K-Filtered",
    license: "llama3",
    source: hf("Magpie-Align/Magpie-Pro-300K-Filtered"),
    note: "front matter llama3 (the Hub header at 523df96); the publisher's collection: 'Dataset built with Meta Llama 3 70B.'",
  },
  {
    id: "arcee-ai/The-Tome",
    license: "mit",
    source: hf("arcee-ai/The-Tome"),
    note: "front matter mit (the Hub header)",
  },
  {
    id: "cognitivecomputations/dolphin",
    license: "apache-2.0",
    source: hf("cognitivecomputations/dolphin"),
    note: "front matter apache-2.0 (the Hub header at 17feae7)",
  },
  {
    id: "cognitivecomputations/dolphin-coder",
    license: "apache-2.0",
    source: hf("cognitivecomputations/dolphin-coder"),
    note: "front matter apache-2.0 (the Hub header)",
  },
  {
    id: "HuggingFaceH4/orca_dpo_pairs",
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("HuggingFaceH4/orca_dpo_pairs"),
    note: "front matter 'license: mit'; 'This is a pre-processed version of the OpenOrca dataset', whose card (Open-Orca/OpenOrca README at 3f94996) says 'Currently ~1M GPT-4 completions, and ~3.2M GPT-3.5 completions.'",
  },
  {
    id: "open-r1/codeforces-cots",
    license: "cc-by-4.0",
    source: hf("open-r1/codeforces-cots"),
    note: "front matter cc-by-4.0 (the Hub header); open-r1/codeforces's card: 'chain of thought generations produced by DeepSeek-R1 on these problems'",
  },
  {
    id: "bespokelabs/Bespoke-Stratos-17k",
    license: "apache-2.0",
    source: hf("bespokelabs/Bespoke-Stratos-17k"),
    note: "front matter apache-2.0 (the Hub header at c870b3a)",
  },
  {
    id: "NovaSky-AI/Sky-T1_data_17k",
    license: "apache-2.0",
    source: hf("NovaSky-AI/Sky-T1_data_17k"),
    note: "front matter apache-2.0 (the Hub header at 3e26082)",
  },
  {
    id: "simplescaling/s1K",
    license: "apache-2.0",
    source: hf("simplescaling/s1K"),
    note: "front matter apache-2.0 (the Hub header at 278d72b); the sibling s1K-1.1 is tagged mit",
  },
  {
    id: "GAIR/LIMO",
    license: "apache-2.0",
    source: hf("GAIR/LIMO"),
    note: "front matter apache-2.0 (the Hub header at b60f446)",
  },
  {
    id: "PKU-Alignment/PKU-SafeRLHF",
    license: "cc-by-nc-4.0",
    source: hf("PKU-Alignment/PKU-SafeRLHF"),
    note: "front matter cc-by-nc-4.0 (the Hub header at c04a25e)",
  },
  {
    id: "berkeley-nest/Nectar",
    license: "apache-2.0",
    outputsOf: "openai-outputs",
    source: hf("berkeley-nest/Nectar"),
    note: "front matter 'license: apache-2.0' and '**License:** Apache-2.0 license under the condition that the dataset is not used to compete with OpenAI' (README at 3c6b4c4); responses 'from a variety of models, namely GPT-4, GPT-3.5-turbo, GPT-3.5-turbo-instruct, ...', ranked 'by GPT-4'. An earlier README (b544887) read 'license: cc-by-nc-4.0' / 'Non commercial license'",
  },
  {
    id: "argilla/Capybara-Preferences",
    license: "apache-2.0",
    source: hf("argilla/Capybara-Preferences"),
    note: "front matter 'license: apache-2.0' (added in 0dc7788; the Hub header at b049c23)",
  },
  {
    id: "argilla/ultrafeedback-binarized-preferences-cleaned",
    license: "mit",
    source: hf("argilla/ultrafeedback-binarized-preferences-cleaned"),
    note: "front matter mit (the Hub header at d4ade18)",
  },
  {
    id: "argilla/distilabel-capybara-dpo-7k-binarized",
    license: "apache-2.0",
    source: hf("argilla/distilabel-capybara-dpo-7k-binarized"),
    note: "front matter apache-2.0 (the Hub header)",
  },
  {
    id: "nvidia/Llama-Nemotron-Post-Training-Dataset",
    license: "cc-by-4.0",
    source: hf("nvidia/Llama-Nemotron-Post-Training-Dataset"),
    note: "front matter cc-by-4.0 (the Hub header)",
  },
  {
    id: "agentica-org/DeepScaleR-Preview-Dataset",
    license: "mit",
    source: hf("agentica-org/DeepScaleR-Preview-Dataset"),
    note: "front matter mit (the Hub header at b6ae8c6)",
  },
  {
    id: "BytedTsinghua-SIA/DAPO-Math-17k",
    license: "apache-2.0",
    source: hf("BytedTsinghua-SIA/DAPO-Math-17k"),
    note: "front matter 'license: apache-2.0' (the Hub header)",
  },
  {
    id: "allenai/RLVR-GSM",
    license: "mit",
    source: hf("allenai/RLVR-GSM"),
    note: "front matter mit (the Hub header at b148845)",
  },
  {
    id: "HuggingFaceH4/stack-exchange-preferences",
    license: "cc-by-sa-4.0",
    source: hf("HuggingFaceH4/stack-exchange-preferences"),
    note: "front matter cc-by-sa-4.0 (the Hub header at 6213342)",
  },
  {
    id: "Locutusque/hercules-v5.0",
    license: "apache-2.0",
    outputsOf: "openai-outputs",
    source: hf("Locutusque/hercules-v5.0"),
    note: "front matter 'license: apache-2.0' (README at 29794ff; the repository also carries a LICENSE file); its listed sources include 'teknium/GPT4-LLM-Cleaned' and 'Lmsys chat 1m GPT-4 generations only'",
  },
  {
    id: "theblackcat102/evol-codealpaca-v1",
    license: "apache-2.0",
    source: hf("theblackcat102/evol-codealpaca-v1"),
    note: "front matter apache-2.0 (the Hub header at c752423)",
  },
  {
    id: "bigcode/self-oss-instruct-sc2-exec-filter-50k",
    license: "odc-by",
    source: hf("bigcode/self-oss-instruct-sc2-exec-filter-50k"),
    note: "front matter odc-by (the Hub header at 356bb06)",
  },
  {
    id: "laion/OIG",
    license: "apache-2.0",
    source: hf("laion/OIG"),
    note: "front matter 'license: apache-2.0'; the card: 'The OIG dataset that is authored by LAION volunteers is released under an Apache 2.0 license. However, the data also includes content licensed under other permissive licenses such as Wikipedia data which is licensed under CC-BY-SA'",
  },
  // Non-English instruction sets.
  {
    id: "nlpai-lab/kullm-v2",
    license: "apache-2.0",
    source: hf("nlpai-lab/kullm-v2"),
    note: "front matter 'license: apache-2.0' and the card's '## Lisence Apache-2.0'; 'Korean translation of GPT4ALL, Dolly, and Vicuna data' (via the DeepL API)",
  },
  {
    // The Hub card is tagged gpl-3.0; the publisher's data README restricts it to research use.
    id: "BelleGroup/train_2M_CN",
    license: "research-use-only",
    outputsOf: "openai-outputs",
    source:
      "https://github.com/LianjiaTech/BELLE/blob/5efd957bc48cab122da51b1c3867c19ee62168d7/data/10M/README.md",
    note: "Hub front matter gpl-3.0; the publisher's README for the set: '我们要求开发者仅将我们开源的代码、数据、模型及后续衍生物用于研究目的，不得用于商业' (research use only) and, of train_2M_CN, '此数据集是由ChatGPT产生的' (generated by ChatGPT); the stricter term is kept",
  },
  {
    id: "kunishou/databricks-dolly-15k-ja",
    license: "cc-by-sa-3.0",
    source: hf("kunishou/databricks-dolly-15k-ja"),
    note: "front matter cc-by-sa-3.0 (the Hub header)",
  },
  {
    id: "izumi-lab/llm-japanese-dataset",
    license: "cc-by-sa-4.0",
    source: hf("izumi-lab/llm-japanese-dataset"),
    note: "front matter 'license: cc-by-sa-4.0'; the card: '## LICENSE CC-BY-SA 4.0 (For more details, see: LICENSE, NOTICE.md, NOTICE2.md)' (commit 152e89e)",
  },
  // Multimodal.
  {
    id: "liuhaotian/LLaVA-Instruct-150K",
    names: ["LLaVA Visual Instruct 150K"],
    license: "cc-by-4.0",
    outputsOf: "openai-outputs",
    source: hf("liuhaotian/LLaVA-Instruct-150K"),
    note: "front matter 'license: cc-by-4.0'; the card: 'License: Creative Commons Attribution 4.0 International; and it should abide by the policy of OpenAI' and 'collected in April 2023, by prompting GPT-4-0314 API' (README at 9d451dc); an earlier README (9923e2a) read cc-by-nc-4.0",
  },
  // Benchmarks and classic corpora.
  {
    id: "hendrycks/competition_math",
    license: "mit",
    source: hf("hendrycks/competition_math"),
    note: "front matter mit (the Hub header at 233b4c5; the card's licensing section links https://github.com/hendrycks/math/blob/main/LICENSE); access to its files is now disabled by a DMCA takedown notice (discussions/5)",
  },
  {
    id: "openai/MMMLU",
    license: "mit",
    source: hf("openai/MMMLU"),
    note: "front matter mit (the Hub header)",
  },
  {
    id: "abisee/cnn_dailymail",
    license: "apache-2.0",
    source: hf("abisee/cnn_dailymail"),
    note: "front matter 'licenses: - apache-2.0' and 'The CNN / Daily Mail dataset version 1.0.0 is released under the Apache-2.0 License' (README at 382682c)",
  },
  {
    id: "openslr/librispeech_asr",
    license: "cc-by-4.0",
    source: canonicalCard("librispeech_asr"),
    note: `${CANONICAL}librispeech_asr): front matter 'license: - cc-by-4.0'; Licensing Information '[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)'`,
  },
  {
    id: "mozilla-foundation/common_voice_11_0",
    license: "cc0-1.0",
    source: hf("mozilla-foundation/common_voice_11_0"),
    note: "front matter cc0-1.0 (the Hub header at bc3197a)",
  },
  {
    id: "allenai/ai2_arc",
    license: "cc-by-sa-4.0",
    source: canonicalCard("ai2_arc"),
    note: `${CANONICAL}ai2_arc): front matter 'license: - cc-by-sa-4.0' (no licensing text)`,
  },
  {
    id: "cais/mmlu",
    license: "mit",
    source: canonicalCard("hendrycks_test"),
    note: `${CANONICAL}hendrycks_test; the Hub card was renamed 'Dataset Card for MMLU' in a6467de): front matter 'license: - mit'; Licensing Information '[MIT License](https://github.com/hendrycks/test/blob/master/LICENSE)'`,
  },
  {
    id: "Rowan/hellaswag",
    license: "mit",
    source: canonicalCard("hellaswag"),
    note: `${CANONICAL}hellaswag): no front-matter licence; Licensing Information 'MIT https://github.com/rowanz/hellaswag/blob/master/LICENSE'`,
  },
  {
    id: "truthfulqa/truthful_qa",
    license: "apache-2.0",
    source: canonicalCard("truthful_qa"),
    note: `${CANONICAL}truthful_qa): front matter 'license: - apache-2.0'; 'This dataset is licensed under the Apache License, Version 2.0'`,
  },
  {
    id: "google-research-datasets/mbpp",
    license: "cc-by-4.0",
    source: canonicalCard("mbpp"),
    note: `${CANONICAL}mbpp): front matter 'license: - cc-by-4.0'; Licensing Information 'CC-BY-4.0'`,
  },
  {
    id: "openai/openai_humaneval",
    license: "mit",
    source: canonicalCard("openai_humaneval"),
    note: `${CANONICAL}openai_humaneval): front matter 'license: - mit'; Licensing Information 'MIT License'`,
  },
  {
    id: "qiaojin/PubMedQA",
    license: "mit",
    source: canonicalCard("pubmed_qa"),
    note: `${CANONICAL}pubmed_qa): front matter 'license: - mit' (licensing text 'More Information Needed')`,
  },
  {
    // Dual-licensed CC BY-SA 3.0 / GFDL; the KB knows the CC term, which every part of the text carries.
    id: "wikimedia/wikipedia",
    license: "cc-by-sa-3.0",
    source: hf("wikimedia/wikipedia"),
    note: "front matter 'license: - cc-by-sa-3.0 - gfdl' (added in b8bc12b); the legacy `wikipedia` card (huggingface/datasets datasets/wikipedia at d7dfbc8) says the text is 'co-licensed under the Creative Commons Attribution-ShareAlike 3.0 Unported License (CC BY-SA) and the GNU Free Documentation License (GFDL)' and that some text 'has been imported only under CC BY-SA'",
  },
];
