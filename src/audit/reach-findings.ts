/** Findings about each ancestor that reaches the subject: where its licence was learnt, and what its terms ask. */

import { namedModel } from "../model/refs.js";
import { type AuditState, inferredFinding, reachLabel } from "./audit-state.js";
import { pathText, stepLabel } from "./audit-text.js";
import { sameLicensor, sameLicensorFinding, sameOrganisation } from "./chain-checks.js";
import type { Reach } from "./collect-ancestors.js";
import { evaluationSet } from "./data/eval-sets.js";
import { ancestorOf, datasetFindings } from "./data-findings.js";
import { modelTermFindings } from "./model-term-findings.js";
import type { AuditFinding } from "./report.js";
import {
  knownEntries,
  type LicenseTerm,
  mostPermissiveOption,
  type ResolvedLicense,
} from "./resolve-license.js";
import { unknownTermMessage } from "./subject-findings.js";
import type { LicenseEntry } from "./terms.js";

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

/** A re-upload of other weights by its id: a quantisation format in its name, or a re-uploading organisation. */
export function isReupload(id: string): boolean {
  const [org, name] = id.split("/");
  return name !== undefined && (REUPLOAD_ORGS.has((org ?? "").toLowerCase()) || REUPLOAD_NAME.test(name));
}

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

/** True when an ancestor's licence is among the subject's (no relicensing to note). */
function sameTerms(license: ResolvedLicense | undefined, declared: ResolvedLicense): boolean {
  const own = new Set(knownEntries(declared).map((e) => e.id));
  const theirs = knownEntries(license);
  return theirs.length > 0 && theirs.every((e) => own.has(e.id));
}

/** Context of one ancestor's findings: where it sits in the chain, in words and as data. */
export interface ReachContext {
  r: Reach;
  where: () => string;
  common: Pick<AuditFinding, "ancestor" | "path">;
}

/** How an ancestor's licence was learnt: inferred from wording or name, the family table, supplied, registry. */
function originFindings(state: AuditState, { r, where, common }: ReachContext): void {
  const add = (f: AuditFinding) => state.findings.push(f);
  if (r.resolved?.inferred)
    add({
      ...inferredFinding(`the licence of ${reachLabel(r)}`, r.resolved.text, r.resolved.inferred.evidence),
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
        message: `${reachLabel(r)}${where()} is a community model whose own chain was not read: the data it was trained on are not known`,
        ...common,
      });
      state.dataWarnings.push(`the data ${r.id} was trained on are not known (its chain was not read)`);
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
}

/** An ancestor with no licence at all, or with terms the knowledge base does not hold (`option`: its terms). */
function unknownFindings(
  state: AuditState,
  { r, where, common }: ReachContext,
  option: readonly LicenseTerm[],
): void {
  const reasons = r.kind === "dataset" ? state.dataWarnings : state.unknownReasons;
  // The subject's publisher training on its own data grants what it holds: a note, not an unknown licence. So
  // does data a publisher's own model names without a Hub id ("code tokens"); another organisation's dataset
  // keeps its warning.
  const ownData = state.ownLicensor && !r.id.includes("/");
  const ownOrg =
    sameOrganisation(state.subjectId, r.id) ||
    (state.ownHubId !== undefined && sameOrganisation(state.ownHubId, r.id));
  if (!r.resolved && r.kind === "dataset" && (ownData || ownOrg)) {
    state.findings.push({
      severity: "info",
      code: "inferred-license",
      message: `${reachLabel(r)} ${ownData ? "trained the publisher's own model" : "is published by the subject's own organisation"}: its licence is the publisher's to grant`,
      ...common,
    });
    return;
  }
  const bench = !r.resolved && r.kind === "dataset" ? evaluationSet(r.id) : undefined;
  if (bench) {
    state.findings.push({
      severity: "info",
      code: "evaluation-data",
      message: `${reachLabel(r)} is an evaluation benchmark (${bench.note}): read as the data the model was measured on, not trained on`,
      source: bench.source,
      ...common,
    });
    return;
  }
  // A checkpoint the chain made on the way, kept in a local folder (`models/stage1`, the SFT run a DPO run started
  // from): the fine-tuner's own file, under the licences of what it was made from, which the audit reads.
  if (!r.resolved && r.kind === "model" && r.role === "intermediate" && r.id.startsWith("local:")) {
    state.findings.push({
      severity: "info",
      code: "inferred-license",
      message: `${reachLabel(r)} is a checkpoint this chain made on the way (a local folder): it carries the licences of the models and data it was made from`,
      ...common,
    });
    return;
  }
  if (!r.resolved) {
    const what =
      r.kind === "dataset" && !r.id.includes("/") && r.id.includes(" ")
        ? `dataset '${r.id}'${r.step ? ` at ${stepLabel(r.step)}` : ""} is not identified and`
        : reachLabel(r);
    // A model the files only name (`name:…`): no table holds a licence for a name it does not recognise.
    const named =
      r.kind === "model" && namedModel(r.id) !== undefined ? " (named without a Hub id or a path)" : "";
    state.findings.push({
      severity: "warning",
      code: "unknown-license",
      message: `${what}${r.kind === "model" ? where() : ""}${named} has no known licence`,
      ...common,
    });
    reasons.push(`${reachLabel(r)} has no known licence`);
    return;
  }
  for (const term of option) {
    if (term.kind === "known") continue;
    state.findings.push({
      severity: "warning",
      code: "unknown-license",
      message: unknownTermMessage(
        term,
        `the licence of ${reachLabel(r)}${r.kind === "model" ? where() : ""}`,
        r.resolved.link,
      ),
      license: term.text,
      ...common,
    });
    reasons.push(`the licence of ${reachLabel(r)} is not in the knowledge base`);
  }
}

