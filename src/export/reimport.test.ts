/** Importing files other tools wrote (and text that is none of the formats). */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../test/fixtures/export/checks.js";
import {
  validateCycloneDx,
  validateSpdxSchema,
  validateSpdxShacl,
} from "../../test/fixtures/export/validators.js";
import { validateLineage } from "../validate/validate.js";
import { exportLineage } from "./index.js";
import { readStandardExport } from "./reimport.js";

const fixture = (path: string) =>
  readFileSync(new URL(`../../test/fixtures/export/${path}`, import.meta.url), "utf8");

function imported(path: string) {
  const result = readStandardExport(fixture(path), path);
  expect(result).not.toBeNull();
  const report = validateLineage(result?.document);
  expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
  return result as NonNullable<typeof result>;
}

describe("CycloneDX written by other tools", () => {
  it("a BOM with pedigree.ancestors and model-card datasets gives the chain, and says the methods are unknown", async () => {
    expect(await validateCycloneDx(fixture("foreign/ml-pedigree.cdx.json"))).toBeNull();
    const { format, document, warnings } = imported("foreign/ml-pedigree.cdx.json");
    expect(format).toBe("cyclonedx");
    expect(document.subject).toMatchObject({
      id: "acme/chat-7b-gguf",
      revision: "1.0",
      license: "Apache-2.0",
    });
    expect(document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    expect(document.steps.map((s) => [s.kind, s.inputs?.models?.map((m) => m.id), s.output?.id])).toEqual([
      ["fine-tune", ["mistralai/Mistral-7B-v0.1"], "acme/chat-7b"],
      ["other", ["acme/chat-7b"], "acme/chat-7b-gguf"],
    ]);
    expect(document.steps[0]?.inputs?.datasets?.map((d) => d.id)).toEqual([
      "HuggingFaceH4/ultrachat_200k",
      "internal-support-tickets",
    ]);
    expect(document.steps[0]?.output?.digest?.value).toMatch(/^9f86d0/);
    expect(warnings.join("\n")).toMatch(/components\[0\] \(acme\/chat-7b\).*not the method/);
    expect(warnings.join("\n")).toMatch(/metadata.component \(acme\/chat-7b-gguf\).*not the method/);
  });

  it("the spec's ML example names training data but no parent: one step without an input, with a warning", () => {
    const { document, warnings } = imported("cyclonedx/examples/valid-machine-learning-1.6.json");
    expect(document.subject.id).toBe("CompVis/stable-diffusion");
    expect(document.steps).toHaveLength(1);
    expect(document.steps[0]?.inputs?.models).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/no parent model/)]);
  });

  it("a model without pedigree or datasets carries no lineage, and the warning says so", () => {
    const { document, warnings } = imported(
      "cyclonedx/examples/valid-machine-learning-considerations-env-1.6.json",
    );
    expect(document.steps).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/does not say what the model was derived from/)]);
  });

  it("a BOM without any model component is recognised, with a warning", () => {
    const { document, warnings } = imported("cyclonedx/examples/valid-formulation-1.6.json");
    expect(document.steps).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/no machine-learning-model component/)]);
  });
});

describe("SPDX 3 written by other tools", () => {
  it("AI packages with descendantOf and trainedOn give the chain, the datasets and the hyperparameters", async () => {
    const spdx = JSON.parse(fixture("foreign/ai-lineage.spdx.json"));
    expect(validateSpdxSchema(spdx)).toBeNull();
    expect((await validateSpdxShacl(spdx)).messages).toEqual([]);
    const { format, document, warnings } = imported("foreign/ai-lineage.spdx.json");
    expect(format).toBe("spdx3");
    expect(document.subject).toMatchObject({
      id: "acme/chat-7b",
      revision: "1.0",
      url: "https://huggingface.co/acme/chat-7b",
    });
    expect(document.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    const [step] = document.steps;
    expect(step?.kind).toBe("fine-tune");
    expect(step?.inputs?.models).toEqual([{ id: "mistralai/Mistral-7B-v0.1" }]);
    expect(step?.inputs?.datasets?.map((d) => d.id)).toEqual(["HuggingFaceH4/ultrachat_200k"]);
    expect(step?.hyperparameters).toEqual({ learningRate: 2e-5 });
    expect(warnings.join("\n")).toMatch(/not the method/);
  });

  it("the spec's software SBOM has no AI package: recognised, no steps, and the warning says why", () => {
    const { document, warnings } = imported("spdx3/examples/package_sbom.json");
    expect(document.subject.id).toBe("my-package");
    expect(document.steps).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/no ai_AIPackage/)]);
  });
});

describe("text that is none of the formats", () => {
  it.each([
    ["an ftl document", JSON.stringify({ format: "ftl/v1", subject: { id: "a/b" }, bases: [], steps: [] })],
    ["a model card without the lineage section", "---\nbase_model: a/b\n---\n# Model\n"],
    [
      "JSON-LD of another vocabulary",
      JSON.stringify({ "@context": "https://schema.org/", "@type": "Dataset" }),
    ],
    ["not JSON", "{ nope"],
    ["empty", ""],
  ])("%s gives null", (_name, text) => {
    expect(readStandardExport(text, "file")).toBeNull();
  });
});

describe("the readers never throw", () => {
  /** Replaces or deletes a value at a random place in a JSON tree. */
  function mutate(value: unknown, path: number[], replacement: unknown): unknown {
    if (path.length === 0 || value === null || typeof value !== "object") return replacement;
    const [head = 0, ...rest] = path;
    if (Array.isArray(value)) {
      if (value.length === 0) return [replacement];
      const copy = [...value];
      copy[head % value.length] = mutate(copy[head % value.length], rest, replacement);
      return copy;
    }
    const keys = Object.keys(value);
    if (keys.length === 0) return { x: replacement };
    const key = keys[head % keys.length] as string;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const next = mutate(copy[key], rest, replacement);
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    return copy;
  }

  it("on mutated CycloneDX, SPDX and PROV exports of the examples", () => {
    const exports = EXAMPLES.flatMap(([, doc]) =>
      (["cyclonedx", "spdx3", "prov-jsonld"] as const).map(
        (f) => JSON.parse(exportLineage(doc, f)) as unknown,
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...exports),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant("{not json"), fc.constant(null)),
        (value, path, replacement) => {
          const text = JSON.stringify(mutate(value, path, replacement)) ?? "";
          const result = readStandardExport(text, "mutated.json");
          if (result) expect(Array.isArray(result.warnings)).toBe(true);
        },
      ),
      { numRuns: 1500, seed: 7 },
    );
  });

  it("on edited model cards", () => {
    const cards = EXAMPLES.map(([, doc]) => exportLineage(doc, "hf-card"));
    fc.assert(
      fc.property(fc.constantFrom(...cards), fc.nat(), fc.nat(), fc.string(), (card, at, length, insert) => {
        const start = at % card.length;
        const text = card.slice(0, start) + insert + card.slice(start + (length % 40));
        readStandardExport(text, "README.md");
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
