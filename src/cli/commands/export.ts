import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { CardUpdateError, updateHfCard, updateHfCardBytes } from "../../export/card-into.js";
import { EXPORT_FORMATS, EXPORTERS, type ExportFormat, exportLineage } from "../../export/index.js";
import { readBounded } from "../../io/bounded-read.js";
import { replaceFileKeeping, writeFailure, writeFileAtomic } from "../../io/write-document.js";
import { didYouMean } from "../../validate/suggest.js";
import { CliError, type Command, EXIT, flag, printJson, str, UsageError } from "../command.js";
import { loadValidDocument } from "../load-document.js";

function formatOf(value: string | undefined): ExportFormat {
  if (value === undefined) throw new CliError(`--format is required: one of ${EXPORT_FORMATS.join(", ")}`);
  const normal = value.trim().toLowerCase();
  const hit = EXPORT_FORMATS.find((f) => f === normal);
  if (!hit)
    throw new UsageError(
      `--format ${JSON.stringify(value)}: expected one of ${EXPORT_FORMATS.join(", ")}${didYouMean(value, EXPORT_FORMATS)}`,
    );
  return hit;
}

/** Writes the output; errors name the path as the user gave it, never a temporary file. */
function write(path: string, shown: string, text: string, existing: boolean): void {
  try {
    if (existing) replaceFileKeeping(path, text);
    else writeFileAtomic(path, text);
  } catch (error) {
    throw new CliError(`${shown}: cannot write (${writeFailure(error)})`, EXIT.usage);
  }
}

/** The card `--into` names, merged with the lineage; refuses (exit 1) anything it could not keep. */
function intoCard(
  into: string,
  target: string,
  document: Parameters<typeof updateHfCard>[1],
  options: object,
): string {
  if (!existsSync(target)) return updateHfCard("", document, options);
  const read = readBounded(target, { what: "model card" });
  if (!read.ok) throw new CliError(read.message.replace(target, into), EXIT.usage);
  try {
    return updateHfCardBytes(read.bytes, document, options);
  } catch (error) {
    if (error instanceof CardUpdateError) throw new CliError(`${into}: ${error.message}`, EXIT.invalid);
    throw error;
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
  rawStdout: true,
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
    let existing = false;
    if (into !== undefined) {
      target = resolve(io.cwd, into);
      existing = existsSync(target);
      text = intoCard(into, target, document, options);
    } else {
      text = exportLineage(document, format, options);
      if (out !== undefined && out !== "-") target = resolve(io.cwd, out);
    }
    if (target !== undefined) write(target, into ?? out ?? target, text, existing);
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
    else io.stderr(`wrote ${format} (${bytes} bytes) ${into ? "into" : "to"} ${into ?? out}\n`);
    return EXIT.ok;
  },
};
