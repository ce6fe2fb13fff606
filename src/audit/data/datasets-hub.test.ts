import { describe, expect, it } from "vitest";
import { datasetEntry, licenseEntry } from "../knowledge.js";
import { DATASETS } from "./datasets.js";
import { HUB_DATASETS } from "./datasets-hub.js";

describe("licences of widely used Hub training sets", () => {
  it("resolves ids, including bare repository names, to the licence their card states", () => {
    const expected: Record<string, string> = {
      "e9t/nsmc": "cc-by-2.0",
      nsmc: "cc-by-2.0",
      "nyu-mll/multi_nli": "cc-by-sa-3.0",
      "openlifescienceai/medmcqa": "apache-2.0",
      "argilla/dpo-mix-7k": "mit",
      "open-r1/OpenR1-Math-220k": "apache-2.0",
      "OpenCoder-LLM/opc-sft-stage2": "mit",
      "microsoft/orca-agentinstruct-1M-v1": "cdla-permissive-2.0",
      "allenai/olmo-2-1124-7b-preference-mix": "odc-by",
      "bigbio/ncbi_disease": "cc0-1.0",
    };
    for (const [id, license] of Object.entries(expected)) expect(datasetEntry(id)?.license, id).toBe(license);
  });

  it("keeps a publisher's non-commercial terms over a permissive front-matter tag", () => {
    const cot = datasetEntry("kaist-ai/CoT-Collection");
    expect(cot?.license).toBe("research-use-only");
    expect(licenseEntry(cot?.license ?? "")?.commercial).toBe("not-allowed");
    expect(licenseEntry(datasetEntry("teknium/GPT4-LLM-Cleaned")?.license ?? "")?.commercial).toBe(
      "not-allowed",
    );
  });

  it("records whose model outputs synthetic sets hold", () => {
    expect(datasetEntry("teknium/GPT4-LLM-Cleaned")?.outputsOf).toBe("openai-outputs");
    expect(datasetEntry("kaist-ai/CoT-Collection")?.outputsOf).toBe("openai-outputs");
    for (const d of HUB_DATASETS)
      if (d.outputsOf) expect(licenseEntry(d.outputsOf)?.kind, d.id).toBe("terms-of-use");
  });

  it("every entry has an https source and a licence the knowledge base knows", () => {
    for (const d of HUB_DATASETS) {
      expect(d.source, d.id).toMatch(/^https:\/\//);
      expect(licenseEntry(d.license), `${d.id}: ${d.license}`).toBeDefined();
    }
  });

  it("lists no id twice across all dataset tables", () => {
    const ids = DATASETS.map((d) => d.id.toLowerCase());
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const d of HUB_DATASETS) expect(datasetEntry(d.id), d.id).toBe(d);
  });
});
