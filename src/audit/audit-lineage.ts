/**
 * The audit engine: compares the licence a subject declares with every licence that reaches it through its
 * ancestry, and reports findings (each with its path through the chain), obligations and a verdict on
 * commercial use. Never throws on unknown licence strings: they become `unknown-license` findings.
 */
import type { LineageDocument } from "../schema/lineage.js";
import { validateLineage } from "../validate/validate.js";
import {
  forbidsCommercial,
  includes,
  obligationSentence,
  pathText,
  permitsCommercial,
  ROLE_WORDS,
  stepLabel,
} from "./audit-text.js";
import { withProseDatasets } from "./card-datasets.js";
import { type OtherText, withOtherTexts } from "./card-files.js";
import { readCard } from "./card-text.js";
import { chainChecks, isUnnamed, sameLicensor, sameLicensorFinding, withCardBases } from "./chain-checks.js";
import { chainTermFindings } from "./chain-terms.js";
import { type CollectOptions, collectAncestors, type Reach } from "./collect-ancestors.js";
import { ancestorOf, datasetFindings, driftFindings } from "./data-findings.js";
import {
  type LicenseFile,
  licenseFileFindings,
  readLicenseFile,
  referenceContradiction,
} from "./license-file.js";
import type { AuditFinding, AuditReport, Obligation } from "./report.js";
import {
  knownEntries,
  type LicenseTerm,
  mostPermissiveOption,
  type ResolvedLicense,
} from "./resolve-license.js";
import { CONDITION_LABELS, type LicenseEntry } from "./terms.js";
import { decideVerdict } from "./verdict.js";

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
  /** Other files next to the card (a second card, training scripts): bases and prose they name are read too. */
  otherTexts?: readonly OtherText[];
}

/** A card saying its training data is synthetic or generated, in one sentence. */
const SYNTHETIC_DATA =
  /\b(?:trained|fine[- ]?tuned|finetuned)\b[^.\n]{0,20}\b(?:on|with)\b[^.\n]{0,30}\b(?:synthetic|generated|distilled)\b[^.\n]{0,30}\b(?:data|datasets?|examples|conversations)\b[^.\n]{0,60}/i;

/** A licence line that declares the base's licence by reference. */
const BY_REFERENCE =
  /\b(?:(?:same|original) licen[cs]e (?:as|of) (?:the |its )?(?:[\w.-]+ ){0,4}(?:base|original|parent|upstream)\b|subject to (?:the )?(?:original|base(?: model)?|upstream|parent)\b[^.\n]{0,40}\blicen[cs]e)[^.\n]{0,60}/i;

/** A re-upload by its name: a quantisation format, or an organisation that re-uploads official weights. */
const REUPLOAD_NAME =
  /(?:^|[-_.])(?:gguf|gptq|awq|exl2|mlx|bnb|fp8|int[48]|[2-8]bit|q[2-8](?:_k)?(?:_[msl])?)(?:$|[-_.])/i;
const REUPLOAD_ORGS = new Set([
  "unsloth",
  "huggyllama",
  "thebloke",
  "bartowski",
  "mlx-community",
  "lmstudio-community",
]);

/**
 * A Hub model of someone other than its family's publisher, named as a fine-tune rather than a re-upload
 * (`MaziyarPanahi/Llama-3-8B-Instruct-v0.9`, not `…-GGUF` or `unsloth/…`): its licence comes from its name, but its
 * own training, and so its data, were not read. Local paths and bare family names are not community models.
 */
function isCommunityFineTune(id: string): boolean {
  const [org, name, ...rest] = id.split("/");
  if (!org || !name || rest.length > 0 || org.includes(":")) return false;
  return !REUPLOAD_ORGS.has(org.toLowerCase()) && !REUPLOAD_NAME.test(name);
}

