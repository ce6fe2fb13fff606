import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRegistrableId, LOCAL_PREFIX, modelRef, namedRef, refKind } from "./refs.js";

/** isRegistrableId as it was before its shortcut for plain `org/name` ids. */
function reference(id: string): boolean {
  if (id.startsWith(LOCAL_PREFIX)) return id.length > LOCAL_PREFIX.length;
  return refKind(id) === "hub" && !id.includes("://");
}

describe("isRegistrableId", () => {
  it("turns down placeholders of the plain org/name shape", () => {
    for (const id of ["n/a", "org/model", "User/Model", "username/model-name", "your-org/x", "me/your-model"])
      expect([id, isRegistrableId(id)]).toEqual([id, false]);
    expect(isRegistrableId("meta-llama/Llama-3.1-8B")).toBe(true);
  });

  it("answers as refKind does, for any id", () => {
    const char = fc.constantFrom(
      ..."aAzZ09_.-/ :\"'`<>@\\{}$?~",
      "your",
      "model",
      "org",
      "user",
      "na",
      "http",
    );
    const id = fc.oneof(
      fc.array(char, { maxLength: 12 }).map((parts) => parts.join("")),
      fc.constantFrom(
        "n/a",
        "org/model",
        "https://huggingface.co/a/b",
        "local:x",
        "a/b/c",
        "gpt2",
        "x".repeat(97),
      ),
      fc
        .tuple(fc.stringMatching(/^[A-Za-z0-9][\w.-]{0,6}$/), fc.stringMatching(/^[\w.-]{0,6}$/))
        .map(([org, name]) => `${org}/${name}`),
    );
    fc.assert(
      fc.property(id, (s) => {
        expect(isRegistrableId(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
    for (const s of [
      `a/${"b".repeat(96)}`,
      `a/${"b".repeat(97)}`,
      `${"a".repeat(96)}/b`,
      `${"a".repeat(97)}/b`,
    ])
      expect(isRegistrableId(s)).toBe(reference(s));
  });
});

describe("documentation paths", () => {
  it("a path through `path/to` that ends in a generic word is a placeholder (blind dev g2-co-ollama-lora-deploy-guide)", () => {
    for (const s of [
      "/path/to/HuggingFace/base/model",
      "./path/to/output",
      "C:\\path\\to\\model",
      "/path/to/base_model/",
    ])
      expect([s, refKind(s)]).toEqual([s, "placeholder"]);
  });

  it("one whose last folder names a model stays local: the folder is a placeholder, the model is not", () => {
    // dev audit mrg-qwen2-15b-task-merge-sciq-nc-codealpaca: `model_name_or_path: /path/to/models/Qwen2-1.5B`
    for (const s of [
      "/path/to/models/Qwen2-1.5B",
      "PATH/TO/LLaMA",
      "/data/paths/tokenizer",
      "/home/u/to/path/model",
    ])
      expect([s, refKind(s)]).toEqual([s, "local"]);
    expect(refKind("pathto/model")).toBe("hub");
  });
});

describe("a model named without an id", () => {
  it("is a `name:` reference, kept as written and never registrable as a subject or an output", () => {
    expect(namedRef(" MythoMax L2 13B ")).toBe("name:MythoMax L2 13B");
    expect(refKind("name:MythoMax L2 13B")).toBe("name");
    expect(modelRef("name:MythoMax L2 13B")).toBe("name:MythoMax L2 13B");
    expect(isRegistrableId("name:MythoMax L2 13B")).toBe(false);
    expect(refKind("name:")).toBe("placeholder");
  });
});
