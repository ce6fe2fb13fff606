/**
 * Licences of well-known fine-tuning datasets, as their Hub dataset cards state them at review time, with
 * whose model outputs synthetic sets hold. Dataset cards are often wrong (studies of the Hub found dataset
 * licences omitted or mislabelled in most cases): a document's own `license` or `--dataset-licenses` wins.
 */
import type { DatasetEntry } from "../terms.js";

const hf = (id: string): string => `https://huggingface.co/datasets/${id}`;

export const DATASETS: readonly DatasetEntry[] = [
  {
    id: "HuggingFaceH4/ultrachat_200k",
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("HuggingFaceH4/ultrachat_200k"),
    note: "dialogues generated with ChatGPT (UltraChat)",
  },
  {
    id: "stingning/ultrachat",
    names: ["UltraChat"],
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("stingning/ultrachat"),
    note: "the original UltraChat: dialogues between two ChatGPT (gpt-3.5-turbo) instances",
  },
  {
    id: "HuggingFaceH4/ultrafeedback_binarized",
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("HuggingFaceH4/ultrafeedback_binarized"),
    note: "completions of several models, rated by GPT-4",
  },
  {
    id: "openbmb/UltraFeedback",
    names: ["UltraFeedback"],
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("openbmb/UltraFeedback"),
  },
  {
    id: "HuggingFaceH4/no_robots",
    names: ["No Robots dataset"],
    license: "cc-by-nc-4.0",
    source: hf("HuggingFaceH4/no_robots"),
  },
  {
    id: "tatsu-lab/alpaca",
    names: ["Stanford Alpaca dataset", "Alpaca 52K", "alpaca_data.json"],
    license: "cc-by-nc-4.0",
    outputsOf: "openai-outputs",
    source: hf("tatsu-lab/alpaca"),
    note: "generated with text-davinci-003",
  },
  {
    id: "yahma/alpaca-cleaned",
    license: "cc-by-4.0",
    outputsOf: "openai-outputs",
    source: hf("yahma/alpaca-cleaned"),
    note: "a cleaned copy of tatsu-lab/alpaca, whose card says cc-by-nc-4.0; this entry was not re-checked against the live card in this review",
  },
  {
    id: "databricks/databricks-dolly-15k",
    names: ["databricks-dolly-15k", "Dolly 15K", "Dolly-15k", "Databricks Dolly"],
    license: "cc-by-sa-3.0",
    source: hf("databricks/databricks-dolly-15k"),
  },
  { id: "OpenAssistant/oasst1", license: "apache-2.0", source: hf("OpenAssistant/oasst1") },
  { id: "OpenAssistant/oasst2", license: "apache-2.0", source: hf("OpenAssistant/oasst2") },
  {
    id: "Anthropic/hh-rlhf",
    names: ["hh-rlhf", "Anthropic HH"],
    license: "mit",
    source: hf("Anthropic/hh-rlhf"),
  },
  {
    id: "allenai/tulu-v2-sft-mixture",
    license: "odc-by",
    source: hf("allenai/tulu-v2-sft-mixture"),
    note: "a mixture: the licences of its sources apply too",
  },
  {
    id: "Open-Orca/OpenOrca",
    names: ["OpenOrca"],
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("Open-Orca/OpenOrca"),
  },
  {
    id: "Open-Orca/SlimOrca",
    names: ["SlimOrca"],
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("Open-Orca/SlimOrca"),
  },
  {
    id: "HuggingFaceTB/smoltalk",
    names: ["SmolTalk"],
    license: "apache-2.0",
    source: hf("HuggingFaceTB/smoltalk"),
  },
  { id: "HuggingFaceFW/fineweb", license: "odc-by", source: hf("HuggingFaceFW/fineweb") },
  { id: "HuggingFaceFW/fineweb-edu", license: "odc-by", source: hf("HuggingFaceFW/fineweb-edu") },
  { id: "allenai/c4", license: "odc-by", source: hf("allenai/c4") },
  { id: "nvidia/HelpSteer2", license: "cc-by-4.0", source: hf("nvidia/HelpSteer2") },
  { id: "openai/gsm8k", license: "mit", source: hf("openai/gsm8k") },
  {
    id: "meta-math/MetaMathQA",
    names: ["MetaMathQA"],
    license: "mit",
    outputsOf: "openai-outputs",
    source: hf("meta-math/MetaMathQA"),
  },
  {
    id: "allenai/sciq",
    names: ["SciQ"],
    license: "cc-by-nc-3.0",
    source: hf("allenai/sciq"),
    note: "crowdsourced science exam questions; the card's licence is CC BY-NC 3.0",
  },
  { id: "Salesforce/wikitext", license: "cc-by-sa-3.0", source: hf("Salesforce/wikitext") },
];
