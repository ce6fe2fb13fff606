/**
 * Family names inside community ids (re-uploads, quantisations, renamed copies such as
 * `unsloth/Qwen2.5-3B-Instruct-bnb-4bit` or `bartowski/Meta-Llama-3.1-8B-Instruct-GGUF`): the licence they give
 * is an inference from the name, reported as one, never authoritative.
 *
 * Families are versioned: a publisher may change its licence between generations (Qwen1.5 → Qwen2 → Qwen2.5,
 * Falcon → Falcon 2/3, DeepSeek V2 → V3-0324/R1) and even between sizes of one release (Qwen2.5 3B and 72B are
 * not Apache-2.0 like the other sizes). So generation- and size-specific entries come before the general one of
 * their family; first match wins. Each entry's source is the publisher's own card or licence file for that
 * generation and size.
 */
import type { FamilyEntry } from "../terms.js";
import { hfModel as hf } from "./hub-sources.js";

/** Qwen2.5 sizes: 3B is under the Qwen Research licence, 72B under the Qwen licence, the rest Apache-2.0. */
const QWEN: readonly FamilyEntry[] = [
  {
    family: "Qwen2.5 3B",
    pattern: "qwen2\\.5-([a-z]+-)*3b",
    license: "qwen-research",
    official: false,
    source: hf("Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE"),
  },
  {
    family: "Qwen2.5 72B",
    pattern: "qwen2\\.5-([a-z]+-)*72b",
    license: "qwen",
    official: false,
    source: hf("Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE"),
  },
  {
    family: "Qwen2.5",
    pattern: "qwen2\\.5",
    license: "apache-2.0",
    official: false,
    source: hf("Qwen/Qwen2.5-7B-Instruct"),
  },
  {
    family: "Qwen2 72B",
    pattern: "qwen2-([a-z]+-)*72b",
    license: "tongyi-qianwen",
    official: false,
    source: hf("Qwen/Qwen2-72B-Instruct"),
  },
  { family: "Qwen2", pattern: "qwen2-", license: "apache-2.0", official: false, source: hf("Qwen/Qwen2-7B") },
  { family: "Qwen3", pattern: "qwen3", license: "apache-2.0", official: false, source: hf("Qwen/Qwen3-8B") },
  {
    family: "Qwen (1.0)",
    pattern: "(^|/)qwen-(1_8|7|14|72)b",
    license: "tongyi-qianwen",
    official: false,
    source: hf("Qwen/Qwen-7B-Chat"),
  },
  {
    // Qwen1.5's small sizes (0.5B, 1.8B, 4B) are under the Tongyi Qianwen Research licence, 7B and up under the
    // Tongyi Qianwen licence.
    family: "Qwen1.5 0.5B/1.8B/4B",
    pattern: "qwen1\\.5-(0\\.5|1\\.8|4)b",
    license: "qwen-research",
    official: false,
    source: hf("Qwen/Qwen1.5-0.5B-Chat/blob/main/LICENSE"),
  },
  {
    family: "Qwen1.5",
    pattern: "qwen1\\.5",
    license: "tongyi-qianwen",
    official: false,
    source: hf("Qwen/Qwen1.5-7B"),
  },
];

/** Llama generations: each has its own licence (naming and attribution rules differ from 3 to 3.1). */
const LLAMA: readonly FamilyEntry[] = [
  {
    family: "Code Llama",
    pattern: "codellama",
    license: "llama2",
    official: false,
    source: hf("meta-llama/CodeLlama-7b-hf"),
  },
  {
    family: "Llama 4",
    pattern: "llama[-_ ]?4([^.\\db]|$)",
    license: "llama4",
    official: false,
    source: hf("meta-llama/Llama-4-Scout-17B-16E"),
  },
  {
    family: "Llama 3.3",
    pattern: "llama[-_ ]?3[._]3",
    license: "llama3.3",
    official: false,
    source: hf("meta-llama/Llama-3.3-70B-Instruct"),
  },
  {
    family: "Llama 3.2",
    pattern: "llama[-_ ]?3[._]2",
    license: "llama3.2",
    official: false,
    source: hf("meta-llama/Llama-3.2-1B"),
  },
  {
    family: "Llama 3.1",
    pattern: "llama[-_ ]?3[._]1",
    license: "llama3.1",
    official: false,
    source: hf("meta-llama/Llama-3.1-8B"),
  },
  {
    family: "Llama 3",
    pattern: "llama[-_ ]?3([^.\\d_b]|$)",
    license: "llama3",
    official: false,
    source: hf("meta-llama/Meta-Llama-3-8B"),
  },
  {
    family: "Llama 2",
    pattern: "llama[-_ ]?2([^.\\db]|$)",
    license: "llama2",
    official: false,
    source: hf("meta-llama/Llama-2-7b-hf"),
  },
];

