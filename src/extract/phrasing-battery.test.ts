/**
 * A battery of the ways a card states its lineage in one sentence: statement templates × the ways a card writes a
 * reference (plain id, Markdown link, bare URL, backticks, bold) × two models and datasets, each run through the
 * whole card reader in a tiny synthetic card ("# Helper", the sentence, a "## Training" list of two settings).
 * Positives must give the stated base, method and dataset and nothing else; negatives (a model compared against,
 * evaluated, a judge, one the reader may fine-tune, a family's list of released models) must give no step from
 * the model they name. Other languages' templates follow phrasings of public READMEs found with the code index
 * (each template's `source`); none comes from a repository of the labelled corpora.
 * `PHRASING_SUMMARY=1 npx vitest run src/extract/phrasing-battery.test.ts` prints pass counts by class and language.
 */
import { afterAll, describe, expect, it } from "vitest";
import { extractFromFiles } from "./extract-from-files.js";

type Kind = "model" | "dataset";
const FORMS = {
  plain: (id: string) => id,
  link: (id: string, k: Kind) => `[${id}](https://huggingface.co/${k === "dataset" ? "datasets/" : ""}${id})`,
  url: (id: string, k: Kind) => `https://huggingface.co/${k === "dataset" ? "datasets/" : ""}${id}`,
  code: (id: string) => `\`${id}\``,
  bold: (id: string) => `**${id}**`,
} as const;
type Form = keyof typeof FORMS;
const PAIRS = [
  { m: "Qwen/Qwen2.5-1.5B-Instruct", d: "tatsu-lab/alpaca", other: "acme/helper-chat-7b" },
  { m: "mistralai/Mistral-7B-v0.1", d: "HuggingFaceH4/ultrachat_200k", other: "acme/support-bot-v2" },
];

interface Template {
  cls: "base" | "method" | "dataset" | "negative";
  lang: string;
  /** `{M}` the model, `{D}` the dataset, `{O}` another model (a family member in a list). */
  text: string;
  /** Expected: base (the model is the first step's input), objective, parameterisation, dataset. */
  base?: boolean;
  objective?: string;
  param?: string;
  dataset?: boolean;
  /** A whole card instead of the default wrapper (`{S}` is the sentence's place). */
  card?: string;
  /** Where the phrasing was seen (public index; never a labelled-corpus repository). */
  source?: string;
  /** Reference forms known not to pass yet ("all": every form). */
  gaps?: Form[] | "all";
}

const T = (cls: Template["cls"], lang: string, text: string, more: Partial<Template> = {}): Template => ({
  cls,
  lang,
  text,
  ...more,
});
const B = { base: true };

