/**
 * Canonical Hub ids of widely used training datasets, so that a dataset named only in words ("the Databricks
 * Dolly 15k dataset", "UltraChat 200k", "OpenOrca") can be resolved. Each id's source is its own Hub page,
 * https://huggingface.co/datasets/<id>. A resolution is always recorded as `inferred`, with the confidence below;
 * a name that matches no entry stays unresolved, and no id outside this table is ever produced.
 *
 * Names are compared lower case with `-` and `_` read as spaces (`UltraChat-200k` → `ultrachat 200k`), against
 * the id's own name and the aliases listed.
 */

interface KnownDataset {
  id: string;
  /** Other names people write for it (as written; compared as described above). */
  aliases?: string[];
}

const KNOWN: readonly KnownDataset[] = [
  {
    id: "databricks/databricks-dolly-15k",
    aliases: ["Databricks Dolly 15k", "Databricks Dolly", "Dolly 15k", "Dolly-15k", "dolly15k"],
  },
  { id: "tatsu-lab/alpaca", aliases: ["Stanford Alpaca", "Alpaca"] },
  { id: "yahma/alpaca-cleaned", aliases: ["Alpaca Cleaned", "cleaned Alpaca"] },
  { id: "sahil2801/CodeAlpaca-20k", aliases: ["Code Alpaca", "CodeAlpaca"] },
  { id: "HuggingFaceH4/ultrachat_200k", aliases: ["UltraChat 200k", "UltraChat200k"] },
  { id: "stingning/ultrachat", aliases: ["UltraChat"] },
  { id: "openbmb/UltraFeedback", aliases: ["UltraFeedback"] },
  { id: "HuggingFaceH4/ultrafeedback_binarized", aliases: ["UltraFeedback binarized"] },
  { id: "Open-Orca/OpenOrca", aliases: ["OpenOrca", "Open Orca"] },
  { id: "Open-Orca/SlimOrca", aliases: ["SlimOrca"] },
  { id: "Intel/orca_dpo_pairs", aliases: ["Orca DPO pairs"] },
  {
    id: "Anthropic/hh-rlhf",
    aliases: ["HH-RLHF", "Anthropic HH-RLHF", "Anthropic HH", "Anthropic Helpful and Harmless"],
  },
  {
    id: "anon8231489123/ShareGPT_Vicuna_unfiltered",
    aliases: ["ShareGPT", "ShareGPT Vicuna unfiltered"],
  },
  { id: "OpenAssistant/oasst1", aliases: ["OASST1", "OpenAssistant Conversations", "OpenAssistant oasst1"] },
  { id: "OpenAssistant/oasst2", aliases: ["OASST2"] },
  { id: "timdettmers/openassistant-guanaco", aliases: ["OpenAssistant Guanaco"] },
  { id: "garage-bAInd/Open-Platypus", aliases: ["Open-Platypus", "OpenPlatypus"] },
  { id: "teknium/OpenHermes-2.5", aliases: ["OpenHermes 2.5", "OpenHermes-2.5"] },
  { id: "LDJnr/Capybara", aliases: ["Capybara"] },
  { id: "meta-math/MetaMathQA", aliases: ["MetaMathQA"] },
  { id: "HuggingFaceH4/no_robots", aliases: ["No Robots"] },
  { id: "HuggingFaceTB/smoltalk", aliases: ["SmolTalk"] },
  { id: "lmsys/lmsys-chat-1m", aliases: ["LMSYS-Chat-1M"] },
  { id: "nvidia/HelpSteer2", aliases: ["HelpSteer2", "HelpSteer 2"] },
  { id: "mlabonne/orpo-dpo-mix-40k", aliases: ["orpo-dpo-mix-40k"] },
  { id: "glaiveai/glaive-function-calling-v2", aliases: ["Glaive function calling v2"] },
  { id: "b-mc2/sql-create-context", aliases: ["sql-create-context"] },
  { id: "openai/gsm8k", aliases: ["GSM8K"] },
  { id: "rajpurkar/squad", aliases: ["SQuAD", "SQuAD v1.1"] },
  { id: "rajpurkar/squad_v2", aliases: ["SQuAD v2", "SQuAD 2.0", "SQuAD2.0"] },
  { id: "nyu-mll/multi_nli", aliases: ["MultiNLI"] },
  { id: "stanfordnlp/imdb", aliases: ["IMDb reviews", "IMDB dataset"] },
  { id: "abisee/cnn_dailymail", aliases: ["CNN/DailyMail", "CNN DailyMail", "CNN Daily Mail"] },
  { id: "Helsinki-NLP/opus-100", aliases: ["OPUS-100", "OPUS 100"] },
  { id: "e9t/nsmc", aliases: ["NSMC"] },
];

/** The confidence of a resolution through this table. */
export const KNOWN_DATASET_CONFIDENCE = 0.7;

/** A written name as compared: lower case, `-` and `_` read as spaces, one character for one. */
export function datasetNameForm(text: string): string {
  return text.toLowerCase().replace(/[-_]/g, " ");
}

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const d of KNOWN) {
    const own = d.id.split("/")[1] ?? d.id;
    for (const name of [own, ...(d.aliases ?? [])]) {
      const key = datasetNameForm(name);
      // Two entries claiming one spelling would make it ambiguous: the first, more specific, keeps it.
      if (!index.has(key)) index.set(key, d.id);
    }
  }
  return index;
}

const INDEX = buildIndex();

/** Every spelling the table knows, in the form `datasetNameForm` gives. */
export function knownDatasetNames(): string[] {
  return [...INDEX.keys()];
}

/** The canonical Hub id of a dataset written by name, when the table knows the name. */
export function resolveKnownDataset(name: string): string | undefined {
  return INDEX.get(datasetNameForm(name.trim()));
}

/** The source to cite for a resolution. */
export function knownDatasetSource(id: string): string {
  return `https://huggingface.co/datasets/${id}`;
}
