/** Recognising one file's kind and reading it into facts; unreadable content becomes a warning naming the file. */

import { parseDocument } from "yaml";
import { hyperparameterKeyFor } from "../model/hyperparameters.js";
import { ADAPTER_KEYS } from "./config-fields.js";
import type { FileFacts } from "./facts.js";
import { lineOf } from "./line-of.js";
import { parseTomlSettings } from "./parse-toml.js";
import { readCard } from "./read-card.js";
import { isShellScript, readShellScript } from "./read-command.js";
import { isFactoryV1, readFactoryV1 } from "./read-factory-v1.js";
import { outputFileKind, readOutputFile } from "./read-output-files.js";
import { readRecipe, recipeKind } from "./read-recipe.js";
import { readSectionedConfig } from "./read-sectioned-config.js";
import { nestedConfigKind, readNestedConfig } from "./read-torchtune.js";
import { simpleYamlMapping } from "./simple-yaml.js";
import { applyPickledClass, PICKLED_CLASS } from "./training-args-bin.js";
import type { SourceFile } from "./types.js";

/** Text longer than this is cut (cards) or skipped (configs): real cards are far smaller. */
export const MAX_TEXT_CHARS = 4 * 1024 * 1024;
/** How much of an over-long card is read. */
export const CARD_PREFIX_CHARS = 1024 * 1024;

export function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function empty(file: string, kind: string): FileFacts {
  return { file, kind, bases: [], steps: [], warnings: [] };
}

function parseStructured(file: SourceFile, out: FileFacts): Record<string, unknown> | undefined {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const json = /\.json$/i.test(file.path) || /^\s*[{[]/.test(text);
  let value: unknown;
  if (/\.toml$/i.test(file.path)) {
    const toml = parseTomlSettings(text);
    if ("value" in toml) return toml.value;
    out.warnings.push({
      code: "file.syntax",
      message: `${file.path}${toml.line ? `:${toml.line}` : ""}: malformed TOML (${toml.error}); file skipped`,
      file: file.path,
    });
    return undefined;
  }
  if (json) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const pos = /position (\d+)/.exec(message)?.[1];
      out.warnings.push({
        code: "file.syntax",
        message: `${file.path}${pos ? `:${lineOf(text, Number(pos))}` : ""}: malformed JSON (${message.replace(/ in JSON at position.*$/s, "")}); file skipped`,
        file: file.path,
      });
      return undefined;
    }
  } else {
    const simple = simpleYamlMapping(text);
    if (simple) return simple;
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: "error" });
    const first = doc.errors[0];
    if (first) {
      out.warnings.push({
        code: "file.syntax",
        message: `${file.path}:${lineOf(text, first.pos[0])}: malformed YAML (${first.message.split("\n")[0]}); file skipped`,
        file: file.path,
      });
      return undefined;
    }
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      out.warnings.push({
        code: "file.syntax",
        message: `${file.path}: cannot read YAML (${error instanceof Error ? error.message : String(error)}); file skipped`,
        file: file.path,
      });
      return undefined;
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    out.warnings.push({
      code: "file.not-mapping",
      message: `${file.path}: expected an object of settings at the top level, got ${Array.isArray(value) ? "a list" : value === null ? "nothing" : `a ${typeof value}`}; file skipped`,
      file: file.path,
    });
    return undefined;
  }
  return value as Record<string, unknown>;
}

/** Front-matter keys of a model card (the Hub's metadata), none of which a training config has. */
const CARD_KEYS =
  /^(?:base_model|base_model_relation|library_name|pipeline_tag|model-index|license_name|license_link)\s*:/m;

/**
 * A model card saved under a YAML name (`model_card.yaml`: front matter, then Markdown; dev
 * s2-int-dylandeep-abel-7b-sft-dpo-gsm8k): a closed front-matter block with the card's own keys, followed by a
 * Markdown heading. YAML would read it as several documents and skip the file.
 */
function cardSavedAsYaml(name: string, text: string): boolean {
  if (!/\.ya?ml$/i.test(name) || !text.startsWith("---")) return false;
  const close = text.indexOf("\n---", 3);
  if (close === -1) return false;
  return CARD_KEYS.test(text.slice(0, close)) && /^#{1,6} \S/m.test(text.slice(close + 4));
}

