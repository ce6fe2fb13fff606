/**
 * The phrasing battery, round 5 (held out: written before any rule was run on it): multi-sentence cards (base and
 * method in separate sentences, a two-stage pipeline, a settings list after the prose, a corrected statement),
 * paraphrases the earlier rounds lack, dataset + method together in other languages, and negatives (a model in a
 * comparison table, a "Related models" / "See also" list, a distillation teacher, a judge, a borrowed tokenizer).
 * A distillation teacher is not a base: the base is the model the step's weights start from (LABELING.md `inputs`).
 * Generator and checks: test/fixtures/phrasing/battery.ts.
 */
import { B, runBattery, T, type Template } from "../../test/fixtures/phrasing/battery.js";

const LIST = (items: string) => `# Helper\n\n{S}\n\n## Training settings\n${items}`;
const NEG_CARD = (heading: string) =>
  `# Helper\n\nA support chat model.\n\n## ${heading}\n\n{S}\n- acme/helper-small: a smaller sibling.\n`;

const TEMPLATES: Template[] = [
  // (a) Several sentences.
  T("method", "en", "We start from {M}. We then apply DPO on {D}.", {
    ...B,
    objective: "dpo",
    dataset: true,
  }),
  T("method", "en", "Our starting point is {M}. Training used LoRA with rank 16.", { ...B, param: "lora" }),
  T("method", "en", "Stage 1: supervised fine-tuning of {M} on {D}. Stage 2: DPO on the SFT checkpoint.", {
    ...B,
    objective: "sft,dpo",
    dataset: true,
  }),
  T("method", "en", "First, we fine-tuned {M} with SFT. Then we applied DPO to the resulting model.", {
    ...B,
    objective: "sft,dpo",
  }),
  T("method", "en", "The base model is {M}. We trained it with QLoRA on {D}.", {
    ...B,
    param: "qlora",
    dataset: true,
  }),
  T("method", "en", "{M} is our base. It was fine-tuned with ORPO.", { ...B, objective: "orpo" }),
  T("method", "en", "This model was fine-tuned from {M}.", {
    ...B,
    objective: "dpo",
    card: LIST("- Method: DPO\n- Epochs: 3\n- Learning rate: 5e-7\n"),
  }),
  T("method", "en", "We fine-tuned {M} on customer chats.\n\n- Training method: QLoRA\n- Dataset: {D}", {
    ...B,
    param: "qlora",
    dataset: true,
  }),
  T(
    "base",
    "en",
    "Note: an earlier version of this card listed the wrong base. The correct base model is {M}.",
    B,
  ),
  T("method", "en", "This model was trained with SFT. The base model is {M}.", { ...B, objective: "sft" }),
  T("dataset", "en", "We used {D} for training. The model was initialised from {M}.", {
    ...B,
    dataset: true,
  }),
  // (b) Paraphrases.
  T("method", "en", "This repository contains LoRA adapter weights for {M}.", { ...B, param: "lora" }),
  T("method", "en", "Adapter weights for {M}, trained with QLoRA on {D}.", {
    ...B,
    param: "qlora",
    dataset: true,
  }),
  T("method", "en", "This is an {M}-based model fine-tuned with LoRA.", { ...B, param: "lora" }),
  T("base", "en", "We fine-tuned on top of {M}'s weights.", B),
  T("dataset", "en", "Fine-tuned from {M} on {D}.", { ...B, dataset: true }),
  T("method", "en", "Further trained from {M} using DPO on {D}.", { ...B, objective: "dpo", dataset: true }),
  T("base", "en", "A derivative of {M}, fine-tuned on support chats.", B),
  T("method", "en", "This is a checkpoint of {M} after SFT on {D}.", {
    ...B,
    objective: "sft",
    dataset: true,
  }),
  T("method", "en", "{M}, further trained with ORPO.", { ...B, objective: "orpo" }),
  T("method", "en", "Continued from {M} with supervised fine-tuning.", { ...B, objective: "sft" }),
  T("method", "en", "This model is a DPO-aligned version of {M}.", { ...B, objective: "dpo" }),
  T("method", "en", "LoRA weights on top of {M}.", { ...B, param: "lora" }),
  T("dataset", "en", "Built by fine-tuning {M} on {D}.", { ...B, dataset: true }),
  // (c) Dataset and method together, other languages.
  T("method", "zh", "我们使用 {D} 数据集，采用 LoRA 对 {M} 进行了微调。", {
    ...B,
    param: "lora",
    dataset: true,
  }),
  T("method", "zh", "在 {M} 的基础上，使用 {D} 进行 SFT 训练。", { ...B, objective: "sft", dataset: true }),
  T("method", "ja", "{M} を {D} で LoRA ファインチューニングしたモデルです。", {
    ...B,
    param: "lora",
    dataset: true,
  }),
  T("method", "ja", "{D} を用いて {M} を DPO で学習しました。", { ...B, objective: "dpo", dataset: true }),
  T("method", "ko", "{M}를 {D} 데이터셋으로 LoRA 파인튜닝한 모델입니다.", {
    ...B,
    param: "lora",
    dataset: true,
  }),
  T("method", "ru", "Модель {M}, дообученная с помощью LoRA на датасете {D}.", {
    ...B,
    param: "lora",
    dataset: true,
  }),
  T("method", "de", "{M}, mit QLoRA auf {D} feinabgestimmt.", { ...B, param: "qlora", dataset: true }),
  T("method", "fr", "Ce modèle est {M} affiné avec DPO sur le jeu de données {D}.", {
    ...B,
    objective: "dpo",
    dataset: true,
  }),
  T("method", "es", "Modelo {M} ajustado con LoRA sobre el conjunto de datos {D}.", {
    ...B,
    param: "lora",
    dataset: true,
  }),
  T("method", "pt", "Modelo {M} ajustado com LoRA no conjunto de dados {D}.", {
    ...B,
    param: "lora",
    dataset: true,
  }),
  // (d) Nothing from these.
  T("negative", "en", "| {M} | 61.2 |", {
    card: "# Helper\n\nOur support model.\n\n## Results\n\n| Model | MMLU |\n| --- | --- |\n{S}\n| Helper | 63.0 |\n",
  }),
  T("negative", "en", "- {M}", { card: NEG_CARD("Related models") }),
  T("negative", "en", "- {M}: a larger model fine-tuned with DPO.", { card: NEG_CARD("See also") }),
  // Written as a negative; the sentence does state distillation (LABELING.md objective `distillation`), so after the
  // first run it expects that objective and, still, no base from the teacher.
  T("method", "en", "We distilled knowledge from the teacher model {M} into a smaller student.", {
    objective: "distillation",
  }),
  T("negative", "en", "The teacher model was {M}."),
  T("negative", "en", "We used {M} as an LLM judge to score responses."),
  T("negative", "en", "We use the tokenizer of {M}."),
  T("negative", "en", "The tokenizer is borrowed from {M}."),
];

runBattery("the phrasing battery, round 5 (held out)", TEMPLATES);
