/**
 * The publishers' licences added at stop 28 (families-sourced*.ts): each entry recognises the model whose page it was
 * read from, and generations or sizes under other terms are not given its licence.
 */
import { describe, expect, it } from "vitest";
import { familyFor, licenseEntry } from "../knowledge.js";
import { SOURCED_FAMILIES } from "./families-sourced.js";
import { SOURCED_RESTRICTED } from "./families-sourced-restricted.js";

/** The model a source page belongs to: `https://huggingface.co/org/name/…` → `org/name` (not Spaces or mirrors). */
function sourceModel(source: string): string | undefined {
  const m = /^https:\/\/huggingface\.co\/(?!spaces\/|datasets\/)([\w.-]+\/[\w.-]+)/.exec(source);
  return m?.[1];
}

describe("licences read from publishers' pages (stop 28)", () => {
  const entries = [...SOURCED_FAMILIES, ...SOURCED_RESTRICTED];

  it("every entry is matched by the model whose page it was read from", () => {
    const checked = entries.flatMap((e) => {
      const id = sourceModel(e.source);
      return id && new RegExp(e.pattern, "i").test(id) ? [[id, e] as const] : [];
    });
    expect(checked.length).toBeGreaterThan(80);
    // An earlier entry may already know the id (WizardLMTeam/WizardLM-13B-V1.2): then it must agree on the licence.
    for (const [id, e] of checked) expect(familyFor(id)?.entry.license, id).toBe(e.license);
  });

  it("every entry's licence is in the knowledge base and each entry quotes its source", () => {
    for (const e of entries) {
      expect(licenseEntry(e.license), e.family).toBeDefined();
      expect(e.note?.length ?? 0, e.family).toBeGreaterThan(5);
    }
  });

  it.each([
    ["black-forest-labs/FLUX.1-dev", "flux-1-dev-non-commercial-license", "not-allowed"],
    ["black-forest-labs/FLUX.1-Fill-dev", "flux-1-dev-non-commercial-license", "not-allowed"],
    ["black-forest-labs/FLUX.1-schnell", "apache-2.0", "allowed"],
    ["stabilityai/sdxl-turbo", "sai-nc-community", "not-allowed"],
    ["stabilityai/StableBeluga2", "stable-beluga-non-commercial", "not-allowed"],
    ["stabilityai/stable-diffusion-2-1-base", "openrail++", "allowed"],
    ["nvidia/canary-1b", "cc-by-nc-4.0", "not-allowed"],
    ["facebook/seamless-m4t-v2-large", "cc-by-nc-4.0", "not-allowed"],
    ["facebook/w2v-bert-2.0", "mit", "allowed"],
    ["WizardLMTeam/WizardLM-13B-V1.2", "llama2", "conditional"],
    ["WizardLM/WizardMath-70B-V1.0", "llama2", "conditional"],
    ["tatsu-lab/alpaca-7b-wdiff", "cc-by-nc-4.0", "not-allowed"],
    ["HuggingFaceH4/zephyr-7b-alpha", "mit", "allowed"],
  ])("%s: %s (%s)", (id, license, commercial) => {
    const match = familyFor(id);
    expect(match?.license.id).toBe(license);
    expect(match?.license.commercial).toBe(commercial);
  });

  it("does not give a release's licence to a generation or size under other terms", () => {
    // canary-1b-v2 is CC-BY-4.0 ("ready for commercial use"), unlike the first canary-1b.
    expect(familyFor("nvidia/canary-1b-v2")?.license.id).not.toBe("cc-by-nc-4.0");
    // WizardLM 13B V1.0 and V1.1 were non-commercial (the V1.2 card's table); only V1.2 sits on Llama 2.
    expect(familyFor("WizardLMTeam/WizardLM-13B-V1.0")?.license.id).not.toBe("llama2");
    // WizardMath 7B V1.1 is Mistral-based (Apache-2.0), not the V1.0 Llama 2 release.
    expect(familyFor("WizardLMTeam/WizardMath-7B-V1.1")?.license.id).not.toBe("llama2");
    // Of FLUX.1, only [schnell] is Apache-2.0.
    expect(familyFor("black-forest-labs/FLUX.1-dev")?.license.id).not.toBe("apache-2.0");
  });
});
