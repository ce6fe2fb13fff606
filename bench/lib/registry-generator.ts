/**
 * A synthetic, Hub-like model registry: deterministic for a seed, produced one document at a time.
 *
 * Shape (constants below, measured by `summary()`):
 * - About 30% of models are roots: 20% documented pretrained bases (a document with the subject only:
 *   `bases: []`, `steps: []`) and 10% undocumented roots that have no line at all and exist only as the base
 *   named by their children (as on the Hub, where a parent is often a private, deleted or undeclared model).
 *   An undocumented root is created when a child first names it, so every one of them is referenced.
 * - 70% are derived, each in one document with one step whose output is the subject and whose inputs are the
 *   subject's direct parents (`bases`): fine-tunes (sft, dpo, orpo, kto, grpo, … with full, lora, qlora or dora),
 *   merges of 2–4 parents (mergekit methods; task-vector methods also name the family root as `baseModel`),
 *   quantisations (gguf, awq, gptq, exl2, bitsandbytes) and adapter merges (an adapter folded into its base).
 * - Fan-out follows a power law: a direct parent is a root drawn from a power law over roots (the famous
 *   foundations come first and are the most popular), a derived model drawn uniformly, or a derived model drawn
 *   in proportion to the children it already has (preferential attachment). Depth is capped at 12.
 * - Datasets (models / 20, about 100k for 2M) are drawn from power laws, preference data for preference
 *   objectives; a dataset's size is a function of its index, so every mention agrees.
 * - Models are written in creation order, so a parent's document comes before its children's.
 *
 * Only small typed arrays per model are kept (about 20 bytes each); ids and documents are recomputed from them.
 */
import type { LineageDocument, Step } from "../../src/schema/lineage.js";
import {
  ACCELERATORS,
  BASE_ORGS,
  BASE_STEMS,
  DATASET_TOPICS,
  FAMOUS_PREFERENCE_DATASETS,
  FAMOUS_SFT_DATASETS,
  FOUNDATIONS,
  HANDLE_PARTS,
  KNOWN_AUTHORS,
  QUANT_AUTHORS,
  SIZES,
  TRAINERS,
} from "./names.js";
import { createRandom, hash32, powerLawRank, type Random } from "./random.js";

/** Model kinds, stored one byte per model. */
export const KIND = {
  root: 0,
  undocumentedRoot: 1,
  fineTune: 2,
  merge: 3,
  quantization: 4,
  adapterMerge: 5,
} as const;
type KindCode = (typeof KIND)[keyof typeof KIND];

const PARAMS = ["full", "lora", "qlora", "dora"] as const;
const PARAM_WEIGHTS = [30, 42, 22, 6];
const OBJECTIVES = [
  "sft",
  "dpo",
  "orpo",
  "kto",
  "simpo",
  "ipo",
  "grpo",
  "rloo",
  "continued-pretraining",
  "distillation",
  "reward-model",
] as const;
const OBJECTIVE_WEIGHTS = [55, 18, 5, 3, 2, 1, 6, 1, 4, 4, 1];
const PREFERENCE_OBJECTIVES: ReadonlySet<string> = new Set([
  "dpo",
  "orpo",
  "kto",
  "simpo",
  "ipo",
  "reward-model",
]);
const MERGE_METHODS = [
  "slerp",
  "linear",
  "ties",
  "dare-ties",
  "task-arithmetic",
  "model-stock",
  "passthrough",
] as const;
const MERGE_WEIGHTS = [35, 15, 20, 15, 5, 7, 3];
const TASK_VECTOR_METHODS: ReadonlySet<string> = new Set([
  "ties",
  "dare-ties",
  "task-arithmetic",
  "model-stock",
]);
const QUANTS = [
  {
    method: "gguf",
    format: ["Q4_K_M", "Q5_K_M", "Q8_0", "Q6_K", "Q3_K_L"],
    framework: "llama.cpp",
    name: "GGUF",
  },
  { method: "awq", format: ["w4a16"], framework: "AutoAWQ", name: "AWQ" },
  { method: "gptq", format: ["w4a16", "w8a16"], framework: "auto-gptq", name: "GPTQ" },
  { method: "exl2", format: ["4.0bpw", "6.5bpw", "8.0bpw"], framework: "exllamav2", name: "exl2" },
  { method: "bitsandbytes", format: ["nf4"], framework: "bitsandbytes", name: "bnb-4bit" },
] as const;
const QUANT_WEIGHTS = [62, 13, 13, 7, 5];

