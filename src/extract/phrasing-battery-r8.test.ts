/**
 * The phrasing battery, round 8 (held out: committed before any rule was written for it, so its first pass rate
 * measures how far the rules of rounds 1-7 carry over). Each template paraphrases a statement seen in public text
 * (`source`: the public index's find_string id of the file it was seen in, or, for the Spanish and Portuguese
 * statements of the Hugging Face course, the fetched snapshot's repository, commit and path; no labelled-corpus or
 * reserved repository).
 * First run (no rule written for it): 479/930 cases passed; 47 of 93 templates passed in every form. One template
 * was then removed (ja, find_string 60758995090, "…を{M}にQLoRAで学習させ…" with "(Alpaca形式)" after {D}): "Alpaca
 * format" was read as the tatsu-lab/alpaca dataset, so its `code` form passed for the pair whose dataset is alpaca and
 * failed for the other, which `gaps` cannot express; without it the first run is 478/920, 47 of 92 templates.
 * The forms that failed are marked `gaps` (expected failures, ALL = every form), not fixed here.
 * Generator and checks: test/fixtures/phrasing/battery.ts.
 */
import {
  ALL,
  B,
  DS,
  FULL,
  LORA,
  QLORA,
  runBattery,
  S,
  SECTION,
  T,
  TABLE,
  type Template,
} from "../../test/fixtures/phrasing/battery.js";

const DORA = { param: "dora" };
const SFT = { objective: "sft" };
const DPO = { objective: "dpo" };
const KTO = { objective: "kto" };
const ORPO = { objective: "orpo" };
const GRPO = { objective: "grpo" };
const CPT = { objective: "continued-pretraining" };
const CPT_SFT = { objective: "continued-pretraining,sft" };
const DISTIL = { objective: "distillation" };
/** Seen in the fetched snapshot of the public huggingface/course repository (commit 16af5667). */
const C = (path: string, ...more: Partial<Template>[]): Partial<Template> =>
  Object.assign({ source: `fetch huggingface/course@16af5667 ${path}` }, ...more);

