/**
 * Reads a model card with an ftl "Fine-tune lineage" section back into a lineage document: the subject and
 * bases from the front matter, the steps from the section's table. Cards without the section's markers are
 * left to other readers (null).
 */
import { parse as parseYaml } from "yaml";
import {
  FORMAT_V1,
  OBJECTIVE_LABELS,
  type Objective,
  PARAMETERIZATION_LABELS,
  type Parameterization,
  QUANTIZATION_METHODS,
  SIZE_UNITS,
  type SizeUnit,
} from "../model/vocabulary.js";
import type { DatasetRef, LineageDocument, ModelInput, ModelRef, Step } from "../schema/lineage.js";
import type { Json } from "./_shared.js";
import { parseCell, parseCode } from "./card-markup.js";
import { SECTION_END, SECTION_START, TABLE_HEADER } from "./hf-card.js";
import type { StandardImport } from "./reimport.js";

/** What a card cannot carry, reported with every import. */
export const HF_CARD_LOST =
  "a model card carries only the chain, methods, datasets (id, subset, split, size) and key hyperparameters: " +
  "provenance, other hyperparameters, adapter and merge parameters, revisions, digests, URLs, licences other than the subject's, " +
  "frameworks, hardware, times and notes are not restored";

const number = (text: string): number | undefined => {
  const value = Number(text.replaceAll(",", ""));
  return text.trim() !== "" && Number.isFinite(value) ? value : undefined;
};

export { parseCode } from "./card-markup.js";

