/**
 * Planned lines as one flat list of values, for the trip from an ingest worker to the writer thread
 * (ingest-worker.ts → ingest-workers.ts). A structured clone of the plans themselves writes every property
 * name of every small object (steps, licence rows, digests, Maps, Sets) and costs the writer as much to read
 * back; a flat list of strings and numbers costs a fraction on both sides. Values travel as they are (a
 * trusted line's fields are not checked for type), and an optional field that was absent comes back absent.
 */
import type { DigestRow } from "./digest-rows.js";
import type { LineEntry } from "./ingest-lines.js";
import type { DocumentPlan, LicenseRow, PlannedStep } from "./plan-types.js";

/** One flat list of a chunk's entries, in order. */
export type WireEntries = unknown[];

/** A list as its length and its items (a loop: spreading a long list into push() overflows the stack). */
function putList(
  out: unknown[],
  items: Iterable<unknown> & { readonly length?: number; readonly size?: number },
): void {
  out.push(items.length ?? items.size);
  for (const item of items) out.push(item);
}

function putLicenses(out: unknown[], rows: readonly LicenseRow[]): void {
  out.push(rows.length);
  for (const r of rows) out.push(r.entity, r.license, r.licenseName, r.licenseLink);
}

function putStep(out: unknown[], s: PlannedStep): void {
  out.push(s.stepId, s.kind, s.relation, s.name, s.objective, s.parameterization, s.method);
  out.push(s.hyperparameters, s.output);
  putList(out, s.inputs);
  putList(out, s.datasets);
}

function putPlan(out: unknown[], p: DocumentPlan): void {
  out.push(p.hash, p.body, p.subject, p.models.size);
  for (const [name, anonymous] of p.models) out.push(name, anonymous);
  putList(out, p.datasets);
  out.push(p.steps.length);
  for (const step of p.steps) putStep(out, step);
  putList(out, p.parents);
  putLicenses(out, p.modelLicenses);
  putLicenses(out, p.datasetLicenses);
  out.push(p.digests.length);
  for (const d of p.digests) out.push(d.kind, d.entity, d.stepId, d.path, d.algorithm, d.value);
}

/** The entries as one flat list (a signature, which no planned line has, is not carried). */
export function encodeEntries(entries: readonly LineEntry[]): WireEntries {
  const out: unknown[] = [];
  for (const entry of entries) {
    if ("message" in entry) out.push(0, entry.line, entry.message);
    else {
      out.push(1, entry.line, entry.planned.source);
      putPlan(out, entry.planned.plan);
    }
  }
  return out;
}

/** Reads values off a flat list in order. */
class Reader {
  at = 0;
  constructor(private readonly values: WireEntries) {}
  next<T>(): T {
    return this.values[this.at++] as T;
  }
  list<T>(): T[] {
    const n = this.next<number>();
    const items = this.values.slice(this.at, this.at + n) as T[];
    this.at += n;
    return items;
  }
  get done(): boolean {
    return this.at >= this.values.length;
  }
}

function getLicenses(r: Reader): LicenseRow[] {
  const rows: LicenseRow[] = [];
  for (let n = r.next<number>(); n > 0; n--) {
    const row: LicenseRow = { entity: r.next(), license: r.next() };
    const name = r.next<string | undefined>();
    const link = r.next<string | undefined>();
    if (name !== undefined) row.licenseName = name;
    if (link !== undefined) row.licenseLink = link;
    rows.push(row);
  }
  return rows;
}

function getStep(r: Reader): PlannedStep {
  const stepId = r.next<string>();
  const kind = r.next<PlannedStep["kind"]>();
  const relation = r.next<PlannedStep["relation"]>();
  const optional = [r.next(), r.next(), r.next(), r.next()] as (string | undefined)[];
  const hyperparameters = r.next<string | undefined>();
  const step: PlannedStep = {
    stepId,
    kind,
    relation,
    output: r.next(),
    inputs: r.list(),
    datasets: r.list(),
  };
  const [name, objective, parameterization, method] = optional;
  if (name !== undefined) step.name = name;
  if (objective !== undefined) step.objective = objective;
  if (parameterization !== undefined) step.parameterization = parameterization;
  if (method !== undefined) step.method = method;
  if (hyperparameters !== undefined) step.hyperparameters = hyperparameters;
  return step;
}

function getPlan(r: Reader): DocumentPlan {
  const hash = r.next<string>();
  const body = r.next<string>();
  const subject = r.next<string>();
  const models = new Map<string, boolean>();
  for (let n = r.next<number>(); n > 0; n--) models.set(r.next(), r.next());
  const datasets = new Set(r.list<string>());
  const steps: PlannedStep[] = [];
  for (let n = r.next<number>(); n > 0; n--) steps.push(getStep(r));
  const parents = r.list<string>();
  const modelLicenses = getLicenses(r);
  const datasetLicenses = getLicenses(r);
  const digests: DigestRow[] = [];
  for (let n = r.next<number>(); n > 0; n--)
    digests.push({
      kind: r.next(),
      entity: r.next(),
      stepId: r.next(),
      path: r.next(),
      algorithm: r.next(),
      value: r.next(),
    });
  return { hash, body, subject, models, datasets, steps, parents, modelLicenses, datasetLicenses, digests };
}

/** The entries of a flat list made by {@link encodeEntries}. */
export function decodeEntries(values: WireEntries): LineEntry[] {
  const r = new Reader(values);
  const entries: LineEntry[] = [];
  while (!r.done) {
    const tag = r.next<number>();
    const line = r.next<number>();
    if (tag === 0) entries.push({ line, message: r.next() });
    else {
      const source = r.next<string>();
      entries.push({ line, planned: { plan: getPlan(r), source } });
    }
  }
  return entries;
}
