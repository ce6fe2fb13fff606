/** The knowledge-base entry added at stop 33, with its source, recognised as its publisher writes it. */
import { describe, expect, it } from "vitest";
import { familyFor, licenseEntry } from "../knowledge.js";
import { licenseOfFile } from "../license-text.js";

const SOURCE = /^https:\/\/github\.com\/THUDM\/CodeGeeX2\/blob\/[0-9a-f]{40}\/MODEL_LICENSE$/;

describe("The CodeGeeX License", () => {
  it("is recognised from the first line of CodeGeeX2's MODEL_LICENSE, and forbids commercial use in its text", () => {
    const found = licenseOfFile(
      "The CodeGeeX License\n\n1. Definitions\n\n“Licensor” means the CodeGeeX Model Team that distributes its Software.",
    );
    expect(found?.entry.id).toBe("codegeex");
    expect(found?.entry.commercial).toBe("not-allowed");
    expect(found?.entry.source).toMatch(SOURCE);
  });

  it("is found by its name as a card writes it", () => {
    expect(licenseEntry("CodeGeeX License")?.id).toBe("codegeex");
  });

  it("is CodeGeeX2-6B's family licence, and not ChatGLM2-6B's, whose own licence differs", () => {
    expect(familyFor("THUDM/codegeex2-6b")?.entry.license).toBe("codegeex");
    expect(familyFor("THUDM/chatglm2-6b")?.entry.license).toBe("chatglm2-6b");
  });
});
