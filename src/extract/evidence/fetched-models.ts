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
/** A model's page on the Hub or ModelScope, up to its `org/name` (not a dataset's or a Space's). */
const MODEL_HOST = String.raw`https?:\/\/(?:huggingface\.co|hf\.co|(?:www\.)?modelscope\.cn\/models)\/(?!datasets\/|spaces\/)`;
const FETCH = new RegExp(
  [
    String.raw`\bsnapshot_download\(\s*(?:(?:repo_id|model_id)\s*=\s*)?["']${ID}["']`,
    String.raw`\b(?:huggingface-cli|hf)\s+download\s+${ID}`,
    String.raw`\bmodelscope\s+download\s+--model[= ]${ID}`,
    // A download script given the id (`bash download_hfd_model.sh org/name`, `./hfd.sh org/name`: blind dev
    // g10-ne-zh-qwen25-7b-law-lf-lora-disc-sft-lawbench-eval).
    String.raw`\b(?:[\w-]*download[\w-]*|hfd)\.sh\s+${ID}`,
    String.raw`\bgit\s+clone\s+${MODEL_HOST}${ID}`,
  ].join("|"),
  "g",
);

/** Words of a heading over the list of where a project's models come from. */
const SOURCE_WORDS = /模型来源|模型下载|模型地址|model (?:sources?|downloads?)/i;
/** That heading ("## 模型来源", "## Model sources", "## Model download"). */
const SOURCES_HEADING = new RegExp(String.raw`^#{1,6}\s*(?:${SOURCE_WORDS.source})[:：]?$`, "i");
/** A link to a model's page on the Hub or ModelScope. */
const MODEL_PAGE = new RegExp(String.raw`\]\(${MODEL_HOST}${ID}\/?\)`, "g");

/**
 * The models a section about where the models come from links to (blind dev w1-ne-zh-qwen25-05b-r1-distill-lora-sft:
 * "## 模型来源" / "* [Qwen2.5-0.5B](https://modelscope.cn/models/Qwen/Qwen2.5-0.5B)"): fetched like a download.
 */
function sourceSectionModels(text: string, file: string, out: Fact<string>[]): void {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!SOURCES_HEADING.test((lines[i] ?? "").trim())) continue;
    for (let j = i + 1; j < lines.length && !/^#{1,6}\s/.test(lines[j] ?? ""); j++)
      for (const m of (lines[j] ?? "").matchAll(MODEL_PAGE)) {
        const id = m[1] ?? "";
        if (id && !out.some((f) => f.value.toLowerCase() === id.toLowerCase()))
          out.push(
            fact(
              id,
              extracted(file, { line: j + 1, confidence: 0.7, note: "a model the card gives as a source" }),
            ),
          );
      }
  }
}

/** The models the text downloads, each once, with its line. */
export function fetchedModels(text: string, file: string): Fact<string>[] {
  const out: Fact<string>[] = [];
  if (SOURCE_WORDS.test(text)) sourceSectionModels(text, file, out);
  if (!/download|git\s+clone|hfd\.sh/.test(text)) return out;
  for (const m of text.matchAll(FETCH)) {
    const id = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? "").replace(/\.git$/, "");
    if (id === "" || out.some((f) => f.value.toLowerCase() === id.toLowerCase())) continue;
    const line = lineOf(text, m.index);
    out.push(fact(id, extracted(file, { line, confidence: 0.7, note: "a model the card's code downloads" })));
  }
  return out;
}
