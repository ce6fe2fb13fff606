/**
 * Audits over the registry: a model's whole ancestry as one document (every step edge the store knows, with
 * the licences current documents declare), and the `licenseConflicts` filter behind
 * `ftl query descendants ID --license-conflicts`.
 */
import type { DatasetRef, LineageDocument, ModelRef, Step } from "../schema/lineage.js";
import type {
  DescendantsOptions,
  DescendantsResult,
  LicenseClaim,
  Relation,
  StepEdge,
  Store,
} from "../store/store.js";
import { type AuditOptions, auditLineage } from "./audit-lineage.js";
import type { SuppliedLicenses } from "./collect-ancestors.js";
import type { AuditFinding, AuditReport, FindingCode } from "./report.js";

const claimFields = (
  claims: LicenseClaim[] | undefined,
): Pick<ModelRef, "license" | "licenseName" | "licenseLink"> => {
  const claim = claims?.[0];
  if (!claim) return {};
  return {
    license: claim.license,
    ...(claim.licenseName ? { licenseName: claim.licenseName } : {}),
    ...(claim.licenseLink && URL.canParse(claim.licenseLink) ? { licenseLink: claim.licenseLink } : {}),
  };
};

/**
 * Builds one lineage document for a registered model from its ancestry in the store: bases are its roots,
 * steps are the store's step edges grouped by (document, step, output), farthest first. Returns undefined
 * for an unknown model.
 */