const EN: Template[] = [
  T(
    "method",
    "en",
    "Helper is initialized from {M} and fine-tuned with DoRA. Training data consists of the 54K+ samples from {D}.",
    S("61586136434", B, DORA, DS),
  ),
  T(
    "method",
    "en",
    "Pathology visual question answering — {M} fine-tuned with DoRA on {D} (~32K clinical QA pairs).",
    S("54576759381", B, DORA, DS),
  ),
  T(
    "method",
    "en",
    "- {M} + LoRA, trained with ORPO on {D}\n- Deployed as a rejection-sampling layer in the production pipeline",
    S("53748069164", B, ORPO, LORA, DS),
  ),
  T(
    "method",
    "en",
    "The 1.0-base model is available on Hugging Face; it is continually pre-trained on {D} based on the {M} visual backbone.",
    S("39861070091", B, CPT, DS),
  ),
  T(
    "method",
    "en",
    "The decoder is {M} continually pre-trained on two-thirds {D} and one-third Common Pile.",
    S("70569074590", B, CPT, DS),
  ),
  T(
    "base",
    "en",
    "- The {M} model: this is the pre-trained model that serves as the starting point for fine-tuning.",
    S("5802208872", B, { card: SECTION("Key Components") }),
  ),
  T(
    "dataset",
    "en",
    "This model is a preference-tuned version of {M} on the {D} dataset.",
    S("19695641895", B, DS),
  ),
  T(
    "method",
    "en",
    "The fine-tuned weights are distilled from the outputs of {M} on a private photo corpus; the architecture and initialization come from FastSal.",
    S("54877179726", ALL, DISTIL, { card: SECTION("Provenance & license notes", "A saliency model.") }),
  ),
  T(
    "base",
    "en",
    "Inherits Gemma's license terms from the base model ({M}).",
    S("60311487506", ALL, B, { card: SECTION("License") }),
  ),
  T(
    "method",
    "en",
    "AthenaBench-aligned full-parameter SFT of {M} on {D} (15,625 rows from the trimmed template family).",
    S("55209277906", B, SFT, FULL, DS),
  ),
  T(
    "method",
    "en",
    "Helper is post-trained with GRPO on {D} only; all methods in the table except LongVILA-R1 are post-trained from {M}.",
    S("61108724183", B, GRPO, DS),
  ),
  T(
    "base",
    "en",
    "Training Procedure:\n- Initialization: Warm-started from the public {M} checkpoint.\n- Batch Size: 32-64",
    S("248758767", ALL, B),
  ),
  T("method", "en", "Helper is the KTO-aligned version of {M}.", S("57423883587", B, KTO)),
  T(
    "method",
    "en",
    "| Base model | {M} @ commit `b968826d` |\n| Training method | QLoRA — rank 32, alpha 64, dropout 0.05, lr 1e-4, seed 42, 4-bit NF4, bf16 |",
    S("68398443183", B, QLORA, { card: TABLE("{S}") }),
  ),
  T(
    "method",
    "en",
    "ORPO (reference-free preference optimisation) on a 4-bit NF4 {M} base with LoRA adapters, on a single 24 GB GPU.",
    S("71227600882", ALL, B, ORPO, QLORA, { card: SECTION("Training") }),
  ),
  T(
    "method",
    "en",
    "| Base model | {M} |\n| Training method | QLoRA SFT |\n| Quantization | 4-bit NF4, double quantization enabled |",
    S("56286014953", B, SFT, QLORA, { card: TABLE("{S}") }),
  ),
  T(
    "method",
    "en",
    "| Fine-tuning method | Full fine-tune (no LoRA) | Maximize behavioral change |\n| Base model | {M} | Balance of capability, speed, and memory |\n| RL algorithm | GRPO | No value model needed, works with sparse rewards |",
    S("15181460829", ALL, B, GRPO, FULL, {
      card: "# Helper\n\n## Summary\n\n| Decision | Choice | Reason |\n| --- | --- | --- |\n{S}\n",
    }),
  ),
  T(
    "method",
    "en",
    "| Base model | {M} |\n| Fine-tuning method | Full-parameter SFT (no LoRA/QLoRA, no 4/8-bit loading) |\n| Training data | {D} (5,000 examples), `chat_template` format |",
    S("69866374342", ALL, B, SFT, FULL, DS, { card: TABLE("{S}") }),
  ),
  T(
    "base",
    "en",
    "We continue to evaluate the models as part of ongoing improvements and may choose to use a different base model in newer versions. Currently, we are using {M} as one of the base models for fine-tuning and deployment.",
    S("45730109243", B),
  ),
  T(
    "dataset",
    "en",
    "- Datasets\n  - Custom dataset used for fine-tuning: {D}\n- Models\n  - Fine-tuned model: https://huggingface.co/acme/pricer-2026",
    S("20342846517", DS),
  ),
  T(
    "dataset",
    "en",
    "The model that was fine-tuned is based on\n\nBase model: {M}\nDataset used for fine-tuning: {D}",
    S("28251102928", B, DS),
  ),
  T(
    "dataset",
    "en",
    "The released checkpoint was trained on a mixture of five Hugging Face sources, including {D}, filtered and tokenized with the {M} tokenizer.",
    S("55787749689", ALL, DS, { card: SECTION("Training Data") }),
  ),
  T(
    "method",
    "en",
    "A QLoRA adapter was trained on top of the base {M} model. Rank sixteen adapters, four-bit quantization, five epochs.",
    S("59538201640", B, QLORA),
  ),
  T(
    "method",
    "en",
    "Helper is an SFT of {M} via LoRA (rank=8, alpha=16), full merged weights.",
    S("69041247705", B, SFT, LORA),
  ),
  T(
    "base",
    "en",
    "{M} is a genomic foundation model pretrained by InstaDeep on multi-species genomes using an ESM-style masked-language-modelling objective with 6-mer tokenization (~50M parameters).",
    S("55545865415", ALL, B, { card: SECTION("Base model", "A DNA sequence classifier.") }),
  ),
  T(
    "method",
    "en",
    "- **Training Config**: 3 epochs, batch_size=4, grad_accum=4, lr=2e-4\n- **Post-training**: LoRA weights merged into base model {M} via PEFT `merge_and_unload()`",
    S("58000737910", ALL, B, LORA),
  ),
  // Negatives: what is not this model's training.
  T(
    "negative",
    "en",
    "**Base Model Options** (to be compared experimentally):\n- **Primary**: {M} fine-tuned with DoRA/rsLoRA on neurology cases + RL with clinical accuracy reward\n- **Comparison 1**: MedGemma 27B (text variant)",
    S("53152024219", { card: SECTION("Orchestrator Agent (design)") }),
  ),
  T(
    "negative",
    "en",
    "- [ ] LoRA adapter trained with ORPO on {M} via Unsloth on Colab T4\n- [ ] Training loss curve logged",
    S("52456821812", { card: SECTION("Checklist: Training (Acts III–IV)") }),
  ),
  T(
    "negative",
    "en",
    "**Evidence.** {M} trained with ORPO on {D} alone, with no separate SFT stage: AlpacaEval 2.0 12.20%, MT-Bench 7.32 (Table 1 of the ORPO paper).",
    S("69128676144", { card: SECTION("Paper notes: ORPO") }),
  ),
  T(
    "negative",
    "en",
    "- **Latxa LLM** (HiTZ) — Basque-specific family based on {M}, continually pre-trained on EusCrawl. A strong candidate for fine-tuning as a dialect classifier backbone.",
    S("61691408171", ALL, { card: SECTION("Related resources") }),
  ),
  T(
    "negative",
    "en",
    "WizardCoder, fine-tuned upon {M}, includes only Stage 3, while Code Llama, continually pre-trained on Llama 2, encompasses Stages 2 and 3.",
    // Passed at first only because "continually pre-trained" was not read as continued pretraining; once it is (written
    // from this round's positives), Code Llama's history in this comparison gives a step on WizardCoder's base.
    S("46775582081", ALL, { card: SECTION("Background") }),
  ),
  T(
    "negative",
    "en",
    "| **Base model** | Foundation model available in the catalog (e.g. {M}) used as the starting point for fine-tuning. |\n| **Custom model** | Fine-tuned artifact produced by a training job. |",
    S("70892419770", {
      card: "# Helper\n\nA support chat model.\n\n## Glossary\n\n| Term | Definition |\n| --- | --- |\n{S}\n",
    }),
  ),
  T(
    "negative",
    "en",
    "We use {M} as the judge model and compare against {O} as the baseline model.",
    S("24169037911", { card: SECTION("SEA-MTBench") }),
  ),
  T(
    "negative",
    "en",
    "- New GGUF quantizations of {M} (currently BF16 only)\n- vLLM native support improvements for hybrid-linear architectures",
    S("53759147171", ALL, { card: SECTION("Monthly Re-Evaluation Triggers") }),
  ),
  T(
    "negative",
    "en",
    "- [[Concept - GRPO and RL with Verifiable Rewards]] — {M} is the base model that DeepSeek-R1 post-trained with GRPO.",
    S("68499291665", ALL, { card: SECTION("Related notes") }),
  ),
  T(
    "negative",
    "en",
    "**Video-OPD (2602.02994)** — teacher confirmed ({M} post-trained with GRPO); the reward is the exact token-level reverse KL over student-generated traces.",
    S("65805843551", { card: SECTION("Literature memo") }),
  ),
  T(
    "negative",
    "en",
    "Training Procedure:\n- Vocabulary: Sentencepiece vocabulary borrowed from {M}, which was borrowed from GPT-2.\n- Hardware: 16GB memory/chip",
    S("248758767"),
  ),
  T(
    "negative",
    "en",
    "We've just run our study on the new Zephyr-7B-beta model, a DPO-tuned version of {M}. Thought it would be nice to share with the community!",
    S("32580953805", ALL),
  ),
  T(
    "negative",
    "en",
    "Even after discarding 90% of the desirable examples, a KTO-aligned {M} model still outperforms its DPO counterpart (Figure 6 of the KTO paper).",
    S("629915896"),
  ),
  T(
    "negative",
    "en",
    "| Base model | {M} |\n| Training method | QLoRA (rank 64–128) |\n| Corpus target | 100K–250K records |",
    S("69813717983", ALL, {
      card: "# Helper\n\nA coding assistant.\n\n### Option B: Cloud Training (Mid-Range)\n\n**Scenario:** Solo developer or small team, cloud GPU budget $200–500.\n\n| Parameter | Value |\n| --- | --- |\n{S}\n",
    }),
  ),
  T(
    "negative",
    "en",
    "If you use the multilingual {M} model, please also cite the following paper.",
    S("56287750321", { card: SECTION("Citation") }),
  ),
  T(
    "negative",
    "en",
    "To use a different base model, update `model_load_path` in `run_from_start.sh`, e.g. to {M}.",
    S("112541444", { card: SECTION("Custom Base Models") }),
  ),
  T(
    "negative",
    "en",
    "The MiMo checkpoint named in the comparison manifests is an SFT of {M}. This repository does not redistribute it; the hashes identify the upstream downloads, not models trained by this project.",
    S("70175075320", ALL),
  ),
];

