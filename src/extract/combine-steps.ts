/**
 * Combining the steps that several files describe into one ordered chain: a step that another file already
 * describes (same output, or the same kind of run) is merged into it; a new step goes after the step whose output
 * it starts from. The chain is indexed by the last path segment of every output and input (every way two
 * references can name one model keeps it, see `sameModel`), so that thousands of linked recipes combine in time
 * close to linear instead of comparing each new step with every step before it.
 */
import type { FileFacts, StepFacts } from "./facts.js";
import { lastSegment, mergeStepInto, sameModel } from "./merge-steps.js";
import { isResumedRun } from "./resumed-adapter.js";
import type { ExtractWarning } from "./types.js";

const PRIORITY: Record<string, number> = { "model-card": 0 };
const RECIPE_KINDS = new Set([
  "shell-script",
  "python-script",
  "torchtune",
  "verl",
  "easyr1",
  "mlx-lm",
  "nanotron",
  "autotrain",
  "oumi",
  "ludwig",
  "nemo",
  "trl-recipe",
  "open-instruct",
  "axolotl",
  "llama-factory",
  "llama-factory-export",
  "mergekit",
  "gguf-manifest",
]);

function sameStart(a: StepFacts, b: StepFacts): boolean {
  const x = a.inputs[0]?.value.id;
  const y = b.inputs[0]?.value.id;
  if (x !== undefined && y !== undefined && sameModel(x, y)) return true;
  // A run that resumes an adapter starts from the adapter's base too (resumed-adapter.ts).
  return (
    (a.adapterBase !== undefined && y !== undefined && sameModel(a.adapterBase, y)) ||
    (b.adapterBase !== undefined && x !== undefined && sameModel(b.adapterBase, x))
  );
}

/** A fine-tune that names no model it started from and no output another step could start from. */
const unstarted = (s: StepFacts): boolean => s.inputs.length === 0 && !s.output && !s.adapterBase;

export function isEmptyStep(s: StepFacts): boolean {
  return (
    !s.objective &&
    !s.parameterization &&
    s.inputs.length === 0 &&
    s.datasets.length === 0 &&
    Object.keys(s.hyperparameters).length === 0 &&
    Object.keys(s.adapter).length === 0 &&
    !s.mergeMethod &&
    !s.quantMethod &&
    !s.output
  );
}

function addTo(map: Map<string, StepFacts[]>, key: string, s: StepFacts): void {
  const list = map.get(key);
  if (!list) map.set(key, [s]);
  else if (!list.includes(s)) list.push(s);
}

/** The chain being built, with its steps found by output and by input model. */
class Chain {
  readonly steps: StepFacts[] = [];
  private readonly byOutput = new Map<string, StepFacts[]>();
  private readonly byInput = new Map<string, StepFacts[]>();
  private recipes = 0;

  /** Indexes a step's current output and inputs (again after a merge may have added some). */
  note(s: StepFacts): void {
    if (s.output) addTo(this.byOutput, lastSegment(s.output.value), s);
    for (const i of s.inputs) addTo(this.byInput, lastSegment(i.value.id), s);
  }

  insert(s: StepFacts): void {
    this.steps.splice(this.insertAt(s), 0, s);
    if (s.recipe) this.recipes++;
    this.note(s);
  }

  /** Steps whose output names `model` (the index may hold stale entries: each is checked), in chain order. */
  private producing(model: string): StepFacts[] {
    const found = (this.byOutput.get(lastSegment(model)) ?? []).filter(
      (c) => c.output !== undefined && sameModel(c.output.value, model),
    );
    return this.inOrder(found);
  }

  private inOrder(found: StepFacts[]): StepFacts[] {
    if (found.length < 2) return found;
    const at = new Map(found.map((c) => [c, this.steps.indexOf(c)]));
    return found.sort((a, b) => (at.get(a) ?? 0) - (at.get(b) ?? 0));
  }

  /**
   * The card's step that a file the card names describes (see `named-files.ts`): the step of the same objective,
   * or the card's one step of that kind when either leaves the objective unsaid.
   */
  private namedTarget(s: StepFacts): StepFacts | undefined {
    const mine = this.steps.filter((c) => c.origin.file === s.namedBy && c.kind === s.kind);
    const same = mine.filter((c) => c.objective && c.objective.value === s.objective?.value);
    if (same.length === 1) return same[0];
    const only = mine.length === 1 ? mine[0] : undefined;
    return only && (!only.objective || !s.objective) ? only : undefined;
  }

