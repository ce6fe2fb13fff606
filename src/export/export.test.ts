/**
 * Every format, for every bundled example, checked by validators ftl did not write (see
 * test/fixtures/export/validators.ts), plus determinism and the PROV graph's shape.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkProvGraph,
  EXAMPLES,
  frontMatter,
  sameGraph,
  validateFacet,
} from "../../test/fixtures/export/checks.js";
import {
  expandJsonLd,
  validateCycloneDx,
  validateOpenLineage,
  validateSpdxSchema,
  validateSpdxShacl,
} from "../../test/fixtures/export/validators.js";
import type { LineageDocument } from "../schema/lineage.js";
import {
  cardMetadata,
  EXPORT_FORMATS,
  EXPORTERS,
  exportLineage,
  toCycloneDx,
  toOpenLineage,
  toProvJsonLd,
  toSpdx3,
} from "./index.js";
import { buildExportModel } from "./model.js";

describe.each(EXAMPLES)("%s", (_name, doc) => {
  it("CycloneDX passes the CycloneDX library's strict 1.6 JSON validator", async () => {
    expect(await validateCycloneDx(exportLineage(doc, "cyclonedx"))).toBeNull();
  });

  it("SPDX 3 passes the official JSON schema and the SHACL shapes of spdx-model.ttl", async () => {
    const spdx = toSpdx3(doc);
    expect(validateSpdxSchema(spdx)).toBeNull();
    const shacl = await validateSpdxShacl(spdx);
    expect(shacl.messages).toEqual([]);
    expect(shacl.conforms).toBe(true);
  });

  it("PROV JSON-LD expands offline and has the expected activities, usages and derivations", async () => {
    const prov = toProvJsonLd(doc);
    const expanded = await expandJsonLd(prov);
    expect(expanded.length).toBeGreaterThan(0);
    await checkProvGraph(doc, prov);
  });

  it("PROV Turtle parses with n3 and is the same graph as the JSON-LD", async () => {
    await sameGraph(toProvJsonLd(doc), exportLineage(doc, "prov-turtle"));
  });

  it("schema.org JSON-LD expands offline: the model, its isBasedOn chain and the defined term", async () => {
    const [root] = (await expandJsonLd(JSON.parse(exportLineage(doc, "jsonld")))) as Record<
      string,
      unknown
    >[];
    expect(root?.["@type"]).toEqual(["https://schema.org/SoftwareApplication"]);
    const keywords = root?.["https://schema.org/keywords"] as Record<string, unknown>[];
    expect(keywords[0]?.["@id"]).toBe("https://casrai.org/dictionary/term/model-fine-tune-lineage");
    expect(keywords[0]?.["@type"]).toEqual(["https://schema.org/DefinedTerm"]);
    if (doc.steps.length > 0) expect(root?.["https://schema.org/isBasedOn"]).toBeDefined();
  });

  it("OpenLineage: one RunEvent per step, valid against OpenLineage.json and the facet's own schema", () => {
    const lines = exportLineage(doc, "openlineage").split("\n").filter(Boolean);
    expect(lines).toHaveLength(doc.steps.length);
    for (const line of lines) {
      const event = JSON.parse(line);
      expect(validateOpenLineage(event)).toBeNull();
      expect(validateFacet(event.run.facets)).toBeNull();
    }
  });

  it("hf-card front matter reads back field by field", () => {
    const meta = frontMatter(exportLineage(doc, "hf-card"));
    const expected = cardMetadata(doc);
    for (const key of Object.keys(expected)) expect(meta[key], key).toEqual(expected[key]);
    expect(Object.keys(meta).sort()).toEqual(Object.keys(expected).sort());
    // base_model: the direct parents (the last step's input models), as the Hub's model tree reads it
    const last = doc.steps.at(-1);
    const parents = last
      ? (last.inputs?.models ?? []).map((m) => m.id ?? doc.steps.find((s) => s.id === m.step)?.output?.id)
      : doc.bases.map((b) => b.id).filter((id) => id !== doc.subject.id);
    if (parents.every((p) => p !== undefined)) {
      if (parents.length === 1) expect(meta.base_model).toBe(parents[0]);
      if (parents.length > 1) expect(meta.base_model).toEqual(parents);
    }
    expect(meta.license).toBe(doc.subject.license);
    expect(meta.tags).toContain("fine-tune-lineage");
    const datasets = doc.steps.flatMap((s) => s.inputs?.datasets ?? []).flatMap((d) => (d.id ? [d.id] : []));
    expect(meta.datasets ?? []).toEqual([...new Set(datasets)]);
  });

  it("diagrams name every checkpoint", () => {
    const mermaid = exportLineage(doc, "mermaid");
    const dot = exportLineage(doc, "dot");
    expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
    expect(dot.startsWith("digraph lineage {")).toBe(true);
    expect(dot.trimEnd().endsWith("}")).toBe(true);
    for (const node of buildExportModel(doc).checkpoints)
      expect(dot).toContain(node.label.replaceAll('"', '\\"'));
  });

  it("every format is deterministic and writes no time unless asked", () => {
    for (const format of EXPORT_FORMATS) {
      const first = exportLineage(doc, format);
      expect(exportLineage(structuredClone(doc), format), format).toBe(first);
      const stamped = exportLineage(doc, format, { timestamp: "2031-02-03T04:05:06.000Z" });
      expect(first, format).not.toContain("2031-02-03");
      if (!["mermaid", "dot"].includes(format) && (format !== "openlineage" || doc.steps.length > 0))
        expect(stamped, format).toContain("2031-02-03");
    }
  });
});

describe("the validators are live (they reject broken output)", () => {
  const [, doc] = EXAMPLES.find(([name]) => name.startsWith("zephyr-7b-beta.")) as [string, LineageDocument];

  it("CycloneDX: an unknown component type is rejected", async () => {
    const bom = toCycloneDx(doc) as { components: { type: string }[] };
    (bom.components[0] as { type: string }).type = "neural-network";
    expect(await validateCycloneDx(JSON.stringify(bom))).not.toBeNull();
  });

  it("SPDX: a missing creationInfo and an unknown relationship type are rejected by the shapes", async () => {
    const spdx = toSpdx3(doc) as { "@graph": Record<string, unknown>[] };
    const graph = spdx["@graph"];
    const pkg = graph.find((e) => e.type === "ai_AIPackage") as Record<string, unknown>;
    delete pkg.creationInfo;
    const rel = graph.find((e) => e.type === "Relationship") as Record<string, unknown>;
    rel.relationshipType = "fineTunedFrom";
    const shacl = await validateSpdxShacl(spdx);
    expect(shacl.conforms).toBe(false);
    expect(shacl.messages.join("\n")).toMatch(/creationInfo/);
    expect(shacl.messages.join("\n")).toMatch(/relationshipType/);
    expect(validateSpdxSchema(spdx)).not.toBeNull();
  });

  it("OpenLineage: a run without runId is rejected, and a facet without stepKind", () => {
    const [event] = toOpenLineage(doc) as {
      run: { runId?: string; facets: Record<string, Record<string, unknown>> };
    }[];
    const facets = structuredClone(event?.run.facets ?? {});
    delete facets.ftl_hyperparameters?.stepKind;
    expect(validateFacet(facets)).not.toBeNull();
    delete event?.run.runId;
    expect(validateOpenLineage(event)).not.toBeNull();
  });
});

describe("golden files (refresh with FTL_UPDATE_GOLDEN=1)", () => {
  const goldenDir = new URL("../../test/fixtures/export/golden/", import.meta.url);
  const golden = EXAMPLES.filter(([name]) => /^(zephyr-7b-beta|openhermes)/.test(name));
  it.each(golden.flatMap(([name, doc]) => EXPORT_FORMATS.map((format) => [name, format, doc] as const)))(
    "%s as %s",
    (name, format, doc) => {
      const file = new URL(
        `${name.replace(/\.lineage\.json$/, "")}${EXPORTERS[format].extension}`,
        goldenDir,
      );
      const text = exportLineage(doc, format);
      if (process.env.FTL_UPDATE_GOLDEN === "1") {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, text);
      }
      expect(text).toBe(readFileSync(file, "utf8"));
    },
  );
});
