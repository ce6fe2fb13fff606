/**
 * Rules applied to a combined chain, each stated here so that what ftl infers is written down:
 * - LoRA trained over a quantised frozen base (its 4/8-bit setting, or a base whose id says AWQ, GPTQ,
 *   bnb-4bit) is QLoRA.
 * - A step with no named output, followed by a step that starts from a model other than its own input, produced
 *   that model (the next step starts from it): the intermediate checkpoint.
 * - A chain whose root is a well-known intermediate checkpoint (ftl's table, with each entry's source) starts
 *   from the intermediate's own parent, through the step its card states.
 * - A chain that starts from a local folder, in a run whose card names a Hub base that the folder links to by
 *   a stated rule (`localHubLink`: the same name, 0.7; a shortened name, 0.6), starts from that Hub id, as
 *   `inferred` with the rule in its note; the folder is kept in the step's notes.
 * - A model is never derived from itself: a first step whose only input is the model the document describes
 *   (a base model's card whose config.json names the model itself) records how the model was made, not a
 *   derivation; with nothing else concrete it is dropped.
 */
import { INTERMEDIATE_CONFIDENCE, intermediateOf } from "../model/intermediates.js";
import type { LineageDocument } from "../schema/lineage.js";
import { emptyStep, type FileFacts, fact, inferred, type StepFacts } from "./facts.js";
import { sameModel } from "./merge-steps.js";
import { linkedFact, localHubLink } from "./normalise-refs.js";

const QUANTISED_ID = /(?:^|[-_./])(?:awq|gptq|bnb[-_]?4bit|4bit|int4|nf4)(?:$|[-_.])/i;

export function loraOverQuantisedBase(chain: StepFacts[]): void {
  for (const s of chain) {
    if (s.kind !== "fine-tune" || s.parameterization?.value !== "lora") continue;
    const bits = s.adapter.quantizationBits;
    const base = s.inputs[0]?.value.id;
    if (bits && (bits.value === 4 || bits.value === 8)) s.parameterization = fact("qlora", bits.source);
    else if (base && QUANTISED_ID.test(base))
      s.parameterization = fact(
        "qlora",
        inferred(s.origin.file ?? "?", `LoRA over ${base}, a quantised base: QLoRA`, 0.7, "inputs.models[0]"),
      );
  }
}

export function localRootNamedByCard(chain: StepFacts[], files: FileFacts[]): void {
  const first = chain[0];
  const root = first && first.kind !== "merge" && first.inputs.length === 1 ? first.inputs[0] : undefined;
  if (!first || !root?.value.id.startsWith("local:")) return;
  const named = files.flatMap((f) => (f.kind === "model-card" ? [...f.bases, ...(f.fetched ?? [])] : []));
  const links = named.flatMap((b) => {
    const link = localHubLink(root.value.id, b.value);
    return link ? [{ link, b }] : [];
  });
  const only = links[0];
  if (!only || links.some((l) => l.link.hub.toLowerCase() !== only.link.hub.toLowerCase())) return;
  first.inputs[0] = linkedFact(only.link, {
    value: { ...root.value, id: only.link.hub },
    source: only.b.source,
  });
  const loaded = `loaded from ${only.link.local}`;
  if (!first.notes.includes(loaded)) first.notes.push(loaded);
}

/**
 * A first step that names only a method (no model, dataset, setting or output), before a step that another file
 * says starts from a named Hub model: the card's words describe how that model was made elsewhere ("first train an
 * SFT model", before the script's DPO run from it), not a step the files show. It is dropped, so that the named
 * model is the root instead of an unnamed model's unchecked history.
 */
export function withoutHollowFirstStep(chain: StepFacts[]): void {
  const first = chain[0];
  const next = chain[1];
  if (!first || !next || first.kind !== "fine-tune" || next.inputs.length !== 1) return;
  const start = next.inputs[0];
  if (!start || start.source.file === first.origin.file || start.value.id.startsWith("local:")) return;
  const hollow =
    first.inputs.length === 0 &&
    !first.output &&
    first.datasets.length === 0 &&
    Object.keys(first.hyperparameters).length === 0 &&
    Object.keys(first.adapter).length === 0;
  if (hollow) chain.shift();
}

export function intermediateOutputs(chain: StepFacts[]): void {
  for (let i = 0; i + 1 < chain.length; i++) {
    const s = chain[i] as StepFacts;
    const next = chain[i + 1] as StepFacts;
    const input = next.inputs.length === 1 ? next.inputs[0] : undefined;
    if (s.output || !input || next.kind === "merge") continue;
    // A model the chain already started from is not what a later step produced (an adapter merged back into
    // its base starts from that base: it does not make the base the adapter training's output).
    const earlier = chain.slice(0, i + 1).flatMap((x) => x.inputs);
    if (earlier.some((x) => sameModel(x.value.id, input.value.id))) continue;
    s.output = fact(
      input.value.id,
      inferred(
        next.origin.file ?? "?",
        "the next step starts from it: the checkpoint this step produced",
        0.8,
      ),
    );
  }
}

/** Note on steps added from the table, so that readers (and the accuracy scorer) can tell them apart. */
export const TABLE_STEP_NOTE = "well-known intermediate checkpoint";

export function expandIntermediates(chain: StepFacts[]): void {
  for (let guard = 0; guard < 8; guard++) {
    const first = chain[0];
    const root = first && first.kind !== "merge" && first.inputs.length === 1 ? first.inputs[0] : undefined;
    const entry = root ? intermediateOf(root.value.id) : undefined;
    if (!root || !entry || chain.some((s) => s.output && sameModel(s.output.value, entry.parent))) return;
    const why = `${entry.id} is a ${TABLE_STEP_NOTE}; its card (${entry.source}) names its parent`;
    const source = inferred(root.source.file ?? "?", why, INTERMEDIATE_CONFIDENCE);
    const step = emptyStep("fine-tune", source);
    step.inputs.push(fact({ id: entry.parent }, source));
    step.output = fact(root.value.id, source);
    if (entry.objective) step.objective = fact(entry.objective, source);
    for (const d of entry.datasets ?? []) step.datasets.push(fact({ id: d }, source));
    step.notes.push(`${TABLE_STEP_NOTE} (${entry.source})`);
    chain.unshift(step);
  }
}

/** Drops a first step that starts from the document's own subject and says nothing else concrete. */
export function withoutSelfDerivation(doc: LineageDocument): LineageDocument {
  const first = doc.steps[0];
  const models = first?.inputs?.models ?? [];
  if (!first || doc.steps.length !== 1 || models.length !== 1 || models[0]?.id !== doc.subject.id) return doc;
  const concrete =
    (first.inputs?.datasets?.length ?? 0) > 0 ||
    Object.keys(first.hyperparameters ?? {}).length > 0 ||
    first.kind !== "fine-tune";
  if (concrete) return doc;
  return { ...doc, bases: [], steps: [] };
}
