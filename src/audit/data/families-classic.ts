/**
 * More official model families (issue 16, knowledge-base breadth): the encoder and sequence-to-sequence models most
 * fine-tuning cards start from (BERT, DistilBERT, RoBERTa, XLM-R, DeBERTa, T5 / Flan-T5, BART, ALBERT, ELECTRA,
 * Whisper, ViT), early open LLMs (GPT-Neo, DistilGPT2, DialoGPT, MPT, Dolly v2, RedPajama-INCITE, Cerebras-GPT,
 * OPT, Galactica, NLLB) and releases whose licence depends on the generation or the variant (Upstage SOLAR base
 * vs Instruct, StableLM Base-Alpha vs Tuned-Alpha vs 3B-4E1T, Vicuna v1.1–v1.3 on LLaMA vs v1.5 on Llama 2,
 * MPT-7B vs MPT-7B-Chat, Cohere's Aya and Command R7B / Command A). Each entry's licence is its publisher's card's
 * `license` field or licence text (the `source`); the older un-namespaced ids (`bert-base-uncased`, `t5-small`,
 * `roberta-base`) are the same repositories as their organisation ids. Variant entries come before their
 * family's. A summary for triage, not legal advice.
 */
import type { FamilyEntry } from "../terms.js";
import { officialFamily as entry, hfModel as hf } from "./hub-sources.js";

/** Encoders, sequence-to-sequence and speech/vision backbones. */
const ENCODERS: readonly FamilyEntry[] = [
  entry("BERT", "^(google-bert/)?bert-(base|large)-", "apache-2.0", hf("google-bert/bert-base-uncased")),
  entry(
    "DistilBERT",
    "^(distilbert/)?distilbert-base-",
    "apache-2.0",
    hf("distilbert/distilbert-base-uncased"),
  ),
  entry("RoBERTa", "^(FacebookAI/)?roberta-(base|large)", "mit", hf("FacebookAI/roberta-base")),
  entry("XLM-RoBERTa", "^(FacebookAI/)?xlm-roberta-(base|large)", "mit", hf("FacebookAI/xlm-roberta-base")),
  entry("DeBERTa", "^microsoft/(m?deberta-v3|deberta)-", "mit", hf("microsoft/deberta-v3-base")),
  entry(
    "ALBERT",
    "^(albert/)?albert-(base|large|xlarge|xxlarge)-v[12]",
    "apache-2.0",
    hf("albert/albert-base-v2"),
  ),
  entry("ELECTRA", "^google/electra-", "apache-2.0", hf("google/electra-base-discriminator")),
  entry("Flan-T5", "^google/flan-t5-", "apache-2.0", hf("google/flan-t5-base")),
  entry("T5", "^(google-t5/)?t5-(small|base|large|3b|11b)$", "apache-2.0", hf("google-t5/t5-small")),
  entry("mT5", "^google/mt5-", "apache-2.0", hf("google/mt5-base")),
  entry("BART", "^facebook/bart-", "apache-2.0", hf("facebook/bart-large")),
  entry("Whisper", "^openai/whisper-", "apache-2.0", hf("openai/whisper-small")),
  entry("ViT", "^google/vit-", "apache-2.0", hf("google/vit-base-patch16-224")),
];

/** Early open LLMs, by generation and variant. */
const EARLY_LLMS: readonly FamilyEntry[] = [
  entry("GPT-Neo", "^EleutherAI/gpt-neo-", "mit", hf("EleutherAI/gpt-neo-1.3B")),
  entry("DistilGPT2", "^(distilbert/)?distilgpt2", "apache-2.0", hf("distilbert/distilgpt2")),
  entry("DialoGPT", "^microsoft/DialoGPT-", "mit", hf("microsoft/DialoGPT-medium")),
  entry("MPT-7B-Chat", "^mosaicml/mpt-(7b|30b)-chat", "cc-by-nc-sa-4.0", hf("mosaicml/mpt-7b-chat")),
  entry("MPT", "^mosaicml/mpt-(7b|30b)$", "apache-2.0", hf("mosaicml/mpt-7b")),
  entry("Dolly v2", "^databricks/dolly-v2-", "mit", hf("databricks/dolly-v2-12b")),
  entry(
    "RedPajama-INCITE",
    "^togethercomputer/RedPajama-INCITE-",
    "apache-2.0",
    hf("togethercomputer/RedPajama-INCITE-7B-Base"),
  ),
  entry("Cerebras-GPT", "^cerebras/Cerebras-GPT-", "apache-2.0", hf("cerebras/Cerebras-GPT-1.3B")),
  entry(
    "OPT",
    "^facebook/opt-(125m|350m|1\\.3b|2\\.7b|6\\.7b|13b|30b|66b|iml)",
    "opt-175b",
    hf("facebook/opt-1.3b"),
    "the card's metadata says 'license: other' and 'commercial: false'",
  ),
  entry("Galactica", "^facebook/galactica-", "cc-by-nc-4.0", hf("facebook/galactica-6.7b")),
  entry("NLLB-200", "^facebook/nllb-200", "cc-by-nc-4.0", hf("facebook/nllb-200-distilled-600M")),
  entry(
    "MusicGen",
    "^facebook/musicgen-",
    "cc-by-nc-4.0",
    hf("facebook/musicgen-small"),
    "the card says 'Code is released under MIT, model weights are released under CC-BY-NC 4.0'",
  ),
];

