/**
 * What a card says about names and licences it takes from elsewhere: a licence "inherited from base model",
 * and the placeholder name of a Hub template card. Pure; never throws.
 */
import type { LineageDocument } from "../schema/lineage.js";

/** A licence line saying the model's licence is its base's ("CC-BY-NC (inherited from base model)"). */
const INHERITED_FROM_BASE =
  /\b(?:inherited|inherits?|derived|carried over|follows?) (?:from |the licen[cs]e of )?(?:the |its )?(?:base|original|parent|upstream) model\b/i;

/** The declared licence a card says its bases share, when a licence line says it was inherited from them. */
export function inheritedFromBase(doc: LineageDocument, licenseLines: readonly string[]) {
  const quote = licenseLines.find((l) => INHERITED_FROM_BASE.test(l));
  if (!quote || doc.subject.license === undefined || doc.bases.length === 0) return undefined;
  return {
    license: doc.subject.license,
    quote: quote.trim().slice(0, 200),
    bases: new Set(doc.bases.map((b) => b.id)),
  };
}

/**
 * The name a Hub template card gives a model it never names: its title's placeholder ("Model Card for Model ID",
 * the model card template's default, https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/templates/modelcard_template.md).
 */
export function placeholderName(heading: string | undefined): string[] {
  const placeholder = /^model card for (model id)$/i.exec(heading?.replace(/[`*]/g, "").trim() ?? "")?.[1];
  return placeholder ? [`${placeholder} (the template's placeholder name)`] : [];
}
