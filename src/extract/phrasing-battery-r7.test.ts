/**
 * The phrasing battery, round 7 (held out: committed before any rule was written for it, so its first pass rate
 * measures how far the rules of rounds 1-6 carry over). Each template paraphrases a statement seen in public text
 * (`source`: the public index's find_string id of the file it was seen in; no labelled-corpus repository).
 * First run (no rule written for it): 476/860 cases passed; 35 of 86 templates passed in every form. The forms that
 * failed are marked `gaps` (expected failures, ALL = every form, LU = link and url), not fixed here.
 * Generator and checks: test/fixtures/phrasing/battery.ts.
 */
import {
  ALL,
  B,
  DS,
  FULL,
  LORA,
  LU,
  QLORA,
  runBattery,
  S,
  SECTION,
  T,
  TABLE,
  type Template,
} from "../../test/fixtures/phrasing/battery.js";

const EN: Template[] = [
  T("dataset", "en", "A pre-trained {M} model was fine-tuned on {D}.", S("59707732065", B, DS)),
  T(
    "method",
    "en",
    "Fine-tuned {M} using QLoRA on {D}, deployed on AWS SageMaker with vLLM.",
    S("57557913825", B, QLORA, DS),
  ),
  T("method", "en", "An adapter fine-tuned on {D} using QLoRA on {M}.", S("56602910865", B, QLORA, DS)),
  T("base", "en", "Instruct trained on top of a {M} base model.", S("25205061155", B)),
  T(
    "method",
    "en",
    "Phase 1: Continued pretraining of {M} on {D}.",
    S("14537052019", B, { objective: "continued-pretraining" }, DS),
  ),
  T(
    "method",
    "en",
    "Continued pretraining of {M} on the {D} dataset.",
    S("5145397670", B, { objective: "continued-pretraining" }, DS),
  ),
  T(
    "method",
    "en",
    "We perform full-parameter fine-tuning of {M} using Direct Preference Optimization (DPO).",
    S("10018647620", B, { objective: "dpo" }, FULL),
  ),
  T("method", "en", "{D} was used for full-parameter fine-tuning of {M}.", S("61473938614", B, FULL, DS)),
  T(
    "method",
    "en",
    "LoRA fine-tune of {M} with KTO on {D}.",
    S("52498625247", B, { objective: "kto" }, LORA, DS),
  ),
  T(
    "method",
    "en",
    "Trained {M} with KTO on a single A100 GPU with QLoRA.",
    S("26543174450", B, { objective: "kto" }, QLORA),
  ),
  T(
    "method",
    "en",
    "This model was fine-tuned from {M} using QLoRA on 1 A100 80GB with Axolotl.",
    S("19890033780", B, QLORA),
  ),
  T("base", "en", "Fine-tuned from the public {M} checkpoint.", S("67003688706", B)),
  T("base", "en", "A specialized 4B parameter model fine-tuned from {M}.", S("60269381736", B)),
  T(
    "method",
    "en",
    "Fine-tuned from {M} with Supervised Fine-Tuning (SFT) on {D}.",
    S("23190947556", B, { objective: "sft" }, DS),
  ),
  T(
    "base",
    "en",
    "A lightweight classification head was trained on top of the frozen {M} backbone.",
    S("56827234400", B),
  ),
  T("method", "en", "QLoRA fine-tuning pipeline for {M}.", S("39993381030", B, QLORA)),
  T(
    "method",
    "en",
    "A {M} open-source model is fine-tuned using QLoRA on {D}.",
    S("69207760200", B, QLORA, DS),
  ),
  T(
    "dataset",
    "en",
    "Carry the license: **Base model:** {M}, Apache-2.0; **Dataset:** {D}, CC-BY-4.0.",
    S("71299085656", { gaps: ["plain", "code", "bold"] }, B, DS),
  ),
  T(
    "base",
    "en",
    "- **Trained Weights:** acme/helper\n- **Base Model:** {M} - Original model",
    S("13800631", B),
  ),
  T(
    "dataset",
    "en",
    "- **Base model:** {M}\n- **Training data:** {D} (7,531 samples)",
    S("57381211201", B, DS),
  ),
  T(
    "method",
    "en",
    "| Base model | {M} + custom LoRA |",
    S("63154781886", ALL, B, LORA, { card: TABLE("{S}") }),
  ),
  T(
    "base",
    "en",
    "| Parameters | 357M |\n| Base model | {M} |",
    // Passes since the settings-table headers of commit dee9c12 (written before this round was read).
    S("52480311726", B, { card: TABLE("{S}") }),
  ),
  T(
    "method",
    "en",
    "| Base Model | {M} |\n| Fine-Tuning | LoRA (Low-Rank Adaptation) |",
    // Passes since the "Fine-Tuning" row label, written from this round's first run.
    S("112070271", B, LORA, { card: TABLE("{S}") }),
  ),
  T(
    "method",
    "en",
    "| Base model | {M} |\n| LoRA rank | 32 |\n| LoRA alpha | 16 |",
    S("54213696561", B, LORA, { card: TABLE("{S}") }),
  ),
  // Negatives: what is not this model's training.
  T("negative", "en", "{M} can be fine-tuned on datasets like {D} for image captioning.", S("121513484")),
  T(
    "negative",
    "en",
    "Our models can be fine-tuned on your code patterns with LoRA, e.g. starting from {M}.",
    // Passes, the link form excepted, since the base-scope rule written after this round's first run.
    S("52508387909", { gaps: ["link"] }),
  ),
  T(
    "negative",
    "en",
    "As future work, we plan to fine-tune {M} on {D} to improve performance.",
    // Passes since the base-scope rule written after this round's first run.
    S("3985974471"),
  ),
  T(
    "negative",
    "en",
    "We plan to fine-tune {M} on performance analysis tasks with QLoRA.",
    // Passes since the base-scope rule written after this round's first run.
    S("50675285674", { card: SECTION("Future: Fine-Tuning") }),
  ),
  T(
    "negative",
    "en",
    "The cross-encoder used here as the judge, {M}, was fine-tuned on {D}.",
    S("69383691915"),
  ),
  T(
    "negative",
    "en",
    "The {M} baseline in Step 3 was fine-tuned on {D} and scored on the validation split.",
    S("67470169470"),
  ),
  T(
    "negative",
    "en",
    "Trained from scratch (not fine-tuned from the {M} checkpoint).",
    S("62154636036", { gaps: ["link"] }),
  ),
  T(
    "negative",
    "en",
    "Nine generation batches were produced using {M} as the teacher model.",
    S("56205300973"),
  ),
  T("negative", "en", "The paper's downstream experiments used {M} as the teacher model.", S("57624500173")),
  T(
    "negative",
    "en",
    "All three reward models are trained on top of the same {M} model using the same recipe.",
    S("51967873625"),
  ),
  T(
    "negative",
    "en",
    "BioBERT demonstrated that continued pretraining of {M} on PubMed abstracts improves NER.",
    S("53764883074", ALL),
  ),
  T(
    "negative",
    "en",
    "- [acme/sauer-7b](https://huggingface.co/acme/sauer-7b) German {M} fine-tuned using QLoRA on 1 A100 80GB",
    S("3650903760", { card: SECTION("Other German models", "A German chat model.") }),
  ),
  T(
    "negative",
    "en",
    "Phase C (Model Fine-Tuning): fine-tune {M} using QLoRA on {D}. (Pending Execution)",
    S("56090268120", ALL),
  ),
];

