/**
 * Evidence of the model a card describes, from text that names it: the card's own usage code
 * (`from_pretrained("org/name")`, `model_id = "org/name"`, `--model_id org/name`, `repo_id="org/name"`,
 * `PeftModel.from_pretrained(base, "org/name")`). Ids the card names as bases or datasets are not the subject.
 * Taken only when exactly one id remains, and only when the card says which model is its base (else the code may
 * load the base). A sentence in which the card names itself ("This model [org/name] was …", "Model repo:
 * https://huggingface.co/org/name") is taken first. The title, the `model-index` name and file or folder names
 * never are.
 */
import { modelRef } from "../model/refs.js";
import { PATH_HEAD } from "./evidence/named-bases.js";
import { extracted, type Fact, fact, inferred } from "./facts.js";
import type { Block } from "./markdown.js";

/**
 * An id in quotes after a loading call or an id-like variable (in any case: `ADAPTER_ID = "org/name"`, dev
 * s2-card-wkaski-qwen25-text2sql-qlora-r32; `adapter_repo = "org/name"`, dev s2-card-daria-mistral7b-qlora-dolly15k),
 * or after `--model_id`/`--model`.
 */
const CODE_ID =
  /(?:from_pretrained\(\s*(?:[\w.]+\s*,\s*)?|\b(?:model_id|model_name|model_path|repo_id|adapter_name|adapter_id|adapter_repo|adapter_path|lora_id|lora_repo|model|checkpoint|peft_model_id)\s*[:=]\s*)["']([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})["']|--(?:model_id|model)[ =]([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})\b/gi;

/** `hf.co/org/name` in an `ollama run` or `llama-cli --hf-repo` line. */
const RUN_ID = /(?:ollama run hf\.co\/|--hf-repo\s+)([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})/g;

/**
 * "This model [org/name](…) was converted …", "Model huggingface repo: https://huggingface.co/org/name",
 * "HuggingFace Hub: **org/name**" (dev s2-card-daria-mistral7b-qlora-dolly15k, under "## Model Repository").
 */
const PROSE_ID =
  /^\s*(?:this model,?\s*\[?|(?:the )?(?:model|hugging\s?face|hf|hub)\s+(?:repo(?:sitory)?|page|weights|hub)\s*[:：]\s*(?:\*\*)?\[?)(?:https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/)?([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})/i;

/** An id opening a line (in code marks or bold), read by `dashSelfId`. */
const OPENING_ID = /^[\s*`]{0,4}([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})/;
const DASH = /^[\s*`]{0,4}[—–]/;
const TRAINED_FROM = /\b(?:fine-?tuned|finetuned|trained|aligned|merged)\s(?:via|with|on|from|using|by)\b/i;

/**
 * A line of running text that opens with an id and says, after a dash (— or –), what it was trained from: "`org/x` — Qwen3-4B fine-tuned via:"
 * (blind dev y9-noorg-lumi-qwen3-4b-sft-grpo-space-readme, under "## Model"). Read in parts, not by one expression
 * (the id's characters and the dash overlap).
 */
function dashSelfId(text: string): RegExpExecArray | null {
  const m = OPENING_ID.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length, m[0].length + 100);
  const dash = DASH.exec(rest);
  return dash && TRAINED_FROM.test(rest.slice(dash[0].length)) ? m : null;
}

/** An id the card's prose gives as its own ("This model [X] …", "Model repo: X"). */
function proseSelfId(blocks: Block[], file: string, excluded: Set<string>): Fact<string> | undefined {
  for (const b of blocks) {
    if (b.type !== "prose" && b.type !== "item") continue;
    // The dash form only in running text: a list of models ("- org/x: a larger model fine-tuned with DPO", the
    // phrasing battery) describes others.
    const m = PROSE_ID.exec(b.text) ?? (b.type === "prose" ? dashSelfId(b.text) : null);
    const id = m?.[1] ? modelRef(m[1]) : undefined;
    if (id && !id.startsWith("local:") && !excluded.has(id.toLowerCase()))
      return fact(id, extracted(file, { line: b.line, confidence: 0.85, note: "the card names itself" }));
  }
  return undefined;
}

/** Does the call or command that loads a model at `end` also pass an adapter (`adapter_path`, `--adapter-path`)? */
function withAdapter(text: string, end: number): boolean {
  let stop = end;
  // The rest of the statement: up to a line that neither continues the command nor the call's arguments.
  for (let depth = 0, i = end; i < Math.min(text.length, end + 400); i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) break;
    else if (c === "\n" && depth <= 0 && text[i - 1] !== "\\" && text[i - 1] !== ",") break;
    stop = i + 1;
  }
  return /\badapter[-_]path\b/i.test(text.slice(end, stop));
}

export function selfIdEvidence(
  blocks: Block[],
  file: string,
  notSubject: string[],
  baseKnown: boolean,
): Fact<string> | undefined {
  const excluded = new Set(notSubject.map((x) => x.toLowerCase()));
  const stated = proseSelfId(blocks, file, excluded);
  if (stated) return stated;
  const code = blocks
    .filter((b) => b.type === "code")
    .map((b) => b.text)
    .join("\n");
  // Without a known base, code may load the base: taken only when it loads one model for both tokenizer and
  // model (a card loading itself) and loads no adapter.
  if (!baseKnown && (/PeftModel|adapter|peft/i.test(code) || !/tokeni[sz]er/i.test(code))) return undefined;
  const found = new Map<string, { id: string; line: number }>();
  for (const b of blocks) {
    if (
      b.type !== "code" &&
      !/from_pretrained|model_id|--model|repo_id|adapter_name|adapter_repo|peft_model_id|model_name\s*=/i.test(
        b.text,
      )
    )
      continue;
    for (const re of [CODE_ID, RUN_ID])
      for (const m of b.text.matchAll(re)) {
        const raw = (m[1] ?? m[2] ?? "").replace(/\.git$/, "");
        const id = modelRef(raw);
        if (!id || id.startsWith("local:") || excluded.has(id.toLowerCase())) continue;
        // `--model models/my-dota-model`: a folder, not an org (dev g-noorg-dota2-mistral-nemo-7b-qlora).
        if (PATH_HEAD.test(id.split("/")[0] ?? "")) continue;
        // The model an adapter is loaded onto or fused into is the base, not this model: `mlx_lm.fuse --model X
        // --adapter-path A`, `load("X", adapter_path=A)` (blind dev w3-card-huecodes-qwen25-15b-mlx-lora-training-report).
        if (withAdapter(b.text, (m.index ?? 0) + m[0].length)) continue;
        if (!found.has(id.toLowerCase())) found.set(id.toLowerCase(), { id, line: b.line });
      }
  }
  if (found.size !== 1) return undefined;
  if (!baseKnown && [...code.matchAll(/from_pretrained\(/g)].length < 2) return undefined;
  const [only] = found.values();
  if (!only) return undefined;
  return fact(only.id, inferred(file, "the card's own usage code loads this model", 0.8, "usage code"));
}
