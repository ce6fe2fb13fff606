/**
 * The audit engine: compares the licence a subject declares with every licence that reaches it through its
 * ancestry, and reports findings (each with its path through the chain), obligations and a verdict on
 * commercial use. Never throws on unknown licence strings: they become `unknown-license` findings.
 */
import type { LineageDocument } from "../schema/lineage.js";
import { validateLineage } from "../validate/validate.js";
import { type AuditState, newAuditState } from "./audit-state.js";
import { buildReport } from "./build-report.js";
import { cardDataLicenseFindings, trainingData } from "./card-data-license.js";
import { withProseDatasets } from "./card-datasets.js";
import { type OtherText, withOtherTexts } from "./card-files.js";
import { describesOriginal, inheritedFromBase, placeholderName } from "./card-inherited.js";
import { readCard } from "./card-text.js";
import { type ChainFindings, chainChecks, isUnnamed, withCardBases } from "./chain-checks.js";
import { chainTermFindings } from "./chain-terms.js";
import { type Collected, type CollectOptions, collectAncestors } from "./collect-ancestors.js";
import { completenessFindings, undeclaredFindings } from "./completeness-findings.js";
import { driftFindings } from "./data-findings.js";
import {
  dataLicenseFindings,
  type LicenseFile,
  licenseFileFindings,
  PLACEHOLDER_LICENSES,
  readLicenseFile,
} from "./license-file.js";
import { licensesInText, nonCommercialInProse } from "./license-text.js";
import { reachFindings } from "./reach-findings.js";
import type { AuditReport } from "./report.js";
import { subjectFindings } from "./subject-findings.js";
import { decideVerdict, settledByVerdict } from "./verdict.js";

export { namedAs, obligationSentence, pathText, stepLabel } from "./audit-text.js";

export interface AuditOptions extends CollectOptions {
  /** False when the document came from an import that could not read every input. */
  complete?: boolean;
  /**
   * The model card the document was imported from (Markdown with its front matter), when there is one: bases,
   * licence lines and data sources the import did not carry are read from it. Else the document's description.
   */
  cardText?: string;
  /** The LICENSE file shipped next to the card, if any: the subject's licence when the card declares none. */
  licenseFile?: LicenseFile;
  /** A licence file for the training data (`DATA_LICENSE`) next to the card, if any. */
  dataLicenseFile?: LicenseFile;
  /** Other files next to the card (a second card, training scripts): bases and prose they name are read too. */
  otherTexts?: readonly OtherText[];
}

/** A card saying its training data is synthetic or generated, in one sentence. */
const SYNTHETIC_DATA =
  /\b(?:trained|fine[- ]?tuned|finetuned)\b[^.\n]{0,20}\b(?:on|with)\b[^.\n]{0,30}\b(?:synthetic|generated|distilled)\b[^.\n]{0,30}\b(?:data|datasets?|examples|conversations)\b[^.\n]{0,60}/i;

/**
 * True when the licence a document names is the licence file beside its card: a card that links its weights'
 * licence as `[Model License](MODEL_LICENSE)` is imported as `other` named `MODEL_LICENSE`, and that file holds it.
 */
function namesLicenseFile(doc: LineageDocument, file: LicenseFile | undefined): boolean {
  const stem = (name: string) =>
    (name.trim().split(/[\\/]/).pop() ?? "").replace(/\.(?:md|txt)$/i, "").toLowerCase();
  const named = doc.subject.licenseName ?? doc.subject.license ?? "";
  return file !== undefined && named !== "" && stem(named) === stem(file.file);
}

/** A model licence file (named for the weights) whose text no table knows but whose words say non-commercial. */
function bespokeWeightsLicense(
  doc: LineageDocument,
  file: LicenseFile | undefined,
  recognised: boolean,
): { file: string; words?: string } | undefined {
  if (!file?.model || recognised) return undefined;
  const undeclared =
    doc.subject.licenseName === undefined &&
    PLACEHOLDER_LICENSES.has(doc.subject.license?.trim().toLowerCase() ?? "");
  if (!undeclared && !namesLicenseFile(doc, file)) return undefined;
  // Terms the knowledge base does not hold are still a licence the publisher ships: its own, unread, not none.
  const words = nonCommercialInProse(file.text);
  return words === undefined ? { file: file.file } : { file: file.file, words };
}

/** A line that gives a licence to the code only: "Code License: Apache 2.0", "our code is released under MIT". */
const CODE_LINE = /\bcode\b/i;
const MODEL_LINE = /\b(?:model|weights?|checkpoints?|data)\b/i;
function codeLicenses(body: string): Set<string> {
  const ids = new Set<string>();
  for (const line of body.split(/\r?\n/)) {
    if (line.length > 400) continue;
    // Badges put the label in the image text: `![Code License](…Code%20License-Apache_2.0…)`.
    const text = decodeBadge(line);
    for (const part of text.split(/(?<=[.!?])\s+|\)\s*!?\[/)) {
      if (!CODE_LINE.test(part) || MODEL_LINE.test(part)) continue;
      for (const hit of licensesInText(part)) ids.add(hit.entry.id);
    }
  }
  return ids;
}
function decodeBadge(line: string): string {
  try {
    return decodeURIComponent(line).replace(/[_]/g, " ");
  } catch {
    return line;
  }
}

