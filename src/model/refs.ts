/**
 * What a model reference in a file is: a Hub id, a local path, a model's name, a placeholder, or something that
 * names no model. A local path is kept as `local:<path>` so that it never passes for a Hub id; a model the files
 * name without an id (`GPTQ version of Gryphe's MythoMax L2 13B`) is kept as `name:<name>`, what the file says
 * and no more (a name is never turned into an id here); a placeholder (`None`, `your-model`, `<base_model>`,
 * `TODO`, an empty link) is no reference at all.
 */

export const LOCAL_PREFIX = "local:";
export const NAME_PREFIX = "name:";

/** A model named without an id, as a reference: `name:MythoMax L2 13B` (spaces kept, trimmed). */
export const namedRef = (name: string): string => `${NAME_PREFIX}${name.trim()}`;

/** The name a `name:` reference holds (`name:MythoMax L2 13B` → `MythoMax L2 13B`); undefined for any other id. */
export function namedModel(id: string | undefined): string | undefined {
  return id?.startsWith(NAME_PREFIX) ? id.slice(NAME_PREFIX.length) : undefined;
}

/** Placeholders that templates leave where a model id should be. */
const PLACEHOLDER =
  /^(?:none|null|nil|n\/a|na|unknown|todo|tbd|tba|\?+|-+|your[-_ ]?(?:model|org|name|username|repo|hf[-_ ]?username)(?:[-_ /]\S*)?|\{\{[^}]*\}\}|\$\{?\w+\}?|\[more information needed\]|more information needed|model[-_ ]?id|model[-_ ]?name|base[-_ ]?model|org\/model|user\/model|username\/model(?:[-_]name)?|huggingface\.co\/?)$/i;

/**
 * `\S*\/your[-_ ]?\S*` as the whole string (`me/your-model`): a `/your` before any space, or right before the
 * only space. Tested by position, not by the pattern (quadratic in backtracking).
 */
function isYourPath(s: string): boolean {
  const space = s.search(/\s/);
  if (space < 0) return /\/your/i.test(s);
  return s[space] === " " && /\/your$/i.test(s.slice(0, space)) && !/\s/.test(s.slice(space + 1));
}

/**
 * `\S*<[^>]*>\S*` as the whole string (`<base_model>`, `org/<name>`): a `<`, then the first `>` after it, with
 * no space before the `<` or after the `>`. The last `<` before the first space is the one to try.
 */
function isAngleTemplate(s: string): boolean {
  const first = s.search(/\s/);
  if (first < 0) {
    const open = s.indexOf("<");
    return open >= 0 && s.indexOf(">", open + 1) > open;
  }
  const open = s.lastIndexOf("<", first - 1);
  if (open < 0) return false;
  const close = s.indexOf(">", open + 1);
  return close > open && !/\s/.test(s.slice(close + 1));
}

