/**
 * A quantised copy that a document downloads or links from the Hub, when the document describes no other
 * derivation: an app's README that fetches `mistral-7b-instruct-v0.1.Q4_K_M.gguf` from
 * `TheBloke/Mistral-7B-Instruct-v0.1-GGUF` (dev g2-qnt-dadai-localai-mistral-7b-gguf), a model catalogue listing the
 * files of one GGUF repository (g2-qnt-mavdol-llama32-3b-bartowski-gguf), a Docker log pulling one GGUF
 * (t9-qz-ko-bllossom-8b-gguf-q4km-docker-metadata-log). The document is about that copy: a quantisation step whose
 * output is the copy's repository, its method from the repository's name or the file's extension. The model it
 * quantises is the copy's name without its format words (`Mistral-7B-Instruct-v0.1`), taken only when ftl's table
 * of well-known models resolves it (inferred). A guide that runs several copies (dev
 * t1-co-ja-neg-local-llm-serving-guide-gguf-downloads) describes none of them: the copy must be the only model
 * repository the document names by address or download command.
 */

import { hubModelId } from "../../model/hub-url.js";
import { KNOWN_MODEL_CONFIDENCE, resolveKnownModel, squashName } from "../../model/known-models.js";
import type { QuantizationMethod } from "../../model/vocabulary.js";
import { emptyStep, extracted, fact, inferred, type StepFacts } from "../facts.js";

/** Formats a copy's name states; GGML is llama.cpp's format before GGUF (`TheBloke/Llama-2-7B-Chat-GGML`). */
const FORMATS = ["gguf", "ggml", "gptq", "awq", "exl2", "mlx"] as const;
type Format = (typeof FORMATS)[number];
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;
const CUT = new Set(["(", ")", "[", "]", "<", ">", '"', "'", "`", ","]);

interface Found {
  id: string;
  file?: string;
  line: number;
}

/** The words of a line, cut at spaces and at the brackets and quotes that surround addresses. */
function words(line: string): string[] {
  let clean = "";
  for (const c of line) clean += CUT.has(c) ? " " : c;
  return clean.split(/\s+/).filter(Boolean);
}

/** A Hub model repository (and a file in it) named by an address, with or without its scheme. */
function fromAddress(word: string, line: number): Found | undefined {
  const at = Math.max(word.indexOf("huggingface.co/"), word.indexOf("hf.co/"));
  if (at < 0) return undefined;
  const url = `https://${word.slice(at)}`;
  const id = hubModelId(url);
  if (!id) return undefined;
  const file = /\/(?:resolve|blob)\//.test(url) ? url.split("/").pop() : undefined;
  return { id, line, ...(file ? { file } : {}) };
}

/** `huggingface-cli download ORG/NAME [FILE]`, `hf download ORG/NAME [FILE]`. */
function fromCommand(ws: string[], line: number): Found | undefined {
  const cmd = ws.indexOf("download");
  if (cmd < 1 || !["huggingface-cli", "hf"].includes(ws[cmd - 1] ?? "")) return undefined;
  const args = ws.slice(cmd + 1).filter((w) => !w.startsWith("-"));
  const [id, file] = args;
  return id && HUB_ID.test(id) ? { id, line, ...(file ? { file } : {}) } : undefined;
}

/** The format a repository's name states (`…-GGUF`, `…-gguf-Q4_K_M`, `…-AWQ`) and the name before it. */
function formatOfName(name: string): { format: Format; before: string } | undefined {
  const lower = name.toLowerCase();
  for (const f of FORMATS)
    for (const sep of ["-", "_", "."]) {
      const i = lower.indexOf(`${sep}${f}`);
      const after = lower[i + f.length + 1];
      if (i > 0 && (after === undefined || after === "-" || after === "_" || after === "."))
        return { format: f, before: name.slice(0, i) };
    }
  return undefined;
}

