/**
 * An Ollama `Modelfile` that runs a local GGUF file (`FROM ./enbeddrus-v0.2-q8_0.gguf`) beside a card that trained
 * a model: the GGUF export of that model, the step after its training (dev y7-qnt-enbeddrus-mbert-en-ru-ollama-q8,
 * g13-ne-id-unsloth-text2sql-ollama, z1-qnt-gamatrain-qwen2-15b-qlora-q4km-gguf-ollama: labellers read it so). A
 * Modelfile that pulls a library model (`FROM qwen2.5:0.5b`) or a Hub file says nothing of the card's model; nor
 * does one beside a card that trained nothing, or already exported. Extracted, 0.7.
 */
import { emptyStep, extracted, type FileFacts, fact } from "./facts.js";
import { GGUF_TYPE_IN_NAME } from "./terms.js";
import type { SourceFile } from "./types.js";

/** An Ollama Modelfile's name (`Modelfile`, `Modelfile.pc`, `qwen.modelfile`), in any script, at the end of a path. */
const MODELFILE =
  /(?:^|[\\/])(?:modelfile(?:[._-][\p{L}\p{N}_.-]{0,60})?|[\p{L}\p{N}_.-]{1,80}\.modelfile)$/iu;

export function isModelfile(path: string): boolean {
  return MODELFILE.test(path);
}

/** The local `.gguf` file the Modelfile's first `FROM` runs, with its line. */
function localGguf(text: string): { path: string; line: number } | undefined {
  const lines = text.split("\n");
  for (const [i, row] of lines.entries()) {
    const trimmed = row.trim();
    if (!/^from\s/i.test(trimmed)) continue;
    const value = trimmed
      .slice(4)
      .trim()
      .replace(/^["']|["']$/g, "");
    const local = !/^(?:https?:|hf\.co\/|huggingface\.co\/)/i.test(value);
    return local && /\.gguf$/i.test(value) ? { path: value, line: i + 1 } : undefined;
  }
  return undefined;
}

/** Adds the export step to the one card that trained a model, when one Modelfile runs one local GGUF file. */
export function addModelfileExport(files: readonly SourceFile[], facts: FileFacts[]): void {
  const runs = files.flatMap((f) => {
    const found = isModelfile(f.path) ? localGguf(f.text) : undefined;
    return found ? [{ file: f.path, ...found }] : [];
  });
  const trained = facts.filter((f) => f.kind === "model-card" && f.steps.some((s) => s.kind === "fine-tune"));
  const [run] = runs;
  const [card] = trained;
  if (runs.length !== 1 || trained.length !== 1 || !run || !card) return;
  if (card.steps.some((s) => s.kind === "quantization")) return;
  const note = "an Ollama Modelfile beside the card runs this local GGUF file";
  const at = extracted(run.file, { line: run.line, confidence: 0.7, note });
  const step = emptyStep("quantization", at);
  step.quantMethod = fact("gguf", at);
  step.output = fact(
    run.path,
    extracted(run.file, { line: run.line, field: "export_dir", confidence: 0.7, note }),
  );
  const type = GGUF_TYPE_IN_NAME.exec(run.path)?.[1];
  if (type) step.format = fact(type.toUpperCase(), at);
  card.steps.push(step);
}
