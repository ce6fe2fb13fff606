import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { updateHfCard } from "../../export/hf-card.js";
import { EXPORT_FORMATS, EXPORTERS, type ExportFormat, exportLineage } from "../../export/index.js";
import { writeFileAtomic } from "../../io/write-document.js";
import { CliError, type Command, EXIT, flag, printJson, str } from "../command.js";
import { loadValidDocument } from "../load-document.js";

function formatOf(value: string | undefined): ExportFormat {
  if (value === undefined) throw new CliError(`--format is required: one of ${EXPORT_FORMATS.join(", ")}`);
  const normal = value.trim().toLowerCase();
  const hit = EXPORT_FORMATS.find((f) => f === normal);
  if (!hit)
    throw new CliError(`--format ${JSON.stringify(value)}: expected one of ${EXPORT_FORMATS.join(", ")}`);
  return hit;
}

function write(path: string, text: string): void {
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${path}: cannot write (${reason})`, EXIT.usage);
  }
}

export const exportCommand: Command = {
  path: ["export"],
  summary:
    "write a lineage document as a model card, PROV, SPDX 3, CycloneDX, schema.org, a diagram or OpenLineage",
  usage: "ftl export FILE --format FORMAT [--out PATH | --into README.md] [--timestamp] [--json]",
  positionals: { min: 1, max: 1, names: "FILE" },
  options: {
    format: {
      type: "string",
      short: "f",
      value: "FORMAT",
      description: `One of ${EXPORT_FORMATS.join(", ")}`,
    },
    out: {
      type: "string",
      short: "o",
      value: "PATH",
      description: "Write to PATH (atomically) instead of stdout",
    },
    into: {
      type: "string",
      value: "README.md",
      description:
        "hf-card only: update this card in place (front matter keys merged, lineage section replaced between markers)",
    },
    timestamp: {
      type: "boolean",
      description: "Record the export time (output is otherwise the same for the same document)",
    },
    json: {
      type: "boolean",
      description: "Print {format, input, output, bytes, content} (content only when not written to a file)",
    },
  },
  details: `Formats:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(12)} ${EXPORTERS[f].summary}`).join("\n")}
Output is deterministic: stable ordering, and no time unless --timestamp is given (formats that require a
time get the document's own step times, else 1970-01-01T00:00:00Z).
Exit codes: 0 written, 1 invalid document, 2 usage error (missing file, unknown format, --into with a
format other than hf-card, unwritable output).`,
  examples: [
    "ftl export lineage.json --format hf-card --into README.md",
    "ftl export examples/zephyr-7b-beta.lineage.json --format cyclonedx --out zephyr.cdx.json",
    "ftl export lineage.json -f prov-turtle",
    "ftl export lineage.json -f mermaid",
  ],
  run({ positionals, values, io }) {
    const file = positionals[0] as string;
    const format = formatOf(str(values, "format"));
    const into = str(values, "into");
    const out = str(values, "out");
    if (into !== undefined && format !== "hf-card")
      throw new CliError(`--into updates a model card: it needs --format hf-card, not ${format}`);
    if (into !== undefined && out !== undefined)
      throw new CliError("--into and --out cannot be used together");
    const { document } = loadValidDocument(file, { allow: ["graph.subject-mismatch"] });
    const options = flag(values, "timestamp") ? { timestamp: new Date().toISOString() } : {};
    let text: string;
    let target: string | undefined;
    if (into !== undefined) {
      target = resolve(io.cwd, into);
      let existing = "";
      if (existsSync(target)) {
        try {
          existing = readFileSync(target, "utf8");
        } catch (error) {
          throw new CliError(
            `${into}: cannot read (${error instanceof Error ? error.message : String(error)})`,
          );
        }
      }
      try {
        text = updateHfCard(existing, document, options);
      } catch (error) {
        throw new CliError(
          `${into}: ${error instanceof Error ? error.message : String(error)}`,
          EXIT.invalid,
        );
      }
    } else {
      text = exportLineage(document, format, options);
      if (out !== undefined && out !== "-") target = resolve(io.cwd, out);
    }
    if (target !== undefined) write(target, text);
    const bytes = Buffer.byteLength(text);
    if (flag(values, "json"))
      printJson(io, {
        format,
        input: file,
        output: target ?? null,
        bytes,
        ...(target === undefined ? { content: text } : {}),
      });
    else if (target === undefined) io.stdout(text);
    else io.stderr(`ftl: wrote ${format} (${bytes} bytes) to ${into ?? out}\n`);
    return EXIT.ok;
  },
};
