/**
 * Hostile input to `ftl import` (issue 15): reads are bounded and regular files only, a folder import reads only
 * inside the folder, YAML aliases in a card's front matter are reported, never a crash.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import { importGroups } from "./import-files.js";

describe("import reads only what it should", () => {
  it("refuses /dev/zero by name, without reading it", async () => {
    const r = await ftl(["import", "/dev/zero"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/dev/zero: is a character device");
  });

  it("does not follow a symbolic link out of the folder (a README linked to /etc/passwd)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-leak-"));
    const run = join(dir, "run");
    mkdirSync(run);
    symlinkSync("/etc/passwd", join(run, "README.md"));
    symlinkSync("/", join(run, "root"));
    writeFileSync(
      join(run, "adapter_config.json"),
      JSON.stringify({ peft_type: "LORA", r: 8, base_model_name_or_path: "org/base" }),
    );
    const { documents, warnings } = await importGroups([run]);
    const all = [...warnings, ...documents.flatMap((d) => d.warnings)];
    expect(all.filter((w) => w.code === "file.outside").map((w) => w.file)).toEqual([
      join(run, "README.md"),
      join(run, "root"),
    ]);
    expect(JSON.stringify(documents)).not.toContain("root:x:0:0");
    expect(documents[0]?.document.bases.map((b) => b.id)).toEqual(["org/base"]);
  });

  it("never opens an unnamed JSON linked out of the folder, nor one that is not a regular file", async () => {
    // A small JSON is sniffed for a training config (blind dev z2 verbalist_7b.json); before, the sniff read the
    // file's text before the outside check, so a link to /dev/zero was read without bound.
    const dir = mkdtempSync(join(tmpdir(), "ftl-sniff-"));
    symlinkSync("/dev/zero", join(dir, "zero.json"));
    symlinkSync("/etc/hostname", join(dir, "host.json"));
    execFileSync("mkfifo", [join(dir, "pipe.json")]);
    writeFileSync(join(dir, "tokenizer.json"), JSON.stringify({ model: { vocab: {} } }));
    writeFileSync(
      join(dir, "my_run.json"),
      JSON.stringify({ model_name_or_path: "org/base", learning_rate: 2e-4, lora_r: 8 }),
    );
    const { documents, warnings } = await importGroups([dir]);
    const all = [...warnings, ...documents.flatMap((d) => d.warnings)];
    // The unnamed JSON files that are not configs are left out quietly; the project's config is read.
    expect(all.map((w) => w.file ?? "").filter((f) => /zero|host|pipe|tokenizer/.test(f))).toEqual([]);
    expect(documents.map((d) => d.document.bases.map((b) => b.id))).toEqual([["org/base"]]);
  });

  it("reports a YAML alias in front matter and reads the rest (exit 5, not an internal error)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-alias-"));
    const card = join(dir, "README.md");
    writeFileSync(card, "---\nx: &a m/b\nbase_model: *a\n---\n# t\n");
    const r = await ftl(["import", card]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('front matter key "base_model" cannot be read');
  });
});

describe("one situation, one exit code", () => {
  it("an input that cannot be read at all is a usage error (2), whatever the reason; a card read in part is 5", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-exit-"));
    const files: Record<string, string | Buffer> = {
      "empty.md": "",
      "unknown.json": '{"a": 1}',
      "binary.md": Buffer.from([0, 1, 2]),
      "deep.yaml": `${"- ".repeat(3000)}x\n`,
    };
    for (const [name, body] of Object.entries(files)) {
      writeFileSync(join(dir, name), body);
      const r = await ftl(["import", join(dir, name)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(name);
    }
    const big = join(dir, "big.md");
    writeFileSync(big, `---\nbase_model: org/x\n---\n# m\n\n${"word ".repeat(1_000_000)}`);
    const r = await ftl(["import", big]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain("read only the first 1 MiB");
  });
});
