/** One line for a step of the registry graph: `DPO · full · ultrafeedback_binarized · β 0.1`. */
import {
  OBJECTIVE_LABELS,
  type Objective,
  PARAMETERIZATION_LABELS,
  type Parameterization,
} from "../model/vocabulary.js";
import { describeHyperparameters } from "../render/describe.js";
import type { StepEdge } from "../store/store.js";

const label = <T extends string>(labels: Record<T, string>, value: string | undefined): string | undefined =>
  value === undefined ? undefined : ((labels as Record<string, string>)[value] ?? value);

/** The method of a step as people say it: `SFT · LoRA`, `merge · slerp`, `quantization · gguf`. */
export function describeEdgeMethod(edge: StepEdge): string {
  switch (edge.kind) {
    case "fine-tune": {
      const objective = label<Objective>(OBJECTIVE_LABELS, edge.objective) ?? "fine-tune";
      const param = label<Parameterization>(PARAMETERIZATION_LABELS, edge.parameterization);
      return param ? `${objective} · ${param}` : objective;
    }
    case "merge":
      return `merge${edge.method ? ` · ${edge.method}` : ""}`;
    case "quantization":
      return `quantization${edge.method ? ` · ${edge.method}` : ""}`;
    case "adapter-merge":
      return "adapter merged into base";
    default:
      return edge.name ?? "other step";
  }
}

/** Method, datasets and the main hyperparameters on one line. */
export function describeEdge(edge: StepEdge): string {
  const parts = [describeEdgeMethod(edge)];
  if (edge.datasets.length > 0) parts.push(edge.datasets.join(" + "));
  const hp = describeHyperparameters(edge.hyperparameters);
  if (hp) parts.push(hp);
  return parts.join(" · ");
}
