import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { datasetsInProse, withProseDatasets } from "./card-datasets.js";

const doc = (datasets: string[] = []): LineageDocument => ({
  format: "ftl/v1",
  subject: { id: "org/tinyllama-json", license: "apache-2.0" },
  bases: [{ id: "TinyLlama/TinyLlama-1.1B-Chat-v1.0" }],
  steps: [
    {
      id: "sft",
      kind: "fine-tune",
      inputs: {
        models: [{ id: "TinyLlama/TinyLlama-1.1B-Chat-v1.0" }],
        datasets: datasets.map((id) => ({ id })),
      },
      output: { id: "org/tinyllama-json" },
    },
  ],
});

describe("datasets a card names only in prose", () => {
  it("recognises well-known datasets by their usual names, as whole words", () => {
    expect(
      datasetsInProse(
        "This project fine-tunes TinyLlama on a transformed version of the Databricks Dolly 15K dataset.",
      ),
    ).toMatchObject([{ id: "databricks/databricks-dolly-15k" }]);
    expect(datasetsInProse("Trained on UltraChat and SlimOrca.").map((d) => d.id)).toEqual([
      "stingning/ultrachat",
      "Open-Orca/SlimOrca",
    ]);
    expect(datasetsInProse("The dolly-like tone and OpenOrcaX are ours.")).toEqual([]);
  });

  it("does not read a dataset named in an evaluation sentence", () => {
    expect(datasetsInProse("We evaluated on MetaMathQA and report accuracy.")).toEqual([]);
  });

  it("adds them to a step that names no data, only once and never over named data", () => {
    const added = withProseDatasets(doc(), "Fine-tuned on Dolly 15K.");
    expect(added.doc.steps[0]?.inputs?.datasets?.map((d) => d.id)).toEqual([
      "databricks/databricks-dolly-15k",
    ]);
    const named = withProseDatasets(doc(["org/own-data"]), "Fine-tuned on Dolly 15K.");
    expect(named.added).toEqual([]);
  });

  it("audits their licences: share-alike Dolly data reaches the model", async () => {
    const report = await auditLineage(doc(), {
      cardText:
        "# TinyLlama JSON\n\nFine-tunes TinyLlama on a transformed version of the Databricks Dolly 15K dataset.\n",
    });
    expect(report.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["share-alike", "data-from-card"]),
    );
    expect(report.verdict.level).toBe("allowed-with-warnings");
  });
});
