import { describe, expect, it } from "vitest";
import { auditLineage } from "./audit-lineage.js";
import { ownHubName } from "./card-signals.js";
import type { Reach } from "./collect-ancestors.js";
import { impliedBase } from "./implied.js";

describe("a family the subject's name embeds stands in for its base", () => {
  it("reads the name the card gives an unnamed subject", () => {
    const r = impliedBase({ id: "unknown", name: "Llama-2-7b-QLoRA-Alteoncmds" }, undefined, []);
    expect(r?.license).toBe("llama2");
    expect(r?.via).toMatch(/the card's name 'Llama-2-7b-QLoRA-Alteoncmds'/);
  });

  it("not for a named subject, a name with no family, or when a model ancestor was read", () => {
    expect(impliedBase({ id: "org/support-bot", name: "Llama-2 bot" }, undefined, [])).toBeUndefined();
    expect(impliedBase({ id: "unknown", name: "My Chatbot" }, undefined, [])).toBeUndefined();
    const read: Reach[] = [
      { kind: "model", id: "meta-llama/Llama-2-7b-hf", role: "base", path: [], licenseFrom: "document" },
    ];
    expect(impliedBase({ id: "unknown", name: "Llama-2-7b-x" }, undefined, read)).toBeUndefined();
  });

  it("takes a project README's 'Finetuned model available here' link as the card's own Hub page", () => {
    expect(ownHubName("Finetuned model available here : https://huggingface.co/org/Llama-2-7b-x")).toBe(
      "Llama-2-7b-x",
    );
    expect(
      ownHubName("The fine-tuned model of https://huggingface.co/org/base was the start"),
    ).toBeUndefined();
  });

  it("data from the organisation of the card's own Hub page is the publisher's own when the subject has no id", async () => {
    const report = await auditLineage(
      {
        format: "ftl/v1",
        subject: { id: "unknown" },
        bases: [],
        steps: [
          { id: "sft", kind: "fine-tune", inputs: { models: [], datasets: [{ id: "acme/cli-commands" }] } },
        ],
      },
      {
        cardText:
          "# Project\n\nFinetuned model available here : https://huggingface.co/acme/Llama-2-7b-cli\n",
      },
    );
    const codes = report.findings.filter((f) => f.ancestor?.id === "acme/cli-commands").map((f) => f.code);
    expect(codes).toEqual(["inferred-license"]);
  });
});
