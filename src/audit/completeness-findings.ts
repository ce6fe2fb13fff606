/**
 * Findings about what the audit could not read (unresolved references, steps that name no data, a partial
 * document) and about the subject's missing declaration: passed on by reference, or breaking a pass-on term.
 */
import type { LineageDocument } from "../schema/lineage.js";
import type { ValidationReport } from "../validate/issue.js";
import { type AuditState, passOnFromModels } from "./audit-state.js";
import { stepLabel } from "./audit-text.js";
import type { CardSignals } from "./card-text.js";
import type { Collected } from "./collect-ancestors.js";
import { referenceContradiction } from "./license-file.js";

/**
 * A licence line that declares the base's licence by reference: "same licence as the base", "subject to the original
 * … licence", and LLaVA's notice that checkpoints are "subject to their respective original licenses" (the "specific
 * licenses for base language models"), copied by the projects built on it.
 */
const BY_REFERENCE =
  /\b(?:(?:same|original) licen[cs]e (?:as|of) (?:the |its )?(?:[\w.-]+ ){0,4}(?:base|original|parent|upstream)\b|subject to (?:the )?(?:original|base(?: model)?|upstream|parent)\b[^.\n]{0,40}\blicen[cs]e|(?:checkpoints|weights|models)\b[^.\n]{0,40}\bsubject to their respective original licen[cs]es)[^.\n]{0,60}/i;

/**
 * The words that declare a base's licence by reference, in English or Chinese ("请严格遵守Llama-2的开源许可协议":
 * "strictly comply with Llama-2's open licence agreement"), if any.
 */
function byReferenceIn(text: string): string | undefined {
  const english = BY_REFERENCE.exec(text)?.[0].trim();
  if (english) return english;
  for (let at = text.indexOf("遵守"); at !== -1; at = text.indexOf("遵守", at + 2)) {
    const clause = text.slice(at, at + 40).split(/[。\n]/)[0] ?? "";
    if (/许可协议|许可证|开源协议/.test(clause)) return clause;
  }
  return undefined;
}

/** Unresolved references, undocumented data, a partial document, an import that missed inputs. */
export function completenessFindings(
  state: AuditState,
  collected: Collected,
  validation: ValidationReport,
  complete: boolean | undefined,
): void {
  const add = (f: (typeof state.findings)[number]) => state.findings.push(f);
  for (const u of collected.unresolved) {
    add({
      severity: "warning",
      code: "unresolved-reference",
      message: `${stepLabel(u.step)} uses ${u.reference}, which is neither a base nor an earlier step: its licence cannot be checked`,
      path: u.path,
    });
    state.unknownReasons.push(`${u.reference} is not resolved`);
  }
  // A publisher training its own model need not name its data; anyone else's unnamed data is a warning.
  if (!state.ownLicensor)
    for (const step of collected.undocumented)
      state.dataWarnings.push(`${stepLabel(step)} names no training data`);
  for (const step of collected.undocumented)
    add({
      severity: "warning",
      code: "undocumented-data",
      message: `${stepLabel(step)} names no training data: the licences of its data cannot be checked`,
    });
  if (validation.class !== "lineage")
    add({
      severity: "info",
      code: "incomplete-lineage",
      message: `the document is ${validation.class === "partial" ? "a partial lineage" : "not a lineage"} (score ${validation.score}/100): ancestors it does not name are not audited`,
    });
  if (complete === false)
    add({
      severity: "warning",
      code: "incomplete-lineage",
      message: "the import could not read every input: ancestors it missed are not audited",
    });
}

/**
 * A subject that declares no licence: declared by reference to its base's ("released under the same license as
 * the Llama 3.2 base model"), which passes it on, or an error when what it inherits must be passed on.
 */
export function undeclaredFindings(state: AuditState, doc: LineageDocument, card: CardSignals): void {
  const { subjectId, declared, modelEntries, findings } = state;
  if (declared !== undefined) return;
  const mustPassOn = passOnFromModels(state);
  const byReference =
    modelEntries.size > 0 ? byReferenceIn([doc.description ?? "", card.body].join("\n")) : undefined;
  const undeclared = findings.find((f) => f.code === "undeclared-license");
  if (byReference) {
    const two = referenceContradiction(
      subjectId,
      byReference,
      card.licenseLines,
      new Set(modelEntries.keys()),
    );
    if (two) findings.push(two);
    if (undeclared) {
      undeclared.severity = "info";
      undeclared.code = "inferred-license";
      undeclared.message = `${subjectId} declares its base's licence by reference ('${byReference}'): ${[...modelEntries.keys()].join(", ")}, as inherited`;
    }
  } else if (mustPassOn.length > 0 && undeclared) {
    undeclared.severity = "error";
    undeclared.message = `${subjectId} declares no licence, but inherits ${mustPassOn.map((e) => e.id).join(", ")}, which must be passed on with every copy of a derivative`;
    undeclared.license = mustPassOn[0]?.id;
    undeclared.source = mustPassOn[0]?.source;
  }
}
