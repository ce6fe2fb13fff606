/** The model card: the section's table, and updating an existing card in place. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { EXAMPLES } from "../../test/fixtures/export/checks.js";
import { ftl } from "../cli/test-io.js";
import type { LineageDocument } from "../schema/lineage.js";
import { updateHfCard } from "./card-into.js";
import { exactNumber, exportHfCard, SECTION_END, SECTION_START } from "./hf-card.js";

const zephyr = EXAMPLES.find(([name]) => name === "zephyr-7b-beta.lineage.json")?.[1] as LineageDocument;
const slerp = EXAMPLES.find(([name]) => name.startsWith("openhermes"))?.[1] as LineageDocument;

const EXISTING = `---
# card metadata
language:
  - en
license: apache-2.0
tags:
  - chat
datasets: HuggingFaceH4/ultrachat_200k
pipeline_tag: text-generation
---

# Zephyr 7B β

Zephyr is a series of language models. | A pipe stays.

## Intended uses

Chat.
`;

function front(card: string): Record<string, unknown> {
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(card)?.[1] ?? "") as Record<string, unknown>;
}

describe("the lineage section", () => {
  it("has one row per step with method, parameterisation, datasets with sizes, key hyperparameters, checkpoint", () => {
    const card = exportHfCard(zephyr);
    expect(card).toContain(
      "| `sft` | fine-tune | SFT | full | `mistralai/Mistral-7B-v0.1` | `HuggingFaceH4/ultrachat_200k` (split `train_sft`, 207,865 conversations) | lr 2e-5, 1 epoch, batch 16/device, seq 2048 | `HuggingFaceH4/mistral-7b-sft-beta` |",
    );
    expect(card).toContain("```mermaid\nflowchart LR");
    expect(card).toContain("### Provenance");
    expect(card).toContain("- step `dpo`, `hyperparameters.beta`: declared");
  });

  it("draws merges with their base model and weights", () => {
    const card = exportHfCard(slerp);
    expect(card).toContain(
      "`teknium/OpenHermes-2.5-Mistral-7B`<br>`Intel/neural-chat-7b-v3-3`<br>base: `mistralai/Mistral-7B-v0.1`",
    );
    // the merged models; the merge's reference base model is in the table, not in base_model
    expect(front(card).base_model).toEqual([
      "teknium/OpenHermes-2.5-Mistral-7B",
      "Intel/neural-chat-7b-v3-3",
    ]);
    expect(card).toContain(
      "Bases (where the chain starts): `teknium/OpenHermes-2.5-Mistral-7B`, `Intel/neural-chat-7b-v3-3`, `mistralai/Mistral-7B-v0.1`.",
    );
    expect(front(card).base_model_relation).toBe("merge");
  });

  it("writes numbers exactly when the short form would round", () => {
    expect(exactNumber(2e-5)).toBe("2e-5");
    expect(exactNumber(207865)).toBe("207,865");
    expect(Number(exactNumber(1.23456789e-7))).toBe(1.23456789e-7);
    expect(Number(exactNumber(0.123456789))).toBe(0.123456789);
  });
});

describe("updating a card in place", () => {
  it("merges ftl's front matter keys, keeps the others and their comments, appends the section", () => {
    const updated = updateHfCard(EXISTING, zephyr);
    const meta = front(updated);
    expect(meta.language).toEqual(["en"]);
    expect(meta.pipeline_tag).toBe("text-generation");
    expect(meta.license).toBe("mit");
    // the direct parent, so that the Hub's model tree links Zephyr to its SFT checkpoint
    expect(meta.base_model).toBe("HuggingFaceH4/mistral-7b-sft-beta");
    expect(meta.base_model_relation).toBe("finetune");
    expect(meta.tags).toEqual(["chat", "fine-tune-lineage"]);
    expect(meta.datasets).toEqual(["HuggingFaceH4/ultrachat_200k", "HuggingFaceH4/ultrafeedback_binarized"]);
    expect(updated).toContain("# card metadata");
    const body = EXISTING.slice(EXISTING.indexOf("\n---\n") + 5);
    expect(updated).toContain(body.trimEnd());
    expect(updated.trimEnd().endsWith(SECTION_END)).toBe(true);
  });

  it("replaces the section between the markers and leaves the text around it as it was", () => {
    const withOld = `${EXISTING}\n${SECTION_START}\nold lineage\n${SECTION_END}\n\n## Citation\n\nPlease cite.\n`;
    const updated = updateHfCard(withOld, zephyr);
    expect(updated).not.toContain("old lineage");
    expect(updated.split(SECTION_START)).toHaveLength(2);
    expect(updated.endsWith(`${SECTION_END}\n\n## Citation\n\nPlease cite.\n`)).toBe(true);
    expect(updated).toContain("Zephyr is a series of language models. | A pipe stays.");
  });

  it("is idempotent", () => {
    const once = updateHfCard(EXISTING, zephyr);
    expect(updateHfCard(once, zephyr)).toBe(once);
  });

  it("creates front matter for a card that has none", () => {
    const updated = updateHfCard("# My model\n\nText.\n", zephyr);
    expect(front(updated).base_model).toBe("HuggingFaceH4/mistral-7b-sft-beta");
    expect(updated).toContain("# My model\n\nText.\n\n<!-- ftl:lineage:start -->");
  });

  it("refuses front matter that is not YAML", () => {
    expect(() => updateHfCard("---\nkey: [unclosed\n---\n", zephyr)).toThrow(
      /front matter is not valid YAML/,
    );
  });

  it("ftl export --into README.md writes the card atomically, and again gives the same file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-card-"));
    const readme = join(dir, "README.md");
    writeFileSync(readme, EXISTING);
    const example = new URL("../../examples/zephyr-7b-beta.lineage.json", import.meta.url).pathname;
    const first = await ftl(["export", example, "--format", "hf-card", "--into", "README.md"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/wrote hf-card/);
    const once = readFileSync(readme, "utf8");
    expect(once).toContain(SECTION_START);
    expect(front(once).pipeline_tag).toBe("text-generation");
    expect((await ftl(["export", example, "-f", "hf-card", "--into", "README.md"], { cwd: dir })).code).toBe(
      0,
    );
    expect(readFileSync(readme, "utf8")).toBe(once);
  });
});

describe("base_model", () => {
  it("holds Hub ids only: a local path or a model named without an id links to nothing on the Hub", () => {
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "org/merged" },
      bases: [],
      steps: [
        {
          id: "m",
          kind: "merge",
          method: "linear",
          inputs: { models: [{ id: "org/a" }, { id: "local:./models/b" }, { id: "name:Some Model 7B" }] },
        },
      ],
    };
    expect(front(exportHfCard(doc)).base_model).toBe("org/a");
  });
});
