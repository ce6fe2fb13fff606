/**
 * Schema version 6 (issue 13): the closure per dataset and its counts (dataset-closure.ts), so that the
 * model-tree view filtered by a dataset reads an index range and a few counts instead of looking up every use
 * of the dataset. Upgrading a version 5 registry computes them from its closure, edges and step datasets, in
 * the migration's transaction. Released: never edit.
 */
import { datasetRowsSql } from "./dataset-closure.js";
import type { Migration } from "./migrations.js";

const DESCRIPTION =
  "closure_dataset and dataset_count: the closure per dataset with its counts (the model-tree view filtered by a dataset without a scan)";

const COUNTS = `INSERT INTO dataset_count (model, dataset, relation, n)
SELECT ancestor, dataset, relation, COUNT(*) FROM closure_dataset GROUP BY ancestor, dataset, relation`;

export const SQLITE_V6: Migration = {
  version: 6,
  description: DESCRIPTION,
  statements: [
    `CREATE TABLE closure_dataset (descendant INTEGER NOT NULL, ancestor INTEGER NOT NULL, dataset INTEGER NOT NULL,
      depth INTEGER NOT NULL, relation INTEGER NOT NULL, PRIMARY KEY (descendant, ancestor, dataset)) WITHOUT ROWID`,
    `CREATE TABLE dataset_count (model INTEGER NOT NULL, dataset INTEGER NOT NULL, relation INTEGER NOT NULL,
      n INTEGER NOT NULL, PRIMARY KEY (model, dataset, relation)) WITHOUT ROWID`,
    datasetRowsSql("sqlite"),
    "CREATE INDEX closure_dataset_down ON closure_dataset (ancestor, dataset, depth, descendant, relation)",
    COUNTS,
  ],
};

export const POSTGRES_V6: Migration = {
  version: 6,
  description: DESCRIPTION,
  statements: [
    `CREATE TABLE closure_dataset (descendant integer NOT NULL, ancestor integer NOT NULL, dataset integer NOT NULL,
      depth integer NOT NULL, relation integer NOT NULL, PRIMARY KEY (descendant, ancestor, dataset))`,
    `CREATE TABLE dataset_count (model integer NOT NULL, dataset integer NOT NULL, relation integer NOT NULL,
      n integer NOT NULL, PRIMARY KEY (model, dataset, relation))`,
    datasetRowsSql("postgres"),
    "CREATE INDEX closure_dataset_down ON closure_dataset (ancestor, dataset, depth, descendant) INCLUDE (relation)",
    COUNTS,
  ],
};
