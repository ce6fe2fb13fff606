/** Short human descriptions of steps, datasets and hyperparameters, shared by `show` and the exporters. */
import { OBJECTIVE_LABELS, PARAMETERIZATION_LABELS } from "../model/vocabulary.js";
import type { DatasetRef, Hyperparameters, Step } from "../schema/lineage.js";

const integer = new Intl.NumberFormat("en-US");

/** `2e-5`, `5e-7`, `0.0003`: the short form people write learning rates in. */
export function formatNumber(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-3) {
    const [mantissa, exponent] = value.toExponential().split("e");
    return `${Number(Number(mantissa).toPrecision(4))}e${Number(exponent)}`;
  }
  return Number.isInteger(value) ? integer.format(value) : String(Number(value.toPrecision(6)));
}

/** `HuggingFaceH4/ultrachat_200k (207,865 conversations)`. */
export function describeDataset(dataset: DatasetRef): string {
  const name = dataset.id ?? `“${dataset.description}”`;
  const parts: string[] = [];
  if (dataset.subset) parts.push(dataset.subset);
  if (dataset.split) parts.push(dataset.split);
  if (dataset.size) parts.push(`${integer.format(dataset.size.count)} ${dataset.size.unit}`);
  return parts.length > 0 ? `${name} (${parts.join(", ")})` : name;
}

/** `lr 2e-5, 1 epoch, batch 128, β 0.01`: the hyperparameters people look at first. */
export function describeHyperparameters(hp: Hyperparameters | undefined): string {
  if (hp === undefined) return "";
  const parts: string[] = [];
  if (hp.learningRate !== undefined) parts.push(`lr ${formatNumber(hp.learningRate)}`);
  if (hp.epochs !== undefined) parts.push(`${formatNumber(hp.epochs)} epoch${hp.epochs === 1 ? "" : "s"}`);
  if (hp.maxSteps !== undefined) parts.push(`${formatNumber(hp.maxSteps)} steps`);
  if (hp.globalBatchSize !== undefined) parts.push(`batch ${hp.globalBatchSize}`);
  else if (hp.perDeviceBatchSize !== undefined) parts.push(`batch ${hp.perDeviceBatchSize}/device`);
  if (hp.beta !== undefined) parts.push(`β ${formatNumber(hp.beta)}`);
  if (hp.maxSequenceLength !== undefined) parts.push(`seq ${hp.maxSequenceLength}`);
  return parts.join(", ");
}

/** `SFT · LoRA r64` / `merge · slerp` / `quantization · gguf Q4_K_M`: the method of a step. */
export function describeMethod(step: Step): string {
  switch (step.kind) {
    case "fine-tune": {
      const objective = step.objective ? OBJECTIVE_LABELS[step.objective] : "fine-tune (objective unknown)";
      const param = step.parameterization
        ? PARAMETERIZATION_LABELS[step.parameterization]
        : "parameterisation unknown";
      const rank = step.adapter?.rank !== undefined ? ` r${step.adapter.rank}` : "";
      const bits =
        step.adapter?.quantizationBits !== undefined ? ` ${step.adapter.quantizationBits}-bit` : "";
      return `${objective} · ${param}${rank}${bits}`;
    }
    case "merge":
      return `merge · ${step.method ?? "method unknown"}`;
    case "quantization": {
      const detail = [step.format, step.bits !== undefined ? `${step.bits}-bit` : undefined]
        .filter(Boolean)
        .join(" ");
      return `quantization · ${step.method ?? "method unknown"}${detail ? ` ${detail}` : ""}`;
    }
    case "adapter-merge":
      return "adapter merged into base";
    case "other":
      return step.description ?? "other step";
  }
}

/** Everything about a step on one line, without its input and output. */
export function describeStep(step: Step): string {
  const parts = [describeMethod(step)];
  const datasets = step.inputs?.datasets ?? [];
  if (datasets.length > 0) parts.push(datasets.map(describeDataset).join(" + "));
  const hp = describeHyperparameters(step.hyperparameters);
  if (hp) parts.push(hp);
  if (step.framework)
    parts.push(
      step.framework.version ? `${step.framework.name} ${step.framework.version}` : step.framework.name,
    );
  return parts.join(" · ");
}
