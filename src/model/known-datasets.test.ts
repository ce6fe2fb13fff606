/** The table of well-known training datasets: Hub ids, unambiguous spellings, common words left out. */
import { describe, expect, it } from "vitest";
import {
  datasetNameForm,
  isOwnDatasetName,
  knownDatasetCount,
  knownDatasetSource,
  resolveKnownDataset,
} from "./known-datasets.js";
import { CHAT_DATASETS } from "./known-datasets-chat.js";
import { TASK_DATASETS } from "./known-datasets-tasks.js";

const ALL = [...CHAT_DATASETS, ...TASK_DATASETS];

describe("known datasets", () => {
  it("holds Hub ids (org/name), each once, each with its Hub page as source", () => {
    expect(knownDatasetCount()).toBeGreaterThan(150);
    for (const d of ALL) expect(d.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(new Set(ALL.map((d) => d.id.toLowerCase())).size).toBe(ALL.length);
    expect(knownDatasetSource("nlpai-lab/kullm-v2")).toBe(
      "https://huggingface.co/datasets/nlpai-lab/kullm-v2",
    );
  });

  it("gives no spelling to two datasets", () => {
    const owner = new Map<string, string>();
    for (const d of ALL)
      for (const name of [...(d.noOwn ? [] : [d.id.split("/")[1] ?? ""]), ...(d.aliases ?? [])]) {
        const key = datasetNameForm(name);
        const before = owner.get(key);
        if (before !== undefined && before !== d.id) throw new Error(`${name}: ${before} and ${d.id}`);
        owner.set(key, d.id);
      }
  });

  it("resolves own names and aliases, not common words", () => {
    expect(resolveKnownDataset("UltraFeedback binarized")).toBe("HuggingFaceH4/ultrafeedback_binarized");
    expect(resolveKnownDataset("KULLM v2")).toBe("nlpai-lab/kullm-v2");
    expect(resolveKnownDataset("dolly-15k-ja")).toBe("kunishou/databricks-dolly-15k-ja");
    expect(resolveKnownDataset("emotion")).toBeUndefined();
    expect(resolveKnownDataset("P3")).toBeUndefined();
    expect(isOwnDatasetName("ultrachat_200k", "HuggingFaceH4/ultrachat_200k")).toBe(true);
    expect(isOwnDatasetName("UltraChat 200k", "HuggingFaceH4/ultrachat_200k")).toBe(true);
    expect(isOwnDatasetName("UltraChat", "HuggingFaceH4/ultrachat_200k")).toBe(false);
  });
});