const OTHER: Template[] = [
  // zh
  T(
    "method",
    "zh",
    "本模型是利用《西游记》剧本中的台词以及 {D} 中的数据，运用 {M} 进行全量微调得到的聊天模型。",
    S("4968435777", B, FULL, DS),
  ),
  T(
    "base",
    "zh",
    "本模型是利用剧本中所有相关台词和语句，基于 {M} 进行LoRA微调或全量微调得到的聊天语言模型。",
    S("9459964007", ALL, B),
  ),
  T("base", "zh", "训练的基模型为 {M}，使用 llamafactory 训练。", S("36477554178", B)),
  T(
    "method",
    "zh",
    "使用 {D}（约1B tokens）对扩充词表后的 {M} 进行增量预训练。",
    S("3925798107", B, CPT, DS),
  ),
  T(
    "method",
    "zh",
    "在 {M} 的基础上，用 {D} 数据集进行DPO训练，一共训练了一个epoch。",
    S("1506990057", B, DPO, DS),
  ),
  T(
    "method",
    "zh",
    "> 底座模型：{M}，本地冻结 + 独立 LoRA(r=16) 适配器\n> 数据：{D}（常识）、GSM8K（数学）",
    S("61573407056", ALL, B, LORA, DS),
  ),
  T(
    "negative",
    "zh",
    "LLM-as-Judge 奖励机制：使用 {M} 作为裁判模型评估开放式 VQA 答案的正确性。",
    S("61364704255"),
  ),
  T(
    "negative",
    "zh",
    "1. **评估底座模型：** 选择一个通用的开源底座（如 {M}），确保其覆盖了你的大部分通用场景。",
    S("65242110176", { card: SECTION("实践建议", "一个客服对话模型。") }),
  ),
  // ja
  T(
    "dataset",
    "ja",
    "このモデルは {M} をベースモデルとして、約5,300時間の音声・台本データセット {D} でファインチューニングしたものです。",
    S("44480277031", B, DS),
  ),
  T(
    "method",
    "ja",
    "多言語対応の事前学習済みモデルである{M}をベースモデルとして採用しました。作成した{D}を用いて、継続的事前学習（Continual Pre-training）とInstruction-tuningを実施しました。",
    S("45620687009", B, CPT_SFT, DS),
  ),
  T(
    "method",
    "ja",
    "実装: {M} をベースモデルとして採用。独自の学習データ（20例）を用いて、QLoRAによる効率的なファインチューニングを実施した。",
    S("1239065216", B, QLORA),
  ),
  T(
    "method",
    "ja",
    "{M}（GPT-2アーキテクチャ・336M）をフルファインチューニングする。検証データを分けて毎エポックeval_lossを記録する。",
    S("63636582101", { gaps: ["url"] }, B, FULL),
  ),
  T(
    "negative",
    "ja",
    "Table 1 は、{M} をベースモデルとして異なるプロンプティング手法を用いた HotpotQA と Fever の結果を示す。",
    S("60091152597"),
  ),
  T(
    "negative",
    "ja",
    "Hugging Faceは、GUI自動化のためのビジョン言語モデル「Smol2Operator」の開発プロセスを公開しました。このプロジェクトでは、軽量VLM（{M}）をベースモデルとして採用しました。",
    S("57751638645", { card: SECTION("ニュース", "サポート用のチャットモデルです。") }),
  ),
  // ko
  T(
    "base",
    "ko",
    "본 프로젝트에서는 {M} 모델을 베이스 모델로 선택하였다.",
    S("54599246595", ALL, B, { card: SECTION("6.1 베이스 모델 선택 이유", "고객 지원용 대화 모델입니다.") }),
  ),
  T(
    "base",
    "ko",
    "검증된 다중모달 백본인 {M}을 베이스 모델로 삼아 모달리티 정렬 및 파인튜닝을 수행했습니다.",
    S("68635745544", B),
  ),
  T(
    "method",
    "ko",
    "오픈소스 코드 모델({M})을 {D} 데이터셋으로 QLoRA 파인튜닝하고, Ollama로 로컬에서 서빙합니다.",
    S("70992835490", B, QLORA, DS),
  ),
  T(
    "method",
    "ko",
    "- □ 유형 1: 외부 모델 그대로 활용\n- ▣ 유형 2: 외부 모델 파인튜닝 (기존 공개 모델 {M}를 가져와 보정용 데이터셋으로 QLoRA 미세조정)\n- □ 유형 3: 자체 개발 모델",
    S("57923395854", B, QLORA),
  ),
  T(
    "dataset",
    "ko",
    "- `pretrained_model_name_or_path`: {M} — Hugging Face 모델 허브에 있는 사전 학습된 모델\n- `dataset_name_or_paths`: {D} — 학습에 사용할 데이터셋의 이름 또는 경로",
    S("24327898402", { gaps: ["plain", "code", "bold"] }, B, DS),
  ),
  T("negative", "ko", "내용 품질에 대한 추가 검증에서는 {M}와 {O}를 평가 모델로 사용한다.", S("69538911205")),
  // ru
  T(
    "method",
    "ru",
    "В качестве базовой модели используется {M}.\n\nАдаптация модели выполнена с помощью **QLoRA**:\n- базовая модель загружается без изменения весов\n- обучается только LoRA",
    S("54618071231", ALL, B, QLORA, { card: SECTION("Подход", "Модель для генерации промптов.") }),
  ),
  T(
    "method",
    "ru",
    "Первый этап — QLoRA: база {M} в 4-битном NF4, обучаются только адаптеры (q/k/v/o/gate/up/down); полное дообучение здесь не окупается.",
    S("58624424685", B, QLORA),
  ),
  T(
    "dataset",
    "ru",
    "Модель {M} от DeepPavlov. Обучена на датасете из предложений: в качестве фактов использовались предложения из Википедии.\n\nДатасет: {D}",
    S("12473013612", B, DS),
  ),
  T(
    "dataset",
    "ru",
    "Русская модель от команды Vikhr на базе {M}. Q4_K_M ~2.5 ГБ. Обучена на датасете {D}.",
    S("70892417800", ALL, B, DS),
  ),
  T(
    "negative",
    "ru",
    "DeepSeek-R1: в качестве базовой модели взята {M}, модель после pre-training, но до post-training, то есть без SFT и RL.",
    S("15981581891", ALL, { card: SECTION("Внешние заметки", "Модель для поддержки клиентов.") }),
  ),
  // de
  T(
    "base",
    "de",
    "Im Code ist sichtbar:\n- als Basismodell wird {M} verwendet\n- darauf wird mit den eigenen Daten weitertrainiert\n- das trainierte Ergebnis wird als bestes Modell gespeichert",
    S("53763747285", B),
  ),
  T(
    "base",
    "de",
    "{M}\n\nWir haben ihn aus mehreren Gründen als Basismodell ausgewählt:\n1. Er verwendet eine Encoder-Architektur, die für die Bewertung von Token und Sätzen geeignet ist",
    S("27325633886", B, { card: "# Helper\n\nEin Reranker.\n\n### Basismodell: {S}\n" }),
  ),
  T(
    "base",
    "de",
    "- Kein eigenes LLM von Grund auf — wir nutzen {M} als Basismodell\n- Keine neue Trainingspipeline — `IncrementalLoRATrainer` ist bereits vorhanden",
    S("59795733582", ALL, B, { card: SECTION("1.5 Was wir explizit NICHT bauen", "Ein Assistenzsystem.") }),
  ),
  T(
    "base",
    "de",
    "> **Hinweis:** Das Basismodell der Pipeline ist {M} (~125M Parameter), feinabgestimmt mit synthetischen Daten v3 (30% Rauschinjektion). Es ist **NICHT** XLM-RoBERTa.",
    S("16362885655", ALL, B),
  ),
  T(
    "method",
    "de",
    "Dieses Tuning validiert die gesamte Trainings-Pipeline auf LUMI-G:\n- QLoRA (4-bit NF4-Quantisierung via BitsAndBytes) auf AMD MI250X/ROCm\n- HuggingFace PEFT LoRA-Adapter für {M}\n- Alpaca-Datenformat-Kompatibilität",
    S("54731767239", ALL, B, QLORA),
  ),
  T(
    "negative",
    "de",
    "| MEL: Legal Spanish Language Model (2025) | arXiv 2501.16011 | {M}, feinabgestimmt mit 5,52 Mio. juristischen spanischen Texten |",
    S("16161740251", {
      card: "# Helper\n\nEin Klassifikator.\n\n## Verwandte Arbeiten\n\n| Arbeit | Quelle | Befund |\n| --- | --- | --- |\n{S}\n",
    }),
  ),
  // fr
  T(
    "method",
    "fr",
    "- **Modèle** : {M} fine-tuné avec QLoRA 4-bit\n- **Framework** : Unsloth (2x plus rapide)\n- **Dataset** : {D}, 1269 exemples curatés manuellement",
    S("57385298559", B, QLORA, DS),
  ),
  T(
    "method",
    "fr",
    "Notre approche utilise {M}, un modèle de fondation de 2.3 milliards de paramètres, fine-tuné avec QLoRA pour ne réentraîner que 1% des paramètres.",
    S("42658018220", B, QLORA),
  ),
  T(
    "base",
    "fr",
    "- Le notebook utilise {M} comme modèle de base\n- La classification est binaire (2 classes : 0 et 1)\n- Le learning rate recommandé est entre 2e-5 et 5e-5",
    S("63101071504", ALL, B, { card: SECTION("Notes importantes", "Un classifieur de textes.") }),
  ),
  T(
    "method",
    "fr",
    "{M} s'est révélé le plus solide. Il a été adapté en deux étapes : un pré-entraînement continu via QLoRA sur {D} (85M tokens en Derja), puis un fine-tuning supervisé sur 31 669 exemples.",
    S("57783771095", ALL, B, CPT_SFT, QLORA, DS),
  ),
  T(
    "method",
    "fr",
    "Pour ce TP, on a utilisé comme modèle enseignant Qwen3 via l'API Infomaniak, et comme modèle étudiant {M} dans sa version quantifiée 4-bit.",
    S("51969525013", ALL, B, DISTIL),
  ),
  T(
    "negative",
    "fr",
    "RT-DETRv4 utilise {M} uniquement comme modèle enseignant pendant l'entraînement, et les étudiants publiés ne contiennent aucun de ses paramètres.",
    S("68832055492"),
  ),
  // es
  T(
    "method",
    "es",
    "Se utilizó el modelo {M} y ajuste supervisado mediante LoRA.\n\n| Modelo | Exactitud |\n|---|---:|\n| Modelo base | 0.00 % |\n| Modelo ajustado con LoRA | 75.00 % |",
    S("69620488144", B, SFT, LORA),
  ),
  T(
    "method",
    "es",
    "| Arquitectura | modelo base {M} (vision-language-action) ajustado con LoRA de rango 32; detalles de arquitectura del base no disponibles |",
    S("67668083356", ALL, B, LORA, { card: TABLE("{S}") }),
  ),
  T(
    "dataset",
    "es",
    "Este modelo, basado en {M}, está especializado en razonamiento espacial a partir de vídeo, habiendo sido entrenado con el dataset {D} muestreando 32 fotogramas por vídeo. La torre de visión permanece congelada durante el entrenamiento.",
    S("63177115807", B, DS),
  ),
  T(
    "base",
    "es",
    "{M} no ha sido preentrenado para la clasificación de pares de frases, por lo que la cabeza del modelo preentrenado se ha eliminado y en su lugar se ha añadido una nueva cabeza adecuada para la clasificación de secuencias.",
    C("chapters/es/chapter3/3.mdx", B),
  ),
  T(
    "negative",
    "es",
    "MODO DEMO: si todavía no entrenaste un modelo propio, se usa el modelo genérico {M} (entrenado con el dataset COCO) solo para probar que el pipeline funciona de punta a punta.",
    S("56558409652", ALL),
  ),
  T(
    "negative",
    "es",
    "> ✏️ **¡Inténtalo!** Ajusta {M} sobre el dataset {D} utilizando el procesamiento de datos que has implementado en la sección 2.",
    C("chapters/es/chapter3/3.mdx", ALL),
  ),
  // pt
  T(
    "base",
    "pt",
    "O modelo é uma versão afinada do {M} e pega seu viés a partir dele.",
    C("chapters/pt/chapter1/10.mdx", B),
  ),
  T(
    "base",
    "pt",
    "Este modelo é inicializado com todos os pesos do checkpoint {M}.",
    C("chapters/pt/chapter2/3.mdx", ALL, B),
  ),
  T(
    "base",
    "pt",
    "Como podemos ver no ID do modelo, o modelo pré-treinado usado foi {M}.",
    C("chapters/pt/chapter8/2.mdx", B),
  ),
  T(
    "dataset",
    "pt",
    "O Hub identifica este modelo como sendo um modelo francês, com uma licença MIT, treinado no conjunto de dados {D}.",
    C("chapters/pt/chapter4/4.mdx", DS),
  ),
  T(
    "negative",
    "pt",
    "Por padrão, esse pipeline seleciona {M}, um modelo pré-treinado que tem sido *ajustado* (fine-tuned) para análise de sentimentos em inglês.",
    C("chapters/pt/chapter1/3.mdx", { card: SECTION("Exemplo de uso", "Um assistente de suporte.") }),
  ),
  T(
    "negative",
    "pt",
    "Por exemplo, pode-se alavancar {M}, pré-treinado no idioma inglês, e depois ajustá-lo em um corpus arXiv, resultando em um modelo baseado em ciência/pesquisa.",
    C("chapters/pt/chapter1/4.mdx"),
  ),
];

runBattery("the phrasing battery, round 8 (held out)", [...EN, ...OTHER]);
