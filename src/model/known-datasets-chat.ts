/**
 * Well-known instruction, chat, preference, reasoning and code datasets (English and multilingual), for
 * `known-datasets.ts`. Each id is the dataset's own Hub page, https://huggingface.co/datasets/<id>, its source;
 * aliases are the spellings cards write (seen in the public index: e.g. `[KULLM v2](…/datasets/nlpai-lab/kullm-v2)`,
 * `[ruozhiba](…/datasets/LooksJuicy/ruozhiba)`, `[Alpaca-GPT-4_zh-cn](…/datasets/shibing624/alpaca-zh)`).
 */

export interface KnownDataset {
  id: string;
  /** Other names people write for it (as written; compared lower case, `-` and `_` read as spaces). */
  aliases?: string[];
  /** The id's own name is a common word ("emotion", "medical"): only the aliases name it. */
  noOwn?: true;
}

export const CHAT_DATASETS: readonly KnownDataset[] = [
  // Instruction sets.
  {
    id: "databricks/databricks-dolly-15k",
    aliases: ["Databricks Dolly 15k", "Databricks Dolly", "Dolly 15k", "Dolly-15k", "dolly15k"],
  },
  { id: "tatsu-lab/alpaca", aliases: ["Stanford Alpaca", "Alpaca", "Alpaca 52k", "Stanford Alpaca 52k"] },
  { id: "yahma/alpaca-cleaned", aliases: ["Alpaca Cleaned", "cleaned Alpaca"] },
  { id: "vicgalle/alpaca-gpt4", aliases: ["Alpaca-GPT4", "Alpaca GPT-4", "GPT-4-LLM"] },
  { id: "teknium/GPT4-LLM-Cleaned", aliases: ["GPT4-LLM Cleaned"] },
  { id: "sahil2801/CodeAlpaca-20k", aliases: ["Code Alpaca", "CodeAlpaca", "Code Alpaca 20k"] },
  { id: "iamtarun/python_code_instructions_18k_alpaca", aliases: ["python code instructions 18k alpaca"] },
  { id: "mhenrichsen/alpaca_2k_test" },
  { id: "Yukang/LongAlpaca-12k", aliases: ["LongAlpaca-12k", "LongAlpaca"] },
  { id: "HuggingFaceH4/ultrachat_200k", aliases: ["UltraChat 200k", "UltraChat200k"] },
  { id: "stingning/ultrachat", aliases: ["UltraChat"] },
  { id: "Open-Orca/OpenOrca", aliases: ["OpenOrca", "Open Orca"] },
  { id: "Open-Orca/SlimOrca", aliases: ["SlimOrca"] },
  { id: "Open-Orca/SlimOrca-Dedup", aliases: ["SlimOrca Dedup", "SlimOrca-Dedup"] },
  { id: "microsoft/orca-agentinstruct-1M-v1", aliases: ["orca-agentinstruct-1M", "AgentInstruct"] },
  { id: "microsoft/orca-math-word-problems-200k", aliases: ["Orca-Math", "Orca Math 200k"] },
  {
    id: "anon8231489123/ShareGPT_Vicuna_unfiltered",
    aliases: ["ShareGPT", "ShareGPT Vicuna unfiltered", "ShareGPT_V3_unfiltered"],
  },
  { id: "RyokoAI/ShareGPT52K", aliases: ["ShareGPT52K", "ShareGPT 52K"] },
  { id: "OpenAssistant/oasst1", aliases: ["OASST1", "OpenAssistant Conversations", "OpenAssistant oasst1"] },
  { id: "OpenAssistant/oasst2", aliases: ["OASST2", "OpenAssistant oasst2"] },
  { id: "timdettmers/openassistant-guanaco", aliases: ["OpenAssistant Guanaco", "openassistant guanaco"] },
  { id: "mlabonne/guanaco-llama2-1k", aliases: ["guanaco-llama2-1k", "guanaco llama2 1k"] },
  { id: "mlabonne/FineTome-100k", aliases: ["FineTome-100k", "FineTome 100k", "FineTome"] },
  {
    id: "WizardLMTeam/WizardLM_evol_instruct_70k",
    aliases: ["WizardLM evol instruct 70k", "Evol-Instruct 70k"],
  },
  {
    id: "WizardLMTeam/WizardLM_evol_instruct_V2_196k",
    aliases: ["WizardLM evol instruct V2 196k", "Evol-Instruct V2 196k", "Evol-Instruct V2"],
  },
  { id: "garage-bAInd/Open-Platypus", aliases: ["Open-Platypus", "OpenPlatypus", "Open Platypus"] },
  { id: "LDJnr/Capybara", aliases: ["Capybara"] },
  { id: "teknium/OpenHermes-2.5", aliases: ["OpenHermes 2.5", "OpenHermes-2.5", "OpenHermes 2.5 dataset"] },
  { id: "teknium/openhermes", aliases: ["OpenHermes dataset"] },
  { id: "NousResearch/Hermes-3-Dataset", aliases: ["Hermes 3 dataset", "Hermes-3 dataset"] },
  { id: "teknium/GPTeacher-General-Instruct", aliases: ["GPTeacher", "GPTeacher General Instruct"] },
  { id: "HuggingFaceH4/no_robots", aliases: ["No Robots", "NoRobots"] },
  { id: "GAIR/lima", aliases: ["LIMA"] },
  { id: "HuggingFaceTB/smoltalk", aliases: ["SmolTalk"] },
  { id: "lmsys/lmsys-chat-1m", aliases: ["LMSYS-Chat-1M", "LMSYS Chat 1M"] },
  { id: "lmsys/chatbot_arena_conversations", aliases: ["Chatbot Arena Conversations"] },
  { id: "allenai/WildChat-1M", aliases: ["WildChat-1M", "WildChat"] },
  {
    id: "allenai/tulu-v2-sft-mixture",
    aliases: ["Tulu V2 SFT mixture", "Tulu 2 SFT mixture", "Tulu v2 mix"],
  },
  {
    id: "allenai/tulu-3-sft-mixture",
    aliases: ["Tulu 3 SFT mixture", "Tulu-3 SFT mixture", "Tulu 3 SFT mix"],
  },
  { id: "BAAI/Infinity-Instruct", aliases: ["Infinity-Instruct", "Infinity Instruct"] },
  { id: "argilla/magpie-ultra-v0.1", aliases: ["magpie-ultra", "Magpie Ultra"] },
  { id: "Magpie-Align/Magpie-Pro-300K-Filtered", aliases: ["Magpie-Pro-300K-Filtered", "Magpie Pro 300K"] },
  { id: "hkust-nlp/deita-10k-v0", aliases: ["Deita 10k", "deita-10k"] },
  { id: "laion/OIG", aliases: ["OIG", "Open Instruction Generalist"] },
  { id: "bigscience/P3", aliases: ["Public Pool of Prompts", "BigScience P3"], noOwn: true },
  { id: "bigscience/xP3", aliases: ["xP3"] },
  { id: "QingyiSi/Alpaca-CoT", aliases: ["Alpaca-CoT"] },
  { id: "CohereForAI/aya_dataset", aliases: ["Aya Dataset", "aya dataset"] },
  { id: "nvidia/HelpSteer", aliases: ["HelpSteer", "HelpSteer 1"] },
  { id: "nvidia/HelpSteer2", aliases: ["HelpSteer2", "HelpSteer 2"] },
  { id: "nvidia/HelpSteer3", aliases: ["HelpSteer3", "HelpSteer 3"] },
  { id: "nvidia/Llama-Nemotron-Post-Training-Dataset", aliases: ["Llama-Nemotron Post-Training Dataset"] },
  { id: "cognitivecomputations/dolphin-r1", aliases: ["Dolphin-R1 dataset", "Dolphin R1 dataset"] },
  { id: "Amod/mental_health_counseling_conversations", aliases: ["mental health counseling conversations"] },
  // Math and reasoning.
  { id: "meta-math/MetaMathQA", aliases: ["MetaMathQA", "MetaMath QA"] },
  { id: "TIGER-Lab/MathInstruct", aliases: ["MathInstruct"] },
  { id: "openai/gsm8k", aliases: ["GSM8K", "GSM-8K"] },
  { id: "AI-MO/NuminaMath-CoT", aliases: ["NuminaMath-CoT", "NuminaMath CoT"] },
  { id: "AI-MO/NuminaMath-TIR", aliases: ["NuminaMath-TIR", "NuminaMath TIR"] },
  { id: "AI-MO/NuminaMath-1.5", aliases: ["NuminaMath-1.5", "NuminaMath 1.5"] },
  { id: "nvidia/OpenMathInstruct-1", aliases: ["OpenMathInstruct-1", "OpenMathInstruct 1"] },
  { id: "nvidia/OpenMathInstruct-2", aliases: ["OpenMathInstruct-2", "OpenMathInstruct 2"] },
  { id: "nvidia/OpenMathReasoning", aliases: ["OpenMathReasoning"] },
  { id: "nvidia/OpenCodeReasoning", aliases: ["OpenCodeReasoning"] },
  { id: "open-r1/OpenR1-Math-220k", aliases: ["OpenR1-Math-220k", "OpenR1 Math 220k", "OpenR1-Math"] },
  { id: "simplescaling/s1K", aliases: ["s1K"] },
  { id: "simplescaling/s1K-1.1", aliases: ["s1K-1.1", "s1K 1.1"] },
  {
    id: "bespokelabs/Bespoke-Stratos-17k",
    aliases: ["Bespoke-Stratos-17k", "Bespoke Stratos 17k", "Bespoke-Stratos"],
  },
  {
    id: "open-thoughts/OpenThoughts-114k",
    aliases: ["OpenThoughts-114k", "OpenThoughts 114k", "Open Thoughts 114k"],
  },
  { id: "open-thoughts/OpenThoughts2-1M", aliases: ["OpenThoughts2-1M", "OpenThoughts2"] },
  { id: "open-thoughts/OpenThoughts3-1.2M", aliases: ["OpenThoughts3-1.2M", "OpenThoughts3"] },
  {
    id: "agentica-org/DeepScaleR-Preview-Dataset",
    aliases: ["DeepScaleR-Preview-Dataset", "DeepScaleR dataset"],
  },
  { id: "BytedTsinghua-SIA/DAPO-Math-17k", aliases: ["DAPO-Math-17k", "DAPO Math 17k"] },
  {
    id: "FreedomIntelligence/medical-o1-reasoning-SFT",
    aliases: ["medical-o1-reasoning-SFT", "medical o1 reasoning SFT"],
  },
  // Code, tools and SQL.
  {
    id: "m-a-p/CodeFeedback-Filtered-Instruction",
    aliases: ["CodeFeedback-Filtered-Instruction", "CodeFeedback"],
  },
  { id: "m-a-p/Code-Feedback", aliases: ["Code-Feedback"] },
  { id: "ise-uiuc/Magicoder-OSS-Instruct-75K", aliases: ["Magicoder-OSS-Instruct-75K", "OSS-Instruct 75K"] },
  {
    id: "ise-uiuc/Magicoder-Evol-Instruct-110K",
    aliases: ["Magicoder-Evol-Instruct-110K", "Evol-Instruct 110K"],
  },
  { id: "nickrosh/Evol-Instruct-Code-80k-v1", aliases: ["Evol-Instruct-Code-80k", "Evol Instruct Code 80k"] },
  { id: "theblackcat102/evol-codealpaca-v1", aliases: ["evol-codealpaca-v1", "Evol-CodeAlpaca"] },
  { id: "bigcode/self-oss-instruct-sc2-exec-filter-50k", aliases: ["self-oss-instruct-sc2-exec-filter-50k"] },
  { id: "OpenCoder-LLM/opc-sft-stage1", aliases: ["opc-sft-stage1"] },
  { id: "OpenCoder-LLM/opc-sft-stage2", aliases: ["opc-sft-stage2"] },
  {
    id: "glaiveai/glaive-function-calling-v2",
    aliases: ["Glaive function calling v2", "glaive-function-calling"],
  },
  { id: "glaiveai/glaive-code-assistant", aliases: ["Glaive code assistant"] },
  {
    id: "NousResearch/hermes-function-calling-v1",
    aliases: ["hermes-function-calling-v1", "Hermes function calling v1"],
  },
  {
    id: "Salesforce/xlam-function-calling-60k",
    aliases: ["xlam-function-calling-60k", "xLAM function calling 60k"],
  },
  { id: "b-mc2/sql-create-context", aliases: ["sql-create-context"] },
  {
    id: "gretelai/synthetic_text_to_sql",
    aliases: ["synthetic text to sql", "Gretel synthetic text-to-SQL"],
  },
  // Preference and reward data.
  { id: "openbmb/UltraFeedback", aliases: ["UltraFeedback"] },
  {
    id: "HuggingFaceH4/ultrafeedback_binarized",
    aliases: ["UltraFeedback binarized", "UltraFeedback-binarized"],
  },
  {
    id: "argilla/ultrafeedback-binarized-preferences-cleaned",
    aliases: ["ultrafeedback-binarized-preferences-cleaned", "UltraFeedback cleaned"],
  },
  { id: "argilla/ultrafeedback-binarized-preferences", aliases: ["ultrafeedback-binarized-preferences"] },
  { id: "allenai/ultrafeedback_binarized_cleaned" },
  { id: "princeton-nlp/llama3-ultrafeedback-armorm", aliases: ["llama3-ultrafeedback-armorm"] },
  { id: "openbmb/UltraInteract_sft", aliases: ["UltraInteract SFT"] },
  { id: "openbmb/UltraInteract_pair", aliases: ["UltraInteract pair"] },
  { id: "coseal/CodeUltraFeedback", aliases: ["CodeUltraFeedback"] },
  {
    id: "Anthropic/hh-rlhf",
    aliases: [
      "HH-RLHF",
      "Anthropic HH-RLHF",
      "Anthropic HH",
      "Anthropic Helpful and Harmless",
      "Anthropic RLHF",
    ],
  },
  { id: "Dahoas/full-hh-rlhf", aliases: ["full-hh-rlhf"] },
  { id: "Dahoas/rm-static", aliases: ["rm-static"] },
  { id: "Dahoas/synthetic-instruct-gptj-pairwise", aliases: ["synthetic-instruct-gptj-pairwise"] },
  { id: "stanfordnlp/SHP", aliases: ["SHP", "Stanford Human Preferences"] },
  { id: "stanfordnlp/SHP-2", aliases: ["SHP-2", "SHP 2"] },
  { id: "Intel/orca_dpo_pairs", aliases: ["Orca DPO pairs", "orca-dpo-pairs"] },
  {
    id: "argilla/distilabel-intel-orca-dpo-pairs",
    aliases: ["distilabel-intel-orca-dpo-pairs", "distilabel Orca pairs"],
  },
  {
    id: "argilla/distilabel-capybara-dpo-7k-binarized",
    aliases: ["distilabel-capybara-dpo-7k-binarized", "Capybara DPO 7k", "Capybara DPO"],
  },
  { id: "argilla/dpo-mix-7k", aliases: ["dpo-mix-7k"] },
  { id: "argilla/OpenHermesPreferences", aliases: ["OpenHermesPreferences", "OpenHermes Preferences"] },
  { id: "mlabonne/orpo-dpo-mix-40k", aliases: ["orpo-dpo-mix-40k"] },
  { id: "berkeley-nest/Nectar", aliases: ["Nectar"] },
  { id: "PKU-Alignment/PKU-SafeRLHF", aliases: ["PKU-SafeRLHF", "PKU SafeRLHF"] },
  { id: "PKU-Alignment/BeaverTails", aliases: ["BeaverTails"] },
  { id: "jondurbin/truthy-dpo-v0.1", aliases: ["truthy-dpo", "Truthy DPO"] },
  { id: "jondurbin/gutenberg-dpo-v0.1", aliases: ["gutenberg-dpo", "Gutenberg DPO"] },
  { id: "unalignment/toxic-dpo-v0.2", aliases: ["toxic-dpo"] },
  { id: "HuggingFaceH4/stack-exchange-preferences", aliases: ["stack-exchange-preferences"] },
  { id: "lvwerra/stack-exchange-paired", aliases: ["stack-exchange-paired", "StackExchange paired"] },
  { id: "openai/summarize_from_feedback", aliases: ["summarize from feedback"] },
  { id: "openai/webgpt_comparisons", aliases: ["WebGPT comparisons"] },
  { id: "CarperAI/openai_summarize_tldr", aliases: ["openai summarize tldr"] },
  { id: "trl-lib/tldr" },
  {
    id: "Skywork/Skywork-Reward-Preference-80K-v0.2",
    aliases: ["Skywork-Reward-Preference-80K", "Skywork Reward Preference 80K"],
  },
  {
    id: "allenai/llama-3.1-tulu-3-8b-preference-mixture",
    aliases: ["Tulu 3 preference mixture", "Tulu-3 preference mixture"],
  },
];
