/**
 * The models and datasets a sentence names: Hub links, bare Hub addresses and `org/name` tokens, each with where
 * it starts and ends in the sentence, and whether it is a model or a dataset.
 */

import { hubRepo } from "../model/hub-url.js";
import { resolveKnownDataset } from "../model/known-datasets.js";
import { resolveKnownModel } from "../model/known-models.js";
import { trimEnd } from "../model/trim.js";
import { links, replaceLinks } from "./markdown.js";

/** A model or dataset named in a sentence. */
export interface Mention {
  kind: "model" | "dataset";
  id: string;
  index: number;
  /** Where the mention ends in the sentence (after a link's closing parenthesis). */
  end: number;
}

const ID = /(?<![\w./-])([A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*[A-Za-z0-9])(?![\w/-])/g;

/** "an org/name-based model": "-based" ends the sentence's word, not the id (the phrasing battery, round 5). */
const BASED = /(?<=\w)-based$/i;

/** An id that ftl's table of well-known training datasets holds as written (`tatsu-lab/alpaca`). */
export function knownDataset(id: string): boolean {
  const name = id.split("/")[1];
  return name !== undefined && resolveKnownDataset(name)?.toLowerCase() === id.toLowerCase();
}

/** An id that ftl's table of well-known models holds as written (`Qwen/Qwen2.5-7B`). */
function knownModel(id: string): boolean {
  const name = id.split("/")[1];
  return name !== undefined && resolveKnownModel(name)?.toLowerCase() === id.toLowerCase();
}

/**
 * Two model names joined by a slash ("ChatGLM-6B/chatGLM2-6B模型", dev q-ne-zh-chatglm6b-qlora-adgen-merge-int4): "one
 * or the other", not an `org/name` id; both halves are names the table of well-known models resolves.
 */
export function modelPair(id: string): boolean {
  const [org, name] = id.split("/");
  return org !== undefined && name !== undefined && !!resolveKnownModel(org) && !!resolveKnownModel(name);
}

/** Models and datasets a sentence names: Hub links, and `org/name` tokens outside links. */
export function mentions(sentence: string): Mention[] {
  const out: Mention[] = [];
  // Hub links and `org/name` tokens all hold a slash.
  if (!sentence.includes("/")) return out;
  // Each link blanked to its own length, so that positions in the blanked text are positions in the sentence.
  const unlinked = replaceLinks(sentence, (label, target) => " ".repeat(label.length + target.length + 4));
  for (const link of links(sentence)) {
    const hub = hubRepo(link.url);
    const end = sentence.indexOf(")", sentence.indexOf("](", link.index)) + 1;
    if (!hub) continue;
    const stop = end > 0 ? end : link.index + link.text.length;
    // "on [org/x](https://huggingface.co/org/x) dataset": a link to a model page named as data is data (the Trainer's
    // card writes the name it was given; dev q-tac-phi15-cocktailer-lora-autocard).
    const data =
      hub.kind === "model" &&
      /^[*_`]{0,2}\s{1,2}(?:dataset|datasets|corpus)\b/i.test(sentence.slice(stop, stop + 14));
    out.push({ ...hub, kind: data ? "dataset" : hub.kind, index: link.index, end: stop });
  }
  // A bare Hub address names its model or dataset as a link does ("fine-tuned from https://huggingface.co/org/x.").
  for (const url of unlinked.matchAll(/https?:\/\/\S+/g)) {
    // An address ends at the first character outside ASCII (`…/alpacaで継続事前学習`, `…/alpaca으로`).
    const address = trimEnd(url[0].replace(/[^\x21-\x7e][\s\S]*$/, ""), ".,;:!?)]*_`'\"").replace(BASED, "");
    const hub = hubRepo(address);
    const index = url.index ?? 0;
    if (hub && !out.some((o) => o.id === hub.id)) out.push({ ...hub, index, end: index + address.length });
  }
  const stripped = unlinked.replace(/https?:\/\/\S+/g, (u) => " ".repeat(u.length));
  ID.lastIndex = 0;
  for (let m = ID.exec(stripped); m; m = ID.exec(stripped)) {
    const id = (m[1] ?? "").replace(BASED, "");
    if (/^\d/.test(id.split("/")[1] ?? "") && /^\d+$/.test(id.split("/")[0] ?? "")) continue;
    // A script (`scripts/train_lora.py` in a command written as prose) names neither a model nor a dataset.
    if (/\.(?:py|sh|ipynb|js|ts)$/i.test(id) || modelPair(id)) continue;
    const after = stripped.slice((m.index ?? 0) + id.length, (m.index ?? 0) + id.length + 12);
    const before = stripped.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0);
    // "trained on X" names data, "based on X" / "built on X" a model.
    // "DPO on Qwen/Qwen2.5-7B": a well-known model after "on" is still the model the training ran on.
    const onData =
      /\bon\s*$/i.test(before) &&
      !/\b(?:based|built|depends?|relies|relying) on\s*$/i.test(before) &&
      !knownModel(id);
    const kind =
      /^\W*(dataset|data\b|corpus)/i.test(after) ||
      /\b(dataset|data|data from)\s*$/i.test(before) ||
      // "30k examples from org/x", "pairs from org/x": what is drawn from it is data.
      /\b(?:examples|samples|pairs|conversations|dialogues|instructions|prompts|questions|rows) (?:drawn |taken |sampled )?from\s*$/i.test(
        before,
      ) ||
      onData ||
      knownDataset(id)
        ? "dataset"
        : "model";
    const at = m.index ?? 0;
    if (!out.some((o) => o.id === id)) out.push({ kind, id, index: at, end: at + id.length });
  }
  return out.sort((a, b) => a.index - b.index);
}