/** Tuning of the shape; see the module comment. */
const SHAPE = {
  /** Share of loop turns that make a documented root: 0.2 / (0.2 + 0.7). */
  documentedRoot: 2 / 9,
  /** Share of derived models whose first parent is a new undocumented root: 0.1 / 0.7. */
  freshUndocumentedRoot: 1 / 7,
  /** Share of derived models whose first parent is an existing root. */
  rootParent: 0.36,
  /** Power-law exponent over roots, by creation rank. */
  rootExponent: 1.05,
  /** Of derived parents: share drawn by preferential attachment (the rest uniformly). */
  preferential: 0.3,
  maxDepth: 12,
  kinds: [KIND.fineTune, KIND.quantization, KIND.merge, KIND.adapterMerge] as const,
  kindWeights: [66, 22, 7, 5],
  datasetsPerModel: 1 / 20,
  datasetExponent: 0.95,
} as const;

export interface GeneratorOptions {
  /** Number of models (documented and undocumented). */
  models: number;
  /** Seed: the same seed and size give the same registry, byte for byte. */
  seed: number;
}

/** One JSONL line: `{"source": "gen:seed=N", "document": …}`. */
export interface GeneratedRecord {
  source: string;
  document: LineageDocument;
}

export interface RegistrySummary {
  models: number;
  documents: number;
  roots: { documented: number; undocumented: number };
  derived: { fineTune: number; merge: number; quantization: number; adapterMerge: number };
  mergeParents: Record<string, number>;
  depth: { max: number; histogram: number[] };
  datasets: { declared: number; used: number };
  /** The widest roots with their exact transitive descendant counts. */
  widest: { id: string; descendants: number }[];
}

export interface RegistrySamples {
  /** Random models (any model, documented or not). */
  models: string[];
  /** Random datasets among those some model used. */
  datasets: string[];
  /** Pairs of random derived models from the same family (so most have a common ancestor). */
  pairs: [string, string][];
}

export interface RegistryGenerator {
  /** The documents, in creation order; iterate once. */
  records(): Generator<GeneratedRecord>;
  modelId(index: number): string;
  datasetId(index: number): string;
  /** Counts after `records()` has been consumed. */
  summary(): RegistrySummary;
  /** Deterministic random samples for queries, after `records()` has been consumed. */
  samples(count: number): RegistrySamples;
  /** The direct parents of a model, by index. */
  parentsOf(index: number): number[];
}

const base36 = (n: number): string => n.toString(36);

/**
 * Creates a generator for `models` models with `seed`.
 *
 * @example
 * const gen = createRegistryGenerator({ models: 1000, seed: 1 });
 * for (const record of gen.records()) process.stdout.write(`${JSON.stringify(record)}\n`);
 */