const OTHER: Template[] = [
  // zh
  T("method", "zh", "使用 {D} 问答对，基于 {M} 进行LoRA微调得到的聊天模型。", S("100744289", B, LORA, DS)),
  T("method", "zh", "对话模型来自：{M} 进行lora微调后得到", S("40889967299", B, LORA)),
  T("method", "zh", "在 {D} 上进行LoRA微调，对 {M} 进行指令约束。", S("62484476399", B, LORA, DS)),
  T(
    "method",
    "zh",
    "选择 {M} 作为基座模型，在 {D} 上进行 SFT。",
    S("23141467553", B, { objective: "sft" }, DS),
  ),
  T("method", "zh", "使用 {M} 作为基座模型，LoRA 微调。", S("59856425257", B, LORA)),
  T("base", "zh", "训练使用 {M} 作为基座模型，Stage 1 训练 2K steps。", S("60537042202", B)),
  T("negative", "zh", "在该领域的 10 篇代表性论文中，有 8 篇使用 {M} 作为基座模型。", S("55707792817", ALL)),
  T("negative", "zh", "{M} 作为基座模型，成功衍生出多个专用模型。", S("56535966382", ALL)),
  T(
    "negative",
    "zh",
    "本项目基于 NVIDIA NIM 平台，调用 {M} 进行推理，采用 gradio 构建界面。",
    S("4667508652"),
  ),
  // ja
  T("base", "ja", "{M}をファインチューニングしたオリジナルモデルです。", S("55707580461", B)),
  T("base", "ja", "既存の{M}をファインチューニングした検出特化型モデルです。", S("59262653499", B)),
  T("method", "ja", "{M}を{D}のみでSFTしたモデルです。", S("25087984085", B, { objective: "sft" }, DS)),
  T(
    "method",
    "ja",
    "{M}を初期値にして、{D}でSFTを適用しました。",
    S("58048700826", B, { objective: "sft" }, DS),
  ),
  T(
    "method",
    "ja",
    "{M}に対して{D}で継続事前学習(CPT)を行いました。",
    S("51944400922", B, { objective: "continued-pretraining" }, DS),
  ),
  T(
    "negative",
    "ja",
    "元のバージョンでは、{M}をファインチューニングしたモデルを使っていた。",
    S("70605739011", ALL),
  ),
  T(
    "negative",
    "ja",
    "比較対象: {D} で {M} をファインチューニングした MetaMath 70B。",
    S("60089017252", ALL),
  ),
  T(
    "negative",
    "ja",
    "NeMo Automodelを使えば、{M}から直接SFT/LoRAファインチューニングできます。",
    S("57160054552", { gaps: ["code"] }),
  ),
  // ko
  T("method", "ko", "{M} 모델의 LoRA 파인튜닝", S("9900485929", B, LORA)),
  T("method", "ko", "{M} QLoRA 파인튜닝 모델입니다.", S("52390461619", B, QLORA)),
  T("dataset", "ko", "{M}를 {D}으로 파인튜닝한 모델입니다.", S("22872745514", B, DS)),
  T("base", "ko", "{M}에 한국어 데이터를 파인튜닝한 모델입니다.", S("53188623974", B)),
  T("dataset", "ko", "{M} 사전학습 모델을 {D}로 파인튜닝한 모델입니다.", S("59450086872", B, DS)),
  T("negative", "ko", "평가에는 {M} 모델을 사용합니다.", S("36101350244")),
  T("negative", "ko", "LLM-as-a-Judge 평가 — Judge 모델: {M}", S("59080507624", LU)),
  // de
  T(
    "base",
    "de",
    "Dieses Modell wurde nicht von Grund auf trainiert, sondern aus {M} feinabgestimmt.",
    S("70881262006", B),
  ),
  T(
    "base",
    "de",
    "Es ist ein feinabgestimmtes {M}, das kurze Nutzerwünsche in lange Prompts umschreibt.",
    S("71516282746", B),
  ),
  T("dataset", "de", "Mit {D} feinabgestimmte Version von {M}.", S("11370619651", B, DS)),
  T(
    "method",
    "de",
    "- **Initialisierung:** {M}\n- **Training:** alle Gewichte feinabgestimmt",
    S("32900467711", ALL, B, FULL),
  ),
  T(
    "negative",
    "de",
    "Instruction-Tuned LLMs wie {M} wurden mit spezifischen Anweisungen feinabgestimmt.",
    S("11370619651", ALL, { card: SECTION("Glossar") }),
  ),
  T(
    "negative",
    "de",
    "Ein feinabgestimmter Klassifikationskopf auf {M} wäre eine mögliche Variante.",
    S("54974151796"),
  ),
  // fr
  T("base", "fr", "Ce modèle est affiné à partir de {M}.", S("60247295303", B)),
  T("base", "fr", "Un modèle de classification affiné à partir de {M}.", S("71640165540", B)),
  T("base", "fr", "- **Basé sur :** Affiné à partir de {M}", S("56301244634", B)),
  T(
    "dataset",
    "fr",
    "Un modèle de segmentation affiné à partir de {M} à l'aide de {D}.",
    S("35050310175", B, DS),
  ),
  T(
    "negative",
    "fr",
    "Perplexity AI publie acme/decider-v1, un modèle affiné à partir de {M}.",
    S("71640165540", ALL, { card: SECTION("Veille", "Un assistant de support.") }),
  ),
  T(
    "negative",
    "fr",
    "{M} est un modèle affiné à partir de préférences humaines (RLHF).",
    S("55317431633", { card: SECTION("Glossaire", "Un assistant de support.") }),
  ),
  // es
  T("base", "es", "Este adaptador se ha ajustado a partir de {M}.", S("69607593538", B)),
  // Passes since the settings-table headers of commit dee9c12 (written before this round was read).
  T("base", "es", "| Modelo base | {M} |", S("67638684957", B, { card: TABLE("{S}") })),
  T(
    "method",
    "es",
    "Obtenido aplicando GRPO sobre el checkpoint base {M} mediante la librería TRL.",
    S("69759436991", B, { objective: "grpo" }),
  ),
  T(
    "method",
    "es",
    "El entrenamiento se hizo con OpenRLHF aplicando GRPO directamente sobre {M}, sin una fase previa de SFT.",
    S("69517695763", B, { objective: "grpo" }),
  ),
  T(
    "method",
    "es",
    "El autor lo ha entrenado a partir de {M} con TRL aplicando GRPO.",
    S("69484216476", B, { objective: "grpo" }),
  ),
  T("base", "es", "El modelo base {M} se obtuvo aplicando GRPO sobre otro modelo.", S("69504405293", ALL, B)),
  T(
    "negative",
    "es",
    "| Modelo objetivo | {M} |",
    S("67638684957", { card: TABLE("| Modelo base | acme/drafter-150m |\n{S}") }),
  ),
  // pt
  T("base", "pt", "Verificador de candidatos treinado a partir do {M}.", S("71118867722", B)),
  T("dataset", "pt", "O {M} foi ajustado com o dataset {D}.", S("66632048486", B, DS)),
  // ru
  T(
    "dataset",
    "ru",
    "Модель была дообучена на датасете {D}. Исходная предобученная модель: {M}.",
    S("62595132587", B, DS),
  ),
  T("method", "ru", "Модель {M} дообучена на {D} методом QLoRA.", S("56712081978", B, QLORA, DS)),
  T(
    "dataset",
    "ru",
    "Взята модель {M}. Модель была дообучена на {D}, гиперпараметры подобраны с помощью wandb.",
    S("11997820097", B, DS),
  ),
  T(
    "negative",
    "ru",
    "Используется готовая модель {M} для анализа тональности, без дообучения.",
    S("49447772118", LU),
  ),
];

runBattery("the phrasing battery, round 7 (held out)", [...EN, ...OTHER]);
