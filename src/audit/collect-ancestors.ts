/**
 * Walks a lineage document from its subject back to every base, merge parent, intermediate checkpoint and
 * dataset, and, through an upstream look-up (the registry or the Hub), into the documents of its bases.
 * Each ancestor carries its licence, where that licence came from, and its path to the subject.
 */
import { indexReferences, resolveInput, stepModelInputs } from "../model/graph.js";
import type { DatasetRef, LineageDocument, ModelRef } from "../schema/lineage.js";
import { impliedBase, impliedUpstreams } from "./implied.js";
import { datasetEntry, type FamilyMatch, familyFor } from "./knowledge.js";
import type { AncestorRole, LicenseOrigin, PathHop, StepRef } from "./report.js";
import { inferNonCommercial, knownEntries, resolveLicense } from "./resolve-license.js";

export type {
  Collected,
  CollectOptions,
  ModelLicense,
  Reach,
  SuppliedLicenses,
  UpstreamLookup,
} from "./collect-types.js";

import type { Collected, CollectOptions, ModelLicense, Reach } from "./collect-types.js";

/** The index of the step that produces the subject: the last step whose output is the subject, else the last step. */
export function terminalStep(doc: LineageDocument): number | undefined {
  for (let i = doc.steps.length - 1; i >= 0; i--) if (doc.steps[i]?.output?.id === doc.subject.id) return i;
  return doc.steps.length > 0 ? doc.steps.length - 1 : undefined;
}

