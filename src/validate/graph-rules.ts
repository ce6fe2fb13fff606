/**
 * Graph rules: steps form a DAG that ends at the subject's checkpoint; every input model is a base or an
 * earlier step's output; no cycles, no dangling or duplicate ids; merges have at least two inputs.
 */

import { indexReferences, resolveInput, stepModelInputs } from "../model/graph.js";
import { UNKNOWN_MODEL_ID } from "../model/refs.js";
import type { LineageDocument } from "../schema/lineage.js";
import { issue, type ValidationIssue } from "./issue.js";

function duplicates<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k === undefined) return;
    seen.set(k, [...(seen.get(k) ?? []), i]);
  });
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

/** Finds the cycles in a dependency graph given as adjacency lists (node → nodes it depends on). */
function findCycles(edges: readonly (readonly number[])[]): number[][] {
  const state = new Array<0 | 1 | 2>(edges.length).fill(0);
  const stack: number[] = [];
  const cycles: number[][] = [];
  const visit = (node: number): void => {
    state[node] = 1;
    stack.push(node);
    for (const next of edges[node] ?? []) {
      if (state[next] === 1) cycles.push(stack.slice(stack.indexOf(next)));
      else if (state[next] === 0) visit(next);
    }
    stack.pop();
    state[node] = 2;
  };
  for (let node = 0; node < edges.length; node++) if (state[node] === 0) visit(node);
  return cycles;
}

export function graphIssues(doc: LineageDocument): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const { steps, bases } = doc;

  for (const [id, at] of duplicates(bases, (b) => b.id)) {
    out.push(
      issue(
        "error",
        "graph.duplicate-id",
        `bases[${at[1]}].id`,
        `bases[${at[1]}].id: base "${id}" is listed ${at.length} times`,
      ),
    );
  }
  for (const [id, at] of duplicates(steps, (s) => s.id)) {
    for (const i of at.slice(1))
      out.push(
        issue(
          "error",
          "graph.duplicate-id",
          `steps[${i}].id`,
          `steps[${i}].id: step id "${id}" is already used by steps[${at[0]}]`,
        ),
      );
  }
  for (const [id, at] of duplicates(steps, (s) => s.output?.id)) {
    for (const i of at.slice(1))
      out.push(
        issue(
          "error",
          "graph.duplicate-output",
          `steps[${i}].output.id`,
          `steps[${i}].output.id: checkpoint "${id}" is also the output of steps[${at[0]}]; every step produces its own checkpoint`,
        ),
      );
  }
  const baseIds = new Set(bases.map((b) => b.id));
  steps.forEach((step, i) => {
    const out_ = step.output?.id;
    if (out_ !== undefined && baseIds.has(out_))
      out.push(
        issue(
          "error",
          "graph.duplicate-output",
          `steps[${i}].output.id`,
          `steps[${i}].output.id: "${out_}" is also listed as a base; a base has no recorded history in this document`,
        ),
      );
  });

  const index = indexReferences(doc);
  const dependsOn: number[][] = steps.map(() => []);
  const consumed = new Set<number>();
  const usedBases = new Set<number>();
  const later: { from: number; to: number; path: string }[] = [];

  steps.forEach((step, i) => {
    const inputs = step.inputs?.models ?? [];
    const all = stepModelInputs(step);
    all.forEach((input, k) => {
      const path = k < inputs.length ? `steps[${i}].inputs.models[${k}]` : `steps[${i}].baseModel`;
      const resolved = resolveInput(input, index, doc);
      if (resolved.kind === "unresolved") {
        out.push(
          resolved.reason === "unknown-step"
            ? issue(
                "error",
                "graph.dangling",
                `${path}.step`,
                `${path}.step: refers to step "${resolved.reference}", which does not exist`,
              )
            : issue(
                "error",
                "graph.dangling",
                `${path}.id`,
                `${path}.id: "${resolved.reference}" is neither a base nor the output of an earlier step (add it to \`bases\` or fix the id)`,
              ),
        );
        return;
      }
      if (resolved.kind === "base") {
        usedBases.add(resolved.baseIndex);
        return;
      }
      dependsOn[i]?.push(resolved.stepIndex);
      consumed.add(resolved.stepIndex);
      if (resolved.stepIndex === i) return; // reported as a cycle
      if (resolved.stepIndex > i) later.push({ from: i, to: resolved.stepIndex, path });
    });

    const modelCount = inputs.length;
    if (step.kind === "merge" && modelCount < 2)
      out.push(
        issue(
          "error",
          "graph.merge-inputs",
          `steps[${i}].inputs.models`,
          `steps[${i}].inputs.models: a merge combines at least two models, got ${modelCount}`,
        ),
      );
    if ((step.kind === "fine-tune" || step.kind === "quantization") && modelCount > 1)
      out.push(
        issue(
          "error",
          "graph.too-many-inputs",
          `steps[${i}].inputs.models`,
          `steps[${i}].inputs.models: a ${step.kind} step starts from one model, got ${modelCount} (use a merge step to combine models)`,
        ),
      );
    if (step.kind === "adapter-merge" && modelCount > 2)
      out.push(
        issue(
          "error",
          "graph.too-many-inputs",
          `steps[${i}].inputs.models`,
          `steps[${i}].inputs.models: an adapter merge takes a base and an adapter, got ${modelCount} models`,
        ),
      );
  });

  const cycles = findCycles(dependsOn);
  const inCycle = new Set(cycles.flat());
  for (const cycle of cycles) {
    const names = cycle.map((s) => `"${steps[s]?.id}"`);
    const first = cycle[0] ?? 0;
    out.push(
      issue(
        "error",
        "graph.cycle",
        `steps[${first}]`,
        cycle.length === 1
          ? `steps[${first}]: step ${names[0]} takes its own output as input`
          : `steps[${first}]: steps ${names.join(" → ")} → ${names[0]} form a cycle`,
      ),
    );
  }
  for (const { from, to, path } of later) {
    if (inCycle.has(from) && inCycle.has(to)) continue;
    out.push(
      issue(
        "error",
        "graph.order",
        path,
        `${path}: uses the output of steps[${to}] ("${steps[to]?.id}"), which comes later; list steps in the order they ran`,
      ),
    );
  }

  if (steps.length > 0) {
    const ends = steps.map((_, i) => i).filter((i) => !consumed.has(i));
    if (ends.length > 1) {
      const names = ends.map((i) => `"${steps[i]?.id}"`).join(", ");
      out.push(
        issue(
          "error",
          "graph.multiple-ends",
          "steps",
          `steps: the outputs of steps ${names} are not used by any later step; a lineage ends at one checkpoint, the subject`,
        ),
      );
    }
    const last = steps.length - 1;
    const finalId = steps[last]?.output?.id;
    // An unknown subject (no file named the model) is reported by classification, not as a mismatch.
    if (finalId !== undefined && finalId !== doc.subject.id && doc.subject.id !== UNKNOWN_MODEL_ID)
      out.push(
        issue(
          "error",
          "graph.subject-mismatch",
          `steps[${last}].output.id`,
          `steps[${last}].output.id: the chain ends at "${finalId}" but the subject is "${doc.subject.id}"`,
        ),
      );
    bases.forEach((base, i) => {
      if (!usedBases.has(i) && !baseIds.has(doc.subject.id))
        out.push(
          issue(
            "warning",
            "graph.unused-base",
            `bases[${i}]`,
            `bases[${i}]: base "${base.id}" is not the input of any step`,
          ),
        );
    });
  }
  return out;
}
