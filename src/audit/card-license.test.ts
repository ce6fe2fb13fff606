import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { proseLicense } from "./card-license.js";

describe("a licence a card states only in words", () => {
  it("reads the one general licence of a License section or a 'licensed under' sentence", () => {
    expect(
      proseLicense(["This repository is licensed under the [Apache-2.0 License](LICENSE)."]),
    ).toBeUndefined();
    expect(proseLicense(["[MIT](LICENSE)"])).toEqual({ id: "mit", quote: "[MIT](LICENSE)" });
    expect(
      proseLicense([
        "OpenAlpaca is permissively licensed under the Apache 2.0 license.",
        "Our data is licensed under the CC BY-SA 3.0 license.",
      ])?.id,
    ).toBe("apache-2.0");
  });

  it("takes none when the words are about the base, the data or the code, or name two licences", () => {
    expect(proseLicense(["The base model is licensed under Apache 2.0."])).toBeUndefined();
    expect(proseLicense(["The code is released under MIT."])).toBeUndefined();
    expect(proseLicense(["Released under MIT.", "Released under Apache 2.0."])).toBeUndefined();
    expect(proseLicense(["| model | Apache 2.0 |"])).toBeUndefined();
  });

  it("takes none when the card names a model licence: the weights follow a base's terms", () => {
    const body = "- **Model License**: Subject to original Llama-3 license terms\n\n## License\n\nApache 2.0";
    expect(proseLicense(["Apache 2.0 - See [LICENSE](LICENSE) for details."], body)).toBeUndefined();
    expect(
      proseLicense(["Please review [Llama 3 License](https://llama.meta.com/llama3/license/)."]),
    ).toBeUndefined();
    expect(proseLicense(["[MIT](LICENSE)"], 'alt="unsloth-llama3-lora" License')).toMatchObject({
      id: "mit",
    });
  });

  it("reads a model licence named alone as the model's (cus-u1-lfm25: 'The model weights are under the LFM Open License v1.0')", () => {
    const lines = [
      "The **model weights** are under the **LFM Open License v1.0** (LiquidAI; `lfm1.0`):",
      "Apache-style grants, but **Commercial Use is licensed only below a US$10 M annual-revenue",
    ];
    expect(proseLicense(lines)?.id).toBe("lfm1.0");
    // Beside a general licence, the model licence is a base's terms and the general one the code's: none.
    expect(proseLicense([...lines, "Released under MIT."])).toBeUndefined();
  });

  it("reads a sentence releasing the model under a licence, whatever place it names for the file (sll-u3-spirit-lm)", () => {
    const lines = [
      "We release the model under the FAIR Noncommercial Research License found in the [LICENSE](LICENSE) file in the root directory of this repo.",
    ];
    expect(proseLicense(lines)?.id).toBe("fair-noncommercial-research-license");
    expect(proseLicense(["The code in this repo is released under the MIT License."])).toBeUndefined();
  });

  it("reads the licensor's own non-commercial licence over its own base as its choice, not a conflict (sll-u3-spirit-lm)", async () => {
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "unknown" },
      bases: [{ id: "meta-llama/Llama-2-7b-hf" }],
      steps: [],
    };
    const cardText = [
      "# Spirit LM",
      "",
      "This model is built on Llama 2.",
      "",
      "### License",
      "We release the model under the FAIR Noncommercial Research License found in the [LICENSE](LICENSE) file in the root directory of this repo.",
    ].join("\n");
    const report = await auditLineage(doc, { cardText });
    const codes = report.findings.map((f) => f.code);
    expect(codes).toContain("same-licensor");
    expect(codes).not.toContain("license-conflict");
    expect(report.verdict.level).toBe("not-allowed");
  });

  it("reads a conditional licence's own words about non-commercial use as its terms, not a second licence", async () => {
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "org/lfm2-bundle" },
      bases: [{ id: "LiquidAI/LFM2-1.2B" }],
      steps: [],
    };
    const cardText = [
      "# LFM2 bundle",
      "",
      "## License",
      "",
      "The **model weights** are under the **LFM Open License v1.0**: Commercial Use is licensed only below a US$10 M",
      "annual-revenue threshold (501(c)(3)-class non-profits exempt for non-commercial/research use).",
    ].join("\n");
    const report = await auditLineage(doc, { cardText });
    expect(report.findings.map((f) => f.code)).not.toContain("license-contradiction");
    expect(report.verdict.level).toBe("allowed");
  });

  it("audits a card without licence metadata under the licence its text states, with a note", async () => {
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "org/llama3-adapter" },
      bases: [{ id: "meta-llama/Meta-Llama-3-8B" }],
      steps: [],
    };
    const report = await auditLineage(doc, { cardText: "# Adapter\n\n## License\n\n[MIT](LICENSE)\n" });
    expect(report.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["inferred-license", "license-conflict"]),
    );
  });
});
