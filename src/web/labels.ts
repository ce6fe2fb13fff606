/** Words for steps and facts, as the CLI prints them. */
import type { StepEdge } from "./types.js";

const UPPER = new Set([
  "sft",
  "dpo",
  "ipo",
  "kto",
  "orpo",
  "simpo",
  "cpo",
  "grpo",
  "rloo",
  "gguf",
  "gptq",
  "awq",
  "exl2",
  "hqq",
  "ties",
  "slerp",
]);

export const word = (w: string): string => (UPPER.has(w) ? w.toUpperCase() : w);

/** The short name of a dataset id (its last path segment). */
export const shortName = (id: string): string => id.split("/").pop() ?? id;

/** `SFT · full`, `merge · SLERP`, `quantization · GGUF`. */
export function stepTitle(step: {
  kind: string;
  objective?: string | undefined;
  parameterization?: string | undefined;
  method?: string | undefined;
}): string {
  if (step.kind === "fine-tune")
    return [step.objective ? word(step.objective) : "fine-tune", step.parameterization]
      .filter(Boolean)
      .join(" · ");
  return [step.kind, step.method ? word(step.method) : undefined].filter(Boolean).join(" · ");
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
