/**
 * Plain English statements of a card's training that a careful reader takes at their word (synthetic, in the
 * phrasings of public READMEs): the phrase that names the base also says the model was trained; a well-known model
 * after "on" is a model, not data; a stated fine-tune with its data but no base is an instance with the base unknown.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

const read = (body: string) =>
  extractFromFiles([{ path: "README.md", text: `# Helper-7B\n\n${body}\n` }]).document;
const bases = (body: string) => read(body).bases.map((b) => b.id);
const datasets = (body: string) =>
  read(body).steps.flatMap((s) =>
    s.kind === "fine-tune" ? (s.inputs?.datasets ?? []).map((d) => d.id) : [],
  );

describe("statements of training in a card's prose", () => {
  it("'a QLoRA fine-tune of X on Y' is a QLoRA step from X on Y", () => {
    const doc = read(
      "This model is a QLoRA fine-tune of `meta-llama/Llama-3.1-8B-Instruct` on `yahma/alpaca-cleaned`.",
    );
    expect(doc.bases.map((b) => b.id)).toEqual(["meta-llama/Llama-3.1-8B-Instruct"]);
    expect(doc.steps).toHaveLength(1);
    expect(doc.steps[0]).toMatchObject({ kind: "fine-tune", parameterization: "qlora" });
    expect(
      datasets(
        "This model is a QLoRA fine-tune of `meta-llama/Llama-3.1-8B-Instruct` on `yahma/alpaca-cleaned`.",
      ),
    ).toEqual(["yahma/alpaca-cleaned"]);
  });

  it("'LoRA adapter weights for [X](…) trained on [Y](…)' is a LoRA step from X on Y", () => {
    const body =
      "This repository contains LoRA adapter weights for [mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1) trained on [HuggingFaceH4/ultrachat_200k](https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k).";
    expect(bases(body)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    expect(read(body).steps[0]).toMatchObject({ kind: "fine-tune", parameterization: "lora" });
    expect(datasets(body)).toEqual(["HuggingFaceH4/ultrachat_200k"]);
  });

  it("a well-known model after 'on' is the model trained, never a dataset", () => {
    const body =
      "We perform SFT followed by DPO on Qwen/Qwen2.5-7B, using HuggingFaceH4/ultrachat_200k and HuggingFaceH4/ultrafeedback_binarized.";
    expect(bases(body)).toEqual(["Qwen/Qwen2.5-7B"]);
    expect(datasets(body)).not.toContain("Qwen/Qwen2.5-7B");
    // An id ftl does not know after "trained on" is still read as data.
    expect(datasets("The model was fine-tuned on acme/support-tickets.")).toEqual(["acme/support-tickets"]);
  });

  it("a stated fine-tune with its data and no base is an instance whose base is unknown", () => {
    for (const body of [
      "The model was fine-tuned on the yahma/alpaca-cleaned dataset.",
      "The model was fine-tuned using TRL on the yahma/alpaca-cleaned dataset.",
    ]) {
      const doc = read(body);
      expect(doc.bases).toEqual([]);
      expect(doc.steps).toHaveLength(1);
      expect(datasets(body)).toEqual(["yahma/alpaca-cleaned"]);
    }
  });

  it("a base model's pretraining on a dataset, or a comparison with a pretrained model, is no fine-tune", () => {
    expect(read("This model was trained on the allenai/dolma dataset for 3 trillion tokens.").steps).toEqual(
      [],
    );
    expect(read("We compare against the pretrained model Qwen/Qwen1.5-0.5B on every task.").steps).toEqual(
      [],
    );
  });
});

describe("data named after another language's 'on' and its noun", () => {
  it("pt: 'versão ajustada do [X](…) no conjunto de dados [D](…)' trains on D", () => {
    const body =
      "Este modelo BERT é uma versão ajustada do [neuralmind/bert-base-portuguese-cased](https://huggingface.co/neuralmind/bert-base-portuguese-cased) no conjunto de dados [OLID-BR](https://huggingface.co/datasets/dougtrajano/olid-br).";
    expect(datasets(body)).toEqual(["dougtrajano/olid-br"]);
  });
});

describe("the method of a plain statement", () => {
  it("'on our support tickets with QLoRA': support the noun is no capability", () => {
    expect(
      read("We fine-tuned meta-llama/Meta-Llama-3-8B on our support tickets with QLoRA.").steps[0],
    ).toMatchObject({
      parameterization: "qlora",
    });
    // The verb still is: what a library supports was not used.
    expect(
      read("We fine-tuned meta-llama/Meta-Llama-3-8B. The library we used can support QLoRA.").steps[0],
    ).not.toMatchObject({
      parameterization: "qlora",
    });
  });

  it("'we trained a LoRA on top of X'", () => {
    expect(
      read("We trained a LoRA on top of google/gemma-7b with the tatsu-lab/alpaca data.").steps[0],
    ).toMatchObject({
      parameterization: "lora",
    });
  });
});

describe("training code and other-language nouns (dev p- items' first run)", () => {
  it("a project's tuner called over several lines names its base, data and settings", () => {
    const doc = read(
      '```python\ntuner = LoraFineTuner(\n    base_model="TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T",\n    dataset_name="mlabonne/guanaco-llama2-1k",\n    num_train_epochs=2,\n    learning_rate=2e-4,\n)\ntuner.run_full_pipeline()\n```',
    );
    expect(doc.bases.map((b) => b.id)).toEqual(["TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T"]);
    expect(doc.steps[0]?.hyperparameters).toMatchObject({ epochs: 2, learningRate: 0.0002 });
    expect(doc.steps[0]?.kind === "fine-tune" && doc.steps[0].inputs?.datasets?.map((d) => d.id)).toEqual([
      "mlabonne/guanaco-llama2-1k",
    ]);
  });

  it("es: 'AJUSTE FINO DE UN MODELO DE https://huggingface.co/X'", () => {
    expect(
      bases(
        "AJUSTE FINO DE UN MODELO DE https://huggingface.co/TinyLlama/TinyLlama-1.1B-Chat-v1.0\nENTRENADO EN 10 PROTOCOLOS.",
      ),
    ).toEqual(["TinyLlama/TinyLlama-1.1B-Chat-v1.0"]);
  });
});

describe("more plain statements (a second probe of common README phrasings)", () => {
  it("mergekit's list of parents under its lead-in sentence, without the template's headings", () => {
    const doc = read(
      "The following models were included in the merge:\n* [teknium/OpenHermes-2.5-Mistral-7B](https://huggingface.co/teknium/OpenHermes-2.5-Mistral-7B)\n* [Intel/neural-chat-7b-v3-1](https://huggingface.co/Intel/neural-chat-7b-v3-1)\n\nThis model was merged using the TIES merge method using mistralai/Mistral-7B-v0.1 as a base.",
    );
    expect(doc.steps[0]).toMatchObject({ kind: "merge", method: "ties" });
    expect(doc.steps[0]?.inputs?.models?.map((m) => m.id)).toEqual(
      expect.arrayContaining(["teknium/OpenHermes-2.5-Mistral-7B", "Intel/neural-chat-7b-v3-1"]),
    );
  });

  it("'## Base model' and '## Training data' sections give the base and the data", () => {
    const doc = read(
      "## Training data\n\n- [HuggingFaceH4/ultrachat_200k](https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k)\n\n## Base model\n\n[mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1)",
    );
    expect(doc.bases.map((b) => b.id)).toEqual(["mistralai/Mistral-7B-v0.1"]);
    // A base-model section that discusses models names none.
    expect(
      read("## Base model\n\nWe compared mistralai/Mistral-7B-v0.1 and google/gemma-7b before choosing.")
        .bases,
    ).toEqual([]);
  });

  it("'merging the LoRA adapter into X after QLoRA training on D'", () => {
    const body =
      "This model was obtained by merging the LoRA adapter into meta-llama/Llama-2-7b-hf after QLoRA training on timdettmers/openassistant-guanaco.";
    expect(bases(body)).toEqual(["meta-llama/Llama-2-7b-hf"]);
    expect(read(body).steps[0]).toMatchObject({ parameterization: "qlora" });
    expect(datasets(body)).toEqual(["timdettmers/openassistant-guanaco"]);
  });

  it("'examples from org/x' is data; 'Training: 3 epochs, lr 1e-5, batch 32' are settings", () => {
    expect(
      datasets(
        "A LoRA fine-tune of Llama 3.1 8B Instruct, trained for 2 epochs on 30k examples from pile-of-law/pile-of-law.",
      ),
    ).toEqual(["pile-of-law/pile-of-law"]);
    expect(
      read(
        "A full-parameter fine-tune of microsoft/Phi-3-mini-4k-instruct. Training: 3 epochs, lr 1e-5, batch 32, on 8xA100.",
      ).steps[0]?.hyperparameters,
    ).toEqual({ epochs: 3, learningRate: 0.00001, perDeviceBatchSize: 32 });
  });
});

describe("an English settings table", () => {
  it("under an empty header or 'Setting | Value': base, method, data and settings rows", () => {
    for (const header of ["| | |", "| Setting | Value |"]) {
      const doc = read(
        `${header}\n|---|---|\n| Base | Qwen/Qwen2.5-7B |\n| Method | DPO |\n| Data | argilla/distilabel-intel-orca-dpo-pairs |\n| LR | 5e-7 |\n| Beta | 0.1 |`,
      );
      expect(doc.bases.map((b) => b.id)).toEqual(["Qwen/Qwen2.5-7B"]);
      expect(doc.steps[0]).toMatchObject({
        kind: "fine-tune",
        objective: "dpo",
        hyperparameters: { learningRate: 5e-7, beta: 0.1 },
      });
      expect(
        datasets(
          `${header}\n|---|---|\n| Base | Qwen/Qwen2.5-7B |\n| Data | argilla/distilabel-intel-orca-dpo-pairs |`,
        ),
      ).toEqual(["argilla/distilabel-intel-orca-dpo-pairs"]);
    }
  });

  it("a table of a model's attributes with no setting row gives no step", () => {
    expect(
      read("| Attribute | Details |\n|---|---|\n| **Provider** | Mistral AI |\n| **License** | Apache 2.0 |")
        .steps,
    ).toEqual([]);
  });
});

describe("a base named where the sentence is out of scope", () => {
  it("plans name no base; 'starting from X' still does", () => {
    expect(
      read("As future work, we plan to fine-tune Qwen/Qwen2.5-1.5B-Instruct on tatsu-lab/alpaca.").steps,
    ).toEqual([]);
    expect(
      bases("The model was fine-tuned with LoRA on our tickets, starting from Qwen/Qwen2.5-1.5B-Instruct."),
    ).toEqual(["Qwen/Qwen2.5-1.5B-Instruct"]);
  });

  it("a link to a model page named as the dataset is the data (Trainer card wording)", () => {
    expect(
      datasets(
        "This model is a fine-tuned version of [microsoft/phi-1_5](https://huggingface.co/microsoft/phi-1_5) on [acme/cocktails](https://huggingface.co/acme/cocktails) dataset.",
      ),
    ).toEqual(["acme/cocktails"]);
  });

  it("a card tagged 'reward model' trains a reward model, even beside an RLHF tag", () => {
    const doc = extractFromFiles([
      {
        path: "README.md",
        text: "---\nbase_model: neuralmind/bert-base-portuguese-cased\ndatasets:\n- acme/reward-pairs\ntags:\n- reward model\n- RLHF\n---\n# RM\n\nA model to score completions.\n",
      },
    ]).document;
    expect(doc.steps[0]).toMatchObject({ kind: "fine-tune", objective: "reward-model" });
  });

  it("two model names joined by a slash are 'one or the other', not an org/name id", () => {
    expect(datasets("本项目实现了ChatGLM-6B/chatGLM2-6B模型4bit的QLoRA高效微调。")).toEqual([]);
    expect(bases("We fine-tuned ChatGLM-6B/chatGLM2-6B with QLoRA on our data.")).not.toContain(
      "ChatGLM-6B/chatGLM2-6B",
    );
  });

  it("reads 'Number of Epochs' and the settings in a value's brackets ('AdamW (warmup_steps = 1e2, learning_rate = 5e-5)')", () => {
    const doc = read(
      "Fine-tuned from [acme/base-124m](https://huggingface.co/acme/base-124m) with DPO.\n\n## Details\n\n- **Number of Epochs:** 1\n- **Optimizer:** `torch.optim.AdamW` (warmup_steps = 1e2, learning_rate = 5e-5, epsilon = 1e-8)\n",
    );
    expect(doc.steps[0]).toMatchObject({
      hyperparameters: { epochs: 1, learningRate: 5e-5, warmupSteps: 100, optimizer: "torch.optim.AdamW" },
    });
  });
});