/** Collects every ancestor of the document's subject with its licence. */
export async function collectAncestors(
  doc: LineageDocument,
  options: CollectOptions = {},
): Promise<Collected> {
  const maxDepth = options.maxDepth ?? 16;
  const reaches: Reach[] = [];
  const seen = new Set<string>();
  const unresolved: Collected["unresolved"] = [];
  const undocumented: StepRef[] = [];
  const upstreamDocuments: string[] = [];
  const lookups = new Map<string, LineageDocument | undefined>();

  const lookup = async (id: string): Promise<LineageDocument | undefined> => {
    if (!options.upstream) return undefined;
    if (!lookups.has(id)) lookups.set(id, (await options.upstream(id)) ?? undefined);
    return lookups.get(id);
  };

  const modelLicense = async (
    id: string,
    ref: ModelRef | undefined,
    prose: readonly string[] = [],
    intermediate = false,
  ): Promise<ModelLicense> => {
    const family = familyFor(id, !intermediate);
    const withFamily = family ? { family } : {};
    const read = (text: string | undefined, extra: { name?: string; link?: string } = {}) => {
      const resolved = resolveLicense(text, extra);
      return resolved ? inferNonCommercial(resolved, prose) : undefined;
    };
    if (ref?.license !== undefined || ref?.licenseName !== undefined) {
      const resolved = read(ref.license, {
        ...(ref.licenseName ? { name: ref.licenseName } : {}),
        ...(ref.licenseLink ? { link: ref.licenseLink } : {}),
      });
      const conflict =
        family?.entry.official && !knownEntries(resolved).some((e) => e.id === family.license.id);
      return {
        ...(resolved ? { resolved } : {}),
        from: "document",
        ...withFamily,
        ...(conflict ? { familyConflict: family } : {}),
      };
    }
    const supplied = options.models?.[id];
    if (supplied !== undefined) {
      const resolved = read(supplied);
      return { ...(resolved ? { resolved } : {}), from: "supplied", ...withFamily };
    }
    const fromRegistry = options.recorded?.models?.[id];
    if (fromRegistry !== undefined) {
      const resolved = read(fromRegistry);
      return { ...(resolved ? { resolved } : {}), from: "registry", ...withFamily };
    }
    const recordedDoc = await lookup(id);
    const recorded = recordedDoc?.subject;
    if (recorded && (recorded.license !== undefined || recorded.licenseName !== undefined)) {
      const resolved = resolveLicense(recorded.license, {
        name: recorded.licenseName,
        link: recorded.licenseLink,
      });
      const withProse = resolved && inferNonCommercial(resolved, [...prose, recordedDoc?.description ?? ""]);
      return { ...(withProse ? { resolved: withProse } : {}), from: "registry", ...withFamily };
    }
    if (family) {
      const resolved = resolveLicense(family.license.id);
      return {
        ...(resolved ? { resolved } : {}),
        from: family.entry.official ? "family" : "family-name",
        source: family.entry.source,
        family,
      };
    }
    const inherited = options.inherited;
    const resolved = inherited?.bases.has(id) ? resolveLicense(inherited.license) : undefined;
    if (inherited && resolved?.status === "known")
      return { resolved: { ...resolved, inferred: { evidence: inherited.quote } }, from: "document" };
    return { from: "none" };
  };

  const push = (reach: Reach, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    reaches.push(reach);
  };

  /** The upstream models a family entry names for `id` (e.g. the Llama behind a distill). */
  const addUpstreams = (id: string, family: FamilyMatch | undefined, path: PathHop[]): void => {
    if (!family) return;
    const official = family.entry.official;
    for (const up of family.entry.upstream ?? []) {
      const resolved = resolveLicense(up.license);
      push(
        {
          kind: "model",
          id: up.id,
          role: "upstream",
          path: [{ model: id }, ...path],
          via: `${id} was ${up.relation} it, per the family table${official ? "" : " (inferred from its name)"}`,
          license: up.license,
          ...(resolved ? { resolved } : {}),
          licenseFrom: official ? "family" : "family-name",
          licenseSource: family.entry.source,
        },
        `model:${up.id}`,
      );
    }
  };

  const addModel = async (
    id: string,
    ref: ModelRef | undefined,
    role: AncestorRole,
    step: StepRef | undefined,
    path: PathHop[],
    depth: number,
    visitedDocs: Set<string>,
  ): Promise<void> => {
    if (seen.has(`model:${id}`)) return;
    const lic = await modelLicense(id, ref, [], role === "intermediate");
    const base = { kind: "model" as const, id, role, ...(step ? { step } : {}), path };
    push(
      {
        ...base,
        ...(lic.resolved ? { license: lic.resolved.text, resolved: lic.resolved } : {}),
        licenseFrom: lic.from,
        ...(lic.source ? { licenseSource: lic.source } : {}),
        ...(lic.family ? { family: lic.family } : {}),
        ...(lic.familyConflict ? { familyConflict: lic.familyConflict } : {}),
      },
      `model:${id}`,
    );
    if (lic.familyConflict) {
      const fam = lic.familyConflict;
      const resolved = resolveLicense(fam.license.id);
      push(
        {
          ...base,
          license: fam.license.id,
          ...(resolved ? { resolved } : {}),
          licenseFrom: "family",
          licenseSource: fam.entry.source,
          family: fam,
        },
        `model-family:${id}`,
      );
    }
    if (lic.from === "family" || lic.familyConflict === undefined) addUpstreams(id, lic.family, path);
    if (role !== "intermediate" && depth < maxDepth && !visitedDocs.has(id)) {
      const upstreamDoc = await lookup(id);
      if (upstreamDoc && upstreamDoc.subject.id === id) {
        upstreamDocuments.push(id);
        await walk(upstreamDoc, path, id, depth + 1, new Set([...visitedDocs, id]));
      }
    }
  };

  const addDataset = (dataset: DatasetRef, step: StepRef, path: PathHop[]): void => {
    const label = dataset.id ?? dataset.description ?? "(unnamed dataset)";
    const key = `dataset:${label}@${step.document ?? ""}#${step.index}`;
    const base = { kind: "dataset" as const, id: label, role: "dataset" as const, step, path };
    const table = dataset.id ? datasetEntry(dataset.id) : undefined;
    let written: string | undefined;
    let from: LicenseOrigin = "none";
    let source: string | undefined;
    if (dataset.license !== undefined) {
      written = dataset.license;
      from = "document";
    } else if (dataset.id !== undefined && options.datasets?.[dataset.id] !== undefined) {
      written = options.datasets[dataset.id];
      from = "supplied";
    } else if (dataset.id !== undefined && options.recorded?.datasets?.[dataset.id] !== undefined) {
      written = options.recorded.datasets[dataset.id];
      from = "registry";
    } else if (table) {
      written = table.license;
      from = "dataset-table";
      source = table.source;
    }
    const resolved = resolveLicense(written);
    push(
      {
        ...base,
        ...(resolved ? { license: resolved.text, resolved } : {}),
        licenseFrom: from,
        ...(source ? { licenseSource: source } : {}),
      },
      key,
    );
    if (table?.outputsOf) {
      const terms = resolveLicense(table.outputsOf);
      push(
        {
          ...base,
          role: "data-terms",
          license: table.outputsOf,
          ...(terms ? { resolved: terms } : {}),
          licenseFrom: "dataset-table",
          licenseSource: table.source,
        },
        `${key}:terms`,
      );
    }
  };

  const walk = async (
    d: LineageDocument,
    suffix: PathHop[],
    docLabel: string | undefined,
    depth: number,
    visitedDocs: Set<string>,
  ): Promise<void> => {
    const index = indexReferences(d);
    const terminal = terminalStep(d);
    const visitedSteps = new Set<number>();
    const reachedBases = new Set<number>();
    const upstreamRole = (role: AncestorRole): AncestorRole => (depth > 0 ? "upstream" : role);

    const visitStep = async (i: number, after: PathHop[]): Promise<void> => {
      const step = d.steps[i];
      if (step === undefined || visitedSteps.has(i)) return;
      visitedSteps.add(i);
      const ref: StepRef = { index: i + 1, id: step.id, ...(docLabel ? { document: docLabel } : {}) };
      const produced = step.output?.id ?? (i === terminal ? d.subject.id : `output of step ${step.id}`);
      const hops: PathHop[] = [{ step: ref, model: produced }, ...after];
      const datasets = step.inputs?.datasets ?? [];
      if (step.kind === "fine-tune" && datasets.length === 0) undocumented.push(ref);
      for (const dataset of datasets) addDataset(dataset, ref, hops);
      for (const input of stepModelInputs(step)) {
        const role: AncestorRole =
          step.kind !== "merge" ? "base" : input === step.baseModel ? "merge-base" : "merge-parent";
        const r = resolveInput(input, index, d);
        if (r.kind === "base") {
          reachedBases.add(r.baseIndex);
          await addModel(r.id, d.bases[r.baseIndex], upstreamRole(role), ref, hops, depth, visitedDocs);
        } else if (r.kind === "step") {
          const out = d.steps[r.stepIndex]?.output;
          if (out?.id !== undefined && out.id !== d.subject.id)
            await addModel(out.id, out, upstreamRole("intermediate"), ref, hops, depth, visitedDocs);
          await visitStep(r.stepIndex, hops);
        } else {
          unresolved.push({ reference: r.reference, step: ref, path: hops });
        }
      }
    };

    if (terminal !== undefined) await visitStep(terminal, suffix);
    const subjectHop: PathHop[] = [{ model: d.subject.id }, ...suffix];
    for (const [i, base] of d.bases.entries()) {
      if (reachedBases.has(i) || base.id === d.subject.id) continue;
      await addModel(base.id, base, upstreamRole("base"), undefined, subjectHop, depth, visitedDocs);
    }
  };

  const terminal = terminalStep(doc);
  const terminalOutput = terminal !== undefined ? doc.steps[terminal]?.output : undefined;
  const subjectRef =
    doc.subject.license !== undefined || doc.subject.licenseName !== undefined
      ? doc.subject
      : terminalOutput?.id === doc.subject.id
        ? terminalOutput
        : doc.subject;
  seen.add(`model:${doc.subject.id}`);
  const subjectLicense = await modelLicense(doc.subject.id, subjectRef, options.subjectProse);
  addUpstreams(doc.subject.id, subjectLicense.family, []);
  await walk(doc, [], undefined, 0, new Set([doc.subject.id]));
  const implied = impliedBase(doc.subject, subjectLicense.family, reaches);
  if (implied) reaches.push(implied);
  reaches.push(...impliedUpstreams(reaches));
  // Farthest ancestors first (a stable sort keeps the walk's order among equals); steps in document order.
  reaches.sort((a, b) => b.path.length - a.path.length);
  undocumented.sort((a, b) => a.index - b.index);
  return {
    subject: { id: doc.subject.id, license: subjectLicense },
    reaches,
    unresolved,
    undocumented,
    upstreamDocuments,
    ...(implied ? { implied } : {}),
  };
}
