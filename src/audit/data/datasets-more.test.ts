import { describe, expect, it } from "vitest";
import { datasetsInProse } from "../card-datasets.js";
import { datasetEntry, licenseEntry } from "../knowledge.js";

describe("licences of more well-known training sets", () => {
  it("keeps a card's stated research-only restriction over a permissive front-matter tag", () => {
    for (const id of ["BelleGroup/train_0.5M_CN", "hfl/alpaca_zh_51k"]) {
      const entry = datasetEntry(id);
      expect(entry?.license).toBe("research-use-only");
      expect(licenseEntry(entry?.license ?? "")?.commercial).toBe("not-allowed");
    }
    expect(datasetEntry("shibing624/alpaca-zh")?.license).toBe("cc-by-nc-4.0");
  });

  it("every entry carries a source", () => {
    for (const id of ["Intel/orca_dpo_pairs", "GAIR/lima", "nvidia/HelpSteer", "allenai/tulu-3-sft-mixture"])
      expect(datasetEntry(id)?.source).toMatch(/^https:\/\//);
  });

  it("reads the 51k Chinese Alpaca set by its file and Hub names", () => {
    expect(datasetsInProse("* **Dataset**: alpaca_data_zh_51k.json").map((d) => d.id)).toEqual([
      "hfl/alpaca_zh_51k",
    ]);
  });
});
