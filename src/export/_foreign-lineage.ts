/**
 * Lineage from files other tools wrote: models that name their parents (CycloneDX `pedigree.ancestors`, SPDX
 * `descendantOf`/`ancestorOf`) and the datasets they were trained on. The method of each derivation is not
 * in such files, which the warnings say.
 */
import { FORMAT_V1 } from "../model/vocabulary.js";
import type { DatasetRef, Hyperparameters, LineageDocument, ModelRef, Step } from "../schema/lineage.js";

export interface ForeignModel {
  id: string;
  /** Where in the file, e.g. `components[2]`. */
  where: string;
  ref: Partial<ModelRef>;
  parents: string[];
  datasets: DatasetRef[];
  /** Hyperparameters the file states for the model's training (SPDX `ai_hyperparameter`). */
  hyperparameters?: Hyperparameters;
}

/**
 * Walks from the subject up through parents, so that steps come out in the order they ran.
 * A model with parents becomes the output of a step (a merge for several parents); a model without parents
 * but with datasets is a step without an input model; anything else is a base.
 */
export function lineageFromParents(
  models: ForeignModel[],
  subject: ForeignModel,
  fileName: string,
  warnings: string[],
): LineageDocument {
  const provenance = (field: string) => ({ source: "extracted" as const, file: fileName, field });
  const byId = new Map(models.map((m) => [m.id, m]));
  const steps: Step[] = [];
  const bases = new Map<string, ModelRef>();
  const done = new Set<string>();
  const visit = (model: ForeignModel, depth: number): void => {
    if (done.has(model.id) || depth > 256) return;
    done.add(model.id);
    if (model.parents.length === 0 && model.datasets.length === 0) {
      if (model === subject)
        warnings.push(
          `${model.where} (${model.id}): names no parent model and no training data: the file does not say what the model was derived from`,
        );
      else bases.set(model.id, { ...model.ref, id: model.id, provenance: provenance(model.where) });
      return;
    }
    for (const parent of model.parents) {
      const known = byId.get(parent);
      if (known) visit(known, depth + 1);
      else if (!done.has(parent)) {
        done.add(parent);
        bases.set(parent, { id: parent, provenance: provenance(model.where) });
      }
    }
    warnings.push(
      model.parents.length === 0
        ? `${model.where} (${model.id}): names training data but no parent model; recorded as a step without an input model`
        : `${model.where} (${model.id}): names its parent model(s) but not the method (objective, parameterisation, hyperparameters are unknown)`,
    );
    const inputs: Record<string, unknown> = {};
    if (model.parents.length > 0) inputs.models = model.parents.map((id) => ({ id }));
    if (model.datasets.length > 0) inputs.datasets = model.datasets;
    const common = {
      id: `step-${steps.length + 1}`,
      inputs,
      output:
        model === subject
          ? { id: model.id }
          : { ...model.ref, id: model.id, provenance: provenance(model.where) },
      provenance: provenance(model.where),
      ...(model.hyperparameters ? { hyperparameters: model.hyperparameters } : {}),
    };
    steps.push(
      (model.parents.length >= 2
        ? { kind: "merge", ...common }
        : model.parents.length === 1 && model.datasets.length > 0
          ? { kind: "fine-tune", ...common }
          : {
              kind: "other",
              description:
                model.parents.length === 0
                  ? "training (base model not named)"
                  : "derivation (method not named)",
              ...common,
            }) as Step,
    );
  };
  visit(subject, 0);
  return {
    format: FORMAT_V1,
    subject: { ...subject.ref, id: subject.id, provenance: provenance(subject.where) },
    bases: [...bases.values()],
    steps,
  };
}
