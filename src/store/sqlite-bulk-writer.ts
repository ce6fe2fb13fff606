/**
 * The rows of a bulk load into an empty SQLite registry (sqlite-store.ts's bulk mode): the writer assigns
 * model, document and step ids itself (it is the only writer, and the tables started empty) and collects the
 * rows into multi-row INSERT statements, flushed at the end of every batch, inside its transaction. The rows
 * are those the incremental path writes, with the same ids (SQLite would assign max(id) + 1 too).
 */
import type Database from "better-sqlite3";
import { stepBits } from "./closure.js";
import { claimRows, type DocumentPlan, RELATION_CODES, STEP_COLUMNS, stepRowValues } from "./plan.js";
import { RowInserter } from "./sqlite-bulk.js";

type Db = Database.Database;

export class SqliteBulkWriter {
  /** Every model of the registry, name → id (the registry was empty when bulk mode began). */
  readonly models = new Map<string, number>();
  private lastModel = 0;
  private lastDocument = 0;
  private lastStep = 0;
  private readonly model: RowInserter;
  private readonly document: RowInserter;
  private readonly body: RowInserter;
  private readonly step: RowInserter;
  private readonly edge: RowInserter;
  private readonly stepDataset: RowInserter;
  private readonly claim: RowInserter;

  constructor(db: Db) {
    this.model = new RowInserter(db, "model (id, name, anonymous)", 3);
    this.document = new RowInserter(db, "document (id, hkey, hash, source, subject, added_at, current)", 7);
    this.body = new RowInserter(db, "document_body (id, body)", 2);
    this.step = new RowInserter(db, `step (id, document, ${STEP_COLUMNS})`, 13);
    this.edge = new RowInserter(db, "edge (parent, child, step, relation, bits)", 5);
    this.stepDataset = new RowInserter(db, "step_dataset (step, dataset)", 2);
    this.claim = new RowInserter(
      db,
      "license_claim (kind, entity, document, license, license_name, license_link)",
      6,
    );
  }

  /** The id of a model, registering it if new; `created` tells whether this call did. */
  modelId(name: string, anonymous = false): { id: number; created: boolean } {
    const known = this.models.get(name);
    if (known !== undefined) return { id: known, created: false };
    const id = ++this.lastModel;
    this.models.set(name, id);
    this.model.add(id, name, anonymous ? 1 : 0);
    return { id, created: true };
  }

  /** The id of the last document written. */
  get last(): number {
    return this.lastDocument;
  }

  /**
   * Writes a new current document's rows, in the incremental path's order (which decides new models' ids);
   * `integrity` writes its digests and signature, between its steps and its licence claims.
   */
  add(
    plan: DocumentPlan,
    row: { hkey: number; source: string; subject: number; addedAt: string },
    datasetId: (name: string) => number,
    integrity: (documentId: number) => void,
  ): number {
    const documentId = ++this.lastDocument;
    this.document.add(documentId, row.hkey, plan.hash, row.source, row.subject, row.addedAt, 1);
    this.body.add(documentId, plan.body);
    const model = (name: string): number => this.modelId(name, plan.models.get(name) ?? false).id;
    for (const step of plan.steps) {
      const output = model(step.output);
      const stepId = ++this.lastStep;
      this.step.add(
        stepId,
        documentId,
        ...stepRowValues(step, output, { hash: plan.hash, source: row.source }),
      );
      const relation = RELATION_CODES[step.relation];
      const bits = stepBits(step);
      for (const input of step.inputs) this.edge.add(model(input), output, stepId, relation, bits);
      for (const dataset of step.datasets) this.stepDataset.add(stepId, datasetId(dataset));
    }
    integrity(documentId);
    for (const row of claimRows(plan, documentId, model, datasetId)) this.claim.add(...row);
    // Models named only as bases (no step uses them) are still registered.
    for (const name of plan.models.keys()) model(name);
    return documentId;
  }

  /** Writes the collected rows (at the end of a batch, and before anything reads the tables). */
  flush(): void {
    for (const inserter of [
      this.model,
      this.document,
      this.body,
      this.step,
      this.edge,
      this.stepDataset,
      this.claim,
    ])
      inserter.flush();
  }
}