const isTrainingKey = (k: string) => hyperparameterKeyFor(k) !== undefined || k.toLowerCase() in ADAPTER_KEYS;

/** Reads one file. Never throws for bad content. */
export function readSourceFile(file: SourceFile): FileFacts {
  const name = basename(file.path);
  const nul = file.text.indexOf("\u0000");
  if (nul !== -1) {
    const out = empty(file.path, "binary");
    out.warnings.push({
      code: "file.binary",
      message: `${file.path}: binary data (a NUL character at offset ${nul}); expected a text card or config; file skipped`,
      file: file.path,
    });
    return out;
  }
  if (isShellScript(name, file.text)) {
    const out = empty(file.path, "shell-script");
    if (file.text.length > MAX_TEXT_CHARS)
      out.warnings.push({
        code: "file.too-large",
        message: `${file.path}: ${file.text.length} characters is over the ${MAX_TEXT_CHARS / 1024 / 1024} MiB limit for a script; file skipped`,
        file: file.path,
      });
    else readShellScript(file.text, file.path, out);
    return out;
  }
  const isCard =
    /\.(md|markdown|mdx)$/i.test(name) ||
    /^readme$/i.test(name) ||
    (!/\.(json|ya?ml|toml)$/i.test(name) && /^(---\s*\n|#\s)/.test(file.text)) ||
    cardSavedAsYaml(name, file.text);
  if (isCard) {
    if (file.text.trim() === "") {
      const out = empty(file.path, "model-card");
      out.warnings.push({
        code: "file.empty",
        message: `${file.path}: the file is empty; file skipped`,
        file: file.path,
      });
      return out;
    }
    if (file.text.length > MAX_TEXT_CHARS) {
      const out = readCard(file.text.slice(0, CARD_PREFIX_CHARS), file.path);
      // Read in part: the document is incomplete (exit 5), not unreadable.
      out.warnings.unshift({
        code: "file.cut",
        message: `${file.path}: ${file.text.length} characters is over the ${MAX_TEXT_CHARS / 1024 / 1024} MiB limit for a card; read only the first ${CARD_PREFIX_CHARS / 1024 / 1024} MiB`,
        file: file.path,
      });
      return out;
    }
    return readCard(file.text, file.path);
  }
  const out = empty(file.path, "unknown");
  if (file.text.length > MAX_TEXT_CHARS) {
    out.warnings.push({
      code: "file.too-large",
      message: `${file.path}: ${file.text.length} characters is over the ${MAX_TEXT_CHARS / 1024 / 1024} MiB limit for a config file; file skipped`,
      file: file.path,
    });
    return out;
  }
  if (file.text.trim() === "") {
    out.warnings.push({
      code: "file.empty",
      message: `${file.path}: the file is empty; file skipped`,
      file: file.path,
    });
    return out;
  }
  const obj = parseStructured(file, out);
  if (!obj) return out;
  if (isFactoryV1(obj)) {
    readFactoryV1(obj, file.path, file.text, out);
    return out;
  }
  const nested = nestedConfigKind(obj);
  if (nested) {
    readNestedConfig(nested, obj, file.text, file.path, out);
    return out;
  }
  const outputKind = outputFileKind(name, obj);
  const recipe = recipeKind(obj);
  if (!recipe && !outputKind && readSectionedConfig(obj, file.path, file.text, out)) {
    out.kind = "trl-recipe";
    return out;
  }
  if (recipe && !(outputKind && outputKind !== "training-args")) {
    out.kind = recipe;
    readRecipe(recipe, obj, file.path, file.text, out);
    if (outputKind === "training-args") for (const s of out.steps) s.finalRun = true;
    applyPickledClass(obj[PICKLED_CLASS], out);
    return out;
  }
  if (outputKind) {
    out.kind = outputKind;
    readOutputFile(outputKind, obj, out);
    applyPickledClass(obj[PICKLED_CLASS], out);
    return out;
  }
  if (Object.keys(obj).filter(isTrainingKey).length >= 2) {
    out.kind = "training-summary";
    readOutputFile("training-summary", obj, out);
    return out;
  }
  out.warnings.push({
    code: "file.unrecognised",
    message: `${file.path}: not a model card, trainer output or recipe ftl recognises; file skipped`,
    file: file.path,
  });
  return out;
}
