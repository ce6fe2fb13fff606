/** `ftl export`: formats to stdout and files, --json, exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, exportLineage } from "../../export/index.js";
import { validateLineage } from "../../validate/validate.js";
import { ftl } from "../test-io.js";

const example = new URL("../../../examples/zephyr-7b-beta.lineage.json", import.meta.url).pathname;
const doc = validateLineage(JSON.parse(readFileSync(example, "utf8"))).document;

describe("ftl export", () => {
  it.each(EXPORT_FORMATS)("--format %s prints what the library writes", async (format) => {
    const result = await ftl(["export", example, "--format", format]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(exportLineage(doc!, format));
  });

  it("--out writes the file and says so on stderr; --json reports it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-export-"));
    const result = await ftl(["export", example, "-f", "cyclonedx", "--out", "bom.cdx.json", "--json"], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ format: "cyclonedx", output: join(dir, "bom.cdx.json") });
    expect(report.content).toBeUndefined();
    expect(readFileSync(join(dir, "bom.cdx.json"), "utf8")).toBe(exportLineage(doc!, "cyclonedx"));
    expect(report.bytes).toBe(Buffer.byteLength(exportLineage(doc!, "cyclonedx")));
  });

  it("--json without --out carries the content", async () => {
    const result = await ftl(["export", example, "-f", "mermaid", "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      format: "mermaid",
      output: null,
      content: exportLineage(doc!, "mermaid"),
    });
  });

  it("--timestamp records the time of the export", async () => {
    const result = await ftl(["export", example, "-f", "spdx3", "--timestamp"]);
    const created = JSON.parse(result.stdout)["@graph"][0].created as string;
    expect(created).not.toBe("1970-01-01T00:00:00Z");
    expect(Math.abs(Date.parse(created) - Date.now())).toBeLessThan(24 * 3600 * 1000);
  });

  it.each([
    [["export", example], /--format is required/],
    [["export", example, "-f", "xml"], /--format "xml": expected one of hf-card/],
    [["export", "missing.json", "-f", "dot"], /missing\.json/],
    [["export", example, "-f", "spdx3", "--into", "README.md"], /--into updates a model card/],
    [["export", example, "-f", "hf-card", "--into", "README.md", "--out", "x.md"], /cannot be used together/],
  ])("usage errors exit 2: %j", async (args, message) => {
    const result = await ftl(args as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("an invalid document exits 1 and names the problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-export-"));
    writeFileSync(
      join(dir, "bad.json"),
      JSON.stringify({
        format: "ftl/v1",
        subject: { id: "a/b" },
        bases: [],
        steps: [{ id: "x", kind: "merge" }],
      }),
    );
    const result = await ftl(["export", join(dir, "bad.json"), "-f", "dot"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a valid ftl\/v1 document/);
  });

  it("an unwritable --out exits 2", async () => {
    const result = await ftl(["export", example, "-f", "dot", "--out", "/nonexistent-dir/x.dot"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write/);
  });

  it("--help lists the formats and an example", async () => {
    const result = await ftl(["export", "--help"]);
    expect(result.code).toBe(0);
    for (const format of EXPORT_FORMATS) expect(result.stdout).toContain(format);
    expect(result.stdout).toContain("ftl export lineage.json --format hf-card --into README.md");
  });
});
