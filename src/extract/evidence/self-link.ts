/**
 * Evidence of the model a card describes from the card's own Hub link: a `huggingface.co/org/name` link the card
 * presents as its page, not a base, a dataset or a demo. Real cards do it in three ways (dev corpus items named in
 * the tests):
 * - the title is the model's name and a link names the same repository ("# Dolphin 3.0 R1 Mistral 24B" and
 *   `huggingface.co/cognitivecomputations/Dolphin3.0-R1-Mistral-24B/resolve/…`) — 0.85;
 * - "# Model Card for org/name" — 0.85;
 * - a link labelled as the model's page: a badge ("🤗 Model", "HF_Model", "Huggingface Repo", "HuggingFace-Model"),
 *   a link text ("Model on HuggingFace", "Hugging Face Model Card") or a lead ("**Hugging Face Hub**:",
 *   "Model huggingface repo:", "完整merge的模型已经开源：") — 0.8 when it is the only such id in the card's header
 *   (before the first section), 0.7 when it is the only one in the card.
 * Labels that name a base, a dataset, a demo, a paper or a quantised copy are not the card's own page. An id the
 * card gives as a base or a dataset is never the subject; two different ids at the same rank give nothing.
 */

import { hubRepo } from "../../model/hub-url.js";
import { modelRef } from "../../model/refs.js";
import { isSpace, trimEnd } from "../../model/trim.js";
import { type Fact, fact, inferred } from "../facts.js";
import type { Block } from "../markdown.js";
import { inOtherLinkLabel, insideOtherUrl } from "./other-site-ids.js";

/** Words of a label that says the link is a model's own page. */
const SELF =
  /(?:^|[^a-z])(?:models?|repo|repository|hub|weights|checkpoints?|adapter|lora|model card|model page)(?:[^a-z]|$)|模型|모델|modelo|модел/i;
/** Words of a label that say the link is something else. */
export const OTHER =
  /(?:^|[^a-z])(?:base|original|parent|teacher|reward|datasets?|data|demo|space|spaces|paper|collection|leaderboard|converted|derived|fork|based on|version of|(?:weights|release|trained|tuned|quanti[sz]ed) from)(?:[^a-z]|$)|데이터|数据|基座|基础模型|基模/i;
/** Headings of a section that gives the card's own model. */
const RELEASED =
  /fine[\s-]?tuned model|final model|trained model|our model|released? models?|model weights|model download|download|modelo final|modelo treinado|模型开源|模型下载|모델 다운로드|학습된 모델/i;
const QUANT = /(?:^|[^a-z])(?:gguf|gptq|awq|exl2|mlx|onnx|quant\w*)(?:[^a-z]|$)/i;

/** The letters and digits of a name, lower-cased: "Dolphin 3.0 R1 Mistral 24B 🐬" → "dolphin30r1mistral24b". */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

interface Link {
  id: string;
  line: number;
  /** The link's text (a badge's image and alt text included) and the words just before it. */
  label: string;
  header: boolean;
  /** The section heading says it gives the card's own model ("Fine-tuned Model", "Modelo Final"). */
  released: boolean;
  /** The block links other models too (a list of a family's releases). */
  several: boolean;
}

/**
 * The last word before a link that makes the link the object of a relation ("fine-tuned from [X]", "an adapter for
 * [X]", "on top of [X]", "a partir de [X]", "auf Basis von [X]", "compared against [X]"), in the languages read: such a link names another
 * model, never the card's own page, whatever "model" word the lead holds ("This model was trained on top of [X]").
 */
const RELATION_LAST =
  /(?:^|[^\p{L}])(?:of|from|for|on|onto|upon|over|with|using|to|into|by|via|against|than|versus|beats?|outperforms?|surpass(?:es)?|vs\.?|gegen|gegenüber|contre|contra|против|de|da|do|del|des|du|von|vom|auf|aus|für|mit|sur|par|con|com|sobre|em|en|на|от|из|для|с)$|(?:基于|基於|在|以|用|从|對|对|与|與|和|跟|同|を|と|로|으로|를|을|와|과)$/iu;