/** The words by which a card declares its base's licence, if it does. */
function licenseByReference(text: string): string | undefined {
  return BY_REFERENCE.exec(text)?.[0].trim();
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Audits the licences along a document's chain.
 *
 * @example
 * const report = await auditLineage(doc, { datasets: { "org/data": "cc-by-nc-4.0" } });
 * report.verdict.commercialUse; // "not-allowed"
 */
export async function auditLineage(doc: LineageDocument, options: AuditOptions = {}): Promise<AuditReport> {
  const card = withOtherTexts(readCard(options.cardText ?? doc.description ?? ""), options.otherTexts ?? []);
  const augmented = withCardBases(doc, card);
  const shipped = readLicenseFile(augmented.doc, options.licenseFile);
  // A LICENSE next to a Hub model card (front matter) that declares none is what its publisher ships the model
  // under; next to a project README it is often the code's, and only a note.
  const shippedAsDeclared = shipped?.undeclared === true && card.modelCard === true;
  const subjectDoc = shippedAsDeclared
    ? { ...augmented.doc, subject: { ...augmented.doc.subject, license: shipped.entry.id } }
    : augmented.doc;
  // Well-known datasets the card names only in prose go to a step that names no data.
  const proseData = withProseDatasets(subjectDoc, card.body);
  const collected = await collectAncestors(proseData.doc, { ...options, subjectProse: card.licenseLines });
  const subjectId = doc.subject.id;
  const subjectLicense = collected.subject.license;
  const declared =
    subjectLicense.from === "family-name" || subjectLicense.from === "none"
      ? undefined
      : subjectLicense.resolved;
  const findings: AuditFinding[] = [];
  const add = (finding: AuditFinding): void => {
    findings.push(finding);
  };
  const obligations = new Map<string, { entry: LicenseEntry; from: Set<string> }>();
  const modelEntries = new Map<string, { entry: LicenseEntry; reaches: Reach[] }>();
  const allEntries = new Map<string, { entry: LicenseEntry; reaches: Reach[] }>();
  const notCommercial: string[] = [];
  const unknownReasons: string[] = [];
  const dataWarnings: string[] = [];
  /** The subject's own licence undeclared or unknown: unclear only when no ancestor was read either. */
  const subjectUnknown: string[] = [];
  let ownLicensor = false;

  const label = (r: Reach): string => {
    if (r.kind === "dataset") {
      const at = r.step ? ` at ${stepLabel(r.step)}` : "";
      return `dataset ${r.id}${at}`;
    }
    return `${ROLE_WORDS[r.role]} ${r.id}`;
  };
  // Terms a derivative must carry: the licence itself, its use restrictions, or its non-commercial limit (LLaMA 1,
  // CC BY-NC weights: a copy that declares no licence drops the limit its recipients are bound by).
  const passOnFromModels = (): LicenseEntry[] =>
    [...modelEntries.values()]
      .map((v) => v.entry)
      .filter(
        (e) =>
          e.derivatives === "same" ||
          e.derivatives === "carry-restrictions" ||
          e.derivatives === "non-commercial",
      );

  for (const d of proseData.added)
    add({
      severity: "info",
      code: "data-from-card",
      message: `the card names ${d.id} as training data ('${d.where}') but the document's steps do not: audited from the card`,
    });

  // Subject.
  if (declared === undefined) {
    add({
      severity: "warning",
      code: "undeclared-license",
      message: `${subjectId} declares no licence: nothing grants rights to use it`,
    });
    subjectUnknown.push("the subject declares no licence");
  } else {
    if (subjectLicense.from === "family" && subjectLicense.family) {
      add({
        severity: "info",
        code: "inferred-license",
        message: `licence of ${subjectId} taken from the family table: ${subjectLicense.family.entry.family} is released under ${subjectLicense.family.license.id}`,
        license: subjectLicense.family.license.id,
        source: subjectLicense.family.entry.source,
      });
    }
    if (declared.inferred)
      add(inferredFinding(`the licence ${subjectId} declares`, declared.text, declared.inferred.evidence));
    for (const term of declared.options.flat()) {
      if (term.kind === "known") continue;
      add({
        severity: "warning",
        code: "unknown-license",
        message: unknownTermMessage(term, `the licence ${subjectId} declares`, declared.link),
        license: term.text,
      });
    }
    if (declared.status === "unknown" && !permitsCommercial(declared) && !forbidsCommercial(declared))
      subjectUnknown.push(`the subject's licence '${declared.text}' is not in the knowledge base`);
    if (forbidsCommercial(declared))
      notCommercial.push(
        `the subject's own licence ${declared.text}${declared.inferred ? ` (inferred from '${declared.inferred.evidence}')` : ""}`,
      );
  }
  if (subjectLicense.familyConflict) {
    const fam = subjectLicense.familyConflict;
    add({
      severity: "warning",
      code: "license-mismatch",
      message: `${subjectId} declares ${declared?.text ?? "no licence"}, but ${fam.entry.family} is released under ${fam.license.id}`,
      license: fam.license.id,
      source: fam.entry.source,
    });
  }

  // Every ancestor.
  const passOnModelIds = new Set<string>();
  for (const r of collected.reaches) {
    if (r.kind !== "model" || !r.resolved) continue;
    for (const t of mostPermissiveOption(r.resolved))
      if (
        t.kind === "known" &&
        (t.entry.derivatives === "same" || t.entry.derivatives === "carry-restrictions")
      )
        passOnModelIds.add(t.entry.id);
  }
  const declaresOtherPassOn = (entry: LicenseEntry): boolean =>
    declared !== undefined &&
    knownEntries(declared).some((e) => e.id !== entry.id && passOnModelIds.has(e.id));

  for (const r of collected.reaches) {
    let whereText: string | undefined;
    const where = (): string => {
      whereText ??= r.via ? ` (${r.via})` : pathText(r.path, subjectId);
      return whereText;
    };
    const ancestor = ancestorOf(r);
    const common = { ancestor, path: r.path };
    if (r.kind === "model" && sameLicensor(subjectId, r)) {
      ownLicensor = true;
      if (declared && !sameTerms(r.resolved, declared)) {
        add(sameLicensorFinding(subjectId, r, declared));
        continue;
      }
    }
    if (r.resolved?.inferred)
      add({
        ...inferredFinding(`the licence of ${label(r)}`, r.resolved.text, r.resolved.inferred.evidence),
        ...common,
      });
    if (r.kind === "model" && r.familyConflict) {
      const fam = r.familyConflict;
      add({
        severity: "warning",
        code: "license-mismatch",
        message: `the document gives ${r.id} the licence ${r.license ?? "(none)"}, but ${fam.entry.family} is released under ${fam.license.id}; auditing both`,
        license: fam.license.id,
        source: fam.entry.source,
        ...common,
      });
    }
    if (r.licenseFrom === "family-name" && r.family) {
      add({
        severity: "info",
        code: "inferred-license",
        message: `licence of ${r.id} inferred from its name: it looks like ${r.family.entry.family} (${r.family.license.id}); supply it with --model-licenses if not`,
        license: r.family.license.id,
        source: r.family.entry.source,
        ...common,
      });
      if (r.kind === "model" && r.role !== "upstream" && isCommunityFineTune(r.id)) {
        add({
          severity: "warning",
          code: "undocumented-data",
          message: `${label(r)}${where()} is a community model whose own chain was not read: the data it was trained on are not known`,
          ...common,
        });
        dataWarnings.push(`the data ${r.id} was trained on are not known (its chain was not read)`);
      }
    } else if (r.licenseFrom === "family" && r.family && !r.familyConflict && r.role !== "upstream") {
      add({
        severity: "info",
        code: "inferred-license",
        message: `licence of ${r.id} taken from the family table: ${r.family.entry.family} is released under ${r.family.license.id}`,
        license: r.family.license.id,
        source: r.family.entry.source,
        ...common,
      });
    } else if (r.licenseFrom === "supplied" || r.licenseFrom === "registry") {
      add({
        severity: "info",
        code: "inferred-license",
        message: `licence of ${r.id} (${r.license}) ${r.licenseFrom === "supplied" ? "supplied on the command line" : "read from the registry"}`,
        ...(r.license ? { license: r.license } : {}),
        ...common,
      });
    }
    if (!r.resolved) {
      const what =
        r.kind === "dataset" && !r.id.includes("/") && r.id.includes(" ")
          ? `dataset '${r.id}'${r.step ? ` at ${stepLabel(r.step)}` : ""} is not identified and`
          : label(r);
      add({
        severity: "warning",
        code: "unknown-license",
        message: `${what}${r.kind === "model" ? where() : ""} has no known licence`,
        ...common,
      });
      (r.kind === "dataset" ? dataWarnings : unknownReasons).push(`${label(r)} has no known licence`);
      continue;
    }
    const option = mostPermissiveOption(r.resolved);
    for (const term of option) {
      if (term.kind === "known") continue;
      add({
        severity: "warning",
        code: "unknown-license",
        message: unknownTermMessage(
          term,
          `the licence of ${label(r)}${r.kind === "model" ? where() : ""}`,
          r.resolved.link,
        ),
        license: term.text,
        ...common,
      });
      (r.kind === "dataset" ? dataWarnings : unknownReasons).push(
        `the licence of ${label(r)} is not in the knowledge base`,
      );
    }
    for (const term of option) {
      if (term.kind !== "known") continue;
      const entry = term.entry;
      const source = entry.source;
      const ob = obligations.get(entry.id) ?? { entry, from: new Set<string>() };
      ob.from.add(r.id);
      obligations.set(entry.id, ob);
      const all = allEntries.get(entry.id) ?? { entry, reaches: [] };
      all.reaches.push(r);
      allEntries.set(entry.id, all);
      if (r.kind === "model") {
        const m = modelEntries.get(entry.id) ?? { entry, reaches: [] };
        m.reaches.push(r);
        modelEntries.set(entry.id, m);
        if (entry.commercial === "not-allowed") {
          notCommercial.push(
            `${r.resolved.inferred ? `${r.resolved.text}, inferred from '${r.resolved.inferred.evidence}',` : entry.id} from ${r.id}`,
          );
          // A non-commercial model ancestor is a finding of its own (a licensor's own model is not).
          if (!sameLicensor(subjectId, r))
            add({
              severity: "warning",
              code: "non-commercial",
              message: `${label(r)}${where()} is under ${entry.id}, which forbids commercial use: ${subjectId} inherits that term`,
              license: entry.id,
              source,
              ...common,
            });
        }
        if (!declared || declared.status === "unknown" || includes(declared, entry)) continue;
        const inherits = `declares ${declared.text} but inherits ${entry.id} from ${r.id}${where()}`;
        const base = { license: entry.id, source, ...common };
        if (entry.derivatives === "same" && declaresOtherPassOn(entry)) {
          // Several pass-on licences reach the subject and it declares one of them: `combined-terms` says so.
        } else if (entry.derivatives === "none" || entry.derivatives === "same") {
          add({
            severity: "error",
            code: "license-conflict",
            message: `${inherits}; ${obligationSentence(entry)}`,
            ...base,
          });
        } else if (entry.derivatives === "carry-restrictions") {
          const carries = knownEntries(declared).some((e) => e.conditions.includes("use-restrictions"));
          add({
            severity: carries ? "warning" : "error",
            code: carries ? "license-change" : "license-conflict",
            message: carries
              ? `${inherits}; check that ${declared.text} carries the use restrictions of the ${entry.name}`
              : `${inherits}; ${obligationSentence(entry)}`,
            ...base,
          });
        } else if (entry.derivatives === "non-commercial") {
          if (permitsCommercial(declared))
            add({
              severity: "error",
              code: "license-conflict",
              message: `${inherits}; ${obligationSentence(entry)}`,
              ...base,
            });
        } else if (entry.kind !== "public-domain") {
          add({
            severity: "warning",
            code: "license-change",
            message: `${inherits}: relicensing is allowed, but ${obligationSentence(entry)}`,
            ...base,
          });
        }
      } else {
        datasetFindings(r, entry, declared, { add, notCommercial });
      }
    }
  }

  for (const f of driftFindings(collected.reaches, subjectId)) add(f);

  // Terms that apply across the chain: names, attribution, use restrictions, thresholds, combinations.
  const named = augmented.doc.subject.name;
  const subjectName = doc.subject.id.split("/").pop() ?? doc.subject.id;
  const family = subjectLicense.family;
  for (const f of chainTermFindings({
    subjectId,
    // An import that could not name the subject calls it "unknown" (confidence 0): its name cannot be judged.
    names: isUnnamed(augmented.doc)
      ? []
      : doc.subject.id === "unknown" && named !== undefined
        ? [named]
        : [subjectName, ...(named !== undefined ? [named] : [])],
    ...(family?.entry.official ? { ownLicense: family.license.id } : {}),
    allEntries,
    modelEntries,
  }))
    add(f);

  // Completeness.
  for (const u of collected.unresolved) {
    add({
      severity: "warning",
      code: "unresolved-reference",
      message: `${stepLabel(u.step)} uses ${u.reference}, which is neither a base nor an earlier step: its licence cannot be checked`,
      path: u.path,
    });
    unknownReasons.push(`${u.reference} is not resolved`);
  }
  // A publisher training its own model need not name its data; anyone else's unnamed data is a warning.
  if (!ownLicensor)
    for (const step of collected.undocumented) dataWarnings.push(`${stepLabel(step)} names no training data`);
  for (const step of collected.undocumented) {
    add({
      severity: "warning",
      code: "undocumented-data",
      message: `${stepLabel(step)} names no training data: the licences of its data cannot be checked`,
    });
  }
  const validation = validateLineage(doc);
  if (validation.class !== "lineage")
    add({
      severity: "info",
      code: "incomplete-lineage",
      message: `the document is ${validation.class === "partial" ? "a partial lineage" : "not a lineage"} (score ${validation.score}/100): ancestors it does not name are not audited`,
    });
  if (options.complete === false)
    add({
      severity: "warning",
      code: "incomplete-lineage",
      message: "the import could not read every input: ancestors it missed are not audited",
    });

  // A derivative that declares no licence although what it inherits must be passed on breaks that term.
  const mustPassOn = passOnFromModels();
  // "Released under the same license as the Llama 3.2 base model", "Model License: subject to the original
  // Llama-3 license terms": the card declares its base's licence by reference, which passes it on.
  const byReference =
    declared === undefined && modelEntries.size > 0
      ? licenseByReference([doc.description ?? "", card.body].join("\n"))
      : undefined;
  if (byReference) {
    const inherited = new Set([...modelEntries.keys()]);
    const two = referenceContradiction(subjectId, byReference, card.licenseLines, inherited);
    if (two) add(two);
    const undeclared = findings.find((f) => f.code === "undeclared-license");
    if (undeclared) {
      undeclared.severity = "info";
      undeclared.code = "inferred-license";
      undeclared.message = `${subjectId} declares its base's licence by reference ('${byReference}'): ${[...modelEntries.keys()].join(", ")}, as inherited`;
    }
  }
  if (declared === undefined && mustPassOn.length > 0 && !byReference) {
    const undeclared = findings.find((f) => f.code === "undeclared-license");
    if (undeclared) {
      undeclared.severity = "error";
      undeclared.message = `${subjectId} declares no licence, but inherits ${mustPassOn.map((e) => e.id).join(", ")}, which must be passed on with every copy of a derivative`;
      undeclared.license = mustPassOn[0]?.id;
      undeclared.source = mustPassOn[0]?.source;
    }
  }
  // What the chain's own words say (card bases, two licences, generated data), then the verdict.
  const checks = chainChecks({ doc, card, collected, declared, added: augmented.added });
  if (!collected.reaches.some((r) => r.kind === "model")) unknownReasons.push(...subjectUnknown);
  // Terms that cannot be resolved to "forbids commercial use": provider output terms, share-alike data.
  for (const f of [...findings, ...checks.findings])
    if (f.code === "output-terms" || f.code === "share-alike" || f.code === "no-derivatives")
      dataWarnings.push(
        f.code === "output-terms"
          ? `${f.license} terms reach ${f.ancestor ? `dataset ${f.ancestor.id}` : "the data the card describes"}`
          : `${f.code} dataset ${f.ancestor?.id ?? ""}`,
      );
  // Synthetic data the card describes but no step names ("trained on synthetic data generated by Glaive"): its
  // licence and terms are unknown, a warning (a provider's output terms are found above).
  const synthetic = SYNTHETIC_DATA.exec([doc.description ?? "", card.body].join("\n"));
  if (
    synthetic &&
    !ownLicensor &&
    !collected.reaches.some((r) => r.kind === "dataset") &&
    !findings.some((f) => f.code === "output-terms") &&
    !checks.findings.some((f) => f.code === "output-terms")
  ) {
    const quote = synthetic[0].trim();
    add({
      severity: "warning",
      code: "undocumented-data",
      message: `the card says it was trained on data it does not name ('${quote}'): the licence and terms of that data cannot be checked`,
    });
    dataWarnings.push(`the data the card describes ('${quote}') is not named`);
  }
  const fileChecks = licenseFileFindings(subjectId, shipped, declared, shippedAsDeclared);
  for (const f of [...checks.findings, ...fileChecks.findings]) add(f);
  checks.notCommercial.push(...fileChecks.notCommercial);
  const verdict = decideVerdict({
    notCommercial: [...notCommercial, ...checks.notCommercial],
    unclear: [...unknownReasons, ...checks.unclear],
    dataWarnings,
    declared,
    obligations: [...obligations.values()].map(({ entry }) => ({
      id: entry.id,
      userThreshold: entry.userThreshold,
      conditions: entry.conditions,
    })),
  });

  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const keys = new Set<string>();
  const unique = sorted.filter((f) => {
    const key = `${f.code}\u0000${f.message}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
  const obligationList: Obligation[] = [...obligations.values()].map(({ entry, from }) => ({
    license: entry.id,
    name: entry.name,
    from: [...from],
    conditions: entry.conditions.map((c) => CONDITION_LABELS[c]),
    limitations: [...entry.limitations],
    source: entry.source,
  }));
  return {
    subject: {
      id: subjectId,
      ...(subjectLicense.resolved ? { license: subjectLicense.resolved.text } : {}),
      licenseFrom: subjectLicense.from,
    },
    verdict,
    findings: unique,
    obligations: obligationList,
    ancestors: collected.reaches.map(
      ({ resolved: _r, family: _f, familyConflict: _c, ...ancestor }) => ancestor,
    ),
    lineageClass: validation.class,
    counts: {
      error: unique.filter((f) => f.severity === "error").length,
      warning: unique.filter((f) => f.severity === "warning").length,
      info: unique.filter((f) => f.severity === "info").length,
    },
  };
}

function unknownTermMessage(term: LicenseTerm, what: string, link: string | undefined): string {
  const see = link ? ` (see ${link})` : "";
  if (term.kind === "spdx")
    return `${what}, ${term.spdx}, is a valid SPDX licence the knowledge base has not reviewed: its obligations are not checked${see}`;
  return `${what}, '${term.text}', is not in the knowledge base: its obligations are not checked${see}`;
}

function inferredFinding(what: string, text: string, evidence: string): AuditFinding {
  return {
    severity: "info",
    code: "inferred-license",
    message: `${what}, '${text}', is not in the knowledge base; read as non-commercial from its wording: '${evidence}'`,
    license: text,
  };
}

/** True when an ancestor's licence is among the subject's (no relicensing to note). */
function sameTerms(license: ResolvedLicense | undefined, declared: ResolvedLicense): boolean {
  const own = new Set(knownEntries(declared).map((e) => e.id));
  const theirs = knownEntries(license);
  return theirs.length > 0 && theirs.every((e) => own.has(e.id));
}
