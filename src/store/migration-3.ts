/**
 * Schema version 3 (issue 13): the closure of the model graph with per-relation descendant counts, step bits
 * on edges, and lower-cased name indexes for case-insensitive prefix search. Upgrading a version 2 registry
 * computes the closure and the counts from its edges, in the migration's transaction. Released: never edit.
 */
import { stepBitsSql, walkUpSql } from "./closure.js";
import type { Migration } from "./migrations.js";

const DESCRIPTION =
  "the closure of the model graph with per-relation descendant counts (the model-tree view without walks), step bits on edges, lower-cased name indexes for search";

const COUNTS =
  "INSERT INTO tree_count (model, relation, n) SELECT ancestor, relation, COUNT(*) FROM closure GROUP BY ancestor, relation";

export const SQLITE_V3: Migration = {
  version: 3,
  description: DESCRIPTION,
  statements: [
    "ALTER TABLE edge ADD COLUMN bits INTEGER NOT NULL DEFAULT 0",
    `UPDATE edge SET bits = (SELECT ${stepBitsSql()} FROM step s WHERE s.id = edge.step)`,
    `CREATE TABLE closure (descendant INTEGER NOT NULL, ancestor INTEGER NOT NULL, depth INTEGER NOT NULL,
      relation INTEGER NOT NULL, mask INTEGER NOT NULL, PRIMARY KEY (descendant, ancestor)) WITHOUT ROWID`,
    `CREATE TABLE tree_count (model INTEGER NOT NULL, relation INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (model, relation)) WITHOUT ROWID`,
    walkUpSql("sqlite", "SELECT child FROM edge"),
    "CREATE INDEX closure_down ON closure (ancestor, depth, descendant, relation, mask)",
    COUNTS,
    "CREATE INDEX model_name_lower ON model (lower(name))",
    "CREATE INDEX dataset_name_lower ON dataset (lower(name))",
  ],
};

export const POSTGRES_V3: Migration = {
  version: 3,
  description: DESCRIPTION,
  statements: [
    "ALTER TABLE edge ADD COLUMN bits integer NOT NULL DEFAULT 0",
    `UPDATE edge SET bits = ${stepBitsSql()} FROM step s WHERE s.id = edge.step`,
    `CREATE TABLE closure (descendant integer NOT NULL, ancestor integer NOT NULL, depth integer NOT NULL,
      relation integer NOT NULL, mask integer NOT NULL, PRIMARY KEY (descendant, ancestor))`,
    `CREATE TABLE tree_count (model integer NOT NULL, relation integer NOT NULL, n integer NOT NULL,
      PRIMARY KEY (model, relation))`,
    walkUpSql("postgres", "SELECT child FROM edge"),
    "CREATE INDEX closure_down ON closure (ancestor, depth, descendant) INCLUDE (relation, mask)",
    COUNTS,
    "CREATE INDEX model_name_lower ON model (lower(name))",
    "CREATE INDEX dataset_name_lower ON dataset (lower(name))",
  ],
};
