/**
 * The card's own Hub link as evidence of its subject, on snippets quoted from dev corpus cards
 * (test/fixtures/corpus/dev/… and test/fixtures/audit-corpus/dev/…, named beside each snippet).
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";
import { parseCard } from "../markdown.js";
import { releasedModels } from "./released-models.js";
import { selfLinkEvidence } from "./self-link.js";

const subject = (text: string, notSubject: string[] = []) => {
  const card = parseCard(text, "README.md", []);
  return selfLinkEvidence(card.blocks, card.title, "README.md", notSubject);
};

describe("the card's own Hub link", () => {
  it("a link that is the object of a relation names another model, not the card (synthetic)", () => {
    const link = "[Qwen/Qwen2.5-1.5B-Instruct](https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct)";
    for (const lead of [
      "This model was trained on top of",
      "This is a LoRA adapter for",
      "Este modelo fue afinado a partir de",
      "Dieses Modell wurde auf Basis von",
      "This model was fine-tuned from",
    ])
      expect(subject(`# Helper\n\n${lead} ${link}.\n`)?.value).toBeUndefined();
  });

  it("a link labelled with the site after 'on' is still the card's page (synthetic)", () => {
    const s = subject(
      "# Helper\n\nThe model weights are available on [Hugging Face](https://huggingface.co/acme/helper-7b).\n",
    );
    expect(s?.value).toBe("acme/helper-7b");
  });

  it("a link naming the model of the title, in code too (dev b-card-dolphin3-r1-mistral-24b)", () => {
    const s = subject(
      "# Dolphin 3.0 R1 Mistral 24B 🐬\n\n## Quants\n\nhttps://huggingface.co/bartowski/cognitivecomputations_Dolphin3.0-R1-Mistral-24B-GGUF\n\n```\nwget https://huggingface.co/cognitivecomputations/Dolphin3.0-R1-Mistral-24B/resolve/main/Modelfile\n```\n",
    );
    expect(s?.value).toBe("cognitivecomputations/Dolphin3.0-R1-Mistral-24B");
    expect(s?.source).toMatchObject({ source: "inferred", confidence: 0.85 });
  });

  it("a table row whose name is the title (dev e-ne-zh-sunxiaochuan-v1-qwen25-3b-lf-lora)", () => {
    const s = subject(
      "# SunXiaochuan-V1-3B\n\n## SunXiaochuan-V1\n\n| Model | Params | Download |\n| --- | --- | --- |\n| SunXiaochuan-V1-3B | 3B | [🤗 HuggingFace](https://huggingface.co/Hanversion/SunXiaochuan-V1-3B) |\n| MAGA-T1 | 1.5B | [🤗 HuggingFace](https://huggingface.co/Hanversion/MAGA-T1-Tieba-1.5B-Distill) |\n",
    );
    expect(s?.value).toBe("Hanversion/SunXiaochuan-V1-3B");
  });

  it("a title that is the card's own linked id (audit dev qnt-llama3-8b-instruct-v09-gguf-no-licence)", () => {
    const s = subject(
      "# [MaziyarPanahi/Llama-3-8B-Instruct-v0.9-GGUF](https://huggingface.co/MaziyarPanahi/Llama-3-8B-Instruct-v0.9-GGUF)\n- Original model: [MaziyarPanahi/Llama-3-8B-Instruct-v0.9](https://huggingface.co/MaziyarPanahi/Llama-3-8B-Instruct-v0.9)\n\n## Description\n\n[MaziyarPanahi/Llama-3-8B-Instruct-v0.9-GGUF](https://huggingface.co/MaziyarPanahi/Llama-3-8B-Instruct-v0.9-GGUF) contains GGUF format model files.\n",
      ["MaziyarPanahi/Llama-3-8B-Instruct-v0.9"],
    );
    expect(s?.value).toBe("MaziyarPanahi/Llama-3-8B-Instruct-v0.9-GGUF");
  });

  it("a link labelled as the model the project trained: 'Fine-tuned model: [org/x](…)' (public READMEs, dev m-card-qwen15-05b-openassist-readme)", () => {
    const card = (label: string) =>
      `## Links\n\n- ${label}: [acme/helper-1.5b](https://huggingface.co/acme/helper-1.5b)\n- Base model: [Qwen/Qwen2.5-1.5B-Instruct](https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct)\n`;
    for (const label of ["Fine-tuned model", "Fine-Tuned Model", "Trained model", "Final model"])
      expect(subject(card(label), ["Qwen/Qwen2.5-1.5B-Instruct"])?.value).toBe("acme/helper-1.5b");
    // Two projects' models in one README: neither is the card's own.
    const two = `${card("Fine-tuned model")}- Fine-tuned model: [acme/other-3b](https://huggingface.co/acme/other-3b)\n`;
    expect(subject(two, ["Qwen/Qwen2.5-1.5B-Instruct"])?.value).toBeUndefined();
    // A model the README only mentions is not labelled so.
    expect(subject(card("Compared model"), ["Qwen/Qwen2.5-1.5B-Instruct"])?.value).toBeUndefined();
  });

  it("'Model Card for org/name'", () => {
    expect(subject("# Model Card for acme/tiny-sft\n\nSome text.\n")?.value).toBe("acme/tiny-sft");
    expect(subject("# Model Card for tiny-sft\n\nSome text.\n")).toBeUndefined();
  });

  it("'Model Card for name' and the id in the usage code (a TRL auto-card)", () => {
    const s = subject(
      '# Model Card for tiny-sft\n\n## Quick start\n\n```python\ngenerator = pipeline("text-generation", model="acme/tiny-sft")\n```\n',
    );
    expect(s?.value).toBe("acme/tiny-sft");
  });

  it("not an Ollama name (audit dev gen-kube-7b-mistral-mixtral-synthetic)", () => {
    expect(subject("# Kube-7b\n\n```\nollama run chanwit/kube-7b:v0.1\n```\n")).toBeUndefined();
  });

  it("the repository the card's code pushes to", () => {
    const s = subject(
      '# My run\n\n```python\nmodel = AutoModel.from_pretrained("meta-llama/Llama-3.1-8B")\ntrainer.push_to_hub("me/llama-run")\n```\n',
      ["meta-llama/Llama-3.1-8B"],
    );
    expect(s?.value).toBe("me/llama-run");
    expect(s?.source).toMatchObject({ confidence: 0.8 });
    expect(subject("```\n--hub_model_id me/a\n--hub_model_id me/b\n```\n")).toBeUndefined();
  });

  it("the citation's howpublished Hub page, not a dataset's", () => {
    const s = subject(
      "# A chat model\n\n## Citation\n\n```bibtex\n@misc{acme2024chat,\n  title={Chat},\n  howpublished={\\url{https://huggingface.co/acme/chat-7b}},\n}\n@misc{data,\n  url={https://huggingface.co/datasets/acme/chat-data},\n}\n```\n",
    );
    expect(s?.value).toBe("acme/chat-7b");
    expect(s?.source).toMatchObject({ confidence: 0.75 });
    expect(
      subject(
        "```\n@misc{a, url={https://huggingface.co/acme/one}}\n@misc{b, url={https://huggingface.co/acme/two}}\n```\n",
      ),
    ).toBeUndefined();
  });

  it("a model badge in the header, not the base badge (dev c-card-vydat-llama32-1b-vsl-lora)", () => {
    const s = subject(
      "# Llama 3 Vietnamese Multi-Task Model\n\n[![Model](https://img.shields.io/badge/🤗%20Model-VyDat/llama3--8b--multitask--10k-yellow)](https://huggingface.co/VyDat/llama3-8b-multitask-10k) [![Base Model](https://img.shields.io/badge/Base-Llama%203.2%201B-green)](https://huggingface.co/unsloth/Llama-3.2-1B-Instruct)\n",
    );
    expect(s?.value).toBe("VyDat/llama3-8b-multitask-10k");
    expect(s?.source).toMatchObject({ confidence: 0.8 });
  });

  it("an HTML badge link, not the demo Space (audit dev two-unsloth-llama3-alpaca-lora-mit-readme-apache-file)", () => {
    const s = subject(
      '<p align="center">\n  <a href="https://huggingface.co/Cre4T3Tiv3/unsloth-llama3-alpaca-lora">\n    <img src="https://img.shields.io/badge/HF_Model-Available-blue?logo=huggingface" alt="HF Model">\n  </a>\n  <a href="https://huggingface.co/spaces/Cre4T3Tiv3/unsloth-llama3-alpaca-demo">\n    <img src="https://img.shields.io/badge/Live_Demo-HF_Space-orange" alt="HF Demo">\n  </a>\n</p>\n',
    );
    expect(s?.value).toBe("Cre4T3Tiv3/unsloth-llama3-alpaca-lora");
  });

  it("a lead in a section that gives the final model (dev k-ne-pt-fiap-llama32-1b-qlora-gguf)", () => {
    const s = subject(
      "# Tech Challenge 3\n\n## Intro\n\ntext\n\n## Modelo Final\n\n- **Hugging Face Hub**: [https://huggingface.co/Araguacy/Llama-3.2-1B-finetuning-fiap](https://huggingface.co/Araguacy/Llama-3.2-1B-finetuning-fiap)\n",
    );
    expect(s?.value).toBe("Araguacy/Llama-3.2-1B-finetuning-fiap");
    expect(s?.source).toMatchObject({ confidence: 0.7 });
  });

  it("not a list of a family's releases (audit dev gen-metamath-mistral-7b-gpt35-metamathqa)", () => {
    const s = subject(
      '# MetaMath: Bootstrap Your Own Mathematical Questions\n\n## Supervised fine-tuning\n\nyou can also download our series of MetaMath models in huggingface: 🤗 <a href="https://huggingface.co/meta-math/MetaMath-7B-V1.0" target="_blank">MetaMath 7B</a> 🤗 <a href="https://huggingface.co/meta-math/MetaMath-13B-V1.0" target="_blank">MetaMath 13B</a>\n',
    );
    expect(s).toBeUndefined();
  });

  it("not a model a section merely names (audit dev two-innova-llama3-gptq-toolkit-apache-vs-llama3)", () => {
    const s = subject(
      "# Innova Llama-3 GPTQ Toolkit\n\n## Results\n\n### Production Validated Model\n\n**Model**: [`nalrunyan/llama3-8b-gptq-4bit`](https://huggingface.co/nalrunyan/llama3-8b-gptq-4bit)\n",
    );
    expect(s).toBeUndefined();
  });

  it("not the source of a conversion (dev b-noorg-pygmalion-7b-xor-merged)", () => {
    const s = subject(
      "## Model Download\n\nConverted from the XORs weights from PygmalionAI's release https://huggingface.co/PygmalionAI/pygmalion-7b\n",
    );
    expect(s).toBeUndefined();
  });

  it("never a base, a course page or two ids at the same rank", () => {
    expect(
      subject("# X\n\n[Model](https://huggingface.co/meta-llama/Llama-2-7b-hf)\n", [
        "meta-llama/Llama-2-7b-hf",
      ]),
    ).toBeUndefined();
    expect(subject("[🤗 Model](https://huggingface.co/learn/nlp-course)\n")).toBeUndefined();
    expect(
      subject(
        "[![Huggingface Repo](b)](https://huggingface.co/a/one) [![Huggingface Repo](b)](https://huggingface.co/a/two)\n",
      ),
    ).toBeUndefined();
  });
});

describe("the subject through extraction", () => {
  it("usage code outside a fence: adapter_name and repo_id (dev b-adp-hy-mt15-yoruba-pidgin-qlora)", () => {
    const text =
      '---\nbase_model: tencent/HY-MT1.5-1.8B\ntags:\n- lora\n---\n\n# HY-MT1.5-1.8B — Yoruba & Nigerian Pidgin LoRA\n\nbase_model_name = "tencent/HY-MT1.5-1.8B"\nadapter_name    = "Jesujuwon/HY-MT1.5-1.8B-yoruba-pidgin-lora"\n\nmodel = PeftModel.from_pretrained(model, adapter_name)\n';
    const { document } = extractFromFiles([{ path: "README.md", text }]);
    expect(document.subject.id).toBe("Jesujuwon/HY-MT1.5-1.8B-yoruba-pidgin-lora");
    expect(document.subject.provenance).toMatchObject({ source: "inferred", confidence: 0.8 });
  });

  it("a README without extension is a card (dev j-vague-ru-den4ikai-rugpt3-2ch-readme)", () => {
    const text =
      "Тест модели обученной на диалогах с имиджборд по типу двач (2ch)\n\n\nМоделька на huggingface: https://huggingface.co/Den4ikAI/rugpt3_2ch/\n";
    const { document } = extractFromFiles([{ path: "README", text }]);
    expect(document.subject.id).toBe("Den4ikAI/rugpt3_2ch");
  });
});

describe("a card that lists several released models (audit dev gen-metamath-mistral-7b-gpt35-metamathqa)", () => {
  const table =
    '# MetaMath\n\n## News\n\n| Model | Checkpoint | License |\n| ----- |------| ----- |\n| MetaMath-7B-V1.0 | 🤗 <a href="https://huggingface.co/meta-math/MetaMath-7B-V1.0" target="_blank">HF Link</a> | Llama 2 |\n| MetaMath-Mistral-7B | 🤗 <a href="https://huggingface.co/meta-math/MetaMath-Mistral-7B" target="_blank">HF Link</a> | Apache License 2.0 |\n';

  it("finds the release table", () => {
    expect(releasedModels(parseCard(table, "README.md", []).blocks, [])).toEqual([
      "meta-math/MetaMath-7B-V1.0",
      "meta-math/MetaMath-Mistral-7B",
    ]);
  });

  it("names no subject and says why", () => {
    const { document, warnings } = extractFromFiles([
      { path: "README.md", text: `${table}\nWe fine-tune meta-llama/Llama-2-7b-hf with SFT.\n` },
    ]);
    expect(document.subject.id).toBe("unknown");
    expect(warnings.some((w) => w.code === "card.several-models")).toBe(true);
  });

  it("a table of models of different orgs is not a release list", () => {
    const other =
      "| Model | Link |\n| --- | --- |\n| A | [x](https://huggingface.co/a/one) |\n| B | [x](https://huggingface.co/b/two) |\n";
    expect(releasedModels(parseCard(other, "README.md", []).blocks, [])).toEqual([]);
  });
});
