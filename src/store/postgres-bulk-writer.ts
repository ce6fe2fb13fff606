/**
 * The writer of a PostgreSQL bulk load (postgres-bulk.ts): every id assigned in memory (the registry was empty
 * and this is its only writer), each batch's rows sent with COPY FROM STDIN, one transaction per batch.
 */
import type pg from "pg";
import { stepBits } from "./closure.js";
import { CopyRows } from "./pg-copy.js";
import {
  claimRows,
  hashKey,
  type PlannedInput,
  RELATION_CODES,
  STEP_COLUMNS,
  stepRowValues,
} from "./plan.js";
import type { AddResult } from "./store.js";

/** The bulk writer of one store: ids in memory, rows by COPY. */
export class PgBulk {
  private readonly models = new Map<string, number>();
  private readonly datasets = new Map<string, number>();
  private readonly hkeys = new Set<number>();
  /** Model ids that are the subject of a document (ids rather than names: 2M names cost memory). */
  private readonly subjects = new Set<number>();
  private lastModel = 0;
  private lastDataset = 0;
  private lastDocument = 0;
  private lastStep = 0;

  /** Can this batch be written in bulk mode (no subject or content hash seen before, in it or earlier)? */
  canTake(plans: readonly PlannedInput[]): boolean {
    const subjects = new Set<string>();
    const hkeys = new Set<number>();
    for (const { plan } of plans) {
      const hkey = hashKey(plan.hash);
      const known = this.models.get(plan.subject);
      if ((known !== undefined && this.subjects.has(known)) || subjects.has(plan.subject)) return false;
      if (this.hkeys.has(hkey) || hkeys.has(hkey)) return false;
      subjects.add(plan.subject);
      hkeys.add(hkey);
    }
    return true;
  }

  private modelId(name: string, anonymous: boolean, rows: CopyRows): number {
    let id = this.models.get(name);
    if (id === undefined) {
      id = ++this.lastModel;
      this.models.set(name, id);
      rows.add(id, name, anonymous ? 1 : 0);
    }
    return id;
  }

  private datasetId(name: string, rows: CopyRows): number {
    let id = this.datasets.get(name);
    if (id === undefined) {
      id = ++this.lastDataset;
      this.datasets.set(name, id);
      rows.add(id, name);
    }
    return id;
  }

  /** Writes a batch that {@link canTake} accepted: every document is new and current. */
  async write(client: pg.PoolClient, plans: readonly PlannedInput[], addedAt: string): Promise<AddResult[]> {
    const t = {
      model: new CopyRows("model (id, name, anonymous)"),
      dataset: new CopyRows("dataset (id, name)"),
      document: new CopyRows("document (id, hkey, hash, source, subject, added_at, current)"),
      body: new CopyRows("document_body (id, body)"),
      step: new CopyRows(`step (id, document, ${STEP_COLUMNS})`),
      edge: new CopyRows("edge (parent, child, step, relation, bits)"),
      stepDataset: new CopyRows("step_dataset (step, dataset)"),
      claim: new CopyRows("license_claim (kind, entity, document, license, license_name, license_link)"),
      digest: new CopyRows("artefact_digest (value, algorithm, kind, entity, document, step_id, path)"),
      signature: new CopyRows("document_signature (document, key_id, verified, envelope)"),
    };
    const results = plans.map(({ plan, source, signature }, index) => {
      for (const [name, anonymous] of plan.models) this.modelId(name, anonymous, t.model);
      for (const name of plan.datasets) this.datasetId(name, t.dataset);
      for (const c of plan.datasetLicenses) this.datasetId(c.entity, t.dataset);
      const model = (name: string): number => this.modelId(name, false, t.model);
      const dataset = (name: string): number => this.datasetId(name, t.dataset);
      const hkey = hashKey(plan.hash);
      const id = ++this.lastDocument;
      this.hkeys.add(hkey);
      const subject = model(plan.subject);
      this.subjects.add(subject);
      t.document.add(id, hkey, plan.hash, source, subject, addedAt, 1);
      t.body.add(id, plan.body);
      for (const step of plan.steps) {
        const stepId = ++this.lastStep;
        const output = model(step.output);
        t.step.add(stepId, id, ...stepRowValues(step, output, { hash: plan.hash, source }));
        const bits = stepBits(step);
        for (const input of step.inputs)
          t.edge.add(model(input), output, stepId, RELATION_CODES[step.relation], bits);
        for (const name of step.datasets) t.stepDataset.add(stepId, dataset(name));
      }
      for (const row of claimRows(plan, id, model, dataset)) t.claim.add(...row);
      for (const r of plan.digests)
        t.digest.add(
          r.value,
          r.algorithm,
          r.kind,
          r.kind === 0 ? model(r.entity) : dataset(r.entity),
          id,
          r.stepId,
          r.path,
        );
      if (signature)
        t.signature.add(id, signature.keyId ?? null, signature.verified ? 1 : 0, signature.envelope);
      const result: AddResult = {
        index,
        status: "added",
        hash: plan.hash,
        subject: plan.subject,
        superseded: 0,
      };
      return result;
    });
    for (const rows of Object.values(t)) await rows.send(client);
    return results;
  }
}
