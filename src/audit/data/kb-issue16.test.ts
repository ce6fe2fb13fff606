import { describe, expect, it } from "vitest";
import { datasetEntry, familyFor, licenseEntry } from "../knowledge.js";

describe("knowledge-base entries from the blind-labelled audit situations (issue 16)", () => {
  it("knows share-alike and GPT-4o-generated training sets by their Hub ids", () => {
    expect(datasetEntry("mosaicml/dolly_hhrlhf")?.license).toBe("cc-by-sa-3.0");
    expect(licenseEntry("cc-by-sa-3.0")?.derivatives).toBe("same");
    for (const id of [
      "FreedomIntelligence/medical-o1-reasoning-SFT",
      "FreedomIntelligence/medical-o1-verifiable-problem",
      "teknium/OpenHermes-2.5",
      "microsoft/orca-math-word-problems-200k",
    ]) {
      expect(datasetEntry(id)).toMatchObject({ license: expect.any(String), outputsOf: "openai-outputs" });
    }
    expect(datasetEntry("CohereForAI/aya_dataset")?.outputsOf).toBeUndefined();
    expect(datasetEntry("cognitivecomputations/dolphin-r1")?.outputsOf).toBe("gemini-outputs");
  });

  it("keeps Open-Platypus's non-commercial sources over its missing licence", () => {
    const entry = datasetEntry("garage-bAInd/Open-Platypus");
    expect(licenseEntry(entry?.license ?? "")?.commercial).toBe("not-allowed");
  });

  it("reads WizardMath-7B-V1.1 and Sakana's EvoLLM-JP v1 as Microsoft Research License, EvoLLM-JP-A as Apache", () => {
    for (const id of [
      "WizardLMTeam/WizardMath-7B-V1.1",
      "WizardLM/WizardMath-7B-V1.1",
      "SakanaAI/EvoLLM-JP-v1-7B",
    ]) {
      expect(familyFor(id)?.entry.license, id).toBe("microsoft-research-license");
    }
    expect(licenseEntry("microsoft-research-license")?.commercial).toBe("not-allowed");
    expect(familyFor("SakanaAI/EvoLLM-JP-A-v1-7B")?.entry.license).toBe("apache-2.0");
  });

  it("every new entry carries an https source", () => {
    for (const id of [
      "mosaicml/dolly_hhrlhf",
      "garage-bAInd/Open-Platypus",
      "argilla/distilabel-intel-orca-dpo-pairs",
    ])
      expect(datasetEntry(id)?.source).toMatch(/^https:\/\//);
    expect(licenseEntry("microsoft-research-license")?.source).toMatch(/^https:\/\//);
  });
});
