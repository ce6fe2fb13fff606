/**
 * The text the reader of named bases works on (`named-bases.ts`): a card's blocks with its fine-tuning headings as
 * sentences of their own, links read as their labels (an `org/name` in the label of a link to another site is not an
 * id), and bare Hub model addresses read as their ids.
 */

import { hubRepo } from "../../model/hub-url.js";
import { trimEnd } from "../../model/trim.js";
import type { Block } from "../markdown.js";

/**
 * The blocks, then each heading once as a sentence of its own: "## But :
 * fine-tuner … sur un modèle déjà pré-entrainé GPT2" (dev k-noorg-fr-alexisdaf-gpt2-lora), "# Fine-tuning Llama 2
 * 7B with QLoRA".
 */
export function withHeadings(blocks: Block[]): Block[] {
  const seen = new Set<string>();
  const headings = blocks.flatMap((b) => {
    const fresh = b.headings.filter((h) => h && !seen.has(h));
    for (const h of fresh) seen.add(h);
    // A title is terse: only one that says "fine-tune" itself names a base ("训练`chatglm-6b`模型教程" over a
    // tutorial on chatglm2-6b does not, dev l3-ne-zh-zeronlp-chatglm2-6b-lora-adgen).
    return fresh
      .filter((h) => /fine-?tun|finetun/i.test(h))
      .map((h) => ({ type: "prose" as const, text: h, line: b.line, headings: [] }));
  });
  // After the text: a sentence of the body says more than a title ("LLaMA 3.2 1B – Fine-Tuning" above "… del
  // modelo LLaMA 3.2 1B Instruct", dev k-ne-es-llm-hpc-llama32-1b-qlora).
  return [...blocks, ...headings];
}

/**
 * A link as its label; an `org/name` in the label of a link to another site (`[liucongg/ChatGLM-Finetuning: …
 * (github.com)](https://github.com/…)`) names that site's repository, not a Hub model, and is not read as an id.
 */
export function linkText(label: string, target: string): string {
  if (!/^https?:\/\//.test(target) || hubRepo(target)) return label;
  return label.replace(/(?<![\w.-])([A-Za-z0-9][\w.-]{0,60})\/(?=[A-Za-z0-9])/g, "$1 ");
}

/** A bare web address of a Hub model as its id (`https://huggingface.co/org/x` → `org/x`); datasets' stay. */
export function plainHubIds(text: string): string {
  if (!text.includes("://")) return text;
  return text.replace(/https?:\/\/\S+/g, (url) => {
    const link = hubRepo(trimEnd(url, ".,;:)"));
    return link?.kind === "model" && link.id.includes("/")
      ? url.replace(/^\S*?\/\/[^/]+\/[^/]+\/[^/?#)]+/, link.id)
      : url;
  });
}