/** Releases whose licence differs between a base and its tuned variant, or between generations. */
const BY_VARIANT: readonly FamilyEntry[] = [
  entry(
    "SOLAR 10.7B Instruct",
    "^upstage/SOLAR-10\\.7B-Instruct",
    "cc-by-nc-4.0",
    hf("upstage/SOLAR-10.7B-Instruct-v1.0"),
    "the base SOLAR-10.7B-v1.0 is Apache-2.0; the Instruct model is CC BY-NC 4.0",
  ),
  entry("SOLAR 10.7B", "^upstage/SOLAR-10\\.7B-v1\\.0", "apache-2.0", hf("upstage/SOLAR-10.7B-v1.0")),
  entry(
    "StableLM Tuned-Alpha",
    "^stabilityai/stablelm-tuned-alpha-",
    "cc-by-nc-sa-4.0",
    hf("stabilityai/stablelm-tuned-alpha-7b"),
    "the Base-Alpha checkpoints are CC BY-SA 4.0, the Tuned-Alpha ones CC BY-NC-SA 4.0",
  ),
  entry(
    "StableLM Base-Alpha",
    "^stabilityai/stablelm-base-alpha-",
    "cc-by-sa-4.0",
    hf("stabilityai/stablelm-base-alpha-7b"),
  ),
  entry(
    "StableLM-3B-4E1T",
    "^stabilityai/stablelm-3b-4e1t",
    "cc-by-sa-4.0",
    hf("stabilityai/stablelm-3b-4e1t"),
  ),
  entry(
    "Vicuna v1.5",
    "^lmsys/vicuna-(7b|13b)-v1\\.5",
    "llama2",
    hf("lmsys/vicuna-7b-v1.5"),
    "v1.5 is fine-tuned from Llama 2 (Llama 2 Community License)",
  ),
  entry(
    "Vicuna v1.1-v1.3 (LLaMA)",
    "^lmsys/vicuna-(7b|13b|33b)-(delta-)?v1\\.[0-3]",
    "llama1",
    hf("lmsys/vicuna-7b-v1.3"),
    "fine-tuned from the original LLaMA: 'Non-commercial license'",
  ),
  entry("Cohere Aya", "^(CohereForAI|CohereLabs)/aya-", "cc-by-nc-4.0", hf("CohereForAI/aya-expanse-8b")),
  entry(
    "Cohere Command R7B / Command A",
    "^(CohereForAI|CohereLabs)/c4ai-command-(r7b|a)-",
    "cc-by-nc-4.0",
    hf("CohereForAI/c4ai-command-r7b-12-2024"),
  ),
];

const SAKANA_EVO = "https://github.com/SakanaAI/evolutionary-model-merge/blob/main/README.md#models";

/** Later releases whose licence is stated on the publisher's own pages. */
const MORE_RELEASES: readonly FamilyEntry[] = [
  entry(
    "Mistral Apache-2.0 releases (Pixtral 12B, Mathstral, Codestral Mamba)",
    "^mistralai/(Pixtral-12B|Mathstral-7B|Mamba-Codestral-7B)",
    "apache-2.0",
    "https://docs.mistral.ai/getting-started/models/weights/",
    "'Mistral 7B, Mixtral 8x7B, Mixtral 8x22B, Codestral Mamba, Mathstral, Mistral Nemo, and Pixtral 12B are under Apache 2 License'",
  ),
  entry(
    "InternLM / InternLM2",
    "^internlm/internlm(2)?-(chat-)?(base-)?(chat-)?(7b|20b)",
    "internlm",
    "https://huggingface.co/internlm/internlm2-base-7b/commit/438e4c8a828b216602eb29eefd2640f0fa6ace41",
    "code Apache-2.0; weights free for research, free commercial use after applying",
  ),
  entry(
    "InternLM2.5 / InternLM3",
    "^internlm/internlm(2_5|3)-",
    "apache-2.0",
    "https://github.com/InternLM/InternLM/blob/main/README.md#license",
    "'Code and model weights are licensed under Apache-2.0.'",
  ),
  entry(
    "WizardMath 7B V1.1 (Mistral 7B)",
    "^(WizardLM|WizardLMTeam)/WizardMath-7B-V1\\.1",
    "microsoft-research-license",
    "https://huggingface.co/WizardLMTeam/WizardMath-7B-V1.1/blob/f6c4a60b7fe045302d49c1209cef9effe6fa3970/README.md",
    "the card's front matter: 'license: other / license_name: microsoft-research-license / license_link: https://huggingface.co/WizardLM/WizardMath-7B-V1.1/resolve/main/LICENSE'; a later commit (1b95501) removed these three lines and states no other licence; the V1.0 models (Llama 2) say 'license: llama2'",
  ),
  entry(
    "Sakana EvoLLM-JP-A v1 (no WizardMath)",
    "^SakanaAI/EvoLLM-JP-A-v1-7B",
    "apache-2.0",
    SAKANA_EVO,
    "'EvoLLM-JP-A-v1-7B | 7B | Apache 2.0 | shisa-gamma-7b-v1, Arithmo2-Mistral-7B, GAIR/Abel-7B-002'",
  ),
  entry(
    "Sakana EvoLLM-JP v1 (merges WizardMath-7B-V1.1)",
    "^SakanaAI/EvoLLM-JP-v1-(7B|10B)",
    "microsoft-research-license",
    SAKANA_EVO,
    "'EvoLLM-JP-v1-7B | 7B | Microsoft Research License | shisa-gamma-7b-v1, WizardMath-7B-V1.1, GAIR/Abel-7B-002'; 'EvoLLM-JP-v1-10B | 10B | Microsoft Research License | EvoLLM-JP-v1-7B, shisa-gamma-7b-v1'",
  ),
];

export const CLASSIC_FAMILIES: readonly FamilyEntry[] = [
  ...ENCODERS,
  ...EARLY_LLMS,
  ...BY_VARIANT,
  ...MORE_RELEASES,
];