export function createRegistryGenerator(options: GeneratorOptions): RegistryGenerator {
  const { models: n, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`models must be a positive whole number, got ${n}`);
  const rng = createRandom(seed);
  const source = `gen:seed=${seed}`;
  const datasetCount = Math.max(200, Math.round(n * SHAPE.datasetsPerModel));
  const preferenceDatasets = Math.ceil(datasetCount / 4);
  const sftDatasets = datasetCount - preferenceDatasets;
  const epoch = Date.UTC(2022, 5, 1);
  const span = 900 * 86_400_000;

  const kind = new Uint8Array(n);
  const sub = new Uint8Array(n); // objective, merge method or quantisation method index
  const param = new Uint8Array(n); // parameterisation index + 1 for fine-tunes
  const depth = new Uint8Array(n);
  const family = new Uint32Array(n);
  const firstParent = new Uint32Array(n);
  const roots = new Uint32Array(n);
  let rootCount = 0;
  const derived = new Uint32Array(n);
  let derivedCount = 0;
  const preferred = new Uint32Array(n * 2);
  let preferredCount = 0;
  const extraParents = new Map<number, number[]>();
  const datasetUsed = new Uint8Array(datasetCount);
  let created = 0;
  let documents = 0;
  let consumed = false;

  // ── ids ──────────────────────────────────────────────────────────────────────────────────────────────────
  const handle = (h: number): string => {
    const [a, b] = HANDLE_PARTS;
    const first = a[h % a.length] ?? "open";
    const second = b[(h >>> 8) % b.length] ?? "lab";
    const number = (h >>> 16) % 4 === 0 ? "" : String((h >>> 18) % 1000);
    return `${first}${second}${number}`;
  };
  const author = (h: number): string =>
    h % 10 < 3 ? (KNOWN_AUTHORS[(h >>> 4) % KNOWN_AUTHORS.length] ?? "TheBloke") : handle(hash32(h, 7));
  const familyName = (root: number): string => {
    if (root < FOUNDATIONS.length) return FOUNDATIONS[root]?.[1] ?? "Base";
    const h = hash32(seed, root, 11);
    return `${BASE_STEMS[h % BASE_STEMS.length]}-${SIZES[(h >>> 8) % SIZES.length]}`;
  };
  const variant = (i: number, h: number): string => {
    switch (kind[i]) {
      case KIND.fineTune: {
        const objective = OBJECTIVES[sub[i] ?? 0] ?? "sft";
        const p = PARAMS[(param[i] ?? 1) - 1] ?? "full";
        const word =
          objective === "sft"
            ? (["Instruct", "chat", "sft", "it", "v0.1", "v2"][h % 6] ?? "sft")
            : objective.toUpperCase();
        return p === "full" ? word : `${word}-${p}`;
      }
      case KIND.merge:
        return `${["merge", "slerp", "MoE", "franken"][h % 4]}`;
      case KIND.quantization:
        return QUANTS[sub[i] ?? 0]?.name ?? "GGUF";
      case KIND.adapterMerge:
        return "merged";
      default:
        return "base";
    }
  };
  const modelId = (i: number): string => {
    if (i < FOUNDATIONS.length && kind[i] === KIND.root) return FOUNDATIONS[i]?.[0] ?? `root/${i}`;
    const h = hash32(seed, i);
    if (kind[i] === KIND.root) return `${BASE_ORGS[h % BASE_ORGS.length]}/${familyName(i)}-${base36(i)}`;
    if (kind[i] === KIND.undocumentedRoot) return `${handle(h)}/${familyName(i)}-base-${base36(i)}`;
    const org =
      kind[i] === KIND.quantization ? (QUANT_AUTHORS[h % QUANT_AUTHORS.length] ?? "TheBloke") : author(h);
    return `${org}/${familyName(family[i] ?? 0)}-${variant(i, h >>> 12)}-${base36(i)}`;
  };
  const datasetId = (k: number): string => {
    const preference = k % 4 === 0;
    const rank = preference ? k / 4 : k - Math.floor(k / 4) - 1;
    const famous = preference ? FAMOUS_PREFERENCE_DATASETS[rank] : FAMOUS_SFT_DATASETS[rank];
    if (famous !== undefined) return famous;
    const h = hash32(seed, k, 23);
    const topic = DATASET_TOPICS[h % DATASET_TOPICS.length];
    const what = preference ? (["dpo", "preferences", "pairs"][(h >>> 8) % 3] ?? "dpo") : "instruct";
    return `${author(hash32(h, 5))}/${topic}-${what}-${base36(k)}`;
  };
  const datasetRef = (k: number) => {
    const h = hash32(seed, k, 29);
    const preference = k % 4 === 0;
    const count = 500 + (h % 400_000);
    const unit = preference ? "pairs" : h % 2 === 0 ? "conversations" : "examples";
    return { id: datasetId(k), size: { count, unit: unit as "pairs" | "conversations" | "examples" } };
  };
  const pickDataset = (preference: boolean): number => {
    if (preference) return powerLawRank(rng.next(), preferenceDatasets, SHAPE.datasetExponent) * 4;
    const r = powerLawRank(rng.next(), sftDatasets, SHAPE.datasetExponent);
    return 4 * Math.floor(r / 3) + 1 + (r % 3);
  };

  // ── structure ────────────────────────────────────────────────────────────────────────────────────────────
  const addModel = (k: KindCode, parent: number, d: number, fam: number): number => {
    const i = created++;
    kind[i] = k;
    firstParent[i] = parent;
    depth[i] = d;
    family[i] = fam;
    if (k === KIND.root) roots[rootCount++] = i;
    else if (k !== KIND.undocumentedRoot) derived[derivedCount++] = i;
    return i;
  };
  const capDepth = (p: number): number => {
    let q = p;
    while ((depth[q] ?? 0) >= SHAPE.maxDepth) q = firstParent[q] ?? q;
    return q;
  };
  const pickRoot = (): number => roots[powerLawRank(rng.next(), rootCount, SHAPE.rootExponent)] ?? 0;
  const pickDerived = (preferential: number): number => {
    for (let attempt = 0; ; attempt++) {
      const p =
        preferredCount > 0 && rng.chance(preferential)
          ? (preferred[rng.int(preferredCount)] ?? 0)
          : (derived[rng.int(derivedCount)] ?? 0);
      // Quantised checkpoints are rarely trained further.
      if (kind[p] !== KIND.quantization || attempt >= 3 || rng.chance(0.1)) return p;
    }
  };
  const pickParent = (): number => {
    if (derivedCount === 0 || rng.chance(SHAPE.rootParent / (1 - SHAPE.freshUndocumentedRoot)))
      return pickRoot();
    return capDepth(pickDerived(SHAPE.preferential));
  };
  const noteParent = (p: number): void => {
    if (kind[p] !== KIND.root && kind[p] !== KIND.undocumentedRoot && preferredCount < preferred.length)
      preferred[preferredCount++] = p;
  };
  const sameFamily = (fam: number, exclude: readonly number[]): number => {
    for (let t = 0; t < 8; t++) {
      const q = capDepth(derived[rng.int(derivedCount)] ?? 0);
      if (family[q] === fam && !exclude.includes(q)) return q;
    }
    for (let t = 0; t < 8; t++) {
      const q = pickParent();
      if (!exclude.includes(q)) return q;
    }
    return -1;
  };

  /** Creates the next model(s); returns the index of the documented one, or -1. */
  const step = (): number => {
    if (created < FOUNDATIONS.length || rootCount === 0 || rng.chance(SHAPE.documentedRoot)) {
      const i = addModel(KIND.root, created, 0, created);
      firstParent[i] = i;
      family[i] = i;
      return i;
    }
    let k: KindCode = rng.weighted(SHAPE.kinds, SHAPE.kindWeights);
    let parents: number[];
    if (k === KIND.adapterMerge) {
      let adapter = -1;
      for (let t = 0; t < 12 && adapter < 0 && derivedCount > 0; t++) {
        const q = derived[rng.int(derivedCount)] ?? 0;
        if (kind[q] === KIND.fineTune && (param[q] ?? 0) >= 2 && (depth[q] ?? 0) < SHAPE.maxDepth)
          adapter = q;
      }
      if (adapter >= 0) parents = [firstParent[adapter] ?? 0, adapter];
      else {
        k = KIND.fineTune;
        parents = [];
      }
    } else parents = [];
    if (parents.length === 0) {
      if (created + 1 < n && derivedCount >= 2000 && rng.chance(SHAPE.freshUndocumentedRoot)) {
        const r = addModel(KIND.undocumentedRoot, created, 0, created);
        firstParent[r] = r;
        family[r] = r;
        parents = [r];
      } else parents = [k === KIND.quantization ? capDepth(pickDerivedOrRoot()) : pickParent()];
    }
    const first = parents[0] ?? 0;
    if (k === KIND.merge) {
      const want = rng.weighted([2, 3, 4], [70, 20, 10]);
      while (parents.length < want) {
        const q = sameFamily(family[first] ?? 0, parents);
        if (q < 0) break;
        parents.push(q);
      }
      if (parents.length < 2) k = KIND.fineTune;
    }
    if (k === KIND.fineTune || k === KIND.quantization) parents = [first];
    let d = 0;
    for (const p of parents) d = Math.max(d, (depth[p] ?? 0) + 1);
    if (d > SHAPE.maxDepth) {
      parents = parents.filter((p) => (depth[p] ?? 0) < SHAPE.maxDepth);
      d = SHAPE.maxDepth;
    }
    const i = addModel(k, parents[0] ?? 0, d, family[parents[0] ?? 0] ?? 0);
    if (k === KIND.fineTune) {
      sub[i] = OBJECTIVES.indexOf(rng.weighted(OBJECTIVES, OBJECTIVE_WEIGHTS));
      param[i] = PARAMS.indexOf(rng.weighted(PARAMS, PARAM_WEIGHTS)) + 1;
    } else if (k === KIND.merge) sub[i] = MERGE_METHODS.indexOf(rng.weighted(MERGE_METHODS, MERGE_WEIGHTS));
    else if (k === KIND.quantization) sub[i] = rng.weighted([0, 1, 2, 3, 4], QUANT_WEIGHTS);
    if (parents.length > 1) extraParents.set(i, parents.slice(1));
    for (const p of parents) noteParent(p);
    return i;
  };
  // Quantisers pick popular models: mostly by preferential attachment.
  function pickDerivedOrRoot(): number {
    if (derivedCount === 0 || rng.chance(0.25)) return pickRoot();
    return pickDerived(0.8);
  }

  const parentsOf = (i: number): number[] => {
    if (kind[i] === KIND.root || kind[i] === KIND.undocumentedRoot) return [];
    return [firstParent[i] ?? 0, ...(extraParents.get(i) ?? [])];
  };

  // ── documents ────────────────────────────────────────────────────────────────────────────────────────────
  const trainer = (r: Random) => {
    const [name, versions] = r.pick(TRAINERS);
    return { name, version: r.pick(versions) };
  };
  const fineTuneStep = (i: number, r: Random, parent: string, subject: string): Step => {
    const objective = OBJECTIVES[sub[i] ?? 0] ?? "sft";
    const parameterization = PARAMS[(param[i] ?? 1) - 1] ?? "full";
    const preference = PREFERENCE_OBJECTIVES.has(objective);
    const datasetTotal = preference ? r.weighted([1, 2], [75, 25]) : r.weighted([1, 2, 3], [55, 30, 15]);
    const picked: number[] = [];
    for (let t = 0; t < datasetTotal * 3 && picked.length < datasetTotal; t++) {
      const k = pickDataset(preference);
      if (!picked.includes(k)) picked.push(k);
    }
    for (const k of picked) datasetUsed[k] = 1;
    const full = parameterization === "full";
    const learningRate = preference
      ? r.pick(full ? [5e-7, 1e-6, 5e-6] : [5e-6, 1e-5, 5e-5])
      : r.pick(full ? [1e-5, 2e-5, 5e-6, 3e-5] : [1e-4, 2e-4, 3e-4, 5e-5]);
    const perDeviceBatchSize = r.pick([1, 2, 4, 8, 16]);
    const gradientAccumulationSteps = r.pick([1, 2, 4, 8, 16]);
    const devices = r.pick([1, 1, 2, 4, 8]);
    const hyperparameters: Record<string, unknown> = {
      learningRate,
      ...(r.chance(0.8) ? { epochs: r.pick([1, 2, 3]) } : { maxSteps: r.pick([500, 1000, 2000, 5000]) }),
      perDeviceBatchSize,
      gradientAccumulationSteps,
      globalBatchSize: perDeviceBatchSize * gradientAccumulationSteps * devices,
      warmupRatio: r.pick([0.03, 0.05, 0.1]),
      scheduler: r.pick(["cosine", "linear", "constant_with_warmup"]),
      optimizer: r.pick(["adamw_torch", "paged_adamw_8bit", "adamw_8bit", "adamw_torch_fused"]),
      weightDecay: r.pick([0, 0, 0.01, 0.1]),
      maxSequenceLength: r.pick([2048, 4096, 8192]),
      precision: "bf16",
      seed: r.chance(0.7) ? 42 : r.int(10_000),
    };
    if (preference) hyperparameters.beta = r.pick([0.01, 0.05, 0.1, 0.1, 0.25]);
    if (objective === "grpo") hyperparameters.other = { num_generations: r.pick([4, 8, 16]) };
    const rank = r.pick([8, 16, 32, 64, 128]);
    const adapter =
      parameterization === "full"
        ? undefined
        : {
            rank,
            alpha: r.chance(0.5) ? rank * 2 : rank,
            dropout: r.pick([0, 0.05, 0.1]),
            targetModules: r.chance(0.5)
              ? ("all-linear" as const)
              : ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
            ...(parameterization === "qlora" ? { quantizationBits: 4 as const } : {}),
          };
    return {
      id: objective,
      kind: "fine-tune",
      objective,
      parameterization,
      ...(adapter === undefined ? {} : { adapter }),
      inputs: { models: [{ id: parent }], datasets: picked.map(datasetRef) },
      hyperparameters: hyperparameters as Step["hyperparameters"],
      output: { id: subject },
      framework: trainer(r),
      ...(r.chance(0.3) ? { hardware: { accelerator: r.pick(ACCELERATORS), count: devices } } : {}),
    } as Step;
  };
  const mergeStep = (i: number, r: Random, parents: string[], root: string, subject: string): Step => {
    const method = MERGE_METHODS[sub[i] ?? 0] ?? "slerp";
    const taskVector = TASK_VECTOR_METHODS.has(method);
    const weight = Math.round((1 / parents.length) * 100) / 100;
    return {
      id: "merge",
      kind: "merge",
      method,
      inputs: {
        models: parents.map((id) =>
          taskVector ? { id, parameters: { weight, density: r.pick([0.5, 0.53, 0.6, 0.7]) } } : { id },
        ),
      },
      ...(taskVector ? { baseModel: { id: root } } : {}),
      parameters:
        method === "slerp" ? { t: r.pick([0.3, 0.5, 0.7]), dtype: "bfloat16" } : { dtype: "bfloat16" },
      output: { id: subject },
      framework: { name: "mergekit" },
    };
  };
  const quantizationStep = (i: number, r: Random, parent: string, subject: string): Step => {
    const q = QUANTS[sub[i] ?? 0] ?? QUANTS[0];
    const format = r.pick(q.format as readonly string[]);
    const bits = format.startsWith("Q8") || format.includes("w8") || format.startsWith("8") ? 8 : 4;
    return {
      id: "quantize",
      kind: "quantization",
      method: q.method,
      bits,
      format,
      ...(q.method === "gptq" || q.method === "awq" ? { groupSize: 128 } : {}),
      inputs: { models: [{ id: parent }] },
      output: { id: subject },
      framework: { name: q.framework },
    };
  };

  const documentOf = (i: number): LineageDocument => {
    const r = createRandom(hash32(seed, i, 3));
    const subjectId = modelId(i);
    const rootFamily = family[i] ?? 0;
    const license =
      rootFamily < FOUNDATIONS.length ? (FOUNDATIONS[rootFamily]?.[2] ?? "other") : "apache-2.0";
    const createdAt = new Date(epoch + Math.floor((i / n) * span)).toISOString();
    const generator = { name: "ftl gen", version: "1" };
    const subject = { id: subjectId, license };
    if (kind[i] === KIND.root)
      return { format: "ftl/v1", subject, bases: [], steps: [], generator, createdAt };
    const parentIds = parentsOf(i).map(modelId);
    const bases = parentIds.map((id) => ({ id }));
    let s: Step;
    if (kind[i] === KIND.fineTune) s = fineTuneStep(i, r, parentIds[0] ?? "", subjectId);
    else if (kind[i] === KIND.quantization) s = quantizationStep(i, r, parentIds[0] ?? "", subjectId);
    else if (kind[i] === KIND.merge) {
      const root = modelId(rootFamily);
      s = mergeStep(i, r, parentIds, root, subjectId);
      if (s.kind === "merge" && s.baseModel !== undefined && !parentIds.includes(root))
        bases.push({ id: root });
    } else
      s = {
        id: "adapter-merge",
        kind: "adapter-merge",
        inputs: { models: parentIds.map((id) => ({ id })) },
        output: { id: subjectId },
        framework: trainer(r),
      };
    return { format: "ftl/v1", subject, bases, steps: [s], generator, createdAt };
  };

  function* records(): Generator<GeneratedRecord> {
    if (consumed) throw new Error("records() can be iterated only once per generator");
    consumed = true;
    while (created < n) {
      const i = step();
      if (i < 0 || kind[i] === KIND.undocumentedRoot) continue;
      documents++;
      yield { source, document: documentOf(i) };
    }
  }

  const descendantsOf = (root: number): number => {
    const marked = new Uint8Array(created);
    marked[root] = 1;
    let count = 0;
    for (let i = root + 1; i < created; i++) {
      if (marked[firstParent[i] ?? 0] === 1 && firstParent[i] !== i) marked[i] = 1;
      else for (const p of extraParents.get(i) ?? []) if (marked[p] === 1) marked[i] = 1;
      if (marked[i] === 1) count++;
    }
    return count;
  };

  const summary = (): RegistrySummary => {
    const counts = [0, 0, 0, 0, 0, 0];
    const histogram = new Array<number>(SHAPE.maxDepth + 1).fill(0);
    const familySize = new Uint32Array(created);
    for (let i = 0; i < created; i++) {
      counts[kind[i] ?? 0] = (counts[kind[i] ?? 0] ?? 0) + 1;
      histogram[depth[i] ?? 0] = (histogram[depth[i] ?? 0] ?? 0) + 1;
      familySize[family[i] ?? 0] = (familySize[family[i] ?? 0] ?? 0) + 1;
    }
    const mergeParents: Record<string, number> = {};
    for (const [i, extra] of extraParents)
      if (kind[i] === KIND.merge) mergeParents[extra.length + 1] = (mergeParents[extra.length + 1] ?? 0) + 1;
    const candidates = Array.from(familySize.keys())
      .filter((r) => kind[r] === KIND.root || kind[r] === KIND.undocumentedRoot)
      .sort((a, b) => (familySize[b] ?? 0) - (familySize[a] ?? 0))
      .slice(0, 8);
    let used = 0;
    for (const u of datasetUsed) used += u;
    return {
      models: created,
      documents,
      roots: { documented: counts[KIND.root] ?? 0, undocumented: counts[KIND.undocumentedRoot] ?? 0 },
      derived: {
        fineTune: counts[KIND.fineTune] ?? 0,
        merge: counts[KIND.merge] ?? 0,
        quantization: counts[KIND.quantization] ?? 0,
        adapterMerge: counts[KIND.adapterMerge] ?? 0,
      },
      mergeParents,
      depth: { max: histogram.findLastIndex((c) => c > 0), histogram },
      datasets: { declared: datasetCount, used },
      widest: candidates
        .map((r) => ({ id: modelId(r), descendants: descendantsOf(r) }))
        .sort((a, b) => b.descendants - a.descendants),
    };
  };

  const samples = (count: number): RegistrySamples => {
    const r = createRandom(hash32(seed, 0x5a4d));
    const models = Array.from({ length: count }, () => modelId(r.int(created)));
    const usedList: number[] = [];
    datasetUsed.forEach((u, k) => {
      if (u === 1) usedList.push(k);
    });
    const datasets = Array.from({ length: count }, () => datasetId(usedList[r.int(usedList.length)] ?? 0));
    const pairs: [string, string][] = [];
    for (let t = 0; t < count; t++) {
      const a = derived[r.int(derivedCount)] ?? 0;
      let b = derived[r.int(derivedCount)] ?? 0;
      for (let u = 0; u < 64 && (family[b] !== family[a] || b === a); u++)
        b = derived[r.int(derivedCount)] ?? 0;
      pairs.push([modelId(a), modelId(b)]);
    }
    return { models, datasets, pairs };
  };

  return { records, modelId, datasetId, summary, samples, parentsOf };
}
