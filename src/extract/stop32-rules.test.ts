/**
 * Rules written at stop 32 from dev misses (layouts rewritten, not copied). Each case was checked to fail without
 * its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

describe("a shell script that only downloads one quantised copy", () => {
  const script = (command: string) => `#!/usr/bin/env bash
# Fetch the quantised model for the local runner
${command} \\
    --local-dir .
`;

  it("is about that copy: a quantisation step whose output is the copy's repository", () => {
    const doc = extractFromFiles([
      {
        path: "fetch-model.sh",
        text: script("huggingface-cli download TheBloke/SomeModel-7B-GGUF somemodel.Q4_K_M.gguf"),
      },
    ]).document;
    expect(
      doc.steps.map((s) => [s.kind, s.kind === "quantization" ? s.method : undefined, s.output?.id]),
    ).toEqual([["quantization", "gguf", "TheBloke/SomeModel-7B-GGUF"]]);
    expect(doc.subject.id).toBe("TheBloke/SomeModel-7B-GGUF");
  });

  it("describes nothing when it downloads an unquantised model or several copies", () => {
    const plain = extractFromFiles([
      { path: "fetch-model.sh", text: script("huggingface-cli download someorg/SomeModel-7B") },
    ]);
    expect(plain.document.steps).toEqual([]);
    const two = extractFromFiles([
      {
        path: "fetch-models.sh",
        text: `${script("hf download TheBloke/A-7B-GGUF a.Q4_K_M.gguf")}${script("hf download TheBloke/B-7B-GGUF b.Q4_K_M.gguf")}`,
      },
    ]);
    expect(two.document.steps).toEqual([]);
  });
});
