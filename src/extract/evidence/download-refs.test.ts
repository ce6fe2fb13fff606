/**
 * Download commands quoted in cards tie a local folder (and an org-less name) to the Hub model downloaded into it:
 * snippets from dev j-ne-zh-liu3023helen-qwen3-06b-swift-lora and j-ne-zh-gzh-writing-qwen25-7b-qlora-readme.
 */
import { describe, expect, it } from "vitest";
import { emptyStep, extracted, fact } from "../facts.js";
import { cardBlocks, cardState } from "./_test-card.js";
import { readCommandBlocks } from "./commands.js";
import { readDownloads } from "./download-refs.js";

describe("download commands", () => {
  it("a step training from the downloaded folder starts from the Hub model (liu3023helen)", () => {
    const card = cardBlocks(
      "### 3. 下载基础模型\n\n```bash\nmodelscope download --model Qwen/Qwen3-0.6B --local_dir ./models/Qwen/Qwen3-0.6B\n```\n\n### 4. 开始训练\n\n```bash\nCUDA_VISIBLE_DEVICES=0 \\\nswift sft \\\n    --model ./models/Qwen/Qwen3-0.6B \\\n    --train_type lora \\\n    --dataset './self_cognition_futureai.jsonl' \\\n    --output_dir ./outputs\n```\n",
    );
    const s = cardState();
    readCommandBlocks(card, s);
    readDownloads(card, s);
    const input = s.embedded[0]?.steps[0]?.inputs[0];
    expect(input?.value.id).toBe("Qwen/Qwen3-0.6B");
    expect(input?.source).toMatchObject({ source: "inferred", confidence: 0.85 });
  });

  it("a base named without its org that is the downloaded model's name is its Hub id (gzh-writing)", () => {
    const card = cardBlocks(
      "```bash\nmodelscope download --model Qwen/Qwen2.5-7B-Instruct --local_dir models/Qwen2.5-7B-Instruct\n```\n",
    );
    const s = cardState();
    s.proseBases.push(fact("Qwen2.5-7B-Instruct", extracted("README.md", { line: 3, confidence: 0.8 })));
    readDownloads(card, s);
    expect(s.proseBases.map((b) => b.value)).toEqual(["Qwen/Qwen2.5-7B-Instruct"]);
  });

  it("git clone from the Hub names the folder after the model when no folder is given", () => {
    const card = cardBlocks("```bash\ngit clone https://huggingface.co/THUDM/chatglm3-6b\n```\n");
    const s = cardState();
    const step = emptyStep("fine-tune", extracted("README.md", {}));
    step.inputs.push(fact({ id: "/data/chatglm3-6b" }, extracted("README.md", { line: 9 })));
    s.prose.push({ step, ordered: false, index: 0 });
    readDownloads(card, s);
    expect(step.inputs[0]?.value.id).toBe("THUDM/chatglm3-6b");
  });

  it("a folder no command downloads into stays a local path", () => {
    const card = cardBlocks(
      "```bash\nmodelscope download --model Qwen/Qwen3-0.6B --local_dir ./models/qwen3\n```\n",
    );
    const s = cardState();
    const step = emptyStep("fine-tune", extracted("README.md", {}));
    step.inputs.push(fact({ id: "./models/other" }, extracted("README.md", { line: 9 })));
    s.prose.push({ step, ordered: false, index: 0 });
    readDownloads(card, s);
    expect(step.inputs[0]?.value.id).toBe("./models/other");
  });
});
