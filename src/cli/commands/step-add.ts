import { existsSync } from "node:fs";
import {
  replaceFileKeeping,
  serializeDocument,
  writeFailure,
  writeFileAtomic,
} from "../../io/write-document.js";
import { appendStep, inputReference, type StepDraft } from "../../model/append-step.js";
import { parseLooseValue } from "../../model/hyperparameters.js";
import {
  MERGE_METHODS,
  OBJECTIVES,
  PARAMETERIZATIONS,
  QUANTIZATION_METHODS,
  STEP_KINDS,
  type StepKind,
} from "../../model/vocabulary.js";
import { describeStep } from "../../render/describe.js";
import { formatReport } from "../../render/report-text.js";
import type { Adapter, DatasetRef, Framework, ModelInput, ModelRef } from "../../schema/lineage.js";
import { validateLineage } from "../../validate/validate.js";
import {
  CliError,
  type Command,
  type CommandContext,
  choice,
  EXIT,
  flag,
  list,
  printJson,
  str,
} from "../command.js";
import { loadValidDocument } from "../load-document.js";
import { datasetsFrom, hyperparametersFrom, keyValues, STEP_FACT_OPTIONS } from "./step-facts.js";

const oneOf = choice;

function number(values: CommandContext["values"], name: string, integer = false): number | undefined {
  const value = str(values, name);
  if (value === undefined) return undefined;
  const parsed = parseLooseValue(value);
  if (typeof parsed !== "number" || (integer && !Number.isInteger(parsed)))
    throw new CliError(
      `--${name} ${JSON.stringify(value)}: expected ${integer ? "a whole number" : "a number"}`,
    );
  return parsed;
}

function framework(spec: string | undefined): Framework | undefined {
  if (spec === undefined) return undefined;
  const [name, version] = spec.split("@");
  if (!name) throw new CliError(`--framework ${JSON.stringify(spec)}: expected NAME or NAME@VERSION`);
  return { name, ...(version ? { version } : {}) };
}

/** Options that only make sense for some step kinds. */
const KIND_OPTIONS: Record<StepKind, readonly string[]> = {
  "fine-tune": ["objective", "param", "rank", "alpha", "dropout", "target-modules", "quant-bits"],
  merge: ["merge-method", "weight", "base-model"],
  quantization: ["quant-method", "bits", "format"],
  "adapter-merge": [],
  other: ["description"],
};
const KIND_SPECIFIC = [...new Set(Object.values(KIND_OPTIONS).flat())];

