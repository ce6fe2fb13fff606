/**
 * The phrasing battery in Chinese, Japanese, Korean, Russian, German, French, Spanish and Portuguese: one or two
 * idiomatic templates per class and language, following phrasings of public READMEs found with the code index
 * (each template's `source`: the find_string hit quoted; none from a repository of the labelled corpora or of the
 * reserved sources), and comparisons that must give nothing. Generator and checks: test/fixtures/phrasing/battery.ts.
 */
import { B, runBattery, T, type Template } from "../../test/fixtures/phrasing/battery.js";

const TEMPLATES: Template[] = [
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
  T("base", "zh", "本模型是 {M} 的微调版本。", B),
  T("dataset", "zh", "我们在 {D} 上对模型进行了微调。", { dataset: true }),
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
  // Round 4: held out as well.
  T("base", "zh", "基座模型：{M}", B),
  T("method", "zh", "本项目使用 LoRA 对 {M} 进行微调。", { ...B, param: "lora" }),
  T("method", "ja", "{M} に対して QLoRA でファインチューニングを行いました。", { ...B, param: "qlora" }),
  T("method", "ko", "{M}을 기반으로 DPO 학습을 진행했습니다.", { ...B, objective: "dpo" }),
  T("method", "ru", "Дообучение {M} методом LoRA.", { ...B, param: "lora" }),
  T("method", "de", "Feinabstimmung von {M} mit QLoRA.", { ...B, param: "qlora" }),
  T("method", "fr", "Affinage de {M} avec LoRA sur {D}.", { ...B, param: "lora", dataset: true }),
  T("method", "es", "Ajuste fino de {M} con LoRA.", { ...B, param: "lora" }),
  T("method", "pt", "Fine-tuning do {M} usando QLoRA.", { ...B, param: "qlora" }),
  T("negative", "zh", "与 {M} 相比，本模型更快。"),
  T("negative", "ja", "{M} を評価に使用しました。"),
];

runBattery("the phrasing battery (other languages)", TEMPLATES);