  /** The step that `s`, read from another file, describes too; undefined when it is a new step. */
  match(s: StepFacts): StepFacts | undefined {
    const other = (c: StepFacts | undefined): c is StepFacts =>
      c !== undefined && c.origin.file !== s.origin.file;
    const named = s.namedBy ? this.namedTarget(s) : undefined;
    if (named) return named;
    if (s.output) {
      const same = this.producing(s.output.value).filter((c) => other(c) && c.kind === s.kind);
      if (same.length > 0) return same.at(-1);
    }
    // The run before a resumed adapter is known only by its output: it is no other file's step by its start.
    if (isResumedRun(s)) return undefined;
    const steps = this.steps;
    // A run's own files (trainer_state, adapter_config) describe the run, never the one before a resumed adapter.
    const candidate = (c: StepFacts | undefined): c is StepFacts => other(c) && !isResumedRun(c);
    if (s.finalRun) {
      for (let i = steps.length - 1; i >= 0; i--)
        if (candidate(steps[i]) && steps[i]?.kind === s.kind) return steps[i];
      return undefined;
    }
    // Two recipes are two runs: a recipe merges only into a step that no recipe described.
    if (s.recipe && this.recipes === steps.length) return undefined;
    for (let i = steps.length - 1; i >= 0; i--) {
      const c = steps[i];
      if (!candidate(c) || c.kind !== s.kind || (c.recipe && s.recipe)) continue;
      if (s.kind !== "fine-tune") return c;
      if (c.objective && s.objective && c.objective.value === s.objective.value) return c;
      // A step whose objective one of the two files leaves unsaid is the same run when both start from one model.
      if ((!c.objective || !s.objective) && sameStart(c, s)) return c;
      // Two of a project's documents (its README and a report) each describe a fine-tune that names neither its
      // objective nor the model it started from: one run told twice, never a chain made from the order of the files.
      if (!c.objective && !s.objective && (unstarted(c) || unstarted(s))) return c;
    }
    return undefined;
  }

  /** Where a new step goes: after the step whose output it starts from, before the step that starts from its output. */
  private insertAt(s: StepFacts): number {
    const input = s.inputs[0]?.value.id;
    const from = input ? this.producing(input)[0] : undefined;
    if (from) return this.steps.indexOf(from) + 1;
    const output = s.output?.value;
    if (output) {
      const consumers = (this.byInput.get(lastSegment(output)) ?? []).filter((c) =>
        c.inputs.some((i) => sameModel(i.value.id, output)),
      );
      const to = this.inOrder(consumers)[0];
      if (to) return this.steps.indexOf(to);
    }
    return this.steps.length;
  }
}

/** Combines the files' steps into one ordered chain. */
export function combine(files: FileFacts[], warnings: ExtractWarning[]): StepFacts[] {
  const chain = new Chain();
  // A file named by a card (its script, a stage's settings) comes after it, so that its step finds the card's.
  const rank = (f: FileFacts) =>
    (PRIORITY[f.kind] ?? 1) + (f.steps.length > 0 && f.steps.every((s) => s.namedBy) ? 2 : 0);
  const ordered = [...files].sort((a, b) => rank(a) - rank(b));
  // Recipes before output files, so that a folder's files land on the recipe's step.
  const primaryFirst = [
    ...ordered.filter((f) => f.steps.some((s) => !s.finalRun)),
    ...ordered.filter((f) => !f.steps.some((s) => !s.finalRun)),
  ];
  const weak: { file: string; step: StepFacts }[] = [];
  for (const f of primaryFirst) {
    for (const s of f.steps) {
      s.recipe ||= RECIPE_KINDS.has(f.kind) && !s.finalRun;
      if (isEmptyStep(s) && s.software.length === 0 && !s.hardware) continue;
      const target = chain.match(s);
      if (target) {
        // A card in the folder of a run that resumed an adapter names the base: the run starts from the adapter.
        const base = target.inputs[0]?.value.id;
        const resumes = s.adapterBase !== undefined && base !== undefined && sameModel(base, s.adapterBase);
        if (resumes) {
          target.inputs = [...s.inputs];
          target.adapterBase = s.adapterBase;
        }
        mergeStepInto(target, s, warnings);
        chain.note(target);
      } else if (s.weak) weak.push({ file: f.file, step: s });
      else if (!isEmptyStep(s)) chain.insert(s);
    }
  }
  // Bases from cards complete a first step that names no input.
  const first = chain.steps[0];
  if (first && first.inputs.length === 0) {
    const base = files.flatMap((f) => f.bases)[0];
    if (base) first.inputs.push({ value: { id: base.value }, source: base.source });
  }
  for (const w of weak) fillFromSavedConfig(chain, w.step, w.file, warnings);
  const steps = afterTheirInputs(chain.steps.filter((s) => !isEmptyStep(s)));
  continueSharedStart(steps);
  return steps;
}

