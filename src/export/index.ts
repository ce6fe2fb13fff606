/**
 * Every export format, as data: its name, what it is, the file extension it is usually written with, and the
 * function that writes it. `exportLineage(doc, format)` is the one entry point the CLI uses.
 */
import type { LineageDocument } from "../schema/lineage.js";
import type { ExportOptions } from "./_shared.js";
import { exportCycloneDx } from "./cyclonedx.js";
import { exportDot } from "./dot.js";
import { exportHfCard } from "./hf-card.js";
import { exportMermaid } from "./mermaid.js";
import { exportOpenLineage } from "./openlineage.js";
import { exportProvJsonLd, exportProvTurtle } from "./prov.js";
import { exportSchemaOrg } from "./schema-org.js";
import { exportSpdx3 } from "./spdx3.js";

export const EXPORT_FORMATS = [
  "hf-card",
  "prov-jsonld",
  "prov-turtle",
  "spdx3",
  "cyclonedx",
  "jsonld",
  "mermaid",
  "dot",
  "openlineage",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  summary: string;
  extension: string;
  write: (doc: LineageDocument, options: ExportOptions) => string;
}

export const EXPORTERS = {
  "hf-card": {
    summary: "Hugging Face model card: front matter + “Fine-tune lineage” section",
    extension: ".md",
    write: exportHfCard,
  },
  "prov-jsonld": { summary: "W3C PROV-O as JSON-LD", extension: ".prov.jsonld", write: exportProvJsonLd },
  "prov-turtle": { summary: "W3C PROV-O as Turtle", extension: ".prov.ttl", write: exportProvTurtle },
  spdx3: {
    summary: "SPDX 3.0.1 JSON-LD (AI, Dataset, Build profiles)",
    extension: ".spdx.json",
    write: exportSpdx3,
  },
  cyclonedx: { summary: "CycloneDX 1.6 JSON ML-BOM", extension: ".cdx.json", write: exportCycloneDx },
  jsonld: { summary: "schema.org JSON-LD for catalogues", extension: ".jsonld", write: exportSchemaOrg },
  mermaid: { summary: "Mermaid flowchart", extension: ".mmd", write: (doc) => exportMermaid(doc) },
  dot: { summary: "Graphviz DOT digraph", extension: ".dot", write: (doc) => exportDot(doc) },
  openlineage: {
    summary: "OpenLineage 2-0-2 RunEvents, one JSON object per line",
    extension: ".openlineage.jsonl",
    write: exportOpenLineage,
  },
} as const satisfies Record<ExportFormat, ExportFormatInfo>;

/**
 * Writes a document in one of the export formats. Deterministic: the same document gives the same text,
 * and no time is written unless `options.timestamp` is given.
 *
 * @example
 * const bom = exportLineage(doc, "cyclonedx");
 */
export function exportLineage(
  doc: LineageDocument,
  format: ExportFormat,
  options: ExportOptions = {},
): string {
  return EXPORTERS[format].write(doc, options);
}

export type { ExportOptions } from "./_shared.js";
export { CardUpdateError, updateHfCard, updateHfCardBytes } from "./card-into.js";
export { exportCycloneDx, toCycloneDx } from "./cyclonedx.js";
export { exportDot } from "./dot.js";
export { cardMetadata, exportHfCard, lineageSection } from "./hf-card.js";
export { carriedBy, REIMPORTABLE_FORMATS, type ReimportableFormat } from "./losses.js";
export { exportMermaid } from "./mermaid.js";
export { exportOpenLineage, HYPERPARAMETERS_FACET_SCHEMA_URL, toOpenLineage } from "./openlineage.js";
export { exportProvJsonLd, exportProvTurtle, provGraph, toProvJsonLd } from "./prov.js";
export { readStandardExport, type StandardImport } from "./reimport.js";
export { exportSchemaOrg, LINEAGE_TERM, toSchemaOrg } from "./schema-org.js";
export { exportSpdx3, toSpdx3 } from "./spdx3.js";
