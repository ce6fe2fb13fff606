/**
 * LitGPT (Lightning AI's fine-tuning CLI): its YAML configs (`config_hub/finetune/<model>/{full,lora,qlora}.yaml`,
 * `config_hub/pretrain/*.yaml`), the `hyperparameters.yaml` it saves beside a finished checkpoint
 * (`out/finetune/lora/final/`, `litgpt/parser_config.py` `save_hyperparameters`: the same keys), and its commands
 * (`litgpt finetune_lora ORG/NAME --data Alpaca2k --quantize bnb.nf4 --train.epochs 3`, read-command.ts).
 * Layouts and defaults from Lightning-AI/litgpt at 26857050 (`litgpt/finetune/lora.py` `setup`,
 * `litgpt/__main__.py`, `litgpt/data/*.py`).
 *
 * - Objective: the finetune scripts train instruction data on the responses (SFT); `pretrain` from an
 *   `initial_checkpoint_dir` is continued pre-training; `pretrain` from nothing adds no step.
 * - Parameterisation: LoRA when the config has LoRA settings (`lora_r`) or the command is `finetune_lora`;
 *   QLoRA when it also quantises the frozen base (`quantize: bnb.nf4`); full for `finetune_full` or a config named
 *   `full.yaml`; `finetune_adapter` (LLaMA-Adapter) is `other`. A config without LoRA keys does not say whether it
 *   trained every weight or an adapter: left unknown.
 * - The model: `checkpoint_dir`. `litgpt download ORG/NAME` saves to `checkpoints/ORG/NAME`, so that folder is
 *   taken as the Hub model ORG/NAME, inferred, with the folder kept in the step's notes; `ORG/NAME` itself is the
 *   Hub model as written (LitGPT looks for `checkpoints/ORG/NAME`, else downloads ORG/NAME: `litgpt/utils.py`
 *   `auto_download_checkpoint`); any other folder stays local.
 * - Data: the `litgpt.data` module's own source (`Alpaca2k` loads `mhenrichsen/alpaca_2k_test`), inferred; `JSON`
 *   and `TextFiles` name local files.
 */