function given(values: CommandContext["values"], name: string): boolean {
  const value = values[name];
  return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

function buildDraft(
  values: CommandContext["values"],
  inputs: ModelInput[],
  datasets: DatasetRef[],
): StepDraft {
  const kind = oneOf(values, "kind", STEP_KINDS) as StepKind | undefined;
  if (!kind) throw new CliError(`--kind is required: one of ${STEP_KINDS.join(", ")}`);
  const hyperparameters = hyperparametersFrom(values);
  const output = str(values, "output");
  const outputRef: ModelRef | undefined = output
    ? {
        id: output,
        ...(str(values, "revision") ? { revision: str(values, "revision") } : {}),
        ...(str(values, "license") ? { license: str(values, "license") } : {}),
      }
    : undefined;
  const common = {
    ...(str(values, "id") ? { id: str(values, "id") } : {}),
    ...(str(values, "name") ? { name: str(values, "name") } : {}),
    ...(inputs.length || datasets.length
      ? { inputs: { ...(inputs.length ? { models: inputs } : {}), ...(datasets.length ? { datasets } : {}) } }
      : {}),
    ...(Object.keys(hyperparameters).length ? { hyperparameters } : {}),
    ...(outputRef ? { output: outputRef } : {}),
    ...(framework(str(values, "framework")) ? { framework: framework(str(values, "framework")) } : {}),
    ...(str(values, "notes") ? { notes: str(values, "notes") } : {}),
    provenance: { source: "declared" as const, by: "ftl step add" },
  };
  const misplaced = KIND_SPECIFIC.filter((name) => !KIND_OPTIONS[kind].includes(name) && given(values, name));
  if (misplaced.length > 0)
    throw new CliError(
      `${misplaced.map((n) => `--${n}`).join(", ")} do${misplaced.length === 1 ? "es" : ""} not apply to --kind ${kind}`,
    );
  switch (kind) {
    case "fine-tune": {
      const adapter: Adapter = {};
      const rank = number(values, "rank", true);
      if (rank !== undefined) adapter.rank = rank;
      const alpha = number(values, "alpha");
      if (alpha !== undefined) adapter.alpha = alpha;
      const dropout = number(values, "dropout");
      if (dropout !== undefined) adapter.dropout = dropout;
      const targets = str(values, "target-modules");
      if (targets)
        adapter.targetModules =
          targets === "all-linear"
            ? "all-linear"
            : targets
                .split(",")
                .map((t) => t.trim())
                .filter(Boolean);
      const qbits = number(values, "quant-bits", true);
      if (qbits !== undefined) {
        if (![2, 3, 4, 8].includes(qbits)) throw new CliError(`--quant-bits ${qbits}: expected 2, 3, 4 or 8`);
        adapter.quantizationBits = qbits as 2 | 3 | 4 | 8;
      }
      const objective = oneOf(values, "objective", OBJECTIVES);
      const parameterization = oneOf(values, "param", PARAMETERIZATIONS);
      return {
        kind,
        ...(objective ? { objective } : {}),
        ...(parameterization ? { parameterization } : {}),
        ...(Object.keys(adapter).length ? { adapter } : {}),
        ...common,
      };
    }
    case "merge": {
      const method = oneOf(values, "merge-method", MERGE_METHODS);
      const baseModel = str(values, "base-model");
      return {
        kind,
        ...(method ? { method } : {}),
        ...(baseModel ? { baseModel: { id: baseModel } } : {}),
        ...common,
      };
    }
    case "quantization": {
      const method = oneOf(values, "quant-method", QUANTIZATION_METHODS);
      const bits = number(values, "bits");
      const format = str(values, "format");
      return {
        kind,
        ...(method ? { method } : {}),
        ...(bits !== undefined ? { bits } : {}),
        ...(format ? { format } : {}),
        ...common,
      };
    }
    case "adapter-merge":
      return { kind, ...common };
    case "other": {
      const description = str(values, "description");
      return { kind, ...(description ? { description } : {}), ...common };
    }
  }
}

export const stepAddCommand: Command = {
  path: ["step", "add"],
  summary: "append a step (fine-tune, merge, quantization, adapter-merge, other) and re-validate",
  usage: "ftl step add --kind KIND [options] [--file lineage.json]",
  options: {
    file: { type: "string", value: "PATH", description: "Document to change", default: "lineage.json" },
    kind: { type: "string", value: "KIND", description: `One of ${STEP_KINDS.join(", ")} (required)` },
    id: { type: "string", value: "ID", description: "Step id (default: from the objective or kind)" },
    name: { type: "string", value: "LABEL", description: "Human label, e.g. safety-DPO" },
    objective: { type: "string", value: "OBJ", description: `fine-tune: ${OBJECTIVES.join(", ")}` },
    param: { type: "string", value: "P", description: `fine-tune: ${PARAMETERIZATIONS.join(", ")}` },
    rank: { type: "string", value: "N", description: "Adapter rank (LoRA r)" },
    alpha: { type: "string", value: "N", description: "Adapter alpha" },
    dropout: { type: "string", value: "X", description: "Adapter dropout" },
    "target-modules": {
      type: "string",
      value: "A,B",
      description: "Adapter target modules, comma-separated, or all-linear",
    },
    "quant-bits": { type: "string", value: "N", description: "QLoRA: bits of the frozen base (4 or 8)" },
    ...STEP_FACT_OPTIONS,
    input: {
      type: "string",
      multiple: true,
      value: "ID",
      description: "Input model or step id (default: the previous step's output)",
    },
    weight: { type: "string", multiple: true, value: "ID=W", description: "merge: weight of an input" },
    "merge-method": { type: "string", value: "M", description: `merge: ${MERGE_METHODS.join(", ")}` },
    "base-model": {
      type: "string",
      value: "ID",
      description: "merge: reference model of ties/dare/task-arithmetic",
    },
    "quant-method": {
      type: "string",
      value: "M",
      description: `quantization: ${QUANTIZATION_METHODS.join(", ")}`,
    },
    bits: { type: "string", value: "N", description: "quantization: bits" },
    format: { type: "string", value: "F", description: "quantization: format, e.g. Q4_K_M" },
    description: { type: "string", value: "TEXT", description: "other: what the step did" },
    output: { type: "string", value: "ID", description: "The resulting checkpoint id" },
    revision: { type: "string", value: "REV", description: "Revision of the output" },
    license: { type: "string", value: "L", description: "Licence of the output" },
    framework: { type: "string", value: "NAME[@VER]", description: "Framework, e.g. trl@0.12.1" },
    notes: { type: "string", value: "TEXT", description: "Free notes" },
    json: { type: "boolean", description: "Print {step, valid, class, score, issues}" },
  },
  details: `The document is only written when it stays valid. Exit codes: 0 written, 1 the step would make the
document invalid (nothing written) or the file is invalid, 2 usage error.`,
  examples: [
    "ftl step add --kind fine-tune --objective sft --param full --dataset HuggingFaceH4/ultrachat_200k:207865:conversations --hp learning_rate=2e-5 --hp num_train_epochs=1 --output my-org/m-sft",
    "ftl step add --kind fine-tune --objective dpo --param lora --rank 64 --dataset org/prefs:50k:pairs --hp beta=0.1 --output my-org/m-dpo",
    "ftl step add --kind merge --merge-method slerp --input A --input B --weight A=0.5 --output M",
    "ftl step add --kind quantization --quant-method gguf --bits 4 --format Q4_K_M --output Q",
  ],
  run({ values, io }) {
    const file = str(values, "file") ?? "lineage.json";
    const { document } = loadValidDocument(file, { allow: ["graph.subject-mismatch"] });
    const weights = new Map(keyValues(values, "weight").map(([k, v]) => [k, v]));
    const inputs: ModelInput[] = list(values, "input").map((ref) => {
      const input = inputReference(document, ref);
      const w = weights.get(ref);
      if (w === undefined) return input;
      const parsed = parseLooseValue(w);
      if (typeof parsed !== "number") throw new CliError(`--weight ${ref}=${w}: expected a number`);
      weights.delete(ref);
      return { ...input, weight: parsed };
    });
    if (weights.size > 0)
      throw new CliError(`--weight ${[...weights.keys()].join(", ")}: not among the --input models`);
    const draft = buildDraft(values, inputs, datasetsFrom(values));
    if (draft.kind === "merge" && inputs.length < 2)
      throw new CliError("a merge needs two or more --input models");
    const { document: next, step } = appendStep(document, draft);
    const report = validateLineage(next);
    // While a chain is being built its last step need not be the subject yet; every other error blocks.
    const blocking = report.issues.filter(
      (i) => i.severity === "error" && i.code !== "graph.subject-mismatch",
    );
    const writable = blocking.length === 0;
    if (flag(values, "json")) {
      printJson(io, {
        written: writable,
        step,
        valid: report.valid,
        class: report.class,
        score: report.score,
        issues: report.issues,
      });
    }
    if (!writable) {
      if (!flag(values, "json")) io.stderr(`${formatReport(`${file} (not written)`, report)}\n`);
      return EXIT.invalid;
    }
    try {
      if (existsSync(file)) replaceFileKeeping(file, serializeDocument(next, file));
      else writeFileAtomic(file, serializeDocument(next, file));
    } catch (error) {
      throw new CliError(`${file}: cannot write (${writeFailure(error)})`);
    }
    if (!flag(values, "json")) {
      const status = report.valid
        ? formatReport(file, report)
        : `${file}: in progress — the chain ends at "${step.output?.id}", not yet at the subject "${next.subject.id}"`;
      io.stdout(`added step "${step.id}": ${describeStep(step)}\n${status}\n`);
    }
    return EXIT.ok;
  },
};