/** Records a known licence that reaches the subject: an obligation, and (for models) a model licence. */
function recordEntry(state: AuditState, r: Reach, entry: LicenseEntry): void {
  const ob = state.obligations.get(entry.id) ?? { entry, from: new Set<string>() };
  ob.from.add(r.id);
  state.obligations.set(entry.id, ob);
  const all = state.allEntries.get(entry.id) ?? { entry, reaches: [] };
  all.reaches.push(r);
  state.allEntries.set(entry.id, all);
  if (r.kind !== "model") return;
  const m = state.modelEntries.get(entry.id) ?? { entry, reaches: [] };
  m.reaches.push(r);
  state.modelEntries.set(entry.id, m);
}

/** The pass-on licences (same terms, or carried restrictions) of the model ancestors. */
function passOnModelIds(reaches: readonly Reach[]): Set<string> {
  const ids = new Set<string>();
  for (const r of reaches) {
    if (r.kind !== "model" || !r.resolved) continue;
    for (const t of mostPermissiveOption(r.resolved))
      if (
        t.kind === "known" &&
        (t.entry.derivatives === "same" || t.entry.derivatives === "carry-restrictions")
      )
        ids.add(t.entry.id);
  }
  return ids;
}

/** Every ancestor's findings, in the order the chain gives them. */
export function reachFindings(state: AuditState, reaches: readonly Reach[]): void {
  const passOn = passOnModelIds(reaches);
  const { declared, subjectId } = state;
  const declaresOtherPassOn = (entry: LicenseEntry): boolean =>
    declared !== undefined && knownEntries(declared).some((e) => e.id !== entry.id && passOn.has(e.id));
  // Known before any ancestor is read: the data of a publisher's own model are its own to grant.
  if (reaches.some((r) => r.kind === "model" && sameLicensor(subjectId, r, declared)))
    state.ownLicensor = true;
  for (const r of reaches) {
    let whereText: string | undefined;
    const where = (): string => {
      whereText ??= r.via ? ` (${r.via})` : pathText(r.path, subjectId);
      return whereText;
    };
    const ctx: ReachContext = { r, where, common: { ancestor: ancestorOf(r), path: r.path } };
    if (r.kind === "model" && sameLicensor(subjectId, r, declared)) {
      state.ownLicensor = true;
      if (declared && !sameTerms(r.resolved, declared)) {
        state.findings.push(sameLicensorFinding(subjectId, r, declared));
        continue;
      }
    }
    originFindings(state, ctx);
    const option = r.resolved ? mostPermissiveOption(r.resolved) : [];
    unknownFindings(state, ctx, option);
    if (!r.resolved) continue;
    for (const term of option) {
      if (term.kind !== "known") continue;
      recordEntry(state, r, term.entry);
      if (r.kind === "model") modelTermFindings(state, ctx, term.entry, declaresOtherPassOn);
      else
        datasetFindings(r, term.entry, declared, {
          add: (f) => state.findings.push(f),
          notCommercial: state.notCommercial,
        });
    }
  }
}