import { refKind } from "../model/refs.js";
import { trimEnd } from "../model/trim.js";
import { readMappedKeys, readTrainingKeys } from "./config-fields.js";
import { emptyStep, extracted, type Fact, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { isObj, type Obj, section, str } from "./recipe-values.js";

/** The LitGPT subcommands that train (`litgpt/__main__.py`), to what they train. */
export const LITGPT_TRAINING = /^(?:finetune(?:_lora|_full|_adapter(?:_v2)?)?|pretrain)$/;

/** Is this a LitGPT finetune or pretrain config? `train` and `checkpoint_dir`, or `initial_checkpoint_dir` with `model_name`. */
export function isLitgptConfig(obj: Obj): boolean {
  const train = section(obj, "train");
  const trains = ["micro_batch_size", "global_batch_size", "lr_warmup_steps"].some((k) => k in train);
  return (
    trains &&
    (typeof obj.checkpoint_dir === "string" || ("model_name" in obj && "initial_checkpoint_dir" in obj))
  );
}

/**
 * `litgpt.data` modules and the data each loads by default (the module's `repo_id`, or the Hub file it downloads),
 * each from its source file in litgpt/data/. `Alpaca` downloads the cleaned Alpaca archive of tloen/alpaca-lora
 * (`alpaca_data_cleaned_archive.json`), named here by that file.
 */
const DATA_MODULES: Readonly<Record<string, string>> = {
  alpaca: "alpaca_data_cleaned_archive.json",
  alpaca2k: "mhenrichsen/alpaca_2k_test",
  alpacagpt4: "alpaca_gpt4_data.json",
  deita: "HuggingFaceH4/deita-10k-v0-sft",
  flan: "Muennighoff/flan",
  lima: "GAIR/lima",
  longform: "LongForm",
  tinystories: "roneneldan/TinyStories",
  openwebtext: "openwebtext",
};

/** Where a data module reads a user's files, by module. */
const LOCAL_DATA: Readonly<Record<string, readonly string[]>> = {
  json: ["json_path"],
  textfiles: ["train_data_path"],
  litdata: ["data_path"],
};

export interface LitgptCommand {
  /** The subcommand (`finetune_lora`), when the settings come from a command line. */
  command?: string;
  line?: number;
}

function readData(obj: Obj, file: string, step: StepFacts, lines: Map<string, number>): void {
  const data = obj.data;
  const classPath = typeof data === "string" ? data : isObj(data) ? str(data.class_path) : undefined;
  if (!classPath) return;
  const name = (classPath.split(".").pop() ?? classPath).toLowerCase();
  const args = isObj(data) ? { ...section(data, "init_args"), ...data } : {};
  const field = typeof data === "string" ? "data" : "data.class_path";
  const at = (key: string) => extracted(file, { field: key, line: lines.get(key) ?? lines.get(field) });
  for (const key of LOCAL_DATA[name] ?? []) {
    const path = str(args[key]);
    if (path) step.datasets.push(fact({ id: `local:${path}` }, at(`data.${key}`)));
  }
  const repo = str(args.repo_id);
  const known = DATA_MODULES[name];
  if (repo) step.datasets.push(fact({ id: repo }, at("data.repo_id")));
  else if (known)
    step.datasets.push(
      fact(
        { id: known },
        inferred(
          file,
          `litgpt.data.${classPath.split(".").pop()} loads ${known} (litgpt/data/)`,
          0.85,
          field,
        ),
      ),
    );
}

/** The model a LitGPT run loads: a `checkpoints/ORG/NAME` folder is `litgpt download ORG/NAME`'s. */
function modelFact(
  path: string,
  file: string,
  field: string,
  line: number | undefined,
): Fact<{ id: string }> {
  const clean = trimEnd(path, "/");
  const downloaded = /(?:^|\/)checkpoints\/([\w.-]+\/[\w.-]+)$/.exec(clean)?.[1];
  if (downloaded && refKind(downloaded) === "hub")
    return fact(
      { id: downloaded },
      inferred(file, `${clean} is where \`litgpt download ${downloaded}\` saves it`, 0.8, field),
    );
  if (!clean.startsWith(".") && !clean.startsWith("/") && refKind(clean) === "hub")
    return fact({ id: clean }, extracted(file, { field, line }));
  return fact({ id: `local:${clean}` }, extracted(file, { field, line }));
}

/** The bits `quantize` loads the frozen base in (`bnb.nf4`, `bnb.nf4-dq`, `bnb.fp4`: 4; `bnb.int8-training`: 8). */
function baseBits(obj: Obj): 4 | 8 | undefined {
  const quantize = str(obj.quantize) ?? "";
  return /^bnb\.(?:nf4|fp4)/.test(quantize) ? 4 : /^bnb\.int8/.test(quantize) ? 8 : undefined;
}

function parameterization(obj: Obj, file: string, opts: LitgptCommand, lines: Map<string, number>) {
  const bits = baseBits(obj);
  const command = opts.command;
  const lora = "lora_r" in obj || command === "finetune_lora" || command === "finetune";
  const at = (field: string) => extracted(file, { field, line: lines.get(field) ?? opts.line });
  if (lora)
    return fact(
      bits ? "qlora" : "lora",
      at(bits ? "quantize" : "lora_r" in obj ? "lora_r" : "command"),
    ) as StepFacts["parameterization"];
  if (command === "finetune_full") return fact("full", at("command")) as StepFacts["parameterization"];
  if (command?.startsWith("finetune_adapter"))
    return fact("other", at("command")) as StepFacts["parameterization"];
  if (/(^|[\\/])full\.ya?ml$/i.test(file))
    return fact(
      "full",
      inferred(file, "a LitGPT config named full.yaml", 0.8),
    ) as StepFacts["parameterization"];
  return undefined;
}

function hyperparameters(
  obj: Obj,
  file: string,
  step: StepFacts,
  lines: Map<string, number>,
  out: FileFacts,
) {
  const train = section(obj, "train");
  const optimizer = section(obj, "optimizer");
  const keys: Obj = {
    learning_rate: section(optimizer, "init_args").lr ?? optimizer.lr,
    num_train_epochs: train.epochs,
    max_steps: train.max_steps,
    per_device_train_batch_size: train.micro_batch_size,
    total_train_batch_size: train.global_batch_size,
    warmup_steps: train.lr_warmup_steps,
    max_seq_length: train.max_seq_length,
    seed: obj.seed,
  };
  const where: Record<string, string> = {
    learning_rate: isObj(optimizer.init_args) ? "optimizer.init_args.lr" : "optimizer.lr",
    num_train_epochs: "train.epochs",
    max_steps: "train.max_steps",
    per_device_train_batch_size: "train.micro_batch_size",
    total_train_batch_size: "train.global_batch_size",
    warmup_steps: "train.lr_warmup_steps",
    max_seq_length: "train.max_seq_length",
  };
  readMappedKeys(keys, where, file, step, out.warnings, lines);
  const adapter: Obj = { lora_r: obj.lora_r, lora_alpha: obj.lora_alpha, lora_dropout: obj.lora_dropout };
  if (step.parameterization?.value === "lora" || step.parameterization?.value === "qlora")
    readTrainingKeys(adapter, file, step, out.warnings, { lines });
}

/**
 * Reads a LitGPT config or command (its flags as nested settings: `--train.epochs 3` → `train.epochs`) into one
 * step; pushes nothing for a pre-training run from scratch.
 */
export function readLitgpt(
  obj: Obj,
  file: string,
  out: FileFacts,
  lines: Map<string, number>,
  opts: LitgptCommand = {},
): void {
  const pretrain = opts.command === "pretrain" || (!("checkpoint_dir" in obj) && "model_name" in obj);
  const path = str(pretrain ? obj.initial_checkpoint_dir : obj.checkpoint_dir);
  if (pretrain && !path) return;
  const note = opts.command ? `litgpt ${opts.command}` : "LitGPT config";
  const step = emptyStep("fine-tune", extracted(file, { note, line: opts.line }));
  const field = pretrain ? "initial_checkpoint_dir" : "checkpoint_dir";
  if (path) step.inputs.push(modelFact(path, file, field, lines.get(field) ?? opts.line));
  if (path && /checkpoints\//.test(path) && step.inputs[0] && !step.inputs[0].value.id.startsWith("local:"))
    step.notes.push(`${field}: ${path}`);
  step.objective = fact(
    pretrain ? "continued-pretraining" : "sft",
    inferred(
      file,
      pretrain
        ? "LitGPT's pretrain from an initial checkpoint trains it further on the language-modelling objective"
        : "LitGPT's finetune scripts train on instruction data, the loss on the responses (supervised fine-tuning)",
      0.85,
      opts.command ? "command" : undefined,
    ),
  );
  const parameters = pretrain ? undefined : parameterization(obj, file, opts, lines);
  const bits = baseBits(obj);
  if (bits && parameters?.value === "qlora")
    step.adapter.quantizationBits = fact(
      bits,
      extracted(file, { field: "quantize", line: lines.get("quantize") ?? opts.line }),
    );
  if (parameters) step.parameterization = parameters;
  else if (pretrain)
    step.parameterization = fact("full", inferred(file, "LitGPT's pretrain trains every weight", 0.8));
  readData(obj, file, step, lines);
  hyperparameters(obj, file, step, lines, out);
  const output = str(obj.out_dir);
  if (output)
    step.output = fact(
      trimEnd(output, "/"),
      extracted(file, { field: "out_dir", line: lines.get("out_dir") ?? opts.line }),
    );
  step.framework = fact({ name: "litgpt" }, inferred(file, `recognised as a ${note}`, 0.95));
  out.steps.push(step);
}
