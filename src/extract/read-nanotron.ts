/**
 * nanotron configs (Hugging Face's trainer for pre-training and continued pre-training: `general`, `model`,
 * `optimizer.learning_rate_scheduler`, `tokens`, `data_stages`, `checkpoints`, `parallelism`; blind dev
 * g1-rcp-smollm-finemath3plus-cpt-llama32-3b, SmolLM's FineMath runs on Llama 3.2 3B). A config that starts a new
 * run from a checkpoint's weights (`model.init_method.path`, or `checkpoints.resume_checkpoint_path` with
 * `load_optimizer: false`) trains it further on the data of its stages: continued pre-training, every weight. One
 * that starts from nothing, or resumes its own interrupted run, adds no step: it names no model it came from.
 */
import { readMappedKeys } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { nestedLines } from "./read-verl.js";
import { isObj, type Obj, section, str } from "./recipe-values.js";

/** Is this a nanotron config? Its sections, as nanotron's `Config` dataclass names them. */
export function isNanotronConfig(obj: Obj): boolean {
  return (
    isObj(obj.tokens) &&
    isObj(section(obj, "optimizer").learning_rate_scheduler) &&
    (isObj(obj.parallelism) || Array.isArray(obj.data_stages))
  );
}

/**
 * The checkpoint a new run starts from, with the key that names it. `resume_checkpoint_path` also resumes an
 * interrupted run, optimizer and schedule included (nanotron loads both unless told not to): only a run that
 * leaves them behind (`load_optimizer: false`) starts anew from the checkpoint's weights.
 */
function startingPoint(obj: Obj): { path: string; field: string } | undefined {
  const checkpoints = section(obj, "checkpoints");
  const resume = str(checkpoints.resume_checkpoint_path);
  if (resume && checkpoints.load_optimizer === false)
    return { path: resume, field: "checkpoints.resume_checkpoint_path" };
  const init = str(section(section(obj, "model"), "init_method").path);
  return init ? { path: init, field: "model.init_method.path" } : undefined;
}

/** The data of every stage: local folders (`dataset_folder`) and Hub datasets (`hf_dataset_or_datasets`). */
function stageData(obj: Obj, file: string, step: StepFacts, lines: Map<string, number>): void {
  const stages = Array.isArray(obj.data_stages) ? obj.data_stages : [];
  stages.forEach((stage, i) => {
    const dataset = isObj(stage) ? section(section(stage, "data"), "dataset") : {};
    const at = (key: string) =>
      extracted(file, {
        field: `data_stages[${i}].data.dataset.${key}`,
        line: lines.get(`data_stages.data.dataset.${key}`),
      });
    const folders = dataset.dataset_folder;
    for (const f of Array.isArray(folders) ? folders : [folders])
      if (typeof f === "string") step.datasets.push(fact({ id: `local:${f}` }, at("dataset_folder")));
    const hub = dataset.hf_dataset_or_datasets;
    const ids =
      typeof hub === "string" ? [hub] : isObj(hub) ? Object.keys(hub) : Array.isArray(hub) ? hub : [];
    for (const id of ids)
      if (typeof id === "string") step.datasets.push(fact({ id }, at("hf_dataset_or_datasets")));
  });
}

export function readNanotron(obj: Obj, text: string, file: string, out: FileFacts): void {
  const start = startingPoint(obj);
  if (!start) return;
  const lines = nestedLines(text);
  const at = (field: string) => extracted(file, { field, line: lines.get(field) });
  const step = emptyStep("fine-tune", extracted(file, { note: "nanotron config" }));
  step.inputs.push(fact({ id: start.path }, at(start.field)));
  step.objective = fact(
    "continued-pretraining",
    inferred(
      file,
      "nanotron trains the language-modelling objective from the checkpoint it resumes",
      0.85,
      start.field,
    ),
  );
  step.parameterization = fact("full", inferred(file, "nanotron trains every weight", 0.8));
  const schedule = section(section(obj, "optimizer"), "learning_rate_scheduler");
  const tokens = section(obj, "tokens");
  const keys: Obj = {
    learning_rate: schedule.learning_rate,
    warmup_steps: schedule.lr_warmup_steps,
    lr_scheduler_type: schedule.lr_decay_style,
    max_steps: tokens.train_steps,
    per_device_train_batch_size: tokens.micro_batch_size,
    gradient_accumulation_steps: tokens.batch_accumulation_per_replica,
    max_seq_length: tokens.sequence_length,
    seed: section(obj, "general").seed,
    weight_decay: section(obj, "optimizer").weight_decay,
  };
  const where: Record<string, string> = {
    learning_rate: "optimizer.learning_rate_scheduler.learning_rate",
    warmup_steps: "optimizer.learning_rate_scheduler.lr_warmup_steps",
    lr_scheduler_type: "optimizer.learning_rate_scheduler.lr_decay_style",
    max_steps: "tokens.train_steps",
    per_device_train_batch_size: "tokens.micro_batch_size",
    gradient_accumulation_steps: "tokens.batch_accumulation_per_replica",
    max_seq_length: "tokens.sequence_length",
    seed: "general.seed",
    weight_decay: "optimizer.weight_decay",
  };
  readMappedKeys(keys, where, file, step, out.warnings, lines);
  stageData(obj, file, step, lines);
  const saved = str(section(obj, "checkpoints").checkpoints_path);
  if (saved) step.output = fact(saved, { ...at("checkpoints.checkpoints_path"), confidence: 0.6 });
  step.framework = fact({ name: "nanotron" }, inferred(file, "recognised as a nanotron config", 0.9));
  out.steps.push(step);
}
