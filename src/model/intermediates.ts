/**
 * Well-known intermediate checkpoints: published models that are themselves one step from another, so that a
 * card naming only the intermediate can be traced to the real root. Each entry says what its own card states
 * (parent, objective, datasets) and cites that card. A resolution by this table is recorded as `inferred`.
 */
import { cutInLastLine } from "./trim.js";
import type { Objective } from "./vocabulary.js";

export interface Intermediate {
  id: string;
  parent: string;
  objective?: Objective;
  datasets?: string[];
  source: string;
}

const hf = (id: string) => `https://huggingface.co/${id}`;

export const INTERMEDIATES: readonly Intermediate[] = [
  {
    id: "HuggingFaceH4/mistral-7b-sft-beta",
    parent: "mistralai/Mistral-7B-v0.1",
    objective: "sft",
    datasets: ["HuggingFaceH4/ultrachat_200k"],
    source: hf("HuggingFaceH4/mistral-7b-sft-beta"),
  },
  {
    id: "HuggingFaceH4/mistral-7b-sft-alpha",
    parent: "mistralai/Mistral-7B-v0.1",
    objective: "sft",
    datasets: ["stingning/ultrachat"],
    source: hf("HuggingFaceH4/mistral-7b-sft-alpha"),
  },
  {
    id: "alignment-handbook/zephyr-7b-sft-full",
    parent: "mistralai/Mistral-7B-v0.1",
    objective: "sft",
    datasets: ["HuggingFaceH4/ultrachat_200k"],
    source: hf("alignment-handbook/zephyr-7b-sft-full"),
  },
  {
    id: "alignment-handbook/zephyr-7b-sft-qlora",
    parent: "mistralai/Mistral-7B-v0.1",
    objective: "sft",
    datasets: ["HuggingFaceH4/ultrachat_200k"],
    source: hf("alignment-handbook/zephyr-7b-sft-qlora"),
  },
  {
    id: "HuggingFaceH4/zephyr-7b-beta",
    parent: "HuggingFaceH4/mistral-7b-sft-beta",
    objective: "dpo",
    datasets: ["HuggingFaceH4/ultrafeedback_binarized"],
    source: hf("HuggingFaceH4/zephyr-7b-beta"),
  },
  {
    id: "teknium/OpenHermes-2.5-Mistral-7B",
    parent: "mistralai/Mistral-7B-v0.1",
    objective: "sft",
    source: hf("teknium/OpenHermes-2.5-Mistral-7B"),
  },
  {
    id: "teknium/OpenHermes-2-Mistral-7B",
    parent: "mistralai/Mistral-7B-v0.1",
    objective: "sft",
    source: hf("teknium/OpenHermes-2-Mistral-7B"),
  },
  {
    id: "Intel/neural-chat-7b-v3-1",
    parent: "mistralai/Mistral-7B-v0.1",
    source: hf("Intel/neural-chat-7b-v3-1"),
  },
  {
    id: "allenai/tulu-2-7b",
    parent: "meta-llama/Llama-2-7b-hf",
    objective: "sft",
    datasets: ["allenai/tulu-v2-sft-mixture"],
    source: hf("allenai/tulu-2-7b"),
  },
  {
    id: "allenai/tulu-2-13b",
    parent: "meta-llama/Llama-2-13b-hf",
    objective: "sft",
    datasets: ["allenai/tulu-v2-sft-mixture"],
    source: hf("allenai/tulu-2-13b"),
  },
  {
    id: "allenai/tulu-2-70b",
    parent: "meta-llama/Llama-2-70b-hf",
    objective: "sft",
    datasets: ["allenai/tulu-v2-sft-mixture"],
    source: hf("allenai/tulu-2-70b"),
  },
  {
    id: "allenai/Llama-3.1-Tulu-3-8B-SFT",
    parent: "meta-llama/Llama-3.1-8B",
    objective: "sft",
    datasets: ["allenai/tulu-3-sft-mixture"],
    source: hf("allenai/Llama-3.1-Tulu-3-8B-SFT"),
  },
  {
    id: "allenai/Llama-3.1-Tulu-3-8B-DPO",
    parent: "allenai/Llama-3.1-Tulu-3-8B-SFT",
    objective: "dpo",
    source: hf("allenai/Llama-3.1-Tulu-3-8B-DPO"),
  },
  {
    id: "allenai/OLMo-2-1124-7B-SFT",
    parent: "allenai/OLMo-2-1124-7B",
    objective: "sft",
    source: hf("allenai/OLMo-2-1124-7B-SFT"),
  },
  {
    id: "allenai/OLMo-2-1124-7B-DPO",
    parent: "allenai/OLMo-2-1124-7B-SFT",
    objective: "dpo",
    source: hf("allenai/OLMo-2-1124-7B-DPO"),
  },
  {
    id: "openchat/openchat_3.5",
    parent: "mistralai/Mistral-7B-v0.1",
    source: hf("openchat/openchat_3.5"),
  },
  {
    id: "HuggingFaceTB/SmolLM2-1.7B-Instruct",
    parent: "HuggingFaceTB/SmolLM2-1.7B",
    source: hf("HuggingFaceTB/SmolLM2-1.7B-Instruct"),
  },
];

const BY_ID = new Map(INTERMEDIATES.map((e) => [e.id.toLowerCase(), e]));

/** The table's entry for a model id (revision ignored), if it is a well-known intermediate. */
export function intermediateOf(id: string): Intermediate | undefined {
  return BY_ID.get(cutInLastLine(id, /@/).toLowerCase());
}

/** Confidence of a step added from this table. */
export const INTERMEDIATE_CONFIDENCE = 0.8;
