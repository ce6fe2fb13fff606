/**
 * Intermediate checkpoints resolved from data (issue 10): a card that names only an intermediate checkpoint
 * that no table knows gets its root from the registry, once the intermediate's own card is stored. Each card
 * is imported alone, added, and the walk goes through the intermediate to the real base.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ftl } from "../test-io.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-intermediate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CARDS = {
  dpo: [
    "---",
    "base_model: acme-lab/orca-7b-sft-stage1",
    "datasets:",
    "- argilla/distilabel-intel-orca-dpo-pairs",
    "license: apache-2.0",
    "---",
    "# orca-7b-dpo",
    "",
    "This model was trained with DPO on argilla/distilabel-intel-orca-dpo-pairs.",
    "",
  ].join("\n"),
  sft: [
    "---",
    "base_model: mistralai/Mistral-7B-v0.1",
    "datasets:",
    "- Open-Orca/SlimOrca",
    "license: apache-2.0",
    "---",
    "# orca-7b-sft-stage1",
    "",
    "Supervised fine-tuning (SFT) of Mistral-7B-v0.1 on SlimOrca.",
    "",
  ].join("\n"),
};

async function importCard(name: keyof typeof CARDS, subject: string): Promise<string> {
  const card = join(dir, `${name}.md`);
  writeFileSync(card, CARDS[name]);
  const out = join(dir, `${name}.lineage.json`);
  const result = await ftl(["import", card, "--subject", subject, "--out", out]);
  // 3: written, but partial (the cards name no parameterisation).
  expect(result.code, result.stderr).toBe(3);
  return out;
}

describe("an intermediate checkpoint resolved through the registry", () => {
  it("walks from the subject through the intermediate to the original base", async () => {
    const db = join(dir, "registry.db");
    const dpo = await importCard("dpo", "acme-lab/orca-7b-dpo");
    const alone = await ftl(["add", dpo, "--db", db]);
    expect(alone.code, alone.stderr).toBe(0);
    const before = JSON.parse(
      (await ftl(["query", "ancestors", "acme-lab/orca-7b-dpo", "--db", db, "--json"])).stdout,
    );
    expect(before.roots).toEqual(["acme-lab/orca-7b-sft-stage1"]);

    const sft = await importCard("sft", "acme-lab/orca-7b-sft-stage1");
    expect((await ftl(["add", sft, "--db", db])).code).toBe(0);
    const after = JSON.parse(
      (await ftl(["query", "ancestors", "acme-lab/orca-7b-dpo", "--db", db, "--json"])).stdout,
    );
    expect(after.models.map((m: { id: string }) => m.id)).toEqual([
      "acme-lab/orca-7b-sft-stage1",
      "mistralai/Mistral-7B-v0.1",
    ]);
    expect(after.roots).toEqual(["mistralai/Mistral-7B-v0.1"]);
    const objectives = after.steps.map((s: { objective?: string }) => s.objective);
    expect(objectives).toEqual(expect.arrayContaining(["dpo", "sft"]));
  });
});
