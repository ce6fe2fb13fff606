import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AUDIT_CORPUS, auditSeenList } from "./corpus.js";

const dir = mkdtempSync(join(tmpdir(), "ftl-seen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the audit corpus's seen list", () => {
  it("is empty without a seen.json", () => {
    expect(auditSeenList(dir).size).toBe(0);
  });

  it("reads item and reason, and names the file when malformed", () => {
    writeFileSync(join(dir, "seen.json"), JSON.stringify([{ item: "a", reason: "read by a rule writer" }]));
    expect(auditSeenList(dir).get("a")).toBe("read by a rule writer");
    writeFileSync(join(dir, "seen.json"), JSON.stringify([{ item: "a" }]));
    expect(() => auditSeenList(dir)).toThrow(/seen\.json: expected \[\{"item", "reason"\}\]/);
  });

  it("lists only items that exist in the sealed set, each with a reason", async () => {
    const { loadAuditItems } = await import("./corpus.js");
    const sealed = new Set(loadAuditItems("sealed").map((i) => i.dir.split(/[\\/]/).pop()));
    for (const item of auditSeenList(AUDIT_CORPUS).keys()) expect(sealed.has(item)).toBe(true);
  });
});
