/**
 * `ftl import` invents nothing on real files: a recipe that names no output, two unrelated recipes, a card whose
 * base link is `None`, and a folder named like a project (files from the labelled corpus's dev set).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../../schema/lineage.js";
import { ftl } from "../test-io.js";

const DEV = join(import.meta.dirname, "../../../test/fixtures/corpus/dev");
const PHI3 = join(DEV, "a-rcp-axolotl-phi3-mini-lora/files/phi3-ft.yml");
const QWEN_DPO = join(DEV, "a-rcp-axolotl-qwen2-dpo/files/dpo.yaml");
const NONE_CARD = join(DEV, "d-folder-qwen7b-chat-trl-sft-none-link/files");

const ids = (doc: LineageDocument) => [
  doc.subject.id,
  ...doc.bases.map((b) => b.id),
  ...doc.steps.flatMap((s) => [...(s.inputs?.models ?? []).map((m) => m.id ?? ""), s.output?.id ?? ""]),
];

describe("ftl import invents nothing", () => {
  it("a recipe that names no output: the subject is unknown, the output folder is a local reference", async () => {
    const r = await ftl(["import", PHI3, "--json"]);
    const { document } = JSON.parse(r.stdout) as { document: LineageDocument };
    expect(document.subject.id).toBe("unknown");
    expect(document.steps.at(-1)?.output?.id).toBe("local:./out");
    expect(ids(document)).not.toContain("phi3-ft");
    expect(r.code).toBe(3);
    const named = await ftl(["import", PHI3, "--subject", "acme/phi3-ft", "--json"]);
    expect(JSON.parse(named.stdout).document.subject.id).toBe("acme/phi3-ft");
  });

  it("two unrelated recipes: exit 1 naming both groups; --split gives one document each", async () => {
    const r = await ftl(["import", PHI3, QWEN_DPO]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 unrelated lineages/);
    expect(r.stderr).toContain("phi3-ft.yml");
    expect(r.stderr).toContain("dpo.yaml");
    const split = await ftl(["import", PHI3, QWEN_DPO, "--split", "--json"]);
    const out = JSON.parse(split.stdout) as { documents: LineageDocument[]; warnings: unknown[] };
    expect(out.documents).toHaveLength(2);
    expect(out.documents.map((d) => d.steps.length)).toEqual([1, 1]);
    // Each document's warnings say which document they are about: groups often share a warning's text.
    const own = out.warnings.filter((w) => (w as { code: string }).code !== "extract.unrelated");
    expect(own.length).toBeGreaterThan(0);
    for (const w of own) expect([1, 2]).toContain((w as { group?: number }).group);
    const human = await ftl(["import", PHI3, QWEN_DPO, "--split"]);
    expect(human.stdout).toMatch(/^\(1\) /m);
    expect(human.stdout).toMatch(/^\(2\) /m);
    const lines = human.stderr.split("\n").filter((l) => l.startsWith("warning: ("));
    expect(lines.length).toBe(own.length);
    expect(new Set(lines).size).toBe(lines.length);
    const dir = mkdtempSync(join(tmpdir(), "ftl-split-"));
    const written = await ftl(["import", PHI3, QWEN_DPO, "--split", "--out-dir", dir]);
    expect(written.code).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(["lineage-1.lineage.json", "lineage-2.lineage.json"]);
  });

  it("a card whose base link is None names no model; the local base path stays local", async () => {
    const r = await ftl(["import", NONE_CARD, "--json"]);
    const { document } = JSON.parse(r.stdout) as { document: LineageDocument };
    expect(ids(document).some((id) => /none/i.test(id))).toBe(false);
    expect(document.bases.map((b) => b.id)).toEqual([
      "local:/home/jusheng/shihao/qwen_7B_finetune/models/Qwen-7B-Chat",
    ]);
  });

  it("a folder named like a project does not name the model", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "ftl-proj-")), "llamafactory");
    cpSync(NONE_CARD, dir, { recursive: true });
    const r = await ftl(["import", dir, "--json"]);
    const { document } = JSON.parse(r.stdout) as { document: LineageDocument };
    expect(ids(document)).not.toContain("llamafactory");
    expect(document.subject.id).toBe("unknown");
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain("[None]");
  });

  it("a base model's own card and config are not a derivation of the model from itself", async () => {
    const r = await ftl(["import", join(DEV, "d-base-chatglm6b-vendored-card/files"), "--json"]);
    const { document } = JSON.parse(r.stdout) as { document: LineageDocument };
    expect(document.steps).toEqual([]);
    expect(r.code).toBe(4);
  });
});
