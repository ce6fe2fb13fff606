/**
 * Recipes that derive a model without training it: mergekit merges (slices, MoE experts), LLaMA-Factory's
 * export (merging an adapter, quantising) and GGUF manifests. Each describes one step.
 */
import type { QuantizationMethod } from "../model/vocabulary.js";
import { topLevelLines } from "./config-fields.js";
import { emptyStep, extracted, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { isObj, type Obj, str } from "./recipe-values.js";
import { GGUF_TYPE, MERGE_METHOD_WORDS } from "./terms.js";

export function readMergekit(obj: Obj, file: string, text: string, out: FileFacts): void {
  const lines = topLevelLines(text);
  const step = emptyStep("merge", extracted(file, { note: "mergekit config" }));
  const method = str(obj.merge_method)?.toLowerCase();
  if (method)
    step.mergeMethod = fact(
      MERGE_METHOD_WORDS[method] ?? "other",
      extracted(file, { field: "merge_method", line: lines.get("merge_method") }),
    );
  const seen = new Set<string>();
  const addModel = (m: unknown, field: string) => {
    const id = isObj(m) ? str(m.model) : str(m);
    if (!id || seen.has(id)) return;
    seen.add(id);
    const params = isObj(m) && isObj(m.parameters) ? m.parameters : undefined;
    const weight = params && typeof params.weight === "number" ? params.weight : undefined;
    step.inputs.push(
      fact(
        { id, ...(weight !== undefined ? { weight } : {}), ...(params ? { parameters: params } : {}) },
        extracted(file, { field, line: lines.get(field.split(/[.[]/)[0] ?? "") }),
      ),
    );
  };
  if (Array.isArray(obj.models))
    obj.models.forEach((m, i) => {
      addModel(m, `models[${i}].model`);
    });
  if (Array.isArray(obj.experts)) {
    // mergekit-moe: each expert's source model is a parent; base_model gives the shared layers.
    obj.experts.forEach((e, i) => {
      addModel(isObj(e) ? e.source_model : undefined, `experts[${i}].source_model`);
    });
    if (!step.mergeMethod) {
      step.mergeMethod = fact(
        "other",
        extracted(file, { field: "experts", note: "mixture of experts (mergekit-moe)" }),
      );
      step.notes.push(
        `mixture of experts assembled with mergekit-moe (gate_mode ${String(obj.gate_mode ?? "hidden")})`,
      );
    }
  }
  if (Array.isArray(obj.slices))
    obj.slices.forEach((s, i) => {
      if (isObj(s) && Array.isArray(s.sources))
        s.sources.forEach((m, k) => {
          addModel(m, `slices[${i}].sources[${k}].model`);
        });
    });
  const base = str(obj.base_model);
  if (base)
    step.mergeBase = fact(base, extracted(file, { field: "base_model", line: lines.get("base_model") }));
  if (isObj(obj.parameters))
    for (const [k, v] of Object.entries(obj.parameters))
      step.parameters[k] = fact(v, extracted(file, { field: `parameters.${k}` }));
  if (str(obj.dtype))
    step.parameters.dtype = fact(
      str(obj.dtype),
      extracted(file, { field: "dtype", line: lines.get("dtype") }),
    );
  step.framework = fact({ name: "mergekit" }, inferred(file, "recognised as a mergekit config", 0.95));
  out.steps.push(step);
}

/**
 * LLaMA-Factory export configs. With `adapter_name_or_path`, the adapter was trained on the model (a LoRA step
 * whose objective the config does not say) and is folded into it (an adapter-merge step to `export_dir`); with
 * `export_quantization_bit`, the export is quantised (GPTQ, LLaMA-Factory's export method).
 */
export function readFactoryExport(obj: Obj, file: string, text: string, out: FileFacts): void {
  const lines = topLevelLines(text);
  const at = (field: string, confidence = 1) =>
    extracted(file, { field, line: lines.get(field), confidence });
  const tool = () =>
    fact({ name: "llama-factory" }, inferred(file, "recognised as a LLaMA-Factory export config", 0.9));
  const base = str(obj.model_name_or_path);
  const adapter = str(obj.adapter_name_or_path);
  const exportDir = str(obj.export_dir);
  const steps: StepFacts[] = [];
  if (adapter) {
    const train = emptyStep("fine-tune", at("adapter_name_or_path"));
    if (base) train.inputs.push(fact({ id: base }, at("model_name_or_path")));
    train.parameterization = fact(
      "lora",
      inferred(file, "an adapter folded in by a LLaMA-Factory export", 0.8),
    );
    train.output = fact(
      adapter,
      extracted(file, {
        field: "adapter_name_or_path",
        line: lines.get("adapter_name_or_path"),
        note: "the adapter",
      }),
    );
    train.framework = tool();
    const merge = emptyStep("adapter-merge", at("adapter_name_or_path"));
    merge.inputs.push(fact({ id: adapter }, at("adapter_name_or_path")));
    for (const k of ["export_size", "export_device"])
      if (obj[k] !== undefined) merge.parameters[k] = fact(obj[k], at(k));
    merge.framework = tool();
    steps.push(train, merge);
  }
  if (typeof obj.export_quantization_bit === "number") {
    const q = emptyStep("quantization", at("export_quantization_bit"));
    if (!adapter && base) q.inputs.push(fact({ id: base }, at("model_name_or_path")));
    q.bits = fact(obj.export_quantization_bit, at("export_quantization_bit"));
    q.quantMethod = fact("gptq", inferred(file, "LLaMA-Factory exports quantised models with GPTQ", 0.7));
    q.framework = tool();
    steps.push(q);
  }
  const last = steps[steps.length - 1];
  if (last && exportDir) last.output = fact(exportDir, at("export_dir"));
  out.steps.push(...steps);
}

export function readManifest(obj: Obj, file: string, text: string, out: FileFacts): void {
  const lines = topLevelLines(text);
  const parent = str(obj.parent_id);
  const step = emptyStep("quantization", extracted(file, { note: "model manifest with quantised variants" }));
  if (parent)
    step.inputs.push(
      fact({ id: parent }, extracted(file, { field: "parent_id", line: lines.get("parent_id") })),
    );
  const variants = isObj(obj.variants) ? Object.keys(obj.variants) : [];
  const uri = JSON.stringify(obj.variants ?? "").match(/huggingface\.co\/([\w.-]+\/[\w.-]+)\/resolve/);
  if (uri?.[1])
    step.output = fact(uri[1], extracted(file, { field: "variants.*.artifacts.uri", confidence: 0.9 }));
  if (variants.some((v) => GGUF_TYPE.test(v)) || /\.gguf\b/i.test(text)) {
    step.quantMethod = fact("gguf", extracted(file, { field: "variants" }));
    step.format = fact(variants.join(", "), extracted(file, { field: "variants" }));
  }
  out.steps.push(step);
}

/** The llm-compressor modifiers a recipe applies (`default_stage: default_modifiers: GPTQModifier: {…}`), by name. */
export function compressorModifiers(obj: Obj): Map<string, Obj> {
  const found = new Map<string, Obj>();
  const visit = (o: Obj, depth: number) => {
    for (const [k, v] of Object.entries(o)) {
      if (/^\w+Modifier$/.test(k)) found.set(k, isObj(v) ? v : {});
      else if (isObj(v) && depth < 3) visit(v, depth + 1);
    }
  };
  visit(obj, 0);
  return found;
}

/** llm-compressor's quantisation modifiers and the method each makes, in the order they are looked for. */
export const COMPRESSOR_METHODS: Readonly<Record<string, QuantizationMethod>> = {
  GPTQModifier: "gptq",
  AWQModifier: "awq",
  QuantizationModifier: "other",
};

/**
 * An llm-compressor recipe (`GPTQModifier`, `AWQModifier`, `QuantizationModifier` under a stage): a quantisation
 * step whose method its modifier names and whose format its `scheme` gives (`W4A16`); the model it compresses and
 * the output are the program's or the card's (blind dev g9-qnt-exaone40-12b-llmcompressor-gptq-w4a16-aimers).
 */
export function readCompressorRecipe(obj: Obj, file: string, out: FileFacts): void {
  const modifiers = compressorModifiers(obj);
  const name = Object.keys(COMPRESSOR_METHODS).find((m) => modifiers.has(m));
  if (!name) return;
  const note = `llm-compressor recipe (${name})`;
  const step = emptyStep("quantization", extracted(file, { note }));
  step.quantMethod = fact(COMPRESSOR_METHODS[name] ?? "other", extracted(file, { field: name, note }));
  const scheme = str(modifiers.get(name)?.scheme);
  if (scheme) {
    step.format = fact(scheme.toLowerCase(), extracted(file, { field: `${name}.scheme` }));
    const bits = /^w(\d)/i.exec(scheme)?.[1];
    if (bits) step.bits = fact(Number(bits), extracted(file, { field: `${name}.scheme` }));
  }
  out.steps.push(step);
}
