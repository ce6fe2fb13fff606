import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import type { LineEntry } from "./ingest-lines.js";
import { planDocument } from "./plan.js";
import { decodeEntries, encodeEntries } from "./plan-wire.js";

const hex = (c: string) => c.repeat(64);

const full = {
  format: "ftl/v1",
  subject: {
    id: "me/out",
    license: "mit",
    licenseName: "MIT",
    digest: { algorithm: "sha256", value: hex("a") },
  },
  bases: [{ id: "org/base", license: "apache-2.0", licenseLink: "https://x" }, { id: "org/unused" }],
  steps: [
    {
      id: "sft",
      kind: "fine-tune",
      name: "SFT",
      objective: "sft",
      parameterization: "lora",
      hyperparameters: { lr: 0.0001, epochs: 3 },
      inputs: {
        models: [{ id: "org/base" }],
        datasets: [
          { id: "org/data", license: "cc-by-4.0", digest: { algorithm: "sha256", value: hex("d") } },
          { id: "org/data" },
          { name: "unnamed" },
        ],
      },
    },
    {
      id: "merge",
      kind: "merge",
      method: "slerp",
      inputs: { models: [{ step: "sft" }, { id: "org/other" }] },
    },
    {
      id: "q",
      kind: "quantization",
      method: "gptq",
      inputs: { models: [{ step: "merge" }] },
      output: { id: "me/out", files: [{ path: "m.gguf", digest: { algorithm: "sha256", value: hex("c") } }] },
    },
  ],
} as unknown as LineageDocument;

/** A trusted line's fields are not type-checked: odd values must travel as they are. */
const odd = {
  format: "ftl/v1",
  subject: { id: "me/odd", license: 7 },
  bases: [{ id: "org/base" }],
  steps: [
    {
      id: "s",
      kind: "fine-tune",
      name: null,
      objective: 3,
      hyperparameters: null,
      inputs: { models: [{ id: "org/base" }] },
    },
  ],
} as unknown as LineageDocument;

describe("plan-wire", () => {
  it("gives back the entries it was given: plans (with every optional field, or none) and messages", () => {
    const entries: LineEntry[] = [
      { line: 1, planned: { plan: planDocument(full), source: "s1" } },
      { line: 2, message: "bad line" },
      { line: 4, planned: { plan: planDocument(odd), source: "s2" } },
      { line: 5, planned: { plan: planDocument({ ...full, steps: [], bases: [] }), source: "s3" } },
    ];
    const plan = entries[0] && "planned" in entries[0] ? entries[0].planned.plan : undefined;
    expect(plan?.digests.length).toBeGreaterThan(1);
    expect(plan?.datasetLicenses.length).toBe(1);
    const wire = encodeEntries(entries);
    expect(wire.every((v) => v === null || typeof v !== "object")).toBe(true);
    expect(decodeEntries(structuredClone(wire))).toStrictEqual(entries);
    expect(decodeEntries(encodeEntries([]))).toStrictEqual([]);
  });
});
