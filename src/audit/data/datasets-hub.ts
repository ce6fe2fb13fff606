/**
 * Licences of further widely used public training sets (ids seen with no known licence when auditing real
 * fine-tuning cards, then common SFT/DPO/RL sets), each read from the publisher's Hub dataset card (its front
 * matter `license:` as the Hub shows it, and the card's own licence text where it has one) at review time.
 * Where the two disagree, the stricter term the card states is kept and the note quotes both. A summary for
 * triage, not legal advice: a document's own `license` or `--dataset-licenses` wins.
 */
import type { DatasetEntry } from "../terms.js";
import { hfDataset as hf } from "./hub-sources.js";

const AI2_MIX =
  "front matter odc-by; the card: 'Note that this collection is licensed under ODC-BY-1.0 license; different licenses apply to subsets of the data. Some portions of the dataset are non-commercial.'";

export const HUB_DATASETS: readonly DatasetEntry[] = [
  {
    id: "e9t/nsmc",
    names: ["Naver Sentiment Movie Corpus"],
    license: "cc-by-2.0",
    source: hf("e9t/nsmc"),
    note: "front matter 'license: cc-by-2.0' (read at the legacy id: https://huggingface.co/datasets/nsmc/blame/main/README.md)",
  },
  {
    // MultiNLI mixes the OANC's licence with CC BY 3.0, CC BY-SA 3.0 and MIT parts; the share-alike part is kept.
    id: "nyu-mll/multi_nli",
    license: "cc-by-sa-3.0",
    source: hf("nyu-mll/multi_nli"),
    note: "front matter lists cc-by-3.0, cc-by-sa-3.0, mit and other (the Open American National Corpus licence); the card: the fiction section's 'Seven Swords is available under a Creative Commons Share-Alike 3.0 Unported License' — the strictest listed term is kept",
  },
  {
    id: "openlifescienceai/medmcqa",
    license: "apache-2.0",
    source: hf("openlifescienceai/medmcqa"),
    note: "front matter apache-2.0 (the Hub header of the card's tree, e.g. commit 91c6572)",
  },
  {
    id: "argilla/dpo-mix-7k",
    license: "mit",
    source: hf("argilla/dpo-mix-7k"),
    note: "front matter 'license: mit' (commit 48a6cef onwards); mixes argilla/distilabel-capybara-dpo-7k-binarized, argilla/distilabel-intel-orca-dpo-pairs and argilla/ultrafeedback-binarized-preferences-cleaned. An unmerged pull request (refs/pr/3) proposes cc-by-nc-4.0",
  },
  {
    id: "argilla/kto-mix-15k",
    license: "mit",
    source: hf("argilla/kto-mix-15k"),
    note: "front matter 'license: mit'; 'A KTO signal transformed version of the highly loved Argilla DPO Mix'",
  },
  {
    id: "open-r1/OpenR1-Math-220k",
    license: "apache-2.0",
    source: hf("open-r1/OpenR1-Math-220k"),
    note: "front matter apache-2.0; reasoning traces generated with DeepSeek R1 for NuminaMath 1.5 problems (the Open R1 'Update #2' post)",
  },
  {
    id: "OpenCoder-LLM/opc-sft-stage1",
    license: "mit",
    source: hf("OpenCoder-LLM/opc-sft-stage1"),
    note: "front matter 'license: mit'",
  },
  {
    id: "OpenCoder-LLM/opc-sft-stage2",
    license: "mit",
    source: hf("OpenCoder-LLM/opc-sft-stage2"),
    note: "front matter 'license: mit' (README at f26b5c2)",
  },
  {
    id: "m-a-p/CodeFeedback-Filtered-Instruction",
    license: "apache-2.0",
    source: hf("m-a-p/CodeFeedback-Filtered-Instruction"),
    note: "front matter apache-2.0 (a 28-byte README, no licence text)",
  },
  {
    // The card names no licence; it says the data is the GPT-4-LLM set, whose publisher licenses it CC BY-NC 4.0.
    id: "teknium/GPT4-LLM-Cleaned",
    license: "cc-by-nc-4.0",
    outputsOf: "openai-outputs",
    source: hf("teknium/GPT4-LLM-Cleaned"),
    note: "the card: 'This is the GPT4-LLM dataset from : https://github.com/Instruction-Tuning-with-GPT-4/GPT-4-LLM', filtered of OpenAI disclaimers; that publisher: 'The data is intended and licensed for research use only. The dataset is CC BY NC 4.0'. An unmerged pull request (#3, 'Add license') proposes cc-by-nc-4.0",
  },
  {
    id: "microsoft/orca-agentinstruct-1M-v1",
    license: "cdla-permissive-2.0",
    source: hf("microsoft/orca-agentinstruct-1M-v1"),
    note: "front matter cdla-permissive-2.0",
  },
  {
    id: "NousResearch/hermes-function-calling-v1",
    license: "apache-2.0",
    source: hf("NousResearch/hermes-function-calling-v1"),
    note: "front matter apache-2.0",
  },
  {
    id: "kaist-ai/CoT-Collection",
    license: "research-use-only",
    outputsOf: "openai-outputs",
    source: hf("kaist-ai/CoT-Collection"),
    note: "front matter cc-by-4.0, but the publisher's repository (https://github.com/kaistAI/CoT-Collection, quoted in the card's discussion #3): 'CoT Collection is only for non-commercial use and is subject to OpenAI's Terms of Use for the generated data'",
  },
  {
    id: "HuggingFaceH4/deita-10k-v0-sft",
    license: "mit",
    source: hf("HuggingFaceH4/deita-10k-v0-sft"),
    note: "front matter mit",
  },
  {
    id: "princeton-nlp/gemma2-ultrafeedback-armorm",
    license: "mit",
    source: hf("princeton-nlp/gemma2-ultrafeedback-armorm"),
    note: "front matter mit; UltraFeedback prompts answered by Gemma 2 and ranked with ArmoRM (SimPO)",
  },
  {
    id: "princeton-nlp/llama3-ultrafeedback-armorm",
    license: "mit",
    source: hf("princeton-nlp/llama3-ultrafeedback-armorm"),
    note: "front matter mit",
  },
  {
    id: "allenai/RLVR-GSM-MATH-IF-Mixed-Constraints",
    license: "odc-by",
    source: hf("allenai/RLVR-GSM-MATH-IF-Mixed-Constraints"),
    note: "front matter odc-by",
  },
  {
    id: "allenai/RLVR-IFeval",
    license: "odc-by",
    source: hf("allenai/RLVR-IFeval"),
    note: "front matter odc-by",
  },
  {
    id: "allenai/olmo-2-1124-7b-preference-mix",
    license: "odc-by",
    source: hf("allenai/olmo-2-1124-7b-preference-mix"),
    note: AI2_MIX,
  },
  {
    id: "allenai/olmo-2-1124-13b-preference-mix",
    license: "odc-by",
    source: hf("allenai/olmo-2-1124-13b-preference-mix"),
    note: "front matter odc-by (the 13B counterpart of the 7B mix, whose card says 'Some portions of the dataset are non-commercial')",
  },
  {
    id: "allenai/llama-3.1-tulu-3-8b-preference-mixture",
    license: "odc-by",
    source: hf("allenai/llama-3.1-tulu-3-8b-preference-mixture"),
    note: "front matter odc-by; the repository also ships the Llama 2/3/3.1, Qwen and Ai2 ImpACT licences of its parts",
  },
  {
    id: "allenai/llama-3.1-tulu-3-70b-preference-mixture",
    license: "odc-by",
    source: hf("allenai/llama-3.1-tulu-3-70b-preference-mixture"),
    note: "front matter odc-by; the repository also ships the Llama 2/3/3.1, Qwen and Ai2 ImpACT licences of its parts",
  },
  {
    // The canonical ncbi/ncbi_disease card says 'unknown'; BigBio's card of the same corpus says cc0-1.0.
    id: "bigbio/ncbi_disease",
    license: "cc0-1.0",
    source: hf("bigbio/ncbi_disease"),
    note: "front matter 'license: cc0-1.0' ('bigbio_license_shortname: CC0_1p0'); the canonical ncbi/ncbi_disease card says 'unknown'",
  },
  {
    id: "BramVanroy/ultrachat_200k_dutch",
    license: "apache-2.0",
    source: hf("BramVanroy/ultrachat_200k_dutch"),
    note: "front matter apache-2.0",
  },
  {
    id: "nvidia/OpenCodeReasoning",
    license: "cc-by-4.0",
    source: hf("nvidia/OpenCodeReasoning"),
    note: "front matter 'license: cc-by-4.0'; responses generated by DeepSeek-R1 (MIT)",
  },
  {
    id: "nvidia/OpenCodeReasoning-2",
    license: "cc-by-4.0",
    source: hf("nvidia/OpenCodeReasoning-2"),
    note: "front matter 'license: cc-by-4.0'",
  },
];
