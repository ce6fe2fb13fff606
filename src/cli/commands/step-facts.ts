/**
 * The `--dataset` and `--hp` options that `ftl step add` and `ftl capture` share: their specs and how their
 * values are read (dataset specs with counts; hyperparameters by trainer or ftl name).
 */
import { hyperparametersFromEntries } from "../../model/hyperparameters.js";
import { parseDatasetSpec } from "../../model/quantity.js";
import type { DatasetRef, Hyperparameters } from "../../schema/lineage.js";
import { CliError, type CommandContext, list, type OptionSpec } from "../command.js";

export const STEP_FACT_OPTIONS: Record<"dataset" | "hp", OptionSpec> = {
  dataset: {
    type: "string",
    multiple: true,
    value: "ID[:COUNT:UNIT]",
    description: "Dataset, e.g. org/data:50k:pairs",
  },
  hp: {
    type: "string",
    multiple: true,
    value: "KEY=VALUE",
    description: "Hyperparameter, trainer names accepted (learning_rate=2e-5)",
  },
};

/** `--NAME KEY=VALUE` entries as pairs; an entry without `=` is a usage error naming it. */
export function keyValues(values: CommandContext["values"], name: string): [string, string][] {
  return list(values, name).map((entry) => {
    const at = entry.indexOf("=");
    if (at <= 0) throw new CliError(`--${name} ${JSON.stringify(entry)}: expected KEY=VALUE`);
    return [entry.slice(0, at).trim(), entry.slice(at + 1)];
  });
}

/** The `--hp` values as hyperparameters; any value that cannot be read is an error naming it. */
export function hyperparametersFrom(values: CommandContext["values"]): Hyperparameters {
  const { hyperparameters, problems } = hyperparametersFromEntries(
    Object.fromEntries(keyValues(values, "hp")),
  );
  if (problems.length > 0) throw new CliError(problems.map((p) => `--hp ${p.message}`).join("\n"));
  return hyperparameters;
}

/** The `--dataset` values as dataset references. */
export function datasetsFrom(values: CommandContext["values"]): DatasetRef[] {
  return list(values, "dataset").map((spec) => {
    const parsed = parseDatasetSpec(spec);
    if (!parsed.ok) throw new CliError(parsed.message);
    return parsed.dataset;
  });
}
