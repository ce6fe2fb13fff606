/**
 * Joining per-model lineage into one ftl/v1 document for a whole chain. Each fetched model contributes the
 * steps that produce it (from its extracted document, cut where an input is another fetched model, or one
 * step made from the Hub's own `base_model` metadata when the files say nothing); parents come first.
 */
import type { ExtractWarning } from "../extract/types.js";
import { stepModelInputs } from "../model/graph.js";
import { FORMAT_V1 } from "../model/vocabulary.js";
import type { LineageDocument, ModelInput, ModelRef, Step } from "../schema/lineage.js";
import type { ChainNode } from "./chain-node.js";
import { hubModelRef, hubStep, readmeUrl, slug } from "./hub-step.js";
import { ownSteps } from "./own-steps.js";

export type { ChainNode } from "./chain-node.js";

/** Joins the fetched models into one document for `leafId`, parents' steps first. */
export function joinChain(
  endpoint: string,
  leafId: string,
  nodes: Map<string, ChainNode>,
  /** The tool named in the document's provenance. */
  by = "ftl import hf",
): { document: LineageDocument; warnings: ExtractWarning[] } {
  const warnings: ExtractWarning[] = [];
  const fetched = new Set(nodes.keys());
  const steps: Step[] = [];
  const taken = new Set<string>();
  const done = new Set<string>();
  const onPath = new Set<string>();

  const claimId = (wanted: string, owner: string): string => {
    let id = taken.has(wanted) ? `${wanted}-${slug(owner)}`.slice(0, 128) : wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
    taken.add(id);
    return id;
  };

  const visit = (id: string): void => {
    const found = nodes.get(id);
    if (!found || done.has(id)) return;
    let node = found;
    let cycled = false;
    onPath.add(id);
    for (const parent of found.followed) {
      if (onPath.has(parent)) {
        // A loop (A names B, B names A): the edge that closes it is dropped, so the document stays a chain.
        warnings.push({
          code: "hub.cycle",
          message: `${id} names ${parent} as base model, which descends from ${id}; that link is dropped`,
          file: readmeUrl(endpoint, found.model),
          field: "base_model",
        });
        cycled = true;
        node = {
          ...node,
          followed: node.followed.filter((p) => p !== parent),
          hub: { ...node.hub, parents: node.hub.parents.filter((p) => p !== parent) },
        };
        continue;
      }
      visit(parent);
    }
    onPath.delete(id);
    done.add(id);
    // After a dropped loop the files' own steps may still name the dropped parent: use the Hub metadata only.
    const own = cycled ? undefined : ownSteps(node, fetched, endpoint);
    if (!own) {
      if (node.hub.parents.length + node.hub.unresolved.length > 0)
        steps.push(hubStep(endpoint, node, claimId(slug(id), id)));
      return;
    }
    warnings.push(...own.notes);
    // Rename step ids that collide with earlier models' steps.
    const renamed = new Map<string, string>();
    for (const step of own.steps) renamed.set(step.id, claimId(step.id, id));
    const fix = (input: ModelInput): ModelInput =>
      input.step !== undefined ? { ...input, step: renamed.get(input.step) ?? input.step } : input;
    for (const step of own.steps) {
      const next = { ...step, id: renamed.get(step.id) ?? step.id } as Step;
      if (next.inputs?.models) next.inputs = { ...next.inputs, models: next.inputs.models.map(fix) };
      if (next.kind === "merge" && next.baseModel) next.baseModel = fix(next.baseModel);
      if (step === own.producing) next.output = hubModelRef(endpoint, node.model, step.output);
      else if (next.output?.id === id) {
        // An earlier step of the same model cannot claim the model's id as its output.
        const { output: _o, ...rest } = next;
        steps.push(rest as Step);
        continue;
      }
      steps.push(next);
    }
  };
  visit(leafId);

  // Bases: every input id that no step produces.
  const outputs = new Set(steps.map((s) => s.output?.id).filter((v): v is string => v !== undefined));
  const bases: ModelRef[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    for (const input of stepModelInputs(step)) {
      if (input.id === undefined || outputs.has(input.id) || seen.has(input.id)) continue;
      seen.add(input.id);
      const node = nodes.get(input.id);
      const extracted = [...nodes.values()]
        .flatMap((n) => n.extract.document.bases)
        .find((b) => b.id === input.id);
      bases.push(node ? hubModelRef(endpoint, node.model, extracted) : (extracted ?? { id: input.id }));
    }
  }
  const leaf = nodes.get(leafId);
  if (!leaf) throw new Error(`joinChain: ${leafId} was not fetched`);
  if (steps.length === 0 && bases.length === 0) {
    // A model with no parent at all: the document is the model itself.
  }
  const document: LineageDocument = {
    format: FORMAT_V1,
    subject: hubModelRef(endpoint, leaf.model, leaf.extract.document.subject),
    bases,
    steps,
    ...(leaf.extract.document.description ? { description: leaf.extract.document.description } : {}),
    provenance: {
      source: "extracted",
      url: `${endpoint}/${leafId}`,
      by,
      note: `joined from ${nodes.size} model repositor${nodes.size === 1 ? "y" : "ies"} on ${endpoint}`,
    },
  };
  return { document, warnings };
}
