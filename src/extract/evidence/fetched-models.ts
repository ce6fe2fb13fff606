/**
 * Models a card's code downloads: `snapshot_download('Shanghai_AI_Laboratory/internlm2-chat-7b', cache_dir=…)`,
 * `huggingface-cli download org/name`, `hf download org/name`, `modelscope download --model org/name`, `git clone
 * https://huggingface.co/org/name`. They are not bases by themselves (a card downloads embedding models and judges
 * too); they are the Hub ids a run's local folder of the same name may have been fetched from (dev
 * t8-ne-zh-xtuner-internlm2-chat-7b-qlora-aristotle-merge: the download, then training from
 * `/root/solomon/internlm2-chat-7b`), linked by `localRootNamedByCard` as inferences.
 */
import { extracted, type Fact, fact } from "../facts.js";
import { lineOf } from "../line-of.js";

const ID = String.raw`([A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95})`;
const FETCH = new RegExp(
  [
    String.raw`\bsnapshot_download\(\s*(?:(?:repo_id|model_id)\s*=\s*)?["']${ID}["']`,
    String.raw`\b(?:huggingface-cli|hf)\s+download\s+${ID}`,
    String.raw`\bmodelscope\s+download\s+--model[= ]${ID}`,
    String.raw`\bgit\s+clone\s+https?:\/\/(?:huggingface\.co|hf\.co|(?:www\.)?modelscope\.cn\/models)\/(?!datasets\/|spaces\/)${ID}`,
  ].join("|"),
  "g",
);

/** The models the text downloads, each once, with its line. */
export function fetchedModels(text: string, file: string): Fact<string>[] {
  if (!/download|git\s+clone/.test(text)) return [];
  const out: Fact<string>[] = [];
  for (const m of text.matchAll(FETCH)) {
    const id = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").replace(/\.git$/, "");
    if (id === "" || out.some((f) => f.value.toLowerCase() === id.toLowerCase())) continue;
    const line = lineOf(text, m.index);
    out.push(fact(id, extracted(file, { line, confidence: 0.7, note: "a model the card's code downloads" })));
  }
  return out;
}
