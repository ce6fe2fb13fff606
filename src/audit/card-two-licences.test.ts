import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { auditLineage } from "./audit-lineage.js";

const doc = (license: string): LineageDocument => ({
  format: "ftl/v1",
  subject: { id: "org/mistral-ft", license },
  bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
  steps: [
    {
      id: "sft",
      kind: "fine-tune",
      inputs: { models: [{ id: "mistralai/Mistral-7B-v0.1" }], datasets: [{ id: "tatsu-lab/alpaca" }] },
      output: { id: "org/mistral-ft" },
    },
  ],
});
const contradiction = async (license: string, text: string) =>
  (await auditLineage(doc(license), { cardText: `# M\n\n## License\n\n${text}\n` })).findings.find(
    (f) => f.code === "license-contradiction",
  );

describe("two commercial licences for one model", () => {
  it("warns when the text releases the weights under another licence than the metadata", async () => {
    const f = await contradiction("apache-2.0", "The model weights are licensed under the MIT License.");
    expect(f).toMatchObject({ severity: "warning", license: "mit" });
    expect(f?.message).toContain("its metadata says apache-2.0");
  });

  it("is silent on the same licence, the code's or the data's licence, and a base's model licence", async () => {
    expect(
      await contradiction("mit", "The model weights are licensed under the MIT License."),
    ).toBeUndefined();
    expect(
      await contradiction("apache-2.0", "The code in this repository is released under the MIT License."),
    ).toBeUndefined();
    expect(
      await contradiction(
        "apache-2.0",
        "The weights are released under the same licence as the base, MIT License.",
      ),
    ).toBeUndefined();
    expect(
      await contradiction(
        "apache-2.0",
        "The model weights are licensed under the Llama 2 Community License.",
      ),
    ).toBeUndefined();
  });

  it("keeps the non-commercial case an error that decides the verdict", async () => {
    const f = await contradiction("apache-2.0", "This model is released under CC BY-NC 4.0.");
    expect(f?.severity).toBe("error");
  });
});
