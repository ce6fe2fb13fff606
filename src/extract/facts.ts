/**
 * The intermediate form of extraction: facts read from one file, each with its provenance, before they are
 * merged with other files' facts into a lineage document.
 */
import type {
  MergeMethod,
  Objective,
  Parameterization,
  QuantizationMethod,
  StepKind,
} from "../model/vocabulary.js";
import type { DatasetRef, Framework, Hardware, Provenance } from "../schema/lineage.js";
import type { ExtractWarning } from "./types.js";

/** A value and where it was read. */
export interface Fact<T> {
  value: T;
  source: Provenance;
}

/** A model named as the input of a step, with a merge weight or parameters when a merge gives them. */
export interface InputFact {
  id: string;
  weight?: number;
  parameters?: Record<string, unknown>;
}

/** What one file says about one step. Every field is optional: files say different things. */
export interface StepFacts {
  kind: StepKind;
  /** Where the step was found, for the step's own provenance. */
  origin: Provenance;
  name?: string;
  objective?: Fact<Objective>;
  parameterization?: Fact<Parameterization>;
  adapter: Record<string, Fact<unknown>>;
  hyperparameters: Record<string, Fact<unknown>>;
  datasets: Fact<DatasetRef>[];
  inputs: Fact<InputFact>[];
  output?: Fact<string>;
  framework?: Fact<Framework>;
  software: Fact<Framework>[];
  hardware?: Fact<Hardware>;
  mergeMethod?: Fact<MergeMethod>;
  mergeBase?: Fact<string>;
  parameters: Record<string, Fact<unknown>>;
  quantMethod?: Fact<QuantizationMethod>;
  bits?: Fact<number>;
  format?: Fact<string>;
  description?: Fact<string>;
  notes: string[];
  /** True when this file describes the run that produced the files around it (a trainer's output folder). */
  finalRun?: boolean;
  /** True for a step read from a recipe file: two recipes are two runs, never merged by objective alone. */
  recipe?: boolean;
  /** True when the file alone does not show that a step happened (config.json's `_name_or_path`): such a
   * step only adds to a step other files show, and never makes one by itself. */
  weak?: boolean;
  /** A command that runs a project's own script: the script as written and its flags as given (`train.py`). */
  script?: { name: string; flags: Record<string, unknown>; lines: Map<string, number> };
  /** Python training code: which trainer argument each command-line flag of the script sets
   * (`per_device_train_batch_size=args.batch_size` → `batch_size` → `per_device_train_batch_size`). */
  flagKeys?: Record<string, string>;
  /** The card that names this step's file as how its model was trained (`python train.py`): the step is that
   * card's step of the same kind (see `group-runs.ts`, rule "a card and the files it names"). */
  namedBy?: string;
  /**
   * The model under the adapter this step resumes (its input is the adapter): a card in the run's folder names the
   * base, not the adapter, and is the same run (combine-steps.ts).
   */
  adapterBase?: string;
  /** The run that trained the adapter this step resumes, while a command is read (read-command.ts). */
  resumed?: StepFacts;
}

/** What one file says. */
export interface FileFacts {
  file: string;
  /** The kind of file recognised, e.g. `model-card`, `adapter-config`, `axolotl`. */
  kind: string;
  subject?: Fact<string>;
  license?: Fact<string>;
  licenseName?: Fact<string>;
  licenseLink?: Fact<string>;
  /** Models named as this model's parents (a card's `base_model`). */
  bases: Fact<string>[];
  steps: StepFacts[];
  description?: string;
  /** Bits of the frozen base while an adapter was trained, said at file level (a PEFT card's bitsandbytes list). */
  trainingQuantBits?: Fact<number>;
  /**
   * Models a card's code downloads (`snapshot_download('org/name')`, `huggingface-cli download org/name`): not bases
   * by themselves, but the Hub id a run's local folder of the same name was fetched from.
   */
  fetched?: Fact<string>[];
  /** Files and folders a card names (`train.py`, `./run_sft.sh`, `SFT/README.md`, `` `DPO` ``), lower case. */
  mentions?: { files: string[]; folders: string[] };
  warnings: ExtractWarning[];
}

/** An empty step of a kind, found in `origin`. */
export function emptyStep(kind: StepKind, origin: Provenance): StepFacts {
  return {
    kind,
    origin,
    adapter: {},
    hyperparameters: {},
    datasets: [],
    inputs: [],
    software: [],
    parameters: {},
    notes: [],
  };
}

/** Provenance of a value read from a file. */
export function extracted(
  file: string,
  where: { field?: string; line?: number; confidence?: number; note?: string } = {},
): Provenance {
  return {
    source: "extracted",
    file,
    ...(where.field ? { field: where.field } : {}),
    ...(where.line ? { line: where.line } : {}),
    confidence: where.confidence ?? 1,
    ...(where.note ? { note: where.note } : {}),
  };
}

/**
 * Provenance of a run's output folder as a config writes it (`output_dir: ./out`): extracted, but only 0.6 sure as the
 * step's output (a local folder the run wrote, often renamed or pushed elsewhere later).
 */
export function localOutput(file: string, field: string, line: number | undefined): Provenance {
  return extracted(file, { field, line, confidence: 0.6, note: "local output folder" });
}

/** Provenance of a value derived by a rule. */
export function inferred(file: string, note: string, confidence = 0.5, field?: string): Provenance {
  return { source: "inferred", file, ...(field ? { field } : {}), confidence, note };
}

export function fact<T>(value: T, source: Provenance): Fact<T> {
  return { value, source };
}

/**
 * The facts of a step that its readers move or cap together: what it did (objective, parameterisation, merge and
 * quantisation settings), its inputs, output, data and settings. Not its origin, framework, software, hardware or
 * description.
 */
export function factsOf(step: StepFacts): Fact<unknown>[] {
  return [
    step.objective,
    step.parameterization,
    step.output,
    step.mergeMethod,
    step.mergeBase,
    step.quantMethod,
    step.bits,
    step.format,
    ...Object.values(step.adapter),
    ...Object.values(step.hyperparameters),
    ...step.datasets,
    ...step.inputs,
    ...Object.values(step.parameters),
  ].filter((f): f is Fact<unknown> => f !== undefined);
}

/** Moves a step's line numbers by `by` (a step read from a part of a file, numbered from the part's start). */
export function shiftLines(step: StepFacts, by: number): void {
  if (step.origin.line) step.origin.line += by;
  for (const f of factsOf(step)) if (f.source.line) f.source.line += by;
}

/** Where a provenance points, for messages: `README.md:42 (learning_rate)`. */
export function where(p: Provenance): string {
  return `${p.file ?? "?"}${p.line ? `:${p.line}` : ""}${p.field ? ` (${p.field})` : ""}`;
}
