import { describe, expect, it } from "vitest";
import { datasetEntry, licenseEntry } from "../knowledge.js";
import { DATASETS } from "./datasets.js";
import { HUB_DATASETS } from "./datasets-hub.js";
import { MORE_DATASETS } from "./datasets-more.js";
import { POPULAR_DATASETS } from "./datasets-popular.js";

const byId = new Map(POPULAR_DATASETS.map((d) => [d.id, d]));

describe("licences of popular public training sets", () => {
  it("gives every entry a licence the knowledge base knows and an https source", () => {
    for (const d of POPULAR_DATASETS) {
      expect(licenseEntry(d.license), `${d.id}: ${d.license}`).toBeDefined();
      expect(d.source, d.id).toMatch(/^https:\/\//);
      expect(d.note, d.id).toBeTruthy();
    }
  });

  it("lists each id once, and none the other tables already know", () => {
    const ids = POPULAR_DATASETS.map((d) => d.id.toLowerCase());
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const others = [...DATASETS, ...HUB_DATASETS, ...MORE_DATASETS].filter(
      (d) => !POPULAR_DATASETS.includes(d),
    );
    const known = new Set(others.map((d) => d.id.toLowerCase()));
    expect(ids.filter((id) => known.has(id))).toEqual([]);
  });

  it("resolves ids to the licence their publisher states", () => {
    const expected: Record<string, string> = {
      "jondurbin/truthy-dpo-v0.1": "cc-by-4.0",
      "gretelai/synthetic_text_to_sql": "apache-2.0",
      "BAAI/Infinity-Instruct": "cc-by-sa-4.0",
      "Magpie-Align/Magpie-Pro-300K-Filtered": "llama3",
      "PKU-Alignment/PKU-SafeRLHF": "cc-by-nc-4.0",
      "bigcode/self-oss-instruct-sc2-exec-filter-50k": "odc-by",
      "mozilla-foundation/common_voice_11_0": "cc0-1.0",
      "cais/mmlu": "mit",
      "wikimedia/wikipedia": "cc-by-sa-3.0",
    };
    for (const [id, license] of Object.entries(expected)) expect(byId.get(id)?.license, id).toBe(license);
  });

  it("keeps a publisher's research-only terms over a permissive front-matter tag", () => {
    const belle = byId.get("BelleGroup/train_2M_CN");
    expect(belle?.license).toBe("research-use-only");
    expect(licenseEntry(belle?.license ?? "")?.commercial).toBe("not-allowed");
    expect(belle?.note).toContain("gpl-3.0");
  });

  it("records whose model outputs synthetic sets hold", () => {
    for (const id of [
      "BelleGroup/train_2M_CN",
      "berkeley-nest/Nectar",
      "liuhaotian/LLaVA-Instruct-150K",
      "HuggingFaceH4/orca_dpo_pairs",
    ])
      expect(byId.get(id)?.outputsOf, id).toBe("openai-outputs");
    for (const d of POPULAR_DATASETS)
      if (d.outputsOf) expect(licenseEntry(d.outputsOf)?.kind, d.id).toBe("terms-of-use");
  });

  it("reads Financial PhraseBank as non-commercial share-alike, a licence added for it", () => {
    expect(datasetEntry("takala/financial_phrasebank")?.license).toBe("cc-by-nc-sa-3.0");
    expect(licenseEntry("cc-by-nc-sa-3.0")?.commercial).toBe("not-allowed");
    expect(licenseEntry("CC-BY-NC-ND-3.0")?.derivatives).toBe("none");
  });

  it("reads MS MARCO's non-commercial terms from its publisher's site, by id and by name", () => {
    expect(datasetEntry("microsoft/ms_marco")?.license).toBe("research-use-only");
    expect(datasetEntry("ms_marco")?.license).toBe("research-use-only");
    expect(licenseEntry("research-use-only")?.commercial).toBe("not-allowed");
  });

  it("leaves out sets whose card states no licence or one the knowledge base lacks", () => {
    for (const id of [
      "openai/summarize_from_feedback",
      "stanfordnlp/SHP",
      "teknium/openhermes",
      "roneneldan/TinyStories",
      "nvidia/OpenMathInstruct-1",
    ])
      expect(byId.has(id), id).toBe(false);
  });
});