/** The document as the audit reads it: with the card's bases and prose datasets, and the shipped LICENSE. */
async function readChain(doc: LineageDocument, options: AuditOptions) {
  const card = withOtherTexts(readCard(options.cardText ?? doc.description ?? ""), options.otherTexts ?? []);
  const augmented = withCardBases(doc, card);
  const shipped = readLicenseFile(augmented.doc, options.licenseFile);
  // A LICENSE next to a Hub model card (front matter) that declares none is what its publisher ships the model
  // under; next to a project README it is often the code's, and only a note.
  // A licence file named for the model (`MODEL_LICENSE`, `LICENSE-WEIGHTS.md`) is the weights' licence wherever it is.
  // A card that names that very file as its licence ("[Model License](MODEL_LICENSE)") declares what it holds.
  const shippedAsDeclared =
    shipped !== undefined &&
    ((shipped.undeclared && (card.modelCard === true || options.licenseFile?.model === true)) ||
      namesLicenseFile(augmented.doc, options.licenseFile));
  // A weights licence in no known text (a bespoke agreement) is the subject's licence: read as non-commercial when
  // its words say non-commercial or research-only, else as terms the knowledge base does not hold (never as none).
  const bespoke = bespokeWeightsLicense(augmented.doc, options.licenseFile, shipped !== undefined);
  const subjectDoc = shippedAsDeclared
    ? { ...augmented.doc, subject: { ...augmented.doc.subject, license: shipped.entry.id } }
    : bespoke
      ? {
          ...augmented.doc,
          subject: { ...augmented.doc.subject, license: "other", licenseName: bespoke.file },
        }
      : augmented.doc;
  const subjectProse = bespoke?.words ? [...card.licenseLines, bespoke.words] : card.licenseLines;
  // Well-known datasets the card names only in prose go to a step that names no data.
  const proseData = withProseDatasets(subjectDoc, card.body);
  const inherited = inheritedFromBase(proseData.doc, card.licenseLines);
  const collected = await collectAncestors(proseData.doc, {
    ...options,
    subjectProse,
    ...(inherited ? { inherited } : {}),
  });
  return { card, augmented, shipped, shippedAsDeclared, proseData, collected };
}

/** Terms that apply across the chain: names, attribution, use restrictions, thresholds, combinations. */
function chainTermPass(
  state: AuditState,
  doc: LineageDocument,
  augmented: LineageDocument,
  collected: Collected,
  heading: string | undefined,
): void {
  const named = augmented.subject.name;
  const subjectName = doc.subject.id.split("/").pop() ?? doc.subject.id;
  const family = collected.subject.license.family;
  const findings = chainTermFindings({
    subjectId: state.subjectId,
    // An import that could not name the subject calls it "unknown" (confidence 0): its name cannot be judged,
    // unless the card is the Hub template that names it only by its placeholder ("# Model Card for Model ID"):
    // then the model is distributed under that placeholder, which a name rule judges like any other name.
    names: isUnnamed(augmented)
      ? placeholderName(heading)
      : doc.subject.id === "unknown" && named !== undefined
        ? [named]
        : [subjectName, ...(named !== undefined ? [named] : [])],
    ...(family?.entry.official ? { ownLicense: family.license.id } : {}),
    allEntries: state.allEntries,
    modelEntries: state.modelEntries,
  });
  state.findings.push(...findings);
}

/**
 * Data terms that do not forbid commercial use but make "allowed" come with warnings: provider output terms,
 * share-alike or no-derivatives data, and synthetic data the card describes but no step names.
 */
function dataTermPass(state: AuditState, checks: ChainFindings, text: string, collected: Collected): void {
  for (const f of [...state.findings, ...checks.findings])
    if (f.code === "output-terms" || f.code === "share-alike" || f.code === "no-derivatives")
      state.dataWarnings.push(
        f.code === "output-terms"
          ? `${f.license} terms reach ${f.ancestor ? `dataset ${f.ancestor.id}` : "the data the card describes"}`
          : `${f.code} dataset ${f.ancestor?.id ?? ""}`,
      );
  const synthetic = SYNTHETIC_DATA.exec(text);
  const outputTerms = [...state.findings, ...checks.findings].some((f) => f.code === "output-terms");
  if (!synthetic || state.ownLicensor || outputTerms || collected.reaches.some((r) => r.kind === "dataset"))
    return;
  const quote = synthetic[0].trim();
  state.findings.push({
    severity: "warning",
    code: "undocumented-data",
    message: `the card says it was trained on data it does not name ('${quote}'): the licence and terms of that data cannot be checked`,
  });
  state.dataWarnings.push(`the data the card describes ('${quote}') is not named`);
}