/**
 * The steps with each one after the step that produced its input (a stable topological order): a step placed early
 * because its producer came from a file read later (`train_dpo.sh --resume_adapter outputs/x` read before
 * `train_sft.sh --save_dir outputs/x`, dev t10-rcp-llama31-8b-lora-helpful-then-safety-sft-then-dpo) moves after it.
 * Producers are found by an index on the output's last path segment, so the order costs about one pass.
 */
function afterTheirInputs(steps: StepFacts[]): StepFacts[] {
  const byOutput = new Map<string, StepFacts[]>();
  for (const s of steps) if (s.output) addTo(byOutput, lastSegment(s.output.value), s);
  const placed = new Set<StepFacts>();
  const visiting = new Set<StepFacts>();
  const out: StepFacts[] = [];
  const place = (s: StepFacts): void => {
    if (placed.has(s) || visiting.has(s)) return;
    visiting.add(s);
    for (const i of s.inputs)
      for (const p of byOutput.get(lastSegment(i.value.id)) ?? [])
        if (p !== s && p.output && sameModel(p.output.value, i.value.id)) place(p);
    visiting.delete(s);
    placed.add(s);
    out.push(s);
  };
  for (const s of steps) place(s);
  return out;
}

/**
 * Two ordered training steps from one model, the first naming no output: the second continues the first. A
 * card's front matter names the chain's root (`base_model: A`) where its text or another file lays out the stages
 * (SFT, then DPO): each stage took the model as its input once the files were combined, which would leave two
 * parallel runs and an unused output (dev s2-int-dylandeep-abel-7b-sft-dpo-gsm8k). The later step's input is left to
 * the chain (the earlier step's output).
 */
function continueSharedStart(steps: StepFacts[]): void {
  for (let j = 1; j < steps.length; j++) {
    const prev = steps[j - 1] as StepFacts;
    const later = steps[j] as StepFacts;
    if (prev.output || prev.kind !== "fine-tune" || later.kind !== "fine-tune") continue;
    const [a] = prev.inputs;
    const [b] = later.inputs;
    if (prev.inputs.length !== 1 || later.inputs.length !== 1 || !a || !b) continue;
    if (sameModel(a.value.id, b.value.id)) later.inputs = [];
  }
}

/**
 * A saved model config's `_name_or_path` (weak: the path the weights were loaded from) completes the one run
 * step of the same files that names no starting model (a trainer_state.json, a results file, a settings file
 * saved beside it by the same run); with no such step, or several, it is not taken as lineage.
 */
function fillFromSavedConfig(chain: Chain, s: StepFacts, file: string, warnings: ExtractWarning[]): void {
  const target = chain.match(s);
  const open = chain.steps.filter((c) => c.kind === "fine-tune" && c.finalRun && c.inputs.length === 0);
  const into = target ?? (chain.steps.length === 1 && open.length === 1 ? open[0] : undefined);
  if (into) {
    mergeStepInto(into, s, warnings);
    chain.note(into);
    return;
  }
  warnings.push({
    code: "extract.weak-evidence",
    message: `${file}: names ${s.inputs[0]?.value.id ?? "a model"} as the model it was loaded from, but no other file shows a training step; not taken as lineage`,
    file,
  });
}
