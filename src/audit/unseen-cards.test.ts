/**
 * General rules for cards the rules were not written from (issue 16): a derivative whose chain is not read is
 * never `allowed`; licence files and licence sections read in more of the ways cards write them. Each case is a
 * small card written for the rule, not a corpus item.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ftl } from "../cli/test-io.js";

interface Report {
  verdict: { level: string };
  subject: { license?: string };
  findings: { severity: string; code: string; message: string }[];
}

async function auditFolder(files: Record<string, string>): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), "ftl-unseen-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { stdout } = await ftl(["audit", dir, "--json"]);
  return JSON.parse(stdout) as Report;
}

const codes = (r: Report) => r.findings.filter((f) => f.severity !== "info").map((f) => f.code);

describe("a derivative whose chain is not read is unclear, never allowed", () => {
  it("a PEFT adapter card that names no base", async () => {
    const r = await auditFolder({
      "README.md":
        "---\nlicense: mit\nlibrary_name: peft\ntags:\n- lora\n---\n# my-adapter\nAn adapter for summaries.\n",
    });
    expect(r.verdict.level).toBe("unclear");
    expect(codes(r)).toContain("unread-chain");
  });

  it("a card whose title marks a quantisation", async () => {
    const r = await auditFolder({
      "README.md": "---\nlicense: apache-2.0\n---\n# Foo-GGUF\nQuantised files.\n",
    });
    expect(r.verdict.level).toBe("unclear");
  });

  it("but a model trained from scratch stays allowed", async () => {
    const r = await auditFolder({
      "README.md": "---\nlicense: apache-2.0\n---\n# Tiny classifier\nTrained from scratch on our data.\n",
    });
    expect(r.verdict.level).toBe("allowed");
  });
});

describe("licence files and sections as cards write them", () => {
  it("a weights licence the card links by file name is read from its words", async () => {
    const r = await auditFolder({
      "README.md":
        "# Coder-6B\n\nBased on the ChatGLM2-6B model, Coder-6B was further pre-trained on code.\n\n## License\n\nThe model weights are licensed under the [Model License](MODEL_LICENSE).\n",
      MODEL_LICENSE:
        "The Model License\n\n2. License Grant\n\nSubject to the terms and conditions of this License, the Licensor hereby grants to you a non-exclusive, worldwide, non-transferable, non-sublicensable, revocable, royalty-free copyright license to use the Software solely for your non-commercial research purposes.\n",
    });
    expect(r.verdict.level).toBe("not-allowed");
  });

  it("a table row labelled only 'Model' heads columns: it names no base", async () => {
    const r = await auditFolder({
      "README.md":
        "---\nlicense: apache-2.0\n---\n# Foo\n\n| **Model** | FP16/BF16 | INT8 |\n|---|---|---|\n| Foo | 13 GB | 8 GB |\n",
    });
    expect(r.findings.some((f) => f.message.includes("FP16/BF16"))).toBe(false);
  });

  it("a permissive licence with 'for research and educational purposes only' is two licences", async () => {
    const r = await auditFolder({
      "README.md":
        "---\nlicense: mit\nbase_model: mistralai/Mistral-7B-v0.1\n---\n# Foo\n\n## License\n\nMIT - For research and educational purposes only.\n",
    });
    expect(codes(r)).toContain("license-contradiction");
    expect(r.verdict.level).toBe("not-allowed");
  });

  it("a licence section under a heading in another language", async () => {
    const r = await auditFolder({
      "README.md":
        "# Foo\n\nBased on mistralai/Mistral-7B-v0.1.\n\n## ライセンス\n\nMIT License - 詳細は[LICENSE](LICENSE)を参照してください。\n",
    });
    expect(r.subject.license).toBe("mit");
  });

  it("a LICENSE whose licence the card gives to the code is not a second licence", async () => {
    const r = await auditFolder({
      "README.md":
        "# Foo\n\n![Code License](https://img.shields.io/badge/Code%20License-Apache_2.0-green.svg)\n\nFine-tuned from mistralai/Mistral-7B-v0.1.\n\n## License\n\nThe delta weights are CC BY-NC 4.0 (allowing only non-commercial use).\n",
      LICENSE:
        "                                 Apache License\n                           Version 2.0, January 2004\n",
    });
    expect(codes(r)).not.toContain("license-contradiction");
  });

  it("a base label whose value is on the next bullet line", async () => {
    const r = await auditFolder({
      "README.md":
        "# Foo\n\n- Large Language Model:\n\n  - LLAMA 7B (a 13B also works)\n\nWe release a LoRA.\n",
    });
    expect(r.verdict.level).toBe("not-allowed");
    expect(codes(r)).toContain("non-commercial");
  });

  it("a model directory an earlier command writes is an intermediate, not a base", async () => {
    const r = await auditFolder({
      "README.md":
        '# Foo\n\n```bash\npython train.py --model_name "mistralai/Mistral-7B-v0.1" --output_dir "models/stage1"\npython dpo.py --base_model "models/stage1" --output_dir "models/final"\n```\nThen convert to GGUF.\n',
    });
    // Named only as the chain's own intermediate checkpoint (a note), never as a base with an unknown licence.
    const about = r.findings.filter((f) => f.message.includes("models/stage1"));
    expect(about.every((f) => f.severity === "info" && /intermediate checkpoint/.test(f.message))).toBe(true);
    expect(r.verdict.level).not.toBe("unclear");
  });
});