/** Cells of a GFM table row, with `\|` unescaped. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replaceAll("\\|", "|"));
}

function reverse<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  return (Object.keys(labels) as K[]).find((k) => labels[k] === text);
}

/** Splits text on `separator` outside code spans (an id may itself contain `<br>` or `, `). */
export function splitOutsideCode(text: string, separator = "<br>"): string[] {
  const parts: string[] = [];
  let current = "";
  let i = 0;
  while (i < text.length) {
    const fence = /^`+/.exec(text.slice(i, i + 64))?.[0];
    if (text.startsWith("<code>", i)) {
      const close = text.indexOf("</code>", i);
      const end = close < 0 ? text.length : close + 7;
      current += text.slice(i, end);
      i = end;
    } else if (fence) {
      const close = text.indexOf(fence, i + fence.length);
      const end = close < 0 ? text.length : close + fence.length;
      current += text.slice(i, end);
      i = end;
    } else if (text.startsWith(separator, i)) {
      parts.push(current);
      current = "";
      i += separator.length;
    } else {
      current += text[i];
      i += 1;
    }
  }
  parts.push(current);
  return parts;
}

function parseInput(text: string, step: Json): ModelInput | undefined {
  const base = text.startsWith("base: ");
  const body = base ? text.slice(6) : text;
  // `NAME (weight W)`: the last ` (weight ` with no `)` before the final one (a scan, not a backtracking regex).
  const at = body.endsWith(")") ? body.lastIndexOf(" (weight ") : -1;
  const raw = at > 0 ? body.slice(at + 9, -1) : "";
  const weighted = raw !== "" && !raw.includes(")");
  const name = weighted ? body.slice(0, at) : body;
  const weight = weighted ? number(raw) : undefined;
  const ofStep = /^output of step (.+)$/.exec(name);
  const id = parseCode(ofStep?.[1] ?? name);
  const input: ModelInput | undefined =
    id === undefined
      ? undefined
      : { ...(ofStep ? { step: id } : { id }), ...(weight !== undefined ? { weight } : {}) };
  if (input && base) {
    step.baseModel = input;
    return undefined;
  }
  return input;
}

/** End (exclusive) of the code span that starts at `i` (`x`, `` x `` or <code>x</code>), or -1. */
function spanEnd(text: string, i: number): number {
  const close = (open: string, shut: string): number => {
    const at = text.indexOf(shut, i + open.length);
    return at < 0 ? -1 : at + shut.length;
  };
  if (text.startsWith("<code>", i)) return close("<code>", "</code>");
  if (text.startsWith("`` ", i)) return close("`` ", " ``");
  if (text.startsWith("`", i)) return close("`", "`");
  return -1;
}

const SIZE_PART = /[\d,.e+-]+ \w+/y;

/** The details in `(subset …, split …, N unit)`, read by one left-to-right scan; undefined if malformed. */
function parseDetails(inner: string): Json | undefined {
  const details: Json = {};
  let i = 0;
  while (i < inner.length) {
    let end: number;
    if (inner.startsWith("subset ", i) || inner.startsWith("split ", i)) {
      const key = inner.startsWith("subset ", i) ? "subset" : "split";
      const from = i + key.length + 1;
      end = spanEnd(inner, from);
      if (end < 0) return undefined;
      details[key] = parseCode(inner.slice(from, end));
    } else {
      SIZE_PART.lastIndex = i;
      if (!SIZE_PART.test(inner)) return undefined;
      end = SIZE_PART.lastIndex;
      const [count, unit] = inner.slice(i, end).split(" ");
      const value = number(count ?? "");
      if (value !== undefined && (SIZE_UNITS as readonly string[]).includes(unit ?? ""))
        details.size = { count: value, unit: unit as SizeUnit };
    }
    if (end === inner.length) return details;
    if (!inner.startsWith(", ", end)) return undefined;
    i = end + 2;
  }
  return details;
}

/** Where a dataset cell's name ends: after its code span, or after the closing quote of its description. */
function nameEnds(text: string): number[] {
  if (!text.startsWith("“")) return [spanEnd(text, 0)];
  if (text.endsWith("”")) return [text.length];
  // The description may itself contain `” (`: try the last few candidates (bounded, so linear time).
  const ends: number[] = [];
  for (let at = text.lastIndexOf("” ("); at > 0 && ends.length < 4; at = text.lastIndexOf("” (", at - 1))
    ends.push(at + 1);
  return ends;
}

/** A dataset cell: a code span or a “description”, then optional details in parentheses. Linear time. */
function parseDataset(text: string): DatasetRef | undefined {
  for (const nameEnd of nameEnds(text)) {
    if (nameEnd <= 0) continue;
    const rest = text.slice(nameEnd);
    const details =
      rest === ""
        ? {}
        : rest.startsWith(" (") && rest.endsWith(")")
          ? parseDetails(rest.slice(2, -1))
          : undefined;
    if (details === undefined) continue;
    const name = text.slice(0, nameEnd);
    const id = parseCode(name);
    if (id !== undefined) return { id, ...details } as DatasetRef;
    if (name.startsWith("“") && name.endsWith("”"))
      return { description: parseCell(name.slice(1, -1)), ...details } as DatasetRef;
  }
  return undefined;
}

/** Labels of the key hyperparameters in the table, in the order they are tried. */
const HYPERPARAMETER_PATTERNS: [RegExp, string][] = [
  [/^lr (.+)$/, "learningRate"],
  [/^(.+) epochs?$/, "epochs"],
  [/^(.+) steps$/, "maxSteps"],
  [/^batch (.+)\/device$/, "perDeviceBatchSize"],
  [/^batch (.+)$/, "globalBatchSize"],
  [/^β (.+)$/, "beta"],
  [/^seq (.+)$/, "maxSequenceLength"],
];

function parseHyperparameters(text: string): Json | undefined {
  if (text === "—") return undefined;
  const hp: Json = {};
  for (const part of text.split(", ")) {
    for (const [pattern, key] of HYPERPARAMETER_PATTERNS) {
      const value = pattern.exec(part)?.[1];
      if (value === undefined) continue;
      hp[key] = number(value);
      break;
    }
  }
  return Object.keys(hp).length > 0 ? hp : undefined;
}

function parseRow(row: string[], warnings: string[], line: number): Step | undefined {
  const [idCell = "", kind = "", method = "", param = "", from = "", datasets = "", hp = "", output = ""] =
    row;
  const id = parseCode(idCell);
  if (id === undefined || !["fine-tune", "merge", "quantization", "adapter-merge", "other"].includes(kind)) {
    warnings.push(`lineage table, line ${line}: not a step row; skipped`);
    return undefined;
  }
  const step: Json = { id, kind };
  if (kind === "fine-tune") {
    const objective = reverse<Objective>(OBJECTIVE_LABELS, method);
    if (objective) step.objective = objective;
    const labels = Object.entries(PARAMETERIZATION_LABELS).sort(([, a], [, b]) => b.length - a.length);
    const hit = labels.find(([, label]) => param === label || param.startsWith(`${label} `));
    if (hit) step.parameterization = hit[0] as Parameterization;
    const adapter: Json = {};
    const rank = / r(\d+)(?: |$)/.exec(param);
    if (rank?.[1]) adapter.rank = Number(rank[1]);
    const bits = / (\d)-bit$/.exec(param);
    if (bits?.[1]) adapter.quantizationBits = Number(bits[1]);
    if (Object.keys(adapter).length > 0) step.adapter = adapter;
  } else if (kind === "merge" && method !== "—") step.method = method;
  else if (kind === "quantization" && method !== "—") {
    const tokens = method.split(" ");
    const bits = /^(.+)-bit$/.exec(tokens.at(-1) ?? "");
    if (bits?.[1] !== undefined && number(bits[1]) !== undefined) {
      step.bits = number(bits[1]);
      tokens.pop();
    }
    if ((QUANTIZATION_METHODS as readonly string[]).includes(tokens[0] ?? "")) step.method = tokens.shift();
    if (tokens.length > 0) step.format = tokens.join(" ");
  } else if (kind === "other" && method !== "—") step.description = method;
  const models = from === "—" ? [] : splitOutsideCode(from).flatMap((t) => parseInput(t, step) ?? []);
  const data = datasets === "—" ? [] : splitOutsideCode(datasets).flatMap((t) => parseDataset(t) ?? []);
  if (models.length > 0 || data.length > 0)
    step.inputs = {
      ...(models.length > 0 ? { models } : {}),
      ...(data.length > 0 ? { datasets: data } : {}),
    };
  const hyperparameters = parseHyperparameters(hp);
  if (hyperparameters) step.hyperparameters = hyperparameters;
  const out = parseCode(output);
  if (out !== undefined) step.output = { id: out };
  return step as unknown as Step;
}

/** Recognises a model card with an ftl lineage section; null for anything else. */
export function readHfCard(text: string, fileName: string): StandardImport | null {
  const front = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  // The section is looked for after the front matter, where a marker in a model id cannot forge it.
  const from = front?.[0].length ?? 0;
  const start = text.indexOf(SECTION_START, from);
  const end = text.indexOf(SECTION_END, start);
  if (start < 0 || end < 0) return null;
  const warnings: string[] = [];
  let meta: Json = {};
  try {
    const parsed: unknown = front ? parseYaml(front[1] ?? "", { logLevel: "error" }) : {};
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) meta = parsed as Json;
  } catch (error) {
    warnings.push(
      `front matter: not valid YAML (${error instanceof Error ? error.message : String(error)}); ignored`,
    );
  }
  const section = text.slice(start, end);
  const lines = section.split(/\r?\n/);
  const modelLine = lines.find((l) => l.startsWith("Model: "));
  const subjectId = modelLine
    ? parseCode(/^Model: (.*?)\. How it was made/.exec(modelLine)?.[1] ?? "")
    : undefined;
  if (subjectId === undefined)
    warnings.push(`${fileName}: the lineage section names no model ("Model: …" line)`);
  const subject: ModelRef = { id: subjectId ?? fileName };
  if (typeof meta.license === "string") subject.license = meta.license;
  if (typeof meta.license_name === "string") subject.licenseName = meta.license_name;
  if (typeof meta.license_link === "string" && URL.canParse(meta.license_link))
    subject.licenseLink = meta.license_link;
  const baseModel = meta.base_model;
  const bases: ModelRef[] = [];
  // The section names the chain's bases; the front matter's base_model holds the direct parents (older ftl
  // cards, and cards without that line, fall back to it).
  const listed =
    /^No recorded steps; bases: (.*)\.$/m.exec(section)?.[1] ??
    /^Bases \(where the chain starts\): (.*)\.$/m.exec(section)?.[1];
  if (listed !== undefined)
    for (const part of splitOutsideCode(listed, ", ")) {
      const id = parseCode(part);
      if (id !== undefined) bases.push({ id });
    }
  else
    for (const id of Array.isArray(baseModel) ? baseModel : typeof baseModel === "string" ? [baseModel] : [])
      bases.push({ id: String(id) });
  const headerAt = lines.findIndex((l) => l.startsWith(`| ${TABLE_HEADER[0]} |`));
  const steps: Step[] = [];
  if (headerAt >= 0)
    for (let i = headerAt + 2; i < lines.length && lines[i]?.startsWith("|"); i++) {
      const step = parseRow(cells(lines[i] ?? ""), warnings, i + 1);
      if (step) steps.push(step);
    }
  const document: LineageDocument = { format: FORMAT_V1, subject, bases, steps };
  return { format: "hf-card", document, warnings, notes: [HF_CARD_LOST] };
}