/**
 * The model a line labels as the original ("Original model: [Vistral-7B-Chat](https://huggingface.co/org/X)",
 * "- **Original model:** org/X": dev v2-qnt-vistral-7b-chat-gguf-app), by its Hub address or id.
 */
function originalLink(text: string): Found | undefined {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const label = /^[\s>*+-]{0,6}(?:\*\*|__)?original model(?:\*\*|__)?\s?:/i.exec(line);
    if (!label) continue;
    const ws = words(line.slice(label[0].length));
    const id = ws.map((w) => fromAddress(w, i + 1)?.id ?? (HUB_ID.test(w) ? w : undefined)).find(Boolean);
    return id ? { id, line: i + 1 } : undefined;
  }
  return undefined;
}

/** The quantised copies a text downloads or links, one entry per line that names one. */
function found(text: string): Found[] {
  const out: Found[] = [];
  text.split("\n").forEach((raw, i) => {
    if (!raw.includes("hf.co/") && !raw.includes("huggingface.co/") && !raw.includes("download")) return;
    const ws = words(raw);
    const command = fromCommand(ws, i + 1);
    if (command) out.push(command);
    for (const w of ws) {
      const f = fromAddress(w, i + 1);
      if (f) out.push(f);
    }
  });
  return out;
}

/**
 * The quantisation step of the one quantised copy the text downloads or links, or undefined when it names none
 * or several.
 */
export function downloadedCopyStep(text: string, file: string, title?: string): StepFacts | undefined {
  const original = originalLink(text);
  const all = found(text).filter((f) => f.id.toLowerCase() !== original?.id.toLowerCase());
  // A card that links other models besides one quantised copy (the original's card pointing to its GPTQ
  // release, dev z1-qnt-hunyuan-a13b-instruct-fp8-static-and-gptq-int4) is not about the copy.
  if (new Set(all.map((f) => f.id.toLowerCase())).size !== 1) return undefined;
  const copies = all.flatMap((f) => {
    const name = f.id.split("/")[1] ?? f.id;
    const byName = formatOfName(name);
    const format: Format | undefined =
      byName?.format ?? (f.file?.toLowerCase().endsWith(".gguf") ? "gguf" : undefined);
    return format ? [{ ...f, format, before: byName?.before }] : [];
  });
  const repos = new Set(copies.map((c) => c.id.toLowerCase()));
  const [copy] = copies;
  if (repos.size !== 1 || !copy) return undefined;
  const { line } = copy;
  // Copies of the card's own model ("GGUF quants of this model: [someone/FooLM-7B-GGUF](…)" under "# FooLM-7B"):
  // the card is the original's, not the copy's.
  const lineText = text.split("\n")[line - 1] ?? "";
  const own =
    copy.before !== undefined && title !== undefined && squashName(title) === squashName(copy.before);
  if (own || /\b(?:of|for) this model\b/i.test(lineText)) return undefined;
  const note = "the document downloads this quantised copy from the Hub";
  const step = emptyStep("quantization", extracted(file, { line, confidence: 0.8, note }));
  const method: QuantizationMethod = copy.format === "mlx" || copy.format === "ggml" ? "other" : copy.format;
  step.quantMethod = fact(method, extracted(file, { line, confidence: 0.8, note }));
  step.output = fact(copy.id, extracted(file, { line, field: "download" }));
  if (original) {
    const why = `the document names ${original.id} as the original model of the copy it downloads`;
    step.inputs.push(
      fact({ id: original.id }, extracted(file, { line: original.line, confidence: 0.85, note: why })),
    );
    return step;
  }
  const source = copy.before ? resolveKnownModel(copy.before) : undefined;
  if (source)
    step.inputs.push(
      fact(
        { id: source },
        inferred(
          file,
          `the copy's name ${copy.id} names the model it quantises, ${copy.before}, resolved by ftl's table of well-known models`,
          KNOWN_MODEL_CONFIDENCE,
        ),
      ),
    );
  return step;
}
