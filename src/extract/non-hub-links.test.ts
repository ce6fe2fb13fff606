/**
 * Invention bugs found on the first run of new dev items (stop 22's `m-` batch), fixed by general rules: a web
 * address that is not the Hub holds no model id (an arXiv path is not `abs/2305.14314`, a GitHub repository named
 * in a link's label is not a Hub model), and a model the chain already started from is never inferred to be what
 * a later step produced.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const doc = (text: string) => extractFromFiles([{ path: "README.md", text }]).document;
const modelIds = (text: string) =>
  doc(text).steps.flatMap((s) => [
    ...(s.inputs?.models ?? []).flatMap((m) => (m.id ? [m.id] : [])),
    ...(s.output?.id ? [s.output.id] : []),
  ]);

describe("web addresses that are not the Hub", () => {
  it("an arXiv address after a base phrase is no model", () => {
    const ids = modelIds(
      "# T\n\n基于[QLora](https://arxiv.org/abs/2305.14314), 在中文数据集上，继续预训练和指令微调模型。\n",
    );
    expect(ids.some((id) => id.includes("2305"))).toBe(false);
  });

  it("an org/name in the label of a GitHub link is that repository, not a Hub model", () => {
    const ids = modelIds(
      "# T\n\n使用LoRA进行微调。\n\n> [liucongg/ChatGLM-Finetuning: 基于ChatGLM-6B模型，进行下游具体任务微调 (github.com)](https://github.com/liucongg/ChatGLM-Finetuning)\n",
    );
    expect(ids).not.toContain("liucongg/ChatGLM-Finetuning");
  });
});

describe("intermediate outputs", () => {
  it("an adapter merged back into the base does not make the base the training's output", () => {
    const d = doc(
      "# T\n\n基于[huggyllama/llama-7b](https://huggingface.co/huggyllama/llama-7b)，使用QLoRA继续预训练和指令微调。\n\n最后将LoRA权重与基座模型合并。\n",
    );
    const outputs = d.steps.flatMap((s) => (s.output?.id ? [s.output.id] : []));
    expect(outputs).not.toContain("huggyllama/llama-7b");
  });
});
