/**
 * Words every JavaScript object inherits (`constructor`, `toString`, `__proto__`, …) in every place a file can
 * put a word: front matter, tags, tables, `key: value` lines, prose, recipe keys and values, adapter_config. They
 * once made `ftl import` and `ftl audit` exit 70 (a lookup table answered `constructor` with a function).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "./test-io.js";

const NAMES = Object.getOwnPropertyNames(Object.prototype);

function writeFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), "ftl-proto-names-"));
  const list = (indent: string) => NAMES.map((n) => `${indent}- ${n}`).join("\n");
  const card = [
    "---",
    "base_model: constructor",
    "license: toString",
    `datasets:\n${list("")}`,
    `tags:\n${list("")}`,
    "library_name: __proto__",
    "---",
    "# m",
    "",
    "| Parameter | Value |",
    "|---|---|",
    ...NAMES.map((n) => `| ${n} | ${n} |`),
    "",
    ...NAMES.flatMap((n) => [`- ${n}: ${n}`, `${n} is a fine-tuned version of ${n} on the ${n} dataset.`]),
    "",
    "```sh",
    ...NAMES.map((n) => `${n} --${n} ${n}`),
    "```",
    "",
  ].join("\n");
  writeFileSync(join(dir, "README.md"), card);
  const recipe = [
    ...NAMES.map((n) => `${n}: ${n}`),
    "stage: constructor",
    "finetuning_type: toString",
    "rl: __proto__",
    "loss_type: constructor",
    "adapter: valueOf",
    "model_name_or_path: org/m",
    "",
  ].join("\n");
  writeFileSync(join(dir, "train.yaml"), recipe);
  writeFileSync(
    join(dir, "adapter_config.json"),
    JSON.stringify({
      peft_type: "constructor",
      task_type: "toString",
      base_model_name_or_path: "__proto__",
      r: 8,
    }),
  );
  return dir;
}

describe("words every object inherits", () => {
  const dir = writeFiles();
  const inputs = ["README.md", "train.yaml", "adapter_config.json", "."].map((f) => join(dir, f));
  it.each(inputs)("ftl import and ftl audit read %s without an internal error", async (input) => {
    for (const args of [
      ["import", input, "--split"],
      ["audit", input],
      ["recipe", input],
    ]) {
      const result = await ftl(args);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).not.toBe(70);
      expect(result.stderr).not.toMatch(/internal error/);
    }
  });
});