const TEMPLATES: Template[] = [
  // The base, in English.
  T("base", "en", "This model is a fine-tuned version of {M}.", B),
  T("base", "en", "This model was fine-tuned from {M}.", B),
  T("base", "en", "This model is a fine-tune of {M}.", B),
  T("base", "en", "This model is based on {M}.", B),
  T("base", "en", "This model is built on top of {M}.", B),
  T("base", "en", "The model was initialized from {M}.", B),
  T("base", "en", "This model is derived from {M}.", B),
  T("base", "en", "Fine-tuned from {M}.", B),
  T("base", "en", "{M} was fine-tuned to answer support questions.", B),
  T("base", "en", "We fine-tuned {M} on customer-support chats.", B),
  T("base", "en", "I fine-tuned {M} to answer support questions.", B),
  T("base", "en", "Starting from {M}, we trained the model on support chats.", B),
  T("base", "en", "This model was trained on top of {M}.", B),
  T("base", "en", "Base model: {M}", B),
  T("base", "en", "This model is the result of continued pretraining of {M} on German web text.", {
    ...B,
    objective: "continued-pretraining",
  }),
  T("base", "en", "The base model is {M}.", B),
  T("base", "en", "We use {M} as the base model.", B),
  T("base", "en", "{M} was used as the base model.", B),
  T("base", "en", "This model starts from {M}.", B),
  T("base", "en", "Parent model: {M}", B),
  T("base", "en", "- **Finetuned from model:** {M}", B),
  // Method words with the base.
  T("method", "en", "This is a LoRA adapter for {M}.", { ...B, param: "lora" }),
  T("method", "en", "We fine-tuned {M} with LoRA.", { ...B, param: "lora" }),
  T("method", "en", "I fine-tuned {M} using QLoRA.", { ...B, param: "qlora" }),
  T("method", "en", "Starting from {M}, we applied supervised fine-tuning.", { ...B, objective: "sft" }),
  T("method", "en", "This model was trained on top of {M} using DPO.", { ...B, objective: "dpo" }),
  T("method", "en", "This model was fine-tuned from {M} with ORPO.", { ...B, objective: "orpo" }),
  T("method", "en", "We trained {M} with KTO.", { ...B, objective: "kto" }),
  T("method", "en", "This model is {M} trained with GRPO on math problems.", { ...B, objective: "grpo" }),
  T("method", "en", "We aligned {M} with PPO.", { ...B, objective: "rlhf-ppo" }),
  T("method", "en", "{M} + LoRA, trained on support chats.", { ...B, param: "lora" }),
  T("method", "en", "Full fine-tuning of {M} on support chats.", { ...B, param: "full" }),
  T("method", "en", "A DPO fine-tune of {M}.", { ...B, objective: "dpo" }),
  T("method", "en", "This model was fine-tuned from {M} with supervised fine-tuning (SFT) and LoRA.", {
    ...B,
    objective: "sft",
    param: "lora",
  }),
  T("method", "en", "This model is a LoRA fine-tune of {M} on {D}.", { ...B, param: "lora", dataset: true }),
  T("method", "en", "{M} fine-tuned with QLoRA on {D}.", { ...B, param: "qlora", dataset: true }),
  T("method", "en", "We first fine-tuned {M} with SFT on {D}, then applied DPO.", {
    ...B,
    objective: "sft,dpo",
  }),
  T("method", "en", "This model was trained with Direct Preference Optimization (DPO) on top of {M}.", {
    ...B,
    objective: "dpo",
  }),
  T("method", "en", "Trained from {M} with GRPO.", { ...B, objective: "grpo" }),
  T("method", "en", "A full-parameter fine-tune of {M}.", { ...B, param: "full" }),
  // Datasets.
  T("dataset", "en", "This model was fine-tuned on the {D} dataset.", { dataset: true }),
  T("dataset", "en", "We fine-tuned {M} on {D}.", { ...B, dataset: true }),
  T("dataset", "en", "The model was trained using {D}.", { dataset: true }),
  T("dataset", "en", "Trained with data from {D}.", { dataset: true }),
  T("dataset", "en", "Training data: {D}", { dataset: true }),
  T("dataset", "en", "This model is a fine-tuned version of {M} on the {D} dataset.", {
    ...B,
    dataset: true,
  }),
  T("dataset", "en", "Fine-tuned on {D} for 3 epochs.", { dataset: true }),
  T("dataset", "en", "Dataset: {D}", { dataset: true }),
  // Nothing: a model compared against, evaluated, a judge, one the reader may fine-tune, a family's list.
  T("negative", "en", "We compare our model against {M}."),
  T("negative", "en", "We evaluated {M} on MMLU and GSM8K."),
  T("negative", "en", "{M} was used as the judge model."),
  T("negative", "en", "You can fine-tune {M} with LoRA using the scripts in this repository."),
  T("negative", "en", "For comparison, {M} scores 61.2 on MMLU."),
  T("negative", "en", "Unlike {M}, which was aligned with DPO, our model uses no preference data."),
  T("negative", "en", "{M} can be fine-tuned with QLoRA on a single GPU."),
  T("negative", "en", "Thanks to the authors of {M}."),
  T("negative", "en", "- {O}: Further aligned on top of {M} through SFT and online RLHF.", {
    card: "# Helper Family\n\nHelper is a series of base models.\n\n## Models\n\n{S}\n- acme/helper-base: the base model.\n",
  }),
  T("negative", "en", "| {O} | chat model fine-tuned from {M} with SFT and DPO |", {
    card: "# Helper Family\n\nHelper is a series of base models.\n\n## Released models\n\n| Model | Description |\n| --- | --- |\n{S}\n",
  }),
  T("negative", "en", "We use {M} as the reward model."),
  T("negative", "en", "The training data was generated with {M}."),
  T("negative", "en", "Responses were judged by {M}."),
  T("negative", "en", "Try our other model {O}, fine-tuned from {M} with DPO."),
  T("negative", "en", "Check out {M} for a larger version."),
  T("negative", "zh", "我们将本模型与 {M} 进行了对比。"),
  T("negative", "ja", "{M} と比較して性能が向上しました。"),
  T("negative", "ko", "{M}와 비교하여 성능이 향상되었습니다."),
  T("negative", "ru", "По сравнению с {M} модель работает лучше."),
  T("negative", "de", "Im Vergleich zu {M} ist das Modell schneller."),
  T("negative", "fr", "Par rapport à {M}, le modèle est plus rapide."),
  T("negative", "es", "Comparado con {M}, el modelo es más rápido."),
  T("negative", "pt", "Comparado ao {M}, o modelo é mais rápido."),
  // Other languages: base, method, dataset.
  T("method", "zh", "本模型基于 {M} 使用 LoRA 微调而来。", {
    ...B,
    param: "lora",
    source: "public index (find_string '微调而来'): '一个由 Qwen3-1.7B 通过 LoRA 微调而来的编程助手'",
  }),
  T("method", "zh", "基于 {M} 进行 SFT 训练。", {
    ...B,
    objective: "sft",
    source:
      "public index (find_string '基于 Qwen2.5-7B-Instruct 进行'): '基于 Qwen2.5-7B-Instruct 进行 SFT 训练'",
  }),
  T("dataset", "zh", "使用 {D} 数据集进行微调。", { dataset: true }),
  T("base", "ja", "{M} をベースにファインチューニングしたモデルです。", {
    ...B,
    source:
      "public index: '**使用モデル**：`tsmatz/xlm-roberta-ner-japanese` をベースにファインチューニング'",
  }),
  T("method", "ja", "{M} をベースに LoRA でファインチューニングしました。", { ...B, param: "lora" }),
  T("dataset", "ja", "{D} データセットで学習しました。", { dataset: true }),
  T("base", "ko", "{M}를 기반으로 파인튜닝한 모델입니다.", {
    ...B,
    source: "public index: '- **KURE-v1**: BAAI/bge-m3를 기반으로 파인튜닝.'",
  }),
  T("method", "ko", "{M} 모델을 LoRA 기반으로 파인튜닝하였습니다.", {
    ...B,
    param: "lora",
    source:
      "public index: '이 프로젝트는 Meta-Llama-3.1-8B-Instruct 모델을 Unsloth(4bit LoRA) … 기반으로 파인튜닝하여'",
  }),
  T("dataset", "ko", "{D} 데이터셋으로 학습했습니다.", { dataset: true }),
  T("base", "ru", "Эта модель — дообученная версия {M}.", {
    ...B,
    source:
      "public index: 'emelnov/ocr-captcha-v4-mailru — это дообученная версия microsoft/trocr-base-printed'",
  }),
  T("method", "ru", "Модель дообучена на основе {M} с помощью LoRA.", { ...B, param: "lora" }),
  T("dataset", "ru", "Модель обучена на датасете {D}.", {
    dataset: true,
    source: "public index: 'Она была обучена на датасете из 1,000 CAPTCHA-изображений'",
  }),
  T("base", "de", "Dieses Modell ist eine feinabgestimmte Version von {M}.", {
    ...B,
    source: "public index: 'ein Grammatik‑Modell … (oft eine feinabgestimmte Version von GPT‑4 oder Llama)'",
  }),
  T("method", "de", "Dieses Modell wurde auf Basis von {M} mit LoRA feinabgestimmt.", {
    ...B,
    param: "lora",
  }),
  T("dataset", "de", "Trainiert auf dem Datensatz {D}.", { dataset: true }),
  T("base", "fr", "Ce modèle est fine-tuné à partir de {M}.", {
    ...B,
    source:
      "public index: 'CARL est un modèle fine-tuné à partir de [alphaedge-ai/mmBERT-base-fra-32768](…)'",
  }),
  T("method", "fr", "Modèle fine-tuné à partir de {M} via LoRA.", {
    ...B,
    param: "lora",
    source: "public index: 'Modèle fine-tuné à partir de <baseModelId> via <method>' (a card template)",
  }),
  T("dataset", "fr", "Entraîné sur le jeu de données {D}.", { dataset: true }),
  T("method", "es", "Este modelo fue afinado a partir de {M} usando LoRA.", { ...B, param: "lora" }),
  T("base", "es", "Este modelo es una versión ajustada de {M}.", B),
  T("dataset", "es", "Entrenado con el conjunto de datos {D}.", { dataset: true }),
  T("base", "pt", "Este modelo é uma versão ajustada (fine-tuned) do {M}.", B),
  T("method", "pt", "Modelo ajustado a partir do {M} com LoRA.", { ...B, param: "lora" }),
  T("dataset", "pt", "Treinado no conjunto de dados {D}.", { dataset: true }),
  // A second method template in each language.
  T("method", "zh", "基于 {M}，使用 DPO 进行偏好对齐训练。", { ...B, objective: "dpo" }),
  T("method", "ja", "{M} を DPO で追加学習しました。", { ...B, objective: "dpo" }),
  T("method", "ko", "{M}를 DPO로 파인튜닝했습니다.", { ...B, objective: "dpo" }),
  T("method", "ru", "Мы дообучили {M} с помощью QLoRA.", { ...B, param: "qlora" }),
  T("method", "de", "Wir haben {M} mit DPO feinabgestimmt.", { ...B, objective: "dpo" }),
  T("method", "fr", "Nous avons affiné {M} avec LoRA sur {D}.", { ...B, param: "lora", dataset: true }),
  T("method", "es", "Ajustamos {M} con QLoRA.", { ...B, param: "qlora" }),
  T("method", "pt", "Fizemos o fine-tuning do {M} com LoRA.", { ...B, param: "lora" }),
  // Round 3: templates written before the rules were run on them (held out).
  T("base", "en", "This checkpoint was fine-tuned starting from {M}.", B),
  T("base", "en", "Fine-tune of {M}.", B),
  T("base", "en", "Based on {M}, this model was further trained on support chats.", B),
  T("base", "en", "The model is an instruction-tuned variant of {M}.", { ...B, objective: "sft" }),
  T("base", "en", "We continued training {M} on our data.", B),
  T("base", "en", "Weights initialized with {M}.", B),
  T("method", "en", "SFT of {M} on {D}.", { ...B, objective: "sft", dataset: true }),
  T("method", "en", "We applied QLoRA to {M}.", { ...B, param: "qlora" }),
  T("method", "en", "{M} was aligned using ORPO.", { ...B, objective: "orpo" }),
  T("method", "en", "Preference-tuned {M} with KTO.", { ...B, objective: "kto" }),
  T("method", "en", "This model was fine-tuned from {M} using LoRA (r=16).", { ...B, param: "lora" }),
  T("dataset", "en", "We trained on {D}.", { dataset: true }),
  T("dataset", "en", "The training corpus is {D}.", { dataset: true }),
  T("negative", "en", "{M} is licensed under Apache 2.0."),
  T("negative", "en", "The tokenizer is the same as {M}."),
  T("negative", "en", "We thank the {M} team."),
  T("negative", "en", "Our model beats {M} fine-tuned with LoRA."),
  T("base", "zh", "本模型是 {M} 的微调版本。", B),
  // A dataset between 在 and 上 is read by no reader yet (the base phrase 在 … 上 leaves data alone).
  T("dataset", "zh", "我们在 {D} 上对模型进行了微调。", { dataset: true, gaps: "all" }),
  T("base", "ja", "ベースモデル: {M}", B),
  T("base", "ko", "베이스 모델: {M}", B),
  T("base", "ru", "Базовая модель: {M}", B),
  T("base", "de", "Basismodell: {M}", B),
  T("base", "fr", "Modèle de base : {M}", B),
  T("base", "es", "Modelo base: {M}", B),
  T("base", "pt", "Modelo base: {M}", B),
  T("method", "ru", "Модель обучена методом DPO на основе {M}.", { ...B, objective: "dpo" }),
  T("method", "es", "Entrenado con DPO a partir de {M}.", { ...B, objective: "dpo" }),
  T("negative", "ja", "{M} は評価にのみ使用しました。"),
  T("negative", "de", "Sie können {M} mit LoRA feinabstimmen."),
];

