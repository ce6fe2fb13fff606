/**
 * Generated documents (fast-check, test/fixtures/export/arbitrary-document.ts): every format's output passes
 * its validator, and export → `readStandardExport` gives back what the format carries (`carriedBy`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDocument, arbitraryWildDocument } from "../../test/fixtures/export/arbitrary-document.js";
import { checkProvGraph, frontMatter, sameGraph, validateFacet } from "../../test/fixtures/export/checks.js";
import {
  expandJsonLd,
  isAstralStringFalsePositive,
  validateCycloneDx,
  validateOpenLineage,
  validateSpdxSchema,
  validateSpdxShacl,
} from "../../test/fixtures/export/validators.js";
import { validateLineage } from "../validate/validate.js";
import { cardMetadata, EXPORT_FORMATS, exportLineage, toProvJsonLd, toSpdx3 } from "./index.js";
import { carriedBy, REIMPORTABLE_FORMATS } from "./losses.js";
import { readStandardExport } from "./reimport.js";
import { xmlSafe } from "./spdx3.js";

/** Runs per property: a few hundred documents in all, within the test-time budget. */
const RUNS = { cheap: 150, rdf: 60 } as const;
const SEED = 20261125;

describe("generated documents", () => {
  // One property checks every cheap validator and every round trip, so that each document is generated once.
  it("pass the CycloneDX library's validator, the SPDX and OpenLineage schemas; export deterministically; round-trip", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument, async (doc) => {
        for (const format of EXPORT_FORMATS)
          expect(exportLineage(doc, format)).toBe(exportLineage(doc, format));
        expect(await validateCycloneDx(exportLineage(doc, "cyclonedx"))).toBeNull();
        expect(validateSpdxSchema(toSpdx3(doc))).toBeNull();
        for (const line of exportLineage(doc, "openlineage").split("\n").filter(Boolean)) {
          const event = JSON.parse(line);
          expect(validateOpenLineage(event)).toBeNull();
          expect(validateFacet(event.run.facets)).toBeNull();
        }
        expect(frontMatter(exportLineage(doc, "hf-card"))).toEqual(cardMetadata(doc));
        for (const format of REIMPORTABLE_FORMATS) {
          const back = readStandardExport(exportLineage(doc, format), `lineage.${format}`);
          expect(back?.format, format).toBe(format);
          expect(back?.document, format).toEqual(carriedBy(format, doc));
          expect(validateLineage(back?.document).valid, format).toBe(true);
        }
      }),
      { numRuns: RUNS.cheap, seed: SEED },
    );
  });

  it("pass SPDX SHACL; their PROV graphs (JSON-LD and Turtle alike) have the expected shape; schema.org expands", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument, async (doc) => {
        const shacl = await validateSpdxShacl(toSpdx3(doc));
        expect(shacl.messages).toEqual([]);
        const prov = toProvJsonLd(doc);
        await checkProvGraph(doc, prov);
        await sameGraph(prov, exportLineage(doc, "prov-turtle"));
        const [root] = (await expandJsonLd(JSON.parse(exportLineage(doc, "jsonld")))) as Record<
          string,
          unknown
        >[];
        expect(root?.["@type"]).toEqual(["https://schema.org/SoftwareApplication"]);
      }),
      { numRuns: RUNS.rdf, seed: SEED },
    );
  });
});

describe("generated documents with unusual ids (spaces, quotes, Markdown, any code point)", () => {
  it("pass the validators and round-trip (SPDX: XML-safe ids; card: ids without line breaks)", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryWildDocument, async (doc) => {
        expect(await validateCycloneDx(exportLineage(doc, "cyclonedx"))).toBeNull();
        expect(validateSpdxSchema(toSpdx3(doc))).toBeNull();
        for (const line of exportLineage(doc, "openlineage").split("\n").filter(Boolean))
          expect(validateOpenLineage(JSON.parse(line))).toBeNull();
        expect(frontMatter(exportLineage(doc, "hf-card"))).toEqual(cardMetadata(doc));
        // SPDX's strings are xsd:strings: characters XML cannot hold become U+FFFD, so those ids do not come back
        const xmlClean = JSON.stringify(xmlSafe(doc)) === JSON.stringify(doc);
        // a card is Markdown: a line break inside an id cannot stay inside its table cell
        const oneLine = !/\\[nr]/.test(JSON.stringify(doc));
        const formats = [
          "cyclonedx",
          "prov-jsonld",
          ...(xmlClean ? (["spdx3"] as const) : []),
          ...(oneLine ? (["hf-card"] as const) : []),
        ] as const;
        for (const format of formats) {
          const back = readStandardExport(exportLineage(doc, format), `lineage.${format}`);
          expect(back?.document, format).toEqual(carriedBy(format, doc));
        }
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it("pass SPDX SHACL and give the expected PROV graph", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryWildDocument, async (doc) => {
        const { messages } = await validateSpdxShacl(toSpdx3(doc));
        expect(messages.filter((m) => !isAstralStringFalsePositive(m))).toEqual([]);
        await checkProvGraph(doc, toProvJsonLd(doc));
        await sameGraph(toProvJsonLd(doc), exportLineage(doc, "prov-turtle"));
      }),
      { numRuns: 25, seed: SEED },
    );
  });
});