/** A card that says it was trained from a base (LoRA, fine-tuned, trained from) with no step to name its data. */
const TRAINED_FROM = /\b(?:Q?LoRA|fine[- ]?tun\w*|finetun\w*|trained|adapter)\b/i;
function trainedWithoutDataPass(
  state: AuditState,
  doc: LineageDocument,
  added: readonly { id: string; where: string }[],
  collected: Collected,
): void {
  if (doc.steps.length > 0 || collected.reaches.some((r) => r.kind === "dataset")) return;
  const trained = added.find((b) => TRAINED_FROM.test(b.where));
  if (!trained || state.dataWarnings.length > 0) return;
  state.findings.push({
    severity: "warning",
    code: "undocumented-data",
    message: `the card says the model was trained from ${trained.id} (${trained.where}) but names no training data: its licence and terms cannot be checked`,
  });
  state.dataWarnings.push(`the training data on ${trained.id} are not named`);
}

/**
 * Audits the licences along a document's chain.
 *
 * @example
 * const report = await auditLineage(doc, { datasets: { "org/data": "cc-by-nc-4.0" } });
 * report.verdict.commercialUse; // "not-allowed"
 */
export async function auditLineage(doc: LineageDocument, options: AuditOptions = {}): Promise<AuditReport> {
  const { card, augmented, shipped, shippedAsDeclared, proseData, collected } = await readChain(doc, options);
  const subjectLicense = collected.subject.license;
  const declared =
    subjectLicense.from === "family-name" || subjectLicense.from === "none"
      ? undefined
      : subjectLicense.resolved;
  const state = newAuditState(doc.subject.id, declared);
  // The subject is its publisher's own release of an official family (THUDM/chatglm-6b): a publisher training
  // its own model grants what its data hold, as when an ancestor is its own.
  if (subjectLicense.family?.entry.official) state.ownLicensor = true;
  if (isUnnamed(doc) && card.ownHubId) state.ownHubId = card.ownHubId;
  if (augmented.fromProse)
    state.findings.push({
      severity: "info",
      code: "inferred-license",
      message: `${state.subjectId} declares no licence in its metadata; its card's text says '${augmented.fromProse.quote}', read as ${augmented.fromProse.id}`,
      license: augmented.fromProse.id,
    });
  for (const d of proseData.added)
    state.findings.push({
      severity: "info",
      code: "data-from-card",
      message: `the card names ${d.id} as training data ('${d.where}') but the document's steps do not: audited from the card`,
    });
  subjectFindings(state, subjectLicense);
  reachFindings(state, collected.reaches);
  state.findings.push(...driftFindings(collected.reaches, state.subjectId));
  chainTermPass(state, doc, augmented.doc, collected, card.heading);
  const validation = validateLineage(doc);
  // A re-upload's card describing its original's training: the publisher's own data, as for its own model.
  if (describesOriginal(card.body, collected.reaches)) state.ownLicensor = true;
  completenessFindings(state, collected, validation, options.complete);
  undeclaredFindings(state, doc, card);
  // What the chain's own words say (card bases, two licences, generated data), then the verdict.
  const checks = chainChecks({ doc, card, collected, declared, added: augmented.added });
  if (!collected.reaches.some((r) => r.kind === "model")) state.unknownReasons.push(...state.subjectUnknown);
  dataTermPass(state, checks, [doc.description ?? "", card.body].join("\n"), collected);
  trainedWithoutDataPass(state, doc, augmented.added, collected);
  // A LICENSE whose licence the card gives to its code ("Code License: Apache 2.0") is the code's, not a second
  // licence for the model.
  const codeOnly = shipped !== undefined && codeLicenses(card.body).has(shipped.entry.id);
  const fileChecks = codeOnly
    ? { findings: [], notCommercial: [] }
    : licenseFileFindings(state.subjectId, shipped, declared, shippedAsDeclared);
  const dataFile = dataLicenseFindings(options.dataLicenseFile);
  const cardData = cardDataLicenseFindings(card.body, trainingData(collected));
  state.findings.push(...checks.findings, ...fileChecks.findings, ...dataFile.findings, ...cardData.findings);
  const verdict = decideVerdict({
    notCommercial: [
      ...state.notCommercial,
      ...checks.notCommercial,
      ...fileChecks.notCommercial,
      ...dataFile.notCommercial,
      ...cardData.notCommercial,
    ],
    unclear: [...state.unknownReasons, ...checks.unclear],
    dataWarnings: state.dataWarnings,
    declared,
    obligations: [...state.obligations.values()].map(({ entry }) => ({
      id: entry.id,
      userThreshold: entry.userThreshold,
      conditions: entry.conditions,
    })),
  });
  settledByVerdict(state.findings, verdict);
  return buildReport(state, subjectLicense, collected, verdict, validation.class);
}