const WRAPPER = "# Helper\n\n{S}\n\n## Training\n- Epochs: 3\n- Learning rate: 2e-4\n";

interface Outcome {
  base?: string;
  bases: string[];
  objectives: string[];
  params: string[];
  datasets: string[];
  subject: string;
}

function outcome(text: string): Outcome {
  const doc = extractFromFiles([{ path: "README.md", text }]).document;
  const ft = doc.steps.filter((s) => s.kind === "fine-tune");
  const first = ft[0];
  return {
    base: first && "inputs" in first ? first.inputs?.models?.[0]?.id : undefined,
    bases: doc.bases.map((b) => b.id),
    objectives: ft.flatMap((s) => ("objective" in s && s.objective ? [s.objective] : [])),
    params: ft.flatMap((s) => ("parameterization" in s && s.parameterization ? [s.parameterization] : [])),
    datasets: ft.flatMap((s) => ("inputs" in s ? (s.inputs?.datasets ?? []).flatMap((d) => d.id ?? []) : [])),
    subject: doc.subject.id,
  };
}

/** What is wrong with an outcome ("" when it is right). */
function check(t: Template, o: Outcome, m: string, d: string): string {
  const problems: string[] = [];
  if (o.subject.toLowerCase() === m.toLowerCase()) problems.push("the named model became the subject");
  if (t.cls === "negative") {
    if (o.base === m || o.bases.includes(m)) problems.push(`base ${m}`);
    if (o.objectives.length > 0) problems.push(`objectives ${o.objectives}`);
    if (o.params.length > 0) problems.push(`params ${o.params}`);
    return problems.join("; ");
  }
  if (t.base && o.base !== m) problems.push(`base ${o.base ?? "none"}`);
  const objectives = [...new Set(o.objectives)];
  if (t.objective ? objectives.join() !== t.objective : objectives.length > 0)
    problems.push(`objectives [${objectives}]`);
  const params = [...new Set(o.params)];
  if (t.param ? params.join() !== t.param : params.length > 0) problems.push(`params [${params}]`);
  if (t.dataset && !o.datasets.includes(d)) problems.push(`datasets [${o.datasets}]`);
  if (o.datasets.includes(m)) problems.push("the model taken for a dataset");
  return problems.join("; ");
}

