/**
 * How cards name their base and their data outside English prose (issue 16): field labels in other languages
 * (`* モデル： [Llama3.1 8B Instruct](https://huggingface.co/…)`, `- 基座模型：Qwen2.5-7B`, `**Basismodell:** …`,
 * `* データセット： [databricks-dolly-15k](https://huggingface.co/datasets/…)`), and the model a card downloads to
 * start from (`git clone https://huggingface.co/org/model`, `huggingface-cli download org/model`,
 * `snapshot_download(repo_id="org/model")`). Pure.
 */

/**
 * "Base model" / "model" labels in Japanese, Chinese, Korean, German, French, Spanish, Italian, Portuguese and
 * Russian, each a whole label at the start of a line (after list or emphasis marks) followed by `:` or `：`.
 */
const BASE_WORDS = [
  "ベースモデル",
  "元モデル",
  "基盤モデル",
  "事前学習済みモデル",
  "モデル",
  "基座模型",
  "基础模型",
  "基礎模型",
  "基模型",
  "底座模型",
  "预训练模型",
  "原始模型",
  "模型",
  "베이스\\s?모델",
  "기반\\s?모델",
  "기본\\s?모델",
  "사전\\s?학습\\s?모델",
  "모델",
  "Basismodell",
  "Ausgangsmodell",
  "Grundmodell",
  "Modell",
  "mod[eè]le de base",
  "mod[eè]le",
  "modelo base",
  "modelo de base",
  "modelo",
  "modello base",
  "modello di base",
  "modello",
  "базовая модель",
  "исходная модель",
  "модель",
];
export const FOREIGN_BASE_LABEL = new RegExp(
  `^[ \\t*_>#|-]{0,12}(?:${BASE_WORDS.join("|")})[ \\t*_]{0,6}[:：][ \\t*_]{0,6}(\\S.{0,400})$`,
  "gim",
);

/** "Dataset" / "training data" labels, in English and the languages above. */
const DATA_WORDS = [
  "datasets?",
  "training data(?:sets?)?",
  "fine-?tuning data(?:sets?)?",
  "データセット",
  "学習データ",
  "訓練データ",
  "数据集",
  "训练数据",
  "训练集",
  "資料集",
  "데이터\\s?셋",
  "데이터\\s?세트",
  "학습\\s?데이터",
  "Datens[aä]tze?",
  "Trainingsdaten",
  "jeux? de donn[ée]es",
  "donn[ée]es d'entra[iî]nement",
  "conjuntos? de datos",
  "datos de entrenamiento",
  "набор данных",
  "датасет",
];
const DATA_LABEL = new RegExp(`^[ \\t*_>#|-]{0,12}(?:${DATA_WORDS.join("|")})[ \\t*_]{0,6}[:：]`, "i");

/** Whether a line is a "Dataset:" field (in any of the languages above), whose Hub links are training data. */
export function isDataLabelLine(line: string): boolean {
  return line.length <= 600 && DATA_LABEL.test(line);
}

/** Commands that fetch a model repository (not a dataset or a Space) from the Hub. */
const DOWNLOADS = [
  /\bgit\s+(?:lfs\s+)?clone\s+(?:git@hf\.co:|https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/)(?!datasets\/|spaces\/)([\w.-]{1,100}\/[\w.-]{1,100})/g,
  /\b(?:huggingface-cli|hf)\s+download\s+([\w.-]{1,100}\/[\w.-]{1,100})/g,
  /\bsnapshot_download\(\s*(?:repo_id\s*=\s*)?["']([\w.-]{1,100}\/[\w.-]{1,100})["']/g,
];
const DATASET_REPO = /--repo-type[= ]dataset|repo_type\s*=\s*["']dataset/;

/** Models a card's commands download, with the line each was read from. */
export function downloadedModels(body: string): { id: string; where: string }[] {
  const found: { id: string; where: string }[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (line.length > 600 || DATASET_REPO.test(line)) continue;
    for (const pattern of DOWNLOADS)
      for (const m of line.matchAll(pattern)) {
        const id = (m[1] ?? "").replace(/\.git$/, "");
        if (id && !found.some((f) => f.id.toLowerCase() === id.toLowerCase()))
          found.push({ id, where: `'${line.trim().slice(0, 160)}'` });
      }
  }
  return found;
}

/** A model name without case or separators: `Qwen2.5-VL-3B-Instruct` and "Qwen2.5 VL 3B Instruct" meet. */
export const bareModelName = (name: string): string =>
  (name.split("/").pop() ?? name).toLowerCase().replace(/[^a-z0-9]/g, "");
