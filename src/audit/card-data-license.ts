/**
 * A card that states its training data's licence in words: Stanford Alpaca's notice, copied by the projects built
 * on it ("The dataset is CC BY NC 4.0 (allowing only non-commercial use) and models trained using the dataset should
 * not be used outside of research purposes"), a `Data License` badge, "the datasets are under the CC-BY-NC-4.0
 * License", "The data provided are intended for research purposes only". When that licence forbids commercial use,
 * the data the model was trained on are non-commercial, quoted from the card (as a `DATA_LICENSE` file would say,
 * `license-file.ts`). Pure; never throws.
 */

import { stepLabel } from "./audit-text.js";
import type { Collected } from "./collect-types.js";
import { licenseEntry } from "./knowledge.js";
import { licensesInText, nonCommercialInProse } from "./license-text.js";
import type { AuditFinding } from "./report.js";
import type { LicenseEntry } from "./terms.js";

/** The data's licence as the card states it, with the words quoted. */
export interface CardDataLicense {
  entry: LicenseEntry;
  quote: string;
}

/** The data as the subject of a sentence ("The dataset is", "the datasets are under", "Data License"). */
const DATA_SUBJECT =
  /\b(?:the |our |this |all )?(?:training |instruction |fine-?tuning )?(?:data(?:sets?)?|data provided|corpus)\s+(?:is|are|(?:is |are )?(?:licensed|released|distributed|provided|intended|made available)|adheres? to|licen[cs]e)\b/i;
/** Words that turn the licence to something else between the data and it ("the model", "code"). */
const OTHER_SUBJECT = /\b(?:model|models|weights|checkpoints?|code|software|repository)\b/i;

/** A badge's text, decoded (`Data%20License-CC%20By%20NC%204.0` → `Data License-CC By NC 4.0`). */
function decoded(line: string): string {
  return line.includes("%20") ? line.replace(/%20/g, " ") : line;
}

/** The licence a sentence gives its data, when it forbids commercial use. */
function ncLicenseOfData(sentence: string): CardDataLicense | undefined {
  const subject = DATA_SUBJECT.exec(sentence);
  if (!subject) return undefined;
  const after = sentence.slice(subject.index + subject[0].length);
  const head = after.slice(0, 80);
  const other = OTHER_SUBJECT.exec(head);
  const clause = other ? head.slice(0, other.index) : head;
  const named = licensesInText(clause)[0];
  if (named)
    return named.entry.commercial === "not-allowed" ? { entry: named.entry, quote: sentence } : undefined;
  // "Research purposes only" binds data only when the card says the data are licensed or intended so (not a
  // disclaimer: "This dataset is for educational and research purposes only").
  if (!/\b(?:licen[cs]ed|intended)\b/i.test(subject[0] + clause)) return undefined;
  const research = licenseEntry("research-use-only");
  return research && nonCommercialInProse(clause) ? { entry: research, quote: sentence } : undefined;
}

/** The non-commercial licence a card states for its training data, if any (the first sentence that states one). */
export function dataLicenseInCard(body: string): CardDataLicense | undefined {
  for (const raw of body.split(/\n+/)) {
    if (raw.length > 2000) continue;
    for (const sentence of decoded(raw).split(/(?<=[.!?])\s+/)) {
      const found = ncLicenseOfData(sentence);
      if (found) return { ...found, quote: found.quote.trim().slice(0, 200) };
    }
  }
  return undefined;
}

/**
 * The finding for a card's non-commercial data licence, when some training data have no licence the audit knows
 * (a dataset the table lacks, a step that names none, or no data at all): those are the data the card's words
 * license. Data whose licence is known keep it (their own terms were already judged).
 */
export function cardDataLicenseFindings(
  body: string,
  datasets: readonly { id: string; known: boolean }[],
): { findings: AuditFinding[]; notCommercial: string[] } {
  const unknown = datasets.find((d) => !d.known);
  if (datasets.length > 0 && unknown === undefined) return { findings: [], notCommercial: [] };
  const found = dataLicenseInCard(body);
  if (!found) return { findings: [], notCommercial: [] };
  const id = unknown?.id ?? "the training data the card describes";
  return {
    findings: [
      {
        severity: "warning",
        code: "non-commercial",
        message: `the card licenses its training data (${id}) as ${found.entry.id}: '${found.quote}'; non-commercial use only`,
        ancestor: { kind: "dataset", id, role: "dataset" },
        license: found.entry.id,
        source: found.entry.source,
      },
    ],
    notCommercial: [`${found.entry.id} ${id} (the card's text)`],
  };
}

/** The training data the audit reached, each with whether its licence is known; a step that names none is unknown. */
export function trainingData(collected: Collected): { id: string; known: boolean }[] {
  return [
    ...collected.reaches
      .filter((r) => r.kind === "dataset" && r.role === "dataset")
      .map((r) => ({ id: r.id, known: r.resolved?.status === "known" })),
    ...collected.undocumented.map((step) => ({ id: `the data of ${stepLabel(step)}`, known: false })),
  ];
}
