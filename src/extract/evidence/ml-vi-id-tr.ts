/**
 * Vietnamese, Indonesian and Turkish words of the multilingual reader (`multilingual.ts`): the same classes as the
 * zh/ja/ko/ru/de/fr/es/pt tables (`ml-labels.ts`, `ml-phrases.ts`, `ml-base-phrases.ts`), which take these lists
 * in. Each entry names where it was collected: a dev item (test/fixtures/corpus/dev) or a public README by the
 * `find_string` id of the stored file. Data, not code.
 */

/** Base-model labels (a colon or a table cell follows), lower case. */
export const VI_ID_TR_BASE_LABELS: readonly string[] = [
  // tr — dev w4-ne-tr-carmodel-llama31-8b-unsloth-qlora-gguf "Ana Model: Llama 3.1 8B / Mistral-7B-v0.3";
  //      find_string 61677122190 "- **Temel Model:** `newmindai/Mursit-Base-TR-Retrieval`" over "- **İnce Ayar (Fine-Tuning):**"
  "ana model",
  "temel model",
  // id — find_string 62118124209 "* **Model Dasar**: `microsoft/codebert-base`"
  "model dasar",
  // vi — find_string 52511034396 "| Mô hình gốc | T5-base (Hugging Face) |" over "| Dataset huấn luyện | Lang-8 |"
  "mô hình gốc",
];

/** Phrases that say the model was fine-tuned from the model right after them (`side: "after"`, `fineTune`). */
export const VI_ID_TR_TUNED_FROM: readonly string[] = [
  // id — dev z2-ne-id-anti-judol-deberta-v3-xsmall-onnx-int8, find_string 8766695128 "Model ini adalah versi fine-tuned
  //      dari `indobenchmark/indobert-base-p1`", 32576598555 "versi fine-tuned dari `microsoft/mdeberta-v3-base`"
  "versi fine-tuned dari",
  // vi — find_string 52886848549 "được fine-tune từ **Llama-3.2-3B-Instruct**", 41795972372 "Được fine-tune từ [NeuTTS
  //      Air](https://huggingface.co/neuphonic/neutts-air)", 52473764520 "Mô hình được fine-tune từ **PhoBERT …**"
  "được fine-tune từ",
];

/** Words that say a model was trained (lower case). */
export const VI_ID_TR_TRAINING_WORDS: readonly string[] = [
  // tr — dev w4-ne-tr-carmodel-llama31-8b-unsloth-qlora-gguf "ince ayar (fine-tuning) yapılması", "Eğitim Yöntemi: LoRA"
  "ince ayar",
  "eğitim",
  "eğitil",
  // vi — find_string 52511034396 "Dataset huấn luyện"; 60253535041 "phiên bản tinh chỉnh LoRA"
  "huấn luyện",
  "tinh chỉnh",
  // id — dev z2-ne-id-anti-judol-deberta-v3-xsmall-onnx-int8 "Model dilatih menggunakan dataset", "## Data Pelatihan"
  "dilatih",
  "pelatihan",
];

/** Labels and words of a training dataset (lower case). */
export const VI_ID_TR_DATASET_WORDS: readonly string[] = [
  // tr — dev w4-ne-tr-carmodel-llama31-8b-unsloth-qlora-gguf "Hazırlanan veri seti resvan40/cardata adresine yüklenmiştir"
  "veri seti",
  // vi — find_string 52511034396 "| Dataset huấn luyện | Lang-8 (26.856 cặp câu) |"
  "dataset huấn luyện",
  "dữ liệu huấn luyện",
  // id — dev z2-ne-id-anti-judol-deberta-v3-xsmall-onnx-int8 "## Data Pelatihan"
  "data pelatihan",
];
