import { describe, expect, it } from "vitest";
import { continuationAt } from "./shell-continuation.js";
import { shellCommands } from "./shell-words.js";

const words = (text: string) => shellCommands(text).map((c) => c.words.map((w) => w.text));

describe("line continuations in quoted commands", () => {
  it("joins PowerShell's backtick continuations, reading past comment-only lines between them", () => {
    // The shape of blind dev m-ne-zh-qwen25-15b-qlora-lf-aiemplyee-readme.
    const text = [
      "llamafactory-cli train `",
      "    # 训练阶段：SFT 监督微调",
      "    --stage sft `",
      "    # 基座模型路径",
      "    --model_name_or_path D:\\AI\\models\\Qwen2.5-1.5B-Instruct `",
      "    --learning_rate 0.0002",
      "echo done",
    ].join("\n");
    const commands = shellCommands(text);
    expect(commands.map((c) => c.words.map((w) => w.text))).toEqual([
      [
        "llamafactory-cli",
        "train",
        "--stage",
        "sft",
        "--model_name_or_path",
        "D:\\AI\\models\\Qwen2.5-1.5B-Instruct",
        "--learning_rate",
        "0.0002",
      ],
      ["echo", "done"],
    ]);
    expect(commands[0]?.words.find((w) => w.text === "--learning_rate")?.line).toBe(6);
    expect(commands[1]?.line).toBe(7);
  });

  it("joins cmd.exe's caret continuations and still ends a command at a line without one", () => {
    expect(words("python train.py ^\n  --lr 1e-4 ^\n  --epochs 3\npython eval.py")).toEqual([
      ["python", "train.py", "--lr", "1e-4", "--epochs", "3"],
      ["python", "eval.py"],
    ]);
  });

  it("keeps a comment after the last line of a command apart from it", () => {
    expect(words("python train.py \\\n  --lr 1e-4\n# --epochs 3\npython eval.py")).toEqual([
      ["python", "train.py", "--lr", "1e-4"],
      ["python", "eval.py"],
    ]);
  });

  it("takes a backtick or caret inside a word, or a comment line after a continuation that ends the text, as no continuation", () => {
    expect(continuationAt("a`\nb", 1)).toBe(0);
    expect(continuationAt("x ^ y\n", 2)).toBe(0);
    expect(continuationAt("a \\\n# end\n", 2)).toBe(2);
  });
});