const failures: string[] = [];
const tally = new Map<string, { pass: number; all: number }>();
function count(key: string, pass: boolean): void {
  const t = tally.get(key) ?? { pass: 0, all: 0 };
  t.all++;
  if (pass) t.pass++;
  tally.set(key, t);
}

describe("the phrasing battery", () => {
  for (const t of TEMPLATES)
    for (const form of Object.keys(FORMS) as Form[])
      PAIRS.forEach(({ m, d, other }, i) => {
        const sentence = t.text
          .replace("{M}", FORMS[form](m, "model"))
          .replace("{D}", FORMS[form](d, "dataset"))
          .replace("{O}", FORMS[form](other, "model"));
        const text = (t.card ?? WRAPPER).replace("{S}", sentence);
        const gap = t.gaps === "all" || t.gaps?.includes(form);
        const name = `${t.cls} ${t.lang} [${form} ${i}]: ${sentence}`;
        const run = () => {
          const problem = check(t, outcome(text), m, d);
          count(`${t.cls} ${t.lang}`, problem === "");
          if (problem) failures.push(`${name} -> ${problem}`);
          expect(problem).toBe("");
        };
        if (gap) it.fails(name, run);
        else it(name, run);
      });
});

afterAll(() => {
  if (process.env.PHRASING_FAILS) console.info(failures.join("\n"));
  if (!process.env.PHRASING_SUMMARY) return;
  const rows = [...tally].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((s, [, v]) => ({ pass: s.pass + v.pass, all: s.all + v.all }), {
    pass: 0,
    all: 0,
  });
  console.info(
    [...rows.map(([k, v]) => `${k}: ${v.pass}/${v.all}`), `total: ${total.pass}/${total.all}`].join("\n"),
  );
});