/** Mistral AI: Apache-2.0 releases, and the research (MRL) and non-production (MNPL) exceptions. */
const MISTRAL: readonly FamilyEntry[] = [
  {
    family: "Mistral (research licence)",
    pattern: "(mistral-large-instruct-24|ministral-8b-instruct-2410|mistral-small-instruct-2409)",
    license: "mrl",
    official: false,
    source: hf("mistralai/Mistral-Large-Instruct-2407"),
  },
  {
    family: "Codestral",
    pattern: "codestral-22b",
    license: "mnpl",
    official: false,
    source: hf("mistralai/Codestral-22B-v0.1"),
  },
  {
    family: "Mistral",
    pattern: "(mistral-7b|mixtral-8x(7|22)b|mistral-nemo|mistral-small-24b|mistral-small-3\\.[12])",
    license: "apache-2.0",
    official: false,
    source: hf("mistralai/Mistral-7B-v0.1"),
  },
];

/** DeepSeek: the R1 distills carry their Llama upstream; V3-0324 and R1 are MIT, earlier models DeepSeek's own. */
const DEEPSEEK: readonly FamilyEntry[] = [
  {
    family: "DeepSeek-R1-Distill-Llama 8B",
    pattern: "deepseek-r1-distill-llama-8b",
    license: "mit",
    official: false,
    source: hf("deepseek-ai/DeepSeek-R1-Distill-Llama-8B"),
    upstream: [
      { id: "meta-llama/Llama-3.1-8B", license: "llama3.1", relation: "derived by distillation from" },
    ],
  },
  {
    family: "DeepSeek-R1-Distill-Llama 70B",
    pattern: "deepseek-r1-distill-llama-70b",
    license: "mit",
    official: false,
    source: hf("deepseek-ai/DeepSeek-R1-Distill-Llama-70B"),
    upstream: [
      {
        id: "meta-llama/Llama-3.3-70B-Instruct",
        license: "llama3.3",
        relation: "derived by distillation from",
      },
    ],
  },
  {
    family: "DeepSeek-R1",
    pattern: "deepseek-(r1|v3-0324|v3\\.1)",
    license: "mit",
    official: false,
    source: hf("deepseek-ai/DeepSeek-R1"),
  },
  {
    family: "DeepSeek",
    pattern: "deepseek-(llm|coder|moe|math|v2|v3)",
    license: "deepseek",
    official: false,
    source: hf("deepseek-ai/deepseek-llm-7b-base"),
  },
];

/** Falcon: 7B/40B are Apache-2.0, 180B and Falcon 2/3 have TII's own licences. */
const FALCON: readonly FamilyEntry[] = [
  {
    family: "Falcon 180B",
    pattern: "falcon-180b",
    license: "falcon-180b",
    official: false,
    source: hf("tiiuae/falcon-180B"),
  },
  {
    family: "Falcon 2/3",
    pattern: "(falcon-11b|falcon3|falcon-mamba|falcon-h1)",
    license: "falcon-llm-license",
    official: false,
    source: hf("tiiuae/Falcon3-7B-Base"),
  },
  {
    family: "Falcon",
    pattern: "falcon-(7b|40b)",
    license: "apache-2.0",
    official: false,
    source: hf("tiiuae/falcon-7b"),
  },
];

