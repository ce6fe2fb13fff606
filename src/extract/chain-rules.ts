/**
 * Rules applied to a combined chain, each stated here so that what ftl infers is written down:
 * - LoRA trained over a quantised frozen base (its 4/8-bit setting, or a base whose id says AWQ, GPTQ,
 *   bnb-4bit) is QLoRA.
 */
import { fact, inferred, type StepFacts } from "./facts.js";

const QUANTISED_ID = /(?:^|[-_./])(?:awq|gptq|bnb[-_]?4bit|4bit|int4|nf4)(?:$|[-_.])/i;

export function loraOverQuantisedBase(chain: StepFacts[]): void {
  for (const s of chain) {
    if (s.kind !== "fine-tune" || s.parameterization?.value !== "lora") continue;
    const bits = s.adapter.quantizationBits?.value;
    const base = s.inputs[0]?.value.id;
    if (bits === 4 || bits === 8)
      s.parameterization = fact("qlora", {
        ...(s.adapter.quantizationBits?.source ?? inferred(s.origin.file ?? "?", "quantised base")),
      });
    else if (base && QUANTISED_ID.test(base))
      s.parameterization = fact(
        "qlora",
        inferred(s.origin.file ?? "?", `LoRA over ${base}, a quantised base: QLoRA`, 0.7, "inputs.models[0]"),
      );
  }
}
