/**
 * What counts as a model file, so that `ftl capture` can refuse a folder that holds none: weights in a known
 * format, or the config that defines a model or adapter. Trainer state that happens to use a weights extension
 * (`training_args.bin`, `optimizer.pt`, `scheduler.pt`, `scaler.pt`, `rng_state*.pth`) is not one.
 */

/** Weight formats by extension: safetensors, PyTorch (.bin, .pt, .pth, .ckpt), GGUF/GGML, ONNX, Keras/TF, Flax. */
const WEIGHTS = /\.(safetensors|bin|pt|pth|ckpt|gguf|ggml|onnx|h5|keras|tflite|msgpack)$/i;
/** Files a trainer writes beside the weights, with the same extensions. */
const TRAINER_STATE =
  /^(training_args\.bin|optimizer\.(pt|bin)|scheduler\.pt|scaler\.pt|rng_state(_\d+)?\.pth)$/i;
/** PEFT adapter weights in any format, and the configs that define a model, an adapter or a pipeline. */
const DEFINITIONS = /^(adapter_model\..+|config\.json|adapter_config\.json|model_index\.json)$/i;

/** Is this relative path (POSIX) a model file? Looks at the last component only. */
export function isModelFile(name: string): boolean {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (TRAINER_STATE.test(base)) return false;
  return WEIGHTS.test(base) || DEFINITIONS.test(base);
}

/** Said to people when a folder holds no model file. */
export const MODEL_FILES_DESCRIPTION =
  "weights (*.safetensors, *.bin, *.pt, *.pth, *.ckpt, *.gguf, *.ggml, *.onnx, *.h5, *.keras, *.tflite, *.msgpack, " +
  "adapter_model.*; not training_args.bin, optimizer.pt, scheduler.pt, scaler.pt, rng_state*.pth) or a model " +
  "definition (config.json, adapter_config.json, model_index.json)";
