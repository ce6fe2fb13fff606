import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";
import { isRegistrableId, modelRef, refKind } from "../model/refs.js";
import type { LineageDocument } from "../schema/lineage.js";
import { registryIdProblem } from "./registrable.js";

const doc = (subject: string, output?: string): LineageDocument => ({
  format: "ftl/v1",
  subject: { id: subject },
  bases: [{ id: "mistralai/Mistral-7B-v0.1" }],
  steps: [
    {
      id: "sft",
      kind: "fine-tune",
      objective: "sft",
      inputs: { models: [{ id: "mistralai/Mistral-7B-v0.1" }] },
      ...(output ? { output: { id: output } } : {}),
    },
  ],
});

describe("model references", () => {
  it("tells Hub ids, local paths and placeholders apart", () => {
    expect(refKind("mistralai/Mistral-7B-v0.1")).toBe("hub");
    expect(refKind("bert-base-uncased")).toBe("hub");
    expect(refKind("./outputs/qlora-out")).toBe("local");
    expect(refKind("/home/u/Llama-2-7b-chat-hf")).toBe("local");
    expect(refKind("C:\\Users\\me\\chatglm2-6b")).toBe("local");
    expect(refKind("saves/llama3-8b/lora/sft")).toBe("local");
    for (const p of ["None", "none", "your-model", "<base_model>", "TODO", "https://huggingface.co/None", ""])
      expect(refKind(p), p).toBe("placeholder");
    for (const w of ["mergekit", "llamafactory", "trl", "myconfigs", "Information", "out"])
      expect(refKind(w), w).toBe("not-a-model");
    expect(modelRef("./outputs/out")).toBe("local:./outputs/out");
    expect(modelRef("out", true)).toBe("local:out");
    expect(modelRef("https://huggingface.co/org/name/tree/main")).toBe("org/name");
  });

  it("the registry takes Hub-style ids and local: references only", () => {
    expect(isRegistrableId("org/name")).toBe(true);
    expect(isRegistrableId("local:./out")).toBe(true);
    expect(isRegistrableId("unknown")).toBe(false);
    expect(registryIdProblem(doc("acme/m"))).toBeUndefined();
    expect(registryIdProblem(doc("unknown"))).toMatch(/subject\.id "unknown".*--subject/);
    expect(registryIdProblem(doc("acme/m", "mergekit"))).toMatch(/steps\[0\]\.output\.id "mergekit"/);
  });
});

describe("ftl add and ftl ingest refuse ids that name no model", () => {
  it("says why, and stores the valid documents", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ftl-reg-"));
    const bad = join(dir, "bad.json");
    const good = join(dir, "good.json");
    writeFileSync(bad, JSON.stringify(doc("llamafactory")));
    writeFileSync(good, JSON.stringify(doc("acme/m")));
    const db = join(dir, "r.db");
    const added = await ftl(["add", bad, good, "--db", db, "--json"]);
    expect(added.code).toBe(1);
    expect(added.stdout).toContain("neither a Hub-style id");
    const lines = join(dir, "docs.jsonl");
    writeFileSync(lines, `${JSON.stringify(doc("unknown"))}\n${JSON.stringify(doc("acme/n"))}\n`);
    const ingested = await ftl(["ingest", lines, "--db", db]);
    expect(`${ingested.stdout}${ingested.stderr}`).toContain("no file named the model");
  });
});
