/**
 * A model the card downloads into a local folder with a command it quotes: `modelscope download --model
 * Qwen/Qwen3-0.6B --local_dir ./models/Qwen/Qwen3-0.6B` (dev j-ne-zh-liu3023helen-qwen3-06b-swift-lora,
 * j-ne-zh-gzh-writing-qwen25-7b-qlora-readme), `huggingface-cli download org/name --local-dir dir`, `git clone
 * https://huggingface.co/org/name [dir]`. The command states that the folder holds the Hub model, so a step that
 * trains from that folder starts from the Hub model, and a base named without its org that is the downloaded
 * model's name (`基座模型：Qwen2.5-7B-Instruct`) is that Hub id. Both are recorded as `inferred` (0.85), with the
 * command's line. Nothing else links a local path to a Hub id.
 */
import { trimEnd } from "../../model/trim.js";
import type { CardState } from "../card-body.js";
import { type Fact, inferred } from "../facts.js";
import type { Block } from "../markdown.js";

const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;
const CLONE_HOST = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co|modelscope\.cn)\/(?:models\/)?/;

interface Download {
  id: string;
  dir: string;
  line: number;
}

const normal = (p: string) =>
  trimEnd(
    p
      .replace(/^local:/, "")
      .replace(/\\/g, "/")
      .replace(/^\.\//, ""),
    "/",
  ).toLowerCase();

function flag(words: string[], names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    for (const n of names) {
      if (w === n) return words[i + 1];
      if (w.startsWith(`${n}=`)) return w.slice(n.length + 1);
    }
  }
  return undefined;
}

/** The download one command line states, if any. */
function downloadIn(line: string, at: number): Download | undefined {
  const words = line
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^["']|["']$/g, ""));
  const cmd = words.findIndex((w) => w === "download" || w === "clone");
  if (cmd < 1) return undefined;
  const tool = words[cmd - 1] ?? "";
  if (words[cmd] === "clone" && tool === "git") {
    const url = words.slice(cmd + 1).find((w) => CLONE_HOST.test(w));
    if (!url) return undefined;
    const id = url.replace(CLONE_HOST, "").replace(/\.git$/, "");
    if (!HUB_ID.test(id)) return undefined;
    const after = words[words.indexOf(url) + 1];
    return { id, dir: after && !after.startsWith("-") ? after : (id.split("/")[1] ?? id), line: at };
  }
  if (!["modelscope", "huggingface-cli", "hf"].includes(tool)) return undefined;
  const id = flag(words, ["--model"]) ?? words.slice(cmd + 1).find((w) => !w.startsWith("-"));
  const dir = flag(words, ["--local_dir", "--local-dir"]);
  return id && dir && HUB_ID.test(id) ? { id, dir, line: at } : undefined;
}

function downloads(blocks: Block[]): Download[] {
  const out: Download[] = [];
  for (const block of blocks) {
    if (!/download|clone/.test(block.text)) continue;
    block.text.split("\n").forEach((line, i) => {
      const d = downloadIn(line, block.line + (block.type === "code" ? i + 1 : i));
      if (d) out.push(d);
    });
  }
  return out;
}

function sameDir(path: string, dir: string): boolean {
  const p = normal(path);
  const d = normal(dir);
  return p === d || p.endsWith(`/${d}`) || d.endsWith(`/${p}`);
}

/** The reader: local folders and org-less names a quoted download command ties to a Hub id. */
export function readDownloads(blocks: Block[], state: CardState): void {
  const found = downloads(blocks);
  if (found.length === 0) return;
  const source = (d: Download) =>
    inferred(state.file, `downloaded from ${d.id} into ${d.dir} (line ${d.line})`, 0.85, "download command");
  const inputs = [
    ...state.embedded.flatMap((e) => e.steps.flatMap((s) => s.inputs)),
    ...state.prose.flatMap((p) => p.step.inputs),
  ];
  for (const input of inputs) {
    const d = found.find((x) => sameDir(input.value.id, x.dir));
    if (d) {
      input.value = { ...input.value, id: d.id };
      input.source = source(d);
    }
  }
  state.proseBases = state.proseBases.map((b): Fact<string> => {
    const d = found.find(
      (x) =>
        sameDir(b.value, x.dir) ||
        (!b.value.includes("/") && (x.id.split("/")[1] ?? "").toLowerCase() === b.value.toLowerCase()),
    );
    return d ? { value: d.id, source: source(d) } : b;
  });
}