/** The label of the link whose URL starts at `at`: `[label](url)`, `<a href="url">label</a>`, and the lead. */
function labelAt(text: string, at: number): string {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  let leadEnd = at;
  let label = "";
  if (text.startsWith("](", at - 2)) {
    let depth = 0;
    let i = at - 2;
    for (; i >= Math.max(lineStart, at - 400); i--) {
      if (text[i] === "]") depth++;
      else if (text[i] === "[" && --depth === 0) break;
    }
    if (depth === 0 && i >= 0) {
      label = text.slice(i + 1, at - 2);
      leadEnd = text[i - 1] === "!" ? i - 1 : i;
    }
  } else {
    const tag = text.lastIndexOf("<a", at);
    if (tag >= lineStart && tag > at - 200 && /^<a\s[^>]*href=["']?$/i.test(text.slice(tag, at))) {
      const open = text.indexOf(">", at);
      const close = text.indexOf("</a>", open);
      if (open !== -1 && close !== -1 && close - open < 400) label = text.slice(open + 1, close);
      leadEnd = tag;
    }
  }
  // The lead: the words before the link on its line, from the last table cell, tag or sentence end.
  const before = text.slice(Math.max(lineStart, leadEnd - 60), leadEnd);
  const cut = Math.max(before.lastIndexOf("|"), before.lastIndexOf(">"), before.lastIndexOf(". "));
  const lead = before.slice(cut + 1);
  // A link labelled with the site ("available on [Hugging Face](…)") still names the card's own page.
  const site = /hugging\s?face|\bhf\b|🤗|\bhub\b/i.test(label);
  if (!site && RELATION_LAST.test(trimEnd(lead, (c) => isSpace(c) || "*_`\"'“”(".includes(c))))
    return "derived";
  let decoded = `${label} ${lead}`;
  try {
    decoded = decodeURIComponent(decoded.replace(/%(?![0-9a-f]{2})/gi, "%25"));
  } catch {
    // keep the text as it is
  }
  return decoded.replace(/[_-]+/g, " ");
}

/**
 * A label that gives the link as the model the project trained ("- Fine-tuned model: [org/x](…)", "2. Fine-tuned model:
 * [itzune/parakeet-tdt-0.6b-v3-basque](…)", "- Trained model: …"), read like a section of released models. Public
 * READMEs that list their own model so, beside its base and data: find_string 44598405928 (gamithasam/notion-qwen2.5-1.5B),
 * 52065439977 (itzune/parakeet-tdt-0.6b-v3-basque), 5436072195 (tengomucho/functiongemma-fitness-coach), 7154056364,
 * 66401028915; dev m-card-qwen15-05b-openassist-readme ("Fine-Tuned model:"). The lead ends the label text.
 */
export const OWN_LABEL =
  /(?:^|[^a-z])(?:fine ?tuned|finetuned|trained|final|merged|our|my)(?: lora)? (?:model|checkpoint|adapter|weights)\s{0,3}[:：]\s{0,3}$/i;

/** Every Hub model link of the blocks, with its label. */
export function hubLinks(blocks: Block[], title: string | undefined): Link[] {
  const out: Link[] = [];
  let header = true;
  for (const b of blocks) {
    if (header && !(b.headings.length === 0 || (b.headings.length === 1 && b.headings[0] === title)))
      header = false;
    const released = RELEASED.test(b.headings[b.headings.length - 1] ?? "");
    const first = out.length;
    for (
      let at = b.text.indexOf("huggingface.co/");
      at !== -1;
      at = b.text.indexOf("huggingface.co/", at + 1)
    ) {
      let start = at;
      while (start > 0 && /[\w.:/]/.test(b.text[start - 1] ?? "")) start--;
      let end = at;
      while (end < b.text.length && !/[\s"'<>)\]*`|]/.test(b.text[end] ?? "")) end++;
      const hub = hubRepo(`https://${b.text.slice(at, end)}`);
      if (hub?.kind !== "model" || !hub.id.includes("/")) continue;
      const id = modelRef(hub.id);
      if (!id || id.startsWith("local:")) continue;
      const label = labelAt(b.text, start);
      out.push({
        id,
        line: b.line,
        label,
        header,
        released: released || OWN_LABEL.test(label),
        several: false,
      });
    }
    const ids = new Set(out.slice(first).map((l) => l.id.toLowerCase()));
    if (ids.size > 1) for (const l of out.slice(first)) l.several = true;
  }
  return out;
}

/** The fact that `found` is the card's own model id, inferred with `confidence` from what `why` says. */
function selfFact(
  found: { id: string; line: number } | undefined,
  file: string,
  why: string,
  confidence: number,
  field: string,
): Fact<string> | undefined {
  return found ? fact(found.id, { ...inferred(file, why, confidence, field), line: found.line }) : undefined;
}

/** The one id of `links` that is not excluded, or undefined when none or several. */
function onlyId(links: Link[], excluded: Set<string>): Link | undefined {
  const ids = new Map<string, Link>();
  for (const l of links)
    if (!excluded.has(l.id.toLowerCase()) && !ids.has(l.id.toLowerCase())) ids.set(l.id.toLowerCase(), l);
  return ids.size === 1 ? [...ids.values()][0] : undefined;
}

/** Shell commands whose argument is a folder or file on disk. */
const FOLDER_COMMAND =
  /(?:^|[\s;&|(])(?:cd|pushd|ls|mkdir(?:\s+-p)?|rm(?:\s+-r?f?)?|cp(?:\s+-r)?|mv|cat|tree)\s+$/;

/** Ids written out in the blocks (`org/name` in prose, code or a link), each with its line. */
function writtenIds(blocks: Block[]): Link[] {
  const out: Link[] = [];
  for (const b of blocks)
    for (const m of b.text.matchAll(
      /(?<![\w./-])([A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95})(?![\w.-]*:)/g,
    )) {
      const before = b.text.slice(Math.max(0, (m.index ?? 0) - 20), m.index);
      // An Ollama name (`ollama run org/name:tag`) is not a Hub id; nor is a folder a shell command enters or lists
      // (`cd apps/fireedge`: blind dev w1-ne-ja-fireedge-lfm25-vl-450m-lora-report).
      if (/ollama\s+(?:run|pull)\s+$/.test(before) || FOLDER_COMMAND.test(before)) continue;
      // Inside another site's address (`api.star-history.com/image?repos=org/project`) it names a repository; so it does
      // in the text of a link to somewhere else (`[r/RLHF_from_Scratch](/docs/eval.md)`, a forum, a page of the
      // repository; `[GitHub: org/project](https://github.com/org/project)`: blind dev y8-ne-zh-qwen2-boundless-readme).
      const end = (m.index ?? 0) + (m[0]?.length ?? 0);
      if (insideOtherUrl(b.text, m.index ?? 0) || inOtherLinkLabel(b.text, m.index ?? 0, end)) continue;
      // A folder of a path (`├── src/classic_chinese_llm/` in a project tree: blind dev
      // g10-ne-zh-classical-chinese-157m-from-scratch-then-sft-corpus-table) is not a Hub id.
      if (b.text[end] === "/") continue;
      const id = modelRef((m[1] ?? "").replace(/\.$/, ""));
      if (id && !id.startsWith("local:"))
        out.push({ id, line: b.line, label: "", header: false, released: false, several: false });
    }
  return out;
}

/** "Model Card for X", "X Model Card", a title that links X: the name the title gives, squashed. */
function titleName(title: string | undefined): string {
  if (!title) return "";
  const text = title
    .replace(/\[([^\][]*)\]\([^()]*\)/g, "$1")
    .replace(/^\W*model\s+card\s+(?:for|of)\s+/i, "");
  return squash(withoutModelCard(text));
}

/** What `.replace(/\s+model\s+card\W*$/i, "")` gives, by a scan from the end (the pattern backtracks). */
function withoutModelCard(text: string): string {
  let at = text.length;
  while (at > 0 && !/\w/.test(text[at - 1] ?? "")) at--;
  const word = (w: string): boolean => {
    if (text.slice(at - w.length, at).toLowerCase() !== w) return false;
    at -= w.length;
    const end = at;
    while (at > 0 && /\s/.test(text[at - 1] ?? "")) at--;
    return at < end;
  };
  return word("card") && word("model") ? text.slice(0, at) : text;
}

/** The repository the card's code pushes to: `push_to_hub("org/name")`, `--hub_model_id org/name`, `create_repo("org/name")`. */
const PUSHED =
  /(?:push_to_hub\(\s*(?:repo_id\s*=\s*)?|create_repo\(\s*(?:repo_id\s*=\s*)?|hub_model_id\s*[=:]\s*|--(?:push_to_)?hub_model_id[= ])["']?([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})/g;

function pushedId(blocks: Block[], file: string, excluded: Set<string>): Fact<string> | undefined {
  const ids = new Map<string, { id: string; line: number }>();
  for (const b of blocks) {
    if (!/push_to_hub|create_repo|hub_model_id/.test(b.text)) continue;
    for (const m of b.text.matchAll(PUSHED)) {
      const id = modelRef(m[1] ?? "");
      if (id && !id.startsWith("local:") && !excluded.has(id.toLowerCase()))
        ids.set(id.toLowerCase(), { id, line: b.line });
    }
  }
  const [only] = ids.size === 1 ? [...ids.values()] : [];
  return selfFact(only, file, "the card's code pushes the model to this repository", 0.8, "push_to_hub");
}

/** `howpublished = {\\url{https://huggingface.co/org/name}}` or `url = {…}` in a `@misc`/`@online`/`@software` entry. */
const CITED =
  /\b(?:howpublished|url)\s*=\s*[{"]\s*(?:\\url\{\s*)?https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/([A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,96})/gi;

/** The one model the card's citation entries point to on the Hub (0.75): how its authors ask to cite it. */
function citedId(blocks: Block[], file: string, excluded: Set<string>): Fact<string> | undefined {
  const ids = new Map<string, { id: string; line: number }>();
  for (const b of blocks) {
    if (!/@(?:misc|online|software)\s*\{/i.test(b.text)) continue;
    for (const m of b.text.matchAll(CITED)) {
      const hub = hubRepo(`https://huggingface.co/${m[1] ?? ""}`);
      const id = hub?.kind === "model" ? modelRef(hub.id) : undefined;
      if (id && !id.startsWith("local:") && !excluded.has(id.toLowerCase()))
        ids.set(id.toLowerCase(), { id, line: b.line });
    }
  }
  const [only] = ids.size === 1 ? [...ids.values()] : [];
  return selfFact(only, file, "the card's citation points to this model's Hub page", 0.75, "citation");
}

/** An id written in the card whose name is the model the title names (0.85). */
function titleMatch(
  blocks: Block[],
  title: string | undefined,
  file: string,
  excluded: Set<string>,
): Fact<string> | undefined {
  const named = title ? /^model card for\s+`?([\w.-]+\/[\w.-]+)`?\s*$/i.exec(title.trim()) : null;
  const titled = named?.[1] ? modelRef(named[1]) : undefined;
  if (titled && !titled.startsWith("local:") && !excluded.has(titled.toLowerCase()))
    return fact(
      titled,
      inferred(file, 'the card\'s title names the model ("Model Card for …")', 0.85, "title"),
    );
  const name = titleName(title);
  if (name.length < 4) return undefined;
  const same = onlyId(
    [...writtenIds(blocks), ...hubLinks(blocks, title)].filter(
      // The whole id only when the title writes it so ("# org/name"): a project named "AFlow + ROLL" is not AFlow/ROLL.
      (l) =>
        squash(l.id.split("/")[1] ?? "") === name ||
        (squash(l.id) === name && (title ?? "").toLowerCase().includes(l.id.toLowerCase())),
    ),
    excluded,
  );
  return selfFact(same, file, "the card names the model of its title with its Hub id", 0.85, "hub id");
}

export function selfLinkEvidence(
  blocks: Block[],
  title: string | undefined,
  file: string,
  notSubject: string[],
): Fact<string> | undefined {
  const excluded = new Set(notSubject.map((x) => x.toLowerCase()));
  const byTitle =
    titleMatch(blocks, title, file, excluded) ??
    pushedId(blocks, file, excluded) ??
    citedId(blocks, file, excluded);
  if (byTitle || !blocks.some((b) => b.text.includes("huggingface.co/"))) return byTitle;
  const links = hubLinks(blocks, title);
  const quantCard = QUANT.test(title ?? "");
  const labelled = links.filter(
    (l) => SELF.test(l.label) && !OTHER.test(l.label) && (quantCard || !QUANT.test(l.label)),
  );
  const inHeader = onlyId(
    labelled.filter((l) => l.header),
    excluded,
  );
  if (inHeader) return selfFact(inHeader, file, "the card's header links its own Hub page", 0.8, "hub link");
  // Outside the header, only a link alone in its block, in a section that gives the card's own model.
  const anywhere = labelled.some((l) => l.header)
    ? undefined
    : onlyId(
        labelled.filter((l) => l.released && !l.several),
        excluded,
      );
  return selfFact(anywhere, file, "a link labelled as the model's Hub page", 0.7, "hub link");
}