export const FAMILY_NAMES: readonly FamilyEntry[] = [
  {
    family: "TinyLlama",
    pattern: "tinyllama",
    license: "apache-2.0",
    official: false,
    source: hf("TinyLlama/TinyLlama-1.1B-Chat-v1.0"),
  },
  ...DEEPSEEK,
  {
    // OpenLM Research's permissively licensed reproduction of LLaMA (3B/7B/13B, v1 and v2): not Meta's licence.
    family: "OpenLLaMA",
    pattern: "open[-_ ]?llama",
    license: "apache-2.0",
    official: false,
    source: hf("openlm-research/open_llama_3b"),
  },
  {
    family: "LLaMA (version 1)",
    pattern: "(^|[/_ -])llama[- ]?(7|13|30|33|65)b",
    license: "llama1",
    official: false,
    source: "https://github.com/facebookresearch/llama/blob/llama_v1/MODEL_CARD.md",
  },
  {
    // "LLaMA" with no version, in Meta's spelling of the first release (Llama 2 and later are written "Llama"):
    // a card that says it was built on LLaMA means the original, non-commercial one.
    family: "LLaMA (version 1, by its spelling)",
    pattern: "^(?:the )?(?:original )?LLaM[Aa]$",
    caseSensitive: true,
    license: "llama1",
    official: false,
    source: "https://github.com/facebookresearch/llama/blob/llama_v1/MODEL_CARD.md",
  },
  {
    // QLoRA adapters on the original LLaMA (there is no Llama 2 33B/65B): used merged or on LLaMA weights, they
    // carry LLaMA's non-commercial research terms.
    family: "Guanaco (QLoRA on LLaMA 1)",
    pattern: "guanaco-(7|13|33|65)b",
    license: "llama1",
    official: false,
    source: hf("timdettmers/guanaco-33b"),
  },
  ...LLAMA,
  ...MISTRAL,
  ...QWEN,
  ...FALCON,
  { family: "Gemma", pattern: "gemma", license: "gemma", official: false, source: hf("google/gemma-2-9b") },
  {
    family: "Cohere Command R",
    pattern: "c4ai-command-r",
    license: "cc-by-nc-4.0",
    official: false,
    source: hf("CohereForAI/c4ai-command-r-v01"),
  },
  {
    family: "ChatGLM2-6B",
    pattern: "chatglm2-6b",
    license: "chatglm2-6b",
    official: false,
    source: hf("THUDM/chatglm2-6b/blob/main/MODEL_LICENSE"),
  },
  {
    family: "GLM-4-9B",
    pattern: "glm-4-9b",
    license: "glm-4",
    official: false,
    source: hf("THUDM/glm-4-9b-chat/blob/main/LICENSE"),
  },
  {
    family: "Phi",
    pattern: "(^|/)phi-?[1-4]",
    license: "mit",
    official: false,
    source: hf("microsoft/phi-2"),
  },
  {
    family: "OLMo",
    pattern: "olmo",
    license: "apache-2.0",
    official: false,
    source: hf("allenai/OLMo-2-1124-7B"),
  },
  {
    // The sentence-transformers organisation's own models (all-MiniLM, paraphrase-*, all-mpnet) are Apache-2.0.
    family: "Sentence Transformers",
    pattern: "^sentence-transformers/",
    license: "apache-2.0",
    official: false,
    source: hf("sentence-transformers/paraphrase-MiniLM-L6-v2"),
  },
  {
    family: "Pythia",
    pattern: "(^|/)pythia-",
    license: "apache-2.0",
    official: false,
    source: hf("EleutherAI/pythia-12b"),
  },
  {
    family: "BLOOM / BLOOMZ",
    pattern: "(^|/)bloomz?(-|$)",
    license: "bigscience-bloom-rail-1.0",
    official: false,
    source: hf("bigscience/bloomz-7b1-mt"),
  },
  {
    // StarCoder and StarCoderBase (and StarCoder2) ship under the BigCode OpenRAIL-M licence.
    family: "StarCoder",
    pattern: "(^|/)starcoder",
    license: "bigcode-openrail-m",
    official: false,
    source: hf("bigcode/starcoder"),
  },
  {
    family: "CodeBERT",
    pattern: "(^|/)codebert-base",
    license: "mit",
    official: false,
    source: "https://github.com/microsoft/CodeBERT/blob/master/LICENSE",
  },
  {
    // The alignment handbook's Zephyr SFT checkpoints (the SFT step under zephyr-7b-beta) are Apache-2.0.
    family: "Zephyr 7B SFT (alignment handbook)",
    pattern: "zephyr-7b-sft",
    license: "apache-2.0",
    official: false,
    source: hf("alignment-handbook/zephyr-7b-sft-full"),
  },
  {
    family: "SmolLM",
    pattern: "smollm",
    license: "apache-2.0",
    official: false,
    source: hf("HuggingFaceTB/SmolLM2-1.7B"),
  },
];
