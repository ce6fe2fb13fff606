import { describe, expect, it } from "vitest";
import type { LineageDocument } from "../schema/lineage.js";
import { digestRows } from "./digest-rows.js";

const hex = (c: string) => c.repeat(64);

describe("digestRows", () => {
  it("indexes the subject, bases, step outputs, their files and datasets, once each", () => {
    const doc: LineageDocument = {
      format: "ftl/v1",
      subject: { id: "me/out", digest: { algorithm: "sha256", value: hex("a") } },
      bases: [{ id: "org/base", digest: { algorithm: "sha256", value: hex("b") } }],
      steps: [
        {
          id: "sft",
          kind: "fine-tune",
          inputs: {
            models: [{ id: "org/base" }],
            datasets: [{ id: "org/data", digest: { algorithm: "sha256", value: hex("d") } }],
          },
          output: {
            id: "me/out",
            digest: { algorithm: "sha256", value: hex("a") },
            files: [
              { path: "model.safetensors", size: 3, digest: { algorithm: "sha256", value: hex("c") } },
              { path: "README.md" },
            ],
          },
        },
      ],
    };
    expect(digestRows(doc)).toEqual([
      { kind: 0, entity: "me/out", stepId: "sft", path: null, algorithm: "sha256", value: hex("a") },
      {
        kind: 0,
        entity: "me/out",
        stepId: "sft",
        path: "model.safetensors",
        algorithm: "sha256",
        value: hex("c"),
      },
      { kind: 1, entity: "org/data", stepId: "sft", path: null, algorithm: "sha256", value: hex("d") },
      { kind: 0, entity: "org/base", stepId: null, path: null, algorithm: "sha256", value: hex("b") },
    ]);
  });

  it("a document without digests has no rows", () => {
    expect(digestRows({ format: "ftl/v1", subject: { id: "a/b" }, bases: [], steps: [] })).toEqual([]);
  });
});
