import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../test-io.js";

const SAMPLES = join(import.meta.dirname, "../../../test/fixtures/extract/samples");
const BAD = join(import.meta.dirname, "../../../test/fixtures/extract/bad");

describe("ftl import", () => {
  it("prints the chain and exits 0 for a complete lineage", async () => {
    const r = await ftl([
      "import",
      join(SAMPLES, "cfg13_axolotl_llama3-instruct-dpo-lora-8b.yml"),
      "--subject",
      "acme/llama3-dpo",
    ]);
    expect(r.stdout).toMatch(/DPO · QLoRA r32 8-bit/);
    expect(r.stdout).toMatch(/class: lineage/);
    expect(r.code).toBe(0);
  });

  it("--json prints the document and warnings; --out writes the document", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "ftl-import-")), "lineage.json");
    const r = await ftl(["import", join(SAMPLES, "mc01_zephyr-7b-beta_README.md"), "--json", "--out", out]);
    const printed = JSON.parse(r.stdout);
    expect(printed.document.format).toBe("ftl/v1");
    expect(Array.isArray(printed.warnings)).toBe(true);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(printed.document);
    expect(r.code).toBe(3);
  });

  it("--sources shows where facts were read", async () => {
    const r = await ftl(["import", join(SAMPLES, "cfg14_llamafactory_qwen3_lora_sft.yaml"), "--sources"]);
    expect(r.stdout).toMatch(
      /hyperparameters\.learningRate: extracted from .*cfg14_llamafactory_qwen3_lora_sft\.yaml:\d+ \(learning_rate\)/,
    );
  });

  it("exit 4 for a base model's card, 5 when an input could not be read, 2 when nothing could", async () => {
    expect((await ftl(["import", join(SAMPLES, "mc17_Mistral-7B-v0.1_README.md")])).code).toBe(4);
    const partial = await ftl([
      "import",
      join(SAMPLES, "cfg01_alignment-handbook_zephyr-7b-beta_sft_config_full.yaml"),
      join(BAD, "binary.md"),
    ]);
    expect(partial.code).toBe(5);
    expect(partial.stderr).toMatch(/binary\.md: binary data/);
    const none = await ftl(["import", "/nonexistent/README.md"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/\/nonexistent\/README\.md: no such file/);
  });

  it("hf: references go to the Hub importer", async () => {
    const r = await ftl(["import", "hf:org/name", join(SAMPLES, "mc17_Mistral-7B-v0.1_README.md")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/either hf:ORG\/NAME references or local paths/);
  });
});