/** A value a shell works out when it runs (`outputs/dpo_run_$(date +%Y%m%d)`, `${OUT}/x`): not a name until then. */
const SHELL_EXPANSION = /\$\(|\$\{|\$[A-Za-z_]|`/;

/**
 * A variable's name where its value should be (`--data_path data_path`, `--model_name_or_path llama_to_hf_path`,
 * `--output_dir model_save_path`: blind dev v1-ne-zh-toucan-7b-chinese-llama-full-ft-4bit): a snake_case word that
 * ends in `_path`, `_dir` or `_file` and holds no dot or slash, which a real file or folder name would.
 */
const VARIABLE_NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:path|dir|directory|folder|file)$/;

/**
 * A documentation path that names nothing (`/path/to/HuggingFace/base/model`, `./path/to/output`: blind dev
 * g2-co-ollama-lora-deploy-guide): the segments `path/to` stand where the reader's own folder goes, and the last
 * segment is a generic word. One whose last segment names a model (`/path/to/models/Qwen2-1.5B`) stays a local
 * path: the folder is a placeholder, the model it holds is not.
 */
const PATH_TO = /(?:^|[\\/])path[\\/]to(?:[\\/]|$)/i;
const GENERIC_LAST =
  /^(?:(?:base|hf|your|local|pretrained|original|fine-?tuned|merged|output)[-_]?)?(?:model|models|checkpoints?|ckpt|weights|outputs?|dir|folder|huggingface)?$/i;
const isDocumentationPath = (s: string): boolean =>
  PATH_TO.test(s) && GENERIC_LAST.test(s.split(/[\\/]/).filter(Boolean).pop() ?? "");

const isPlaceholder = (s: string): boolean =>
  PLACEHOLDER.test(s) ||
  isDocumentationPath(s) ||
  VARIABLE_NAME.test(s) ||
  isYourPath(s) ||
  isAngleTemplate(s) ||
  SHELL_EXPANSION.test(s);

/** Hub ids: `org/name`, each part letters, digits, `-`, `_`, `.` (at most 96 characters each). */
const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}(?:@[\w./-]+)?$/;

/**
 * Models the Hub kept at the root, without an org (`gpt2`, `bert-base-uncased`, `t5-small`, …). A bare word
 * outside these families is not taken as a Hub id.
 */
const LEGACY_ROOT =
  /^(?:gpt2(?:-(?:medium|large|xl))?|distilgpt2|(?:distil)?bert-(?:base|large)-(?:multilingual-)?(?:un)?cased(?:-[\w-]+)?|(?:distil)?roberta-(?:base|large)(?:-[\w-]+)?|t5-(?:small|base|large|3b|11b)|xlm-roberta-(?:base|large)|albert-(?:base|large|xlarge|xxlarge)-v[12]|bart-(?:base|large)(?:-[\w-]+)?|xlnet-(?:base|large)-cased|ctrl|openai-gpt|distilroberta-base|google-t5\/t5-\w+)$/i;

export type RefKind = "hub" | "local" | "name" | "placeholder" | "not-a-model";

/**
 * Folders runs and projects keep models in: `resources/polyglot-ko-1.3b`, `outputs/lora-helpful`, `saves/x` are
 * paths, not the Hub ids of organisations so named (dev m-ne-ko-polyglot-ko-13b-lite-qlora-koalpaca: `--base_model
 * 'resources/polyglot-ko-1.3b'` after "download the base model into ./resources/polyglot-ko-1.3b").
 */
const FOLDER_ORG =
  /^(?:resources|models?|checkpoints?|ckpts?|outputs?|saves?|runs?|results?|work_dirs?|weights|pretrained(?:_models?)?|base_models?|hf_models?|cache|tmp|exp|experiments?|trained|finetuned|merged|adapters?|loras?)\//i;

/**
 * A path on disk: `./x`, `../x`, `/x`, `~/x`, `C:\x`, anything with a backslash, three or more segments, or two
 * under a folder named for models or runs (`FOLDER_ORG`).
 */
export function looksLocal(raw: string): boolean {
  const s = raw.trim();
  return (
    /^(?:\.{1,2}[\\/]|[\\/]|~[\\/]|[A-Za-z]:[\\/])/.test(s) ||
    s.includes("\\") ||
    (s.split("/").filter(Boolean).length >= 3 && !/^https?:/i.test(s)) ||
    FOLDER_ORG.test(s)
  );
}

/** Strips a Hub URL or link decoration: `https://huggingface.co/org/name/tree/main` → `org/name`. */
export function stripHubUrl(raw: string): string {
  const m = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)(?:\/([^?#\s]*))?$/i.exec(raw.trim());
  if (!m) return raw.trim();
  // A link to the Hub itself, or to `None`, names no model: it strips to a placeholder.
  return (m[1] ?? "").split("/").filter(Boolean).slice(0, 2).join("/");
}

/**
 * A file of settings, code or data (`configs/qwen2.5-0.5B-lora-sft.yaml`, `scripts/train.sh`, `data/train.jsonl`):
 * never a model, though `org/name`-shaped (blind dev w1-ne-zh-qwen25-05b-r1-distill-lora-sft: "在
 * `configs/qwen2.5-0.5B-lora-sft.yaml` 文件中设置模型" had been taken for a Hub id).
 */
const SETTINGS_OR_DATA_FILE = /\.(?:ya?ml|jsonl?|py|sh|txt|csv|tsv|md|toml|ipynb|parquet|cfg|ini|conf)$/i;

export function refKind(raw: string): RefKind {
  const s = stripHubUrl(raw).replace(/^["'`]|["'`]$/g, "");
  if (s === "" || isPlaceholder(s)) return "placeholder";
  if (s.startsWith(NAME_PREFIX)) return s.length > NAME_PREFIX.length ? "name" : "placeholder";
  if (s.startsWith(LOCAL_PREFIX) || looksLocal(s)) return "local";
  if (SETTINGS_OR_DATA_FILE.test(s)) return "not-a-model";
  if (HUB_ID.test(s) || LEGACY_ROOT.test(s)) return "hub";
  return "not-a-model";
}

/**
 * The reference to record for a raw model value, or undefined for a placeholder / non-model. `alwaysLocal` is
 * for fields that are paths by definition (`output_dir`).
 */
export function modelRef(raw: string, alwaysLocal = false): string | undefined {
  const s = stripHubUrl(raw).replace(/^["'`]|["'`]$/g, "");
  if (s.startsWith(LOCAL_PREFIX)) return s;
  const kind = refKind(s);
  if (kind === "name") return s;
  if (kind === "placeholder") return undefined;
  if (alwaysLocal || kind === "local") return `${LOCAL_PREFIX}${s}`;
  return kind === "hub" ? s : undefined;
}

/**
 * A Hub id of the common shape, `org/name` in Hub characters only: no URL, quote, space, colon or second slash
 * for refKind's other checks to act on, so only the placeholder test can still turn it down.
 */
const PLAIN_HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96}$/;

/** Is this a reference the registry accepts: a Hub-style id, or an explicit `local:` reference? */
export function isRegistrableId(id: string): boolean {
  if (PLAIN_HUB_ID.test(id))
    return !isPlaceholder(id) && !FOLDER_ORG.test(id) && !SETTINGS_OR_DATA_FILE.test(id);
  if (id.startsWith(LOCAL_PREFIX)) return id.length > LOCAL_PREFIX.length;
  return refKind(id) === "hub" && !id.includes("://");
}

/** The subject id of a document whose files do not name the model (`ftl import --subject ID` supplies it). */
export const UNKNOWN_MODEL_ID = "unknown";
