import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { validateLineage } from "../validate/validate.js";
import { fillDatasetLicenses } from "./dataset-licenses.js";
import { hubClient, importFromHub } from "./import-from-hub.js";
import { type ReplayServer, startReplayServer } from "./replay-server.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/hub", import.meta.url));

let hub: ReplayServer;
beforeAll(async () => {
  hub = await startReplayServer(FIXTURES);
});
afterAll(async () => {
  await hub.close();
});

const doc: LineageDocument = {
  format: "ftl/v1",
  subject: { id: "me/model" },
  bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
  steps: [
    {
      id: "dpo",
      kind: "fine-tune",
      objective: "dpo",
      inputs: {
        models: [{ id: "mistralai/Mistral-7B-v0.1" }],
        datasets: [
          { id: "HuggingFaceH4/ultrafeedback_binarized" },
          { id: "example-org/undocumented-prefs" },
          { id: "nobody/missing-dataset" },
          { id: "me/declared", license: "cc-by-4.0" },
          { description: "our own pairs" },
        ],
      },
      output: { id: "me/model" },
    },
  ],
};

describe("dataset licences from the Hub", () => {
  it("fills what dataset cards declare, with provenance, and says why the others stay unknown", async () => {
    const { document, warnings } = await fillDatasetLicenses(hubClient({ endpoint: hub.url }), doc);
    const datasets = document.steps[0]?.inputs?.datasets ?? [];
    expect(datasets.map((d) => d.license)).toEqual(["mit", undefined, undefined, "cc-by-4.0", undefined]);
    expect(datasets[0]?.sources?.license).toMatchObject({
      source: "extracted",
      field: "cardData.license",
      url: `${hub.url}/datasets/HuggingFaceH4/ultrafeedback_binarized`,
    });
    expect(warnings.map((w) => w.code).sort()).toEqual(["hub.dataset-no-license", "hub.dataset-not-found"]);
    expect(warnings.find((w) => w.code === "hub.dataset-not-found")?.message).toMatch(
      /nobody\/missing-dataset/,
    );
    // a licence the document already has is never asked for, and nothing is asked twice
    const asked = hub.requests
      .filter((r) => r.url.startsWith("/api/datasets/"))
      .map((r) => r.url.split("?")[0]);
    expect(asked).not.toContain("/api/datasets/me/declared/revision/HEAD");
    expect(new Set(asked).size).toBe(asked.length);
    expect(validateLineage(document).valid).toBe(true);
  });

  it("importFromHub fills dataset licences unless asked not to", async () => {
    const withLicenses = await importFromHub("hf:HuggingFaceH4/zephyr-7b-beta", {
      endpoint: hub.url,
      depth: 0,
    });
    const named = withLicenses.document.steps.flatMap((s) => s.inputs?.datasets ?? []);
    const feedback = named.find((d) => d.id === "HuggingFaceH4/ultrafeedback_binarized");
    expect(feedback?.license).toBe("mit");
    const without = await importFromHub("hf:HuggingFaceH4/zephyr-7b-beta", {
      endpoint: hub.url,
      depth: 0,
      datasetLicenses: false,
    });
    const plain = without.document.steps.flatMap((s) => s.inputs?.datasets ?? []);
    expect(plain.find((d) => d.id === "HuggingFaceH4/ultrafeedback_binarized")?.license).toBeUndefined();
  });
});
