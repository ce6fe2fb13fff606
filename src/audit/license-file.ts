/**
 * The LICENSE file shipped next to a card. When the card declares another licence, the two are reported
 * (`license-contradiction`). When the card declares none, a Hub model card's (one with front matter) LICENSE is
 * the licence the model is published under; a project README's is only noted: in a GitHub repository it is
 * often the code's licence, and reading it as the weights' licence would invent conflicts.
 */
import type { LineageDocument } from "../schema/lineage.js";
import { licenseOfFile, licensesInText, type TextLicense } from "./license-text.js";
import type { AuditFinding } from "./report.js";
import { knownEntries, type ResolvedLicense } from "./resolve-license.js";

/** A licence file as read from disk. */
export interface LicenseFile {
  text: string;
  /** Its name, as shown in findings (`LICENSE`). */
  file: string;
  /** True when the file is named for the model (`MODEL_LICENSE`, `LICENSE-WEIGHTS.md`): the weights' licence. */
  model?: boolean;
}

/** The licence a LICENSE file was recognised as. */
export interface ShippedLicense extends TextLicense {
  file: string;
  /** True when the card declares no licence (or a placeholder such as `license: license`). */
  undeclared: boolean;
}

/** What a card writes when it declares no licence (`license: license` is TRL's template placeholder). */
export const PLACEHOLDER_LICENSES: ReadonlySet<string> = new Set([
  "license",
  "licence",
  "unknown",
  "none",
  "n/a",
  "other",
  "",
]);

/** What the LICENSE file holds, if it is recognised. */
export function readLicenseFile(
  doc: LineageDocument,
  file: LicenseFile | undefined,
): ShippedLicense | undefined {
  const found = file ? licenseOfFile(file.text) : undefined;
  if (!file || !found) return undefined;
  const written = doc.subject.license?.trim().toLowerCase() ?? "";
  const undeclared = PLACEHOLDER_LICENSES.has(written) && doc.subject.licenseName === undefined;
  return { ...found, file: file.file, undeclared };
}

/** A note when the card declares no licence, or a `license-contradiction` when it declares another one. */
export function licenseFileFindings(
  subjectId: string,
  shipped: ShippedLicense | undefined,
  declared: ResolvedLicense | undefined,
  asDeclared = false,
): { findings: AuditFinding[]; notCommercial: string[] } {
  if (!shipped) return { findings: [], notCommercial: [] };
  const { entry, quote, file } = shipped;
  if (asDeclared)
    return {
      findings: [
        {
          severity: "info",
          code: "inferred-license",
          message: `${subjectId}'s model card declares no licence; the ${file} shipped with it is ${entry.id} ('${quote.replace(/\s+/g, " ")}'), audited as the licence it is published under`,
          license: entry.id,
          source: entry.source,
        },
      ],
      notCommercial: [],
    };
  if (shipped.undeclared)
    return {
      findings: [
        {
          severity: "info",
          code: "inferred-license",
          message: `${subjectId} declares no licence in its card; its ${file} is ${entry.id} ('${quote.replace(/\s+/g, " ")}'), which may cover only the code: say which licence covers the weights`,
          license: entry.id,
          source: entry.source,
        },
      ],
      notCommercial: [],
    };
  if (declared?.status !== "known" || knownEntries(declared).some((e) => e.id === entry.id))
    return { findings: [], notCommercial: [] };
  const permits = knownEntries(declared).every((e) => e.commercial !== "not-allowed");
  const clash = permits && entry.commercial === "not-allowed";
  return {
    findings: [
      {
        severity: "error",
        code: "license-contradiction",
        message: `two licences for ${subjectId}: its card declares ${declared.text}, its ${file} is ${entry.id} ('${quote.replace(/\s+/g, " ")}'); which covers the weights is not said`,
        license: entry.id,
        source: entry.source,
      },
    ],
    notCommercial: clash
      ? [`the ${file} shipped with it is ${entry.id} (its card says ${declared.text})`]
      : [],
  };
}

/**
 * A card that declares its base's licence by reference ("released under the same license as the Llama 3.2 base
 * model") but names another licence in the same line ("Please review [Llama 3 License](…)"): two licences for
 * one model, both quoted. Licences named that the chain also carries are not another licence.
 */
export function referenceContradiction(
  subjectId: string,
  byReference: string,
  licenseLines: readonly string[],
  inherited: ReadonlySet<string>,
): AuditFinding | undefined {
  // Only the line that makes the reference: a licence named elsewhere ("## License: Apache 2.0, see LICENSE") is
  // often the code's, scoped apart from the model's.
  const line = licenseLines.find((l) => l.includes(byReference)) ?? "";
  const named = licensesInText(line).filter((t) => !inherited.has(t.entry.id));
  const other = named[0];
  if (!other || inherited.size === 0) return undefined;
  return {
    severity: "error",
    code: "license-contradiction",
    message: `two licences for ${subjectId}: its card declares its base's licence by reference ('${byReference}'), which is ${[...inherited].join(", ")}, and names ${other.entry.id} ('${other.quote}'); which applies is not said`,
    license: other.entry.id,
    source: other.entry.source,
  };
}

/**
 * A licence file for the training data (`DATA_LICENSE`) that forbids commercial use (CC BY-NC …): the data the
 * card's model was trained on are non-commercial, quoted from the file. Other data licences add nothing here
 * (the data's terms are read where the card names the data).
 */
export function dataLicenseFindings(file: LicenseFile | undefined): {
  findings: AuditFinding[];
  notCommercial: string[];
} {
  const found = file ? licenseOfFile(file.text) : undefined;
  if (!file || !found || found.entry.commercial !== "not-allowed") return { findings: [], notCommercial: [] };
  const id = `the training data (${file.file})`;
  return {
    findings: [
      {
        severity: "warning",
        code: "non-commercial",
        message: `trained on data its ${file.file} licenses as ${found.entry.id} ('${found.quote.replace(/\s+/g, " ")}'): non-commercial use only`,
        ancestor: { kind: "dataset", id, role: "dataset" },
        license: found.entry.id,
        source: found.entry.source,
      },
    ],
    notCommercial: [`${found.entry.id} ${id}`],
  };
}
