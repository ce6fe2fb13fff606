/** The knowledge-base entries added at stop 32, each with its source, recognised as their publishers write them. */
import { describe, expect, it } from "vitest";
import { licenseEntry } from "../knowledge.js";
import { licenseOfFile } from "../license-text.js";

describe("The CogVLM License", () => {
  it("is recognised from the first line of a MODEL_LICENSE file, and allows commercial use after registering", () => {
    const found = licenseOfFile(
      "The CogVLM License\n\n1. Definitions\n\n“Licensor” means the CogVLM Model Team",
    );
    expect(found?.entry.id).toBe("cogvlm");
    expect(found?.entry.commercial).toBe("conditional");
    expect(found?.entry.source).toMatch(
      /^https:\/\/github\.com\/THUDM\/CogVLM\/blob\/[0-9a-f]{40}\/MODEL_LICENSE$/,
    );
  });

  it("is found by its name as a card writes it", () => {
    expect(licenseEntry("cogvlm license")?.id).toBe("cogvlm");
  });
});
