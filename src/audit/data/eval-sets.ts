/**
 * Well-known evaluation benchmarks that cards list in their front matter's `datasets:` although they measured the
 * model on them rather than trained it (NLLB-200 fine-tunes copy `datasets: flores-200` with `metrics: bleu`). Only
 * sets published for evaluation (no training split, or a card that calls them a benchmark) are here; such an entry
 * is reported as evaluation data (a note), not as training data with an unknown licence. Sources: each set's own
 * Hub card or repository.
 */
export interface EvaluationSet {
  /** Names compared after lower-casing, dropping the organisation and reading `_`/` ` as `-`. */
  names: readonly string[];
  source: string;
  note: string;
}

export const EVALUATION_SETS: readonly EvaluationSet[] = [
  {
    names: ["flores-200", "flores200", "flores", "flores-101", "flores-plus"],
    source: "https://github.com/facebookresearch/flores/blob/main/flores200/README.md",
    note: "FLORES-200: a translation benchmark (dev and devtest splits only)",
  },
  {
    names: ["truthful-qa", "truthfulqa"],
    source: "https://huggingface.co/datasets/truthfulqa/truthful_qa",
    note: "TruthfulQA: a benchmark with a validation split only",
  },
  {
    names: ["openai-humaneval", "humaneval"],
    source: "https://huggingface.co/datasets/openai/openai_humaneval",
    note: "HumanEval: a code-generation benchmark with a test split only",
  },
  {
    names: ["ifeval"],
    source: "https://huggingface.co/datasets/google/IFEval",
    note: "IFEval: an instruction-following evaluation set",
  },
  {
    names: ["mt-bench", "mt-bench-human-judgments"],
    source: "https://huggingface.co/datasets/lmsys/mt_bench_human_judgments",
    note: "MT-Bench: a multi-turn chat benchmark",
  },
];

function nameForm(id: string): string {
  const own = id.slice(id.lastIndexOf("/") + 1);
  return own.toLowerCase().replace(/[_ ]/g, "-");
}

/** The evaluation benchmark a dataset id names, if it is one of the table's. */
export function evaluationSet(id: string): EvaluationSet | undefined {
  const form = nameForm(id);
  return EVALUATION_SETS.find((s) => s.names.includes(form));
}
