import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";
import { cardDataLicenseFindings, dataLicenseInCard } from "./card-data-license.js";

const NOTICE =
  "**Usage and License Notices**: Bactrian-X is intended and licensed for research use only. The dataset is CC BY NC 4.0 (allowing only non-commercial use) and models trained using the dataset should not be used outside of research purposes.";
const BADGE =
  "[![Data License](https://img.shields.io/badge/Data%20License-CC%20By%20NC%204.0-red.svg)](https://github.com/tatsu-lab/stanford_alpaca/blob/main/DATA_LICENSE)";

describe("a training-data licence the card states in words", () => {
  it("reads Alpaca's notice, a Data License badge and 'the datasets are under' (audit dev Bactrian-X, PandaGPT, xLAM)", () => {
    expect(dataLicenseInCard(NOTICE)?.entry.id).toBe("cc-by-nc-4.0");
    expect(dataLicenseInCard(BADGE)?.entry.id).toBe("cc-by-nc-4.0");
    expect(
      dataLicenseInCard(
        "The code is licensed under Apache 2.0, and the datasets are under the CC-BY-NC-4.0 License.",
      )?.entry.id,
    ).toBe("cc-by-nc-4.0");
    expect(dataLicenseInCard("The data provided are intended for research purposes only.")?.entry.id).toBe(
      "research-use-only",
    );
  });

  it("does not read the model's or the code's licence, a permissive data licence, or a disclaimer", () => {
    expect(dataLicenseInCard("The model is CC BY NC 4.0.")).toBeUndefined();
    expect(dataLicenseInCard("The dataset is used to train a model under CC BY-NC 4.0.")).toBeUndefined();
    expect(dataLicenseInCard("The dataset is CC BY 4.0.")).toBeUndefined();
    expect(dataLicenseInCard("This dataset is for educational and research purposes only.")).toBeUndefined();
  });

  it("binds the data whose licence is unknown, never data whose licence is already known", () => {
    const unknown = cardDataLicenseFindings(NOTICE, [{ id: "MBZUAI/Bactrian-X", known: false }]);
    expect(unknown.findings[0]).toMatchObject({
      code: "non-commercial",
      ancestor: { kind: "dataset", id: "MBZUAI/Bactrian-X" },
      license: "cc-by-nc-4.0",
    });
    expect(cardDataLicenseFindings(NOTICE, [{ id: "tatsu-lab/alpaca", known: true }]).findings).toEqual([]);
  });

  it("makes the verdict not-allowed for a model whose own licence permits commercial use", async () => {
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "org/bloom-7b1-lora", license: "apache-2.0" },
      bases: [{ id: "bigscience/bloom-7b1" }],
      steps: [
        {
          id: "sft",
          kind: "fine-tune",
          inputs: { models: [{ id: "bigscience/bloom-7b1" }], datasets: [{ id: "org/own-instructions" }] },
          output: { id: "org/bloom-7b1-lora" },
        },
      ],
    };
    const report = await auditLineage(doc, { cardText: `# Bloom LoRA\n\n${BADGE}\n` });
    expect(report.verdict.level).toBe("not-allowed");
    expect(
      report.findings.find((f) => f.message.includes("the card licenses its training data")),
    ).toBeDefined();
  });
});
