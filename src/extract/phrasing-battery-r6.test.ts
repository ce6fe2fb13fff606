/**
 * The phrasing battery, round 6: a small check written after round 5's rules, before any rule was run on it, to see
 * whether those rules carry over to near phrasings (forms that fail are marked `gaps`, not fixed here).
 * Generator and checks: test/fixtures/phrasing/battery.ts.
 */
import { B, runBattery, T, type Template } from "../../test/fixtures/phrasing/battery.js";

const TEMPLATES: Template[] = [
  T("method", "en", "Our initial checkpoint is {M}. We then ran ORPO on {D}.", {
    ...B,
    objective: "orpo",
    dataset: true,
  }),
  T("method", "en", "QLoRA adapter weights (trained on {D}) for {M}.", {
    ...B,
    param: "qlora",
    dataset: true,
  }),
  T("base", "en", "A derivative work of {M}, adapted to support chats.", B),
  T("method", "en", "{M}, further fine-tuned with DPO on {D}.", { ...B, objective: "dpo", dataset: true }),
  T("method", "es", "Modelo {M} afinado con DPO.", { ...B, objective: "dpo" }),
  T("method", "pt", "Modelo {M} treinado com QLoRA.", { ...B, param: "qlora" }),
  T("method", "ru", "Модель {M}, обученная методом DPO.", { ...B, objective: "dpo" }),
  T("method", "ja", "{M} を {D} で SFT しました。", { ...B, objective: "sft", dataset: true }),
  T("negative", "en", "| {M} | 7B | 58.1 | 61.0 |", {
    card: "# Helper\n\nA support chat model.\n\n## Comparison\n\n| Model | Size | MMLU | ARC |\n| --- | --- | --- | --- |\n{S}\n",
  }),
  T("negative", "en", "Scores were computed with {M} as the grader."),
  // Not right yet: a lone linked model after "Modelo" is taken for the card's own name (the subject).
  T("negative", "es", "Modelo {M} comparado con el nuestro.", { gaps: ["link", "url"] }),
];

runBattery("the phrasing battery, round 6 (held out)", TEMPLATES);
