/**
 * What a card says about names, licences and training it takes from elsewhere: a licence "inherited from base
 * model", the placeholder name of a Hub template card, the training of the original a re-upload's card describes.
 * Pure; never throws.
 */
import type { LineageDocument } from "../schema/lineage.js";
import type { Reach } from "./collect-ancestors.js";
import { isReupload } from "./reach-findings.js";

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

/** A quantisation format in a model's name ("Qwen2.5 72B Instruct GGUF", "unsloth/Llama-3.2-1B-Instruct-bnb-4bit"). */
const QUANTISED = /\b(?:GGUF|GPTQ|AWQ|EXL2|MLX|bnb-4bit|bnb-8bit|[48]-?bit)\b/i;
/** Words of training in a title ("TechNavi LoRA ファインチューニング", "# 3. LoRAトレーニング"): not a re-upload's name. */
const TRAINING_TITLE =
  /lora|fine-?tun|finetun|train|sft|dpo|adapter|ファインチューニング|トレーニング|微调|训练/i;

/** True when the card's first `#` title, or a `#` title that is a Hub id, names a quantised re-upload. */
function quantisedTitle(body: string): boolean {
  const titles = body.split(/\r?\n/).filter((l) => /^#\s/.test(l));
  return titles.some(
    (t, i) =>
      (i === 0 || /^#\s+[\w.-]+\/[\w.-]+\s*$/.test(t)) && QUANTISED.test(t) && !TRAINING_TITLE.test(t),
  );
}

/**
 * True when the card is a quantised re-upload's (a `#` title names a quantisation format) and every model it
 * comes from is an official release, an official model's re-upload or a bare family name ("Llama 3.2"): the
 * training its prose describes (SFT,
 * RLHF of the instruct model) is the publisher's own, whose data the publisher need not name.
 */
export function describesOriginal(body: string, reaches: readonly Reach[]): boolean {
  const models = reaches.filter((r) => r.kind === "model");
  return (
    quantisedTitle(body) &&
    models.length > 0 &&
    models.every(
      (r) => r.family !== undefined && (r.family.entry.official || isReupload(r.id) || !r.id.includes("/")),
    )
  );
}
