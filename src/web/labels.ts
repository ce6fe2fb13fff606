/** Words for steps and facts, as the CLI prints them (`describeMethod` in src/render/describe.ts). */
import { OBJECTIVE_LABELS, PARAMETERIZATION_LABELS } from "../model/vocabulary.js";
import type { StepEdge } from "./types.js";

/** A vocabulary word's label (`sft` → `SFT`, `lora` → `LoRA`); a word outside the table is shown as given. */
function labelOf(table: Readonly<Record<string, string>>, w: string): string {
  return Object.hasOwn(table, w) ? (table[w] ?? w) : w;
}

/** The short name of a dataset id (its last path segment). */
export const shortName = (id: string): string => id.split("/").pop() ?? id;

/** `SFT · full`, `merge · slerp`, `quantization · gguf`: the CLI's words for a step. */
export function stepTitle(step: {
  kind: string;
  objective?: string | undefined;
  parameterization?: string | undefined;
  method?: string | undefined;
}): string {
  if (step.kind === "fine-tune")
    return [
      step.objective ? labelOf(OBJECTIVE_LABELS, step.objective) : "fine-tune",
      step.parameterization ? labelOf(PARAMETERIZATION_LABELS, step.parameterization) : undefined,
    ]
      .filter(Boolean)
      .join(" · ");
  return [step.kind, step.method].filter(Boolean).join(" · ");
}
/** The lines of an edge's label: the step, then its datasets. */
export function edgeLabel(step: StepEdge): string[] {
  const lines = [stepTitle(step)];
  if (step.datasets.length > 0)
    lines.push(
      step.datasets.map(shortName).slice(0, 2).join(", ") +
        (step.datasets.length > 2 ? ` +${step.datasets.length - 2}` : ""),
    );
  return lines;
}
