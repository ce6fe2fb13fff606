/**
 * The rows of one document on SQLite's incremental path (sqlite-store.ts; a bulk load has its own writer,
 * sqlite-bulk-writer.ts): steps with their edges and datasets, licence claims, digests and signature, and
 * the retirement of a document that a newer one for the same subject and source replaces. Every new edge
 * and every removed one is reported to the closure's maintenance (sqlite-closure.ts).
 */
import type Database from "better-sqlite3";
import { stepBits } from "./closure.js";
import { claimRows, type DocumentPlan, RELATION_CODES, STEP_COLUMNS, stepRowValues } from "./plan.js";
import type { SqliteClosure } from "./sqlite-closure.js";
import type { AddInput } from "./store.js";

/** Ids of names, registering new ones (the store's caches). */
export interface Ids {
  model(name: string): number;
  dataset(name: string): number;
}

export class SqliteRows {
  constructor(
    private readonly prepare: (sql: string) => Database.Statement,
    private readonly closure: SqliteClosure,
  ) {}

  /** Takes a document out of the graph (its row and body stay, as history). */
  retire(documentId: number): void {
    const steps = this.prepare("SELECT id, output FROM step WHERE document = ?").all(documentId) as {
      id: number;
      output: number;
    }[];
    for (const step of steps) {
      this.closure.edgeRemoved(step.output);
      this.prepare("DELETE FROM edge WHERE child = ? AND step = ?").run(step.output, step.id);
      this.prepare("DELETE FROM step_dataset WHERE step = ?").run(step.id);
    }
    this.prepare("DELETE FROM step WHERE document = ?").run(documentId);
    this.prepare("DELETE FROM license_claim WHERE document = ?").run(documentId);
    this.prepare("DELETE FROM artefact_digest WHERE document = ?").run(documentId);
    this.prepare("UPDATE document SET current = 0 WHERE id = ?").run(documentId);
  }

  /** The document's steps, their edges (new ones reported to the closure) and datasets. */
  steps(plan: DocumentPlan, documentId: number, ids: Ids, source: string): void {
    const insertStep = this.prepare(
      `INSERT INTO step (document, ${STEP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEdge = this.prepare(
      "INSERT INTO edge (parent, child, step, relation, bits) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    );
    const insertStepDataset = this.prepare(
      "INSERT INTO step_dataset (step, dataset) VALUES (?, ?) ON CONFLICT DO NOTHING",
    );
    for (const step of plan.steps) {
      const output = ids.model(step.output);
      const stepRow = insertStep.run(documentId, ...stepRowValues(step, output, { hash: plan.hash, source }));
      const stepId = Number(stepRow.lastInsertRowid);
      const relation = RELATION_CODES[step.relation];
      const bits = stepBits(step);
      for (const input of step.inputs) {
        const parent = ids.model(input);
        if (insertEdge.run(parent, output, stepId, relation, bits).changes > 0)
          this.closure.edgeAdded(output, { parent, relation, bits, step: stepId });
      }
      for (const dataset of step.datasets) insertStepDataset.run(stepId, ids.dataset(dataset));
    }
  }

  /** The licences the document states for models and datasets. */
  claims(plan: DocumentPlan, documentId: number, ids: Ids): void {
    const insertClaim = this.prepare(
      "INSERT INTO license_claim (kind, entity, document, license, license_name, license_link) VALUES (?, ?, ?, ?, ?, ?)",
    );
    for (const row of claimRows(plan, documentId, ids.model, ids.dataset)) insertClaim.run(...row);
  }

  /** The document's digests and signature, beside its other rows. */
  integrity(plan: DocumentPlan, documentId: number, ids: Ids, signature?: AddInput["signature"]): void {
    if (plan.digests.length > 0) {
      const insert = this.prepare(
        "INSERT INTO artefact_digest (value, algorithm, kind, entity, document, step_id, path) VALUES (?, ?, ?, ?, ?, ?, ?)",
      );
      for (const r of plan.digests) {
        const entity = r.kind === 0 ? ids.model(r.entity) : ids.dataset(r.entity);
        insert.run(r.value, r.algorithm, r.kind, entity, documentId, r.stepId, r.path);
      }
    }
    if (signature)
      this.prepare(
        "INSERT INTO document_signature (document, key_id, verified, envelope) VALUES (?, ?, ?, ?)",
      ).run(documentId, signature.keyId ?? null, signature.verified ? 1 : 0, signature.envelope);
  }
}
