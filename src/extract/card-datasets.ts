/** Datasets of a card: matching the names prose uses to metadata ids, and choosing the step each belongs to. */
import type { Objective } from "../model/vocabulary.js";
import type { Provenance } from "../schema/lineage.js";
import { type Fact, type FileFacts, fact, type StepFacts } from "./facts.js";
import { PREFERENCE_DATASET, PREFERENCE_OBJECTIVES, PRETRAINING_CORPORA } from "./terms.js";

/** Normalised dataset name for matching prose names to metadata ids (`stingning/ultrachat` ~ `ultrachat_200k`). */
export function datasetKey(id: string): string {
  return (id.split("/").pop() ?? id).toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function sameDataset(a: string, b: string): boolean {
  const x = datasetKey(a);
  const y = datasetKey(b);
  if (x === "" || y === "") return false;
  return x === y || (x.length >= 5 && y.startsWith(x)) || (y.length >= 5 && x.startsWith(y));
}

export function isPretrainingCorpus(id: string): boolean {
  const key = datasetKey(id);
  return PRETRAINING_CORPORA.some(
    (c) => key === c.replace(/[^a-z0-9]/g, "") || key.startsWith(c.replace(/[^a-z0-9]/g, "")),
  );
}

/**
 * Puts a card's datasets on its steps: metadata ids replace the prose names they match (`stingning/ultrachat` →
 * `HuggingFaceH4/ultrachat_200k`); the rest go to the step they fit (preference data to the preference step);
 * pre-training corpora of the base are left out with a warning.
 */
export function assignDatasets(
  steps: StepFacts[],
  meta: string[],
  proseDatasets: Fact<string>[],
  prov: Provenance,
  out: FileFacts,
): void {
  const file = out.file;
  const pretraining = meta.filter(isPretrainingCorpus);
  if (pretraining.length > 0 && steps.length > 0)
    out.warnings.push({
      code: "card.pretraining-datasets",
      message: `${file}: datasets ${pretraining.join(", ")} look like pre-training corpora of the base model; not attributed to a fine-tuning step`,
      file,
      field: "datasets",
    });
  const metaIds = meta.filter((d) => !isPretrainingCorpus(d));
  if (steps.length === 0) return;
  // Prose datasets: attach to the step whose sentence named them is already done in clauseStep; add loose ones.
  const inSteps = () => steps.flatMap((s) => s.datasets.map((d) => d.value.id ?? ""));
  for (const pd of proseDatasets) {
    // Two names the prose gives are two datasets unless they are one name (`DISC-Law` and `DISC-LawQA` are two).
    if (inSteps().some((id) => datasetKey(id) === datasetKey(pd.value))) continue;
    if (metaIds.some((m) => sameDataset(m, pd.value))) continue;
    const target = PREFERENCE_DATASET.test(pd.value)
      ? [...steps].reverse().find((s) => PREFERENCE_OBJECTIVES.includes(s.objective?.value as Objective))
      : steps.find((s) => !PREFERENCE_OBJECTIVES.includes(s.objective?.value as Objective));
    (target ?? steps[steps.length - 1])?.datasets.push(fact({ id: pd.value }, pd.source));
  }
  for (const id of metaIds) {
    let placed = false;
    // Two ids the metadata lists are two datasets (`m-a-p/Code-Feedback`, `m-a-p/CodeFeedback-Filtered-…`).
    for (const s of steps)
      for (const d of s.datasets)
        if (d.value.id && sameDataset(d.value.id, id) && !placed && !metaIds.includes(d.value.id)) {
          if (d.value.id !== id) {
            s.notes.push(`dataset ${id} named as ${d.value.id} in the prose`);
            d.value = { ...d.value, id };
          }
          d.source = prov;
          placed = true;
        }
    if (placed) continue;
    const preference = PREFERENCE_DATASET.test(id);
    const target =
      steps.length === 1
        ? steps[0]
        : preference
          ? ([...steps]
              .reverse()
              .find((s) => PREFERENCE_OBJECTIVES.includes(s.objective?.value as Objective)) ??
            steps[steps.length - 1])
          : (steps.find((s) => s.objective?.value === "sft" && s.datasets.length === 0) ??
            steps.find((s) => !PREFERENCE_OBJECTIVES.includes(s.objective?.value as Objective)) ??
            steps[0]);
    target?.datasets.push(
      fact(
        { id },
        {
          ...prov,
          ...(steps.length > 1
            ? {
                note: "metadata lists datasets for the whole card; step chosen by the dataset's kind",
                confidence: 0.7,
              }
            : {}),
        },
      ),
    );
  }
  // Drop duplicates within each step.
  for (const s of steps) {
    const seen = new Set<string>();
    s.datasets = s.datasets.filter((d) => {
      const key = (d.value.id ?? d.value.description ?? "").toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
