/**
 * What `ftl audit` reads for FILE and hf:ID: the document (or the lineages a folder holds), the card, the files
 * read with it and the LICENSE next to it.
 */
import { statSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { type CardFiles, cardFilesOf } from "../../audit/card-files.js";
import type { OneLineage } from "../../audit/several-lineages.js";
import type { ExtractResult } from "../../extract/types.js";
import { readBounded } from "../../io/bounded-read.js";
import { firstInvalidUtf8, readInput } from "../../io/read-input.js";
import { refKind } from "../../model/refs.js";
import type { LineageDocument } from "../../schema/lineage.js";
import { validateLineage } from "../../validate/validate.js";
import { CliError, EXIT, type Io } from "../command.js";

export interface Loaded {
  document: LineageDocument;
  /** The model card's text when FILE is a card: the audit reads bases and licence lines the import lost. */
  cardText?: string;
  /** The LICENSE file next to the card, if any. */
  licenseFile?: { text: string; file: string; model?: boolean };
  /** A licence file for the training data (`DATA_LICENSE`) next to the card, if any. */
  dataLicenseFile?: { text: string; file: string };
  /** Several lineages that do not connect, the card's first: each is audited (`document` is the first). */
  lineages?: OneLineage[];
  /** Other files read with the card: a second card, training scripts. */
  otherTexts?: { file: string; text: string }[];
  complete: boolean;
  warnings: { code: string; message: string }[];
  from: "document" | "import" | "hub" | "registry";
}

export function readText(path: string, what: string): string {
  const read = readBounded(path, { what, maxBytes: 4 * 1024 * 1024 });
  if (!read.ok)
    throw new CliError(`${path}: cannot read the ${what} (${read.message.slice(path.length + 2)})`);
  const bad = firstInvalidUtf8(read.bytes);
  if (bad !== -1) throw new CliError(`${path}: the ${what} is not valid UTF-8 (byte offset ${bad})`);
  return read.bytes.toString("utf8");
}

export async function loadFromHub(ref: string, depth: number | undefined, io: Io): Promise<Loaded> {
  const { importFromHub, HubError } = await import("../../hub/index.js");
  try {
    const result = await importFromHub(ref, {
      ...(depth !== undefined ? { depth } : {}),
      ...(io.env.HF_ENDPOINT ? { endpoint: io.env.HF_ENDPOINT } : {}),
      ...(io.env.HF_TOKEN ? { token: io.env.HF_TOKEN } : {}),
      ...(io.isTTY ? { onProgress: (m: string) => io.stderr(`${m}\n`) } : {}),
    });
    return { ...result, from: "hub" };
  } catch (error) {
    if (error instanceof HubError) {
      const network = ["unreachable", "rate-limited", "server-error", "truncated", "bad-response"].includes(
        error.code,
      );
      throw new CliError(`${ref}: ${error.message}`, network ? EXIT.incomplete : EXIT.usage);
    }
    throw error;
  }
}

export async function loadFile(path: string): Promise<Loaded> {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // `ftl audit org/name` means a model: say how to name one in the registry or on the Hub.
    const model = refKind(path) === "hub" ? `; for a model, give registry:${path} or hf:${path}` : "";
    if (path !== "-") throw new CliError(`${path}: no such file${model}`);
  }
  if (!isDirectory) {
    const read = readInput(path);
    if (!read.ok && read.kind === "usage") throw new CliError(read.message);
    const value = read.ok ? read.value : undefined;
    if (!read.ok && path === "-")
      throw new CliError(`<stdin>: ${read.issues[0]?.message ?? "unreadable"}`, EXIT.invalid);
    if ((typeof value === "object" && value !== null && "format" in value) || path === "-") {
      const report = validateLineage(value);
      const errors = report.issues.filter(
        (i) => i.severity === "error" && i.code !== "graph.subject-mismatch",
      );
      if (errors.length > 0 || report.document === undefined)
        throw new CliError(
          `${path === "-" ? "<stdin>" : path}: not a valid ftl/v1 document\n${errors
            .slice(0, 5)
            .map((i) => `  ✗ ${i.message}`)
            .join("\n")}`,
          EXIT.invalid,
        );
      return { document: report.document, complete: true, warnings: [], from: "document" };
    }
  }
  const { importGroups } = await import("../../extract/import-files.js");
  try {
    const grouped = await importGroups([path]);
    const files = cardFilesOf(path, isDirectory);
    // Several lineages that do not connect (a recipe folder, one config per run): each is audited, the card's
    // own lineage first (it names the subject).
    const shortName = (f: string) => (isDirectory ? relative(path, resolve(f)) || basename(f) : basename(f));
    const docs = [...grouped.documents].sort(
      (a, b) => Number(!readFrom(a, files.card)) - Number(!readFrom(b, files.card)),
    );
    const only = docs[0];
    if (!only) throw new Error("nothing to read");
    return {
      ...only,
      ...cardInputs(path, isDirectory, files),
      ...(docs.length > 1
        ? { lineages: docs.map((d) => ({ document: d.document, files: provenanceFiles(d).map(shortName) })) }
        : {}),
      warnings: [...grouped.warnings, ...docs.flatMap((d) => d.warnings)],
      complete:
        docs.every((d) => d.complete) &&
        grouped.warnings.filter((w) => w.code !== "extract.unrelated").length === 0,
      from: "import",
    };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `${path}: neither an ftl/v1 document nor something ftl import reads (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** The files a document was imported from. */
function provenanceFiles(result: ExtractResult): string[] {
  return [...new Set((result.document.provenance?.file ?? "").split(", ").filter(Boolean))];
}

/** True when the document was read from the card. */
function readFrom(result: ExtractResult, card: string | undefined): boolean {
  return card !== undefined && provenanceFiles(result).some((f) => resolve(f) === resolve(card));
}

/** The card, the other files read with it (a second card, training scripts) and the LICENSE next to it. */
function cardInputs(
  path: string,
  isDirectory: boolean,
  files: CardFiles,
): Pick<Loaded, "cardText" | "licenseFile" | "dataLicenseFile" | "otherTexts"> {
  if (files.card === undefined) return {};
  const name = (p: string) => relative(isDirectory ? path : dirname(path), p) || basename(p);
  const otherTexts = files.others.flatMap((p) => {
    try {
      return [{ file: name(p), text: readText(p, "file") }];
    } catch {
      return []; // a file the audit cannot read as text is not one it reads
    }
  });
  return {
    cardText: readText(files.card, "model card"),
    ...(files.license
      ? {
          licenseFile: {
            text: readText(files.license, "licence file"),
            file: name(files.license),
            ...(files.licenseIsModel ? { model: true } : {}),
          },
        }
      : {}),
    ...(files.dataLicense
      ? {
          dataLicenseFile: {
            text: readText(files.dataLicense, "data licence file"),
            file: name(files.dataLicense),
          },
        }
      : {}),
    ...(otherTexts.length > 0 ? { otherTexts } : {}),
  };
}