export async function documentFromStore(
  store: Store,
  id: string,
): Promise<{ document: LineageDocument; complete: boolean } | undefined> {
  if ((await store.model(id)) === undefined) return undefined;
  const ancestry = await store.ancestors(id);
  const depth = new Map<string, number>([[id, 0], ...ancestry.models.map((m) => [m.id, m.depth] as const)]);
  const datasetIds = [...new Set(ancestry.steps.flatMap((s) => s.datasets))];
  const licenses = await store.licenses({ models: [...depth.keys()], datasets: datasetIds });
  const model = (modelId: string): ModelRef => ({ id: modelId, ...claimFields(licenses.models[modelId]) });
  const groups = new Map<string, StepEdge[]>();
  for (const edge of ancestry.steps) {
    const key = `${edge.document}\u0000${edge.stepId}\u0000${edge.child}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => (depth.get(b[0]!.child) ?? 0) - (depth.get(a[0]!.child) ?? 0),
  );
  const usedIds = new Set<string>();
  const steps: Step[] = ordered.map((edges, i) => {
    const first = edges[0]!;
    const datasets: DatasetRef[] = [...new Set(edges.flatMap((e) => e.datasets))].map((d) => {
      const claim = licenses.datasets[d]?.[0];
      return { id: d, ...(claim ? { license: claim.license } : {}) };
    });
    const inputs = {
      models: [...new Set(edges.map((e) => e.parent))].map((p) => ({ id: p })),
      ...(datasets.length > 0 ? { datasets } : {}),
    };
    const valid = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/.test(first.stepId);
    const stepId =
      valid && !usedIds.has(first.stepId) ? first.stepId : `${valid ? first.stepId : "step"}-${i + 1}`;
    usedIds.add(stepId);
    return { id: stepId, kind: first.kind, inputs, output: model(first.child) } as Step;
  });
  const document: LineageDocument = {
    format: "ftl/v1",
    subject: model(id),
    bases: ancestry.roots.map(model),
    steps,
  };
  return { document, complete: ancestry.complete };
}

/** Audits a registered model; undefined when the registry does not know it. */
export async function auditFromStore(
  store: Store,
  id: string,
  options: AuditOptions = {},
): Promise<AuditReport | undefined> {
  const built = await documentFromStore(store, id);
  if (!built) return undefined;
  return auditLineage(built.document, { ...options, ...(built.complete ? {} : { complete: false }) });
}

/** A model whose declared licence conflicts with what it inherits. */
export interface LicenseConflict {
  id: string;
  license?: string;
  findings: AuditFinding[];
}

/**
 * Of the given models, those whose declared licence conflicts with what they inherit (`license-conflict`
 * findings; `codes` widens it, e.g. to `naming-rule`), in the order given. For `ftl query descendants ID --license-conflicts`: pass the
 * descendants' ids.
 *
 * @example
 * const { models } = await store.descendants("meta-llama/Llama-3.1-8B");
 * const conflicts = await licenseConflicts(store, models.map((m) => m.id));
 */
export async function licenseConflicts(
  store: Store,
  ids: readonly string[],
  options: AuditOptions & { codes?: readonly FindingCode[] } = {},
): Promise<LicenseConflict[]> {
  const codes = options.codes ?? ["license-conflict"];
  const out: LicenseConflict[] = [];
  for (const id of ids) {
    const report = await auditFromStore(store, id, options);
    if (!report) continue;
    const findings = report.findings.filter((f) => codes.includes(f.code));
    if (findings.length > 0)
      out.push({ id, ...(report.subject.license ? { license: report.subject.license } : {}), findings });
  }
  return out;
}

/** Descendants of a model, filtered to those with licence conflicts, with the findings of each. */
export type LicenseConflictDescendants = DescendantsResult & { conflicts: LicenseConflict[] };

/**
 * `ftl query descendants ID --license-conflicts`: the descendants (with every other filter of
 * `store.descendants`) whose declared licence conflicts with what they inherit. Totals and counts cover the
 * conflicting descendants; `limit` applies after filtering.
 *
 * @example
 * const result = await descendantsWithLicenseConflicts(store, "meta-llama/Llama-3.1-8B", { limit: 20 });
 * io.stdout(formatLicenseConflicts(result));
 */
export async function descendantsWithLicenseConflicts(
  store: Store,
  id: string,
  options: DescendantsOptions = {},
  auditOptions: AuditOptions = {},
): Promise<LicenseConflictDescendants> {
  const { limit, ...rest } = options;
  const all = await store.descendants(id, rest);
  const conflicts = await licenseConflicts(
    store,
    all.models.map((m) => m.id),
    auditOptions,
  );
  const conflicting = new Set(conflicts.map((c) => c.id));
  const models = all.models.filter((m) => conflicting.has(m.id));
  const counts = { finetune: 0, adapter: 0, merge: 0, quantized: 0 } satisfies Record<Relation, number>;
  for (const m of models) counts[m.relation]++;
  const shown = limit === undefined ? models : models.slice(0, limit);
  const shownIds = new Set(shown.map((m) => m.id));
  return {
    ...all,
    total: models.length,
    counts,
    models: shown,
    truncated: shown.length < models.length,
    conflicts: conflicts.filter((c) => shownIds.has(c.id)),
  };
}

/** The conflicting descendants as text: one line per model, then its conflict findings. */
export function formatLicenseConflicts(result: LicenseConflictDescendants): string {
  const lines = [
    `${result.id}: ${result.total} descendant${result.total === 1 ? "" : "s"} with licence conflicts`,
  ];
  const byId = new Map(result.conflicts.map((c) => [c.id, c]));
  for (const m of result.models) {
    const conflict = byId.get(m.id);
    lines.push(
      `  ${String(m.depth).padStart(3)}  ${m.relation.padEnd(9)}  ${m.id} — declares ${conflict?.license ?? "no licence"}`,
    );
    for (const f of conflict?.findings ?? []) lines.push(`        ✗ ${f.message}`);
  }
  if (result.truncated)
    lines.push(`  … ${result.total - result.models.length} more (--limit all to list them)`);
  return lines.join("\n");
}

/**
 * Licences the registry records for the models and datasets a document names without a licence (the first
 * claim of current documents), to pass as `recorded` to `auditLineage`.
 */
export async function recordedLicenses(store: Store, doc: LineageDocument): Promise<SuppliedLicenses> {
  const models = new Set<string>();
  const datasets = new Set<string>();
  const note = (ref: ModelRef | undefined) => {
    if (ref && ref.license === undefined && ref.licenseName === undefined) models.add(ref.id);
  };
  note(doc.subject);
  for (const base of doc.bases) note(base);
  for (const step of doc.steps) {
    note(step.output);
    for (const d of step.inputs?.datasets ?? [])
      if (d.id !== undefined && d.license === undefined) datasets.add(d.id);
  }
  if (models.size === 0 && datasets.size === 0) return {};
  const claims = await store.licenses({ models: [...models], datasets: [...datasets] });
  const first = (map: Record<string, LicenseClaim[]>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(map).flatMap(([id, list]) => {
        const claim = list[0];
        if (!claim) return [];
        const text = claim.license === "other" && claim.licenseName ? claim.licenseName : claim.license;
        return [[id, text] as const];
      }),
    );
  return { models: first(claims.models), datasets: first(claims.datasets) };
}
