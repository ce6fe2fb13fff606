import { POSTGRES_V3, SQLITE_V3 } from "./migration-3.js";
import { POSTGRES_V5, SQLITE_V5 } from "./migration-5.js";
import { POSTGRES_V6, SQLITE_V6 } from "./migration-6.js";
import { POSTGRES_V7, SQLITE_V7 } from "./migration-7.js";
import { POSTGRES_V8, SQLITE_V8 } from "./migration-8.js";

/**
 * Versioned schema migrations, one list per dialect. A migration is never edited once released: changes go
 * in a new version. Opening a database runs the missing ones; a database newer than this ftl is refused.
 */

export interface Migration {
  version: number;
  description: string;
  statements: readonly string[];
}

/** The schema version this ftl writes and understands. */
export const SCHEMA_VERSION = 8;

/**
 * Tables (both dialects):
 * - `model(id, name, anonymous)`, `dataset(id, name)`: integer ids for every name, unique names (in SQLite
 *   since version 2 through the index `model_name`, so that a bulk load can drop it and build it sorted).
 * - `document(id, hkey, hash, source, subject, added_at, current)`: every document ever added, once per
 *   (content hash, source); `hkey` is the hash's first 52 bits as an integer, a small index key (the writer
 *   checks hash and source, under its lock). `current` marks the latest one per (subject, source). History is
 *   never deleted. Its body (canonical JSON) is in `document_body(id, body)` since version 7 (before, a column
 *   of `document`), so that document rows stay small.
 * - `step(id, document, step_id, kind, name, objective, parameterization, method, hyperparameters, output,
 *   doc_hash, doc_source, dataset_names)`: the steps of current documents; since version 8 each row also holds
 *   its document's hash and source and its dataset names (JSON), what the ancestors answer shows.
 * - `edge(parent, child, step, relation)`: the model graph (input model → output model, per step), indexed
 *   from both ends for recursive walks.
 * - `step_dataset(step, dataset)`: datasets a step used, indexed from both ends.
 * - `license_claim(kind, entity, document, license, license_name, license_link)`: licences declared by current
 *   documents for models (kind 0) and datasets (kind 1).
 * - `api_token(name, scope, hash, hint, created_at, revoked_at)` (version 4): tokens of `ftl serve`, only their
 *   sha256 (`hash`) and first characters (`hint`).
 * - `artefact_digest(value, algorithm, kind, entity, document, step_id, path)` (version 5): the digests current
 *   documents record (kind 0 model, 1 dataset; `path` for one file of a checkpoint), found by value.
 * - `document_signature(document, key_id, verified, envelope)` (version 5): the DSSE envelope a signed lineage
 *   came in, its key id, and whether `ftl add --key` verified it.
 * - `closure`, `tree_count` (version 3, closure.ts) and `closure_dataset`, `dataset_count` (version 6,
 *   dataset-closure.ts): derived from `edge` and `step_dataset`, kept up to date by every write.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "models, datasets, documents with history, steps as typed edges, licence claims",
    statements: [
      "CREATE TABLE model (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, anonymous INTEGER NOT NULL DEFAULT 0)",
      "CREATE TABLE dataset (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
      `CREATE TABLE document (id INTEGER PRIMARY KEY, hkey INTEGER NOT NULL, hash TEXT NOT NULL, source TEXT NOT NULL,
        subject INTEGER NOT NULL, added_at TEXT NOT NULL, current INTEGER NOT NULL, body TEXT NOT NULL)`,
      "CREATE INDEX document_hkey ON document (hkey)",
      "CREATE INDEX document_subject ON document (subject)",
      `CREATE TABLE step (id INTEGER PRIMARY KEY, document INTEGER NOT NULL, step_id TEXT NOT NULL, kind TEXT NOT NULL,
        name TEXT, objective TEXT, parameterization TEXT, method TEXT, hyperparameters TEXT, output INTEGER NOT NULL)`,
      "CREATE INDEX step_document ON step (document)",
      "CREATE INDEX step_output ON step (output)",
      `CREATE TABLE edge (parent INTEGER NOT NULL, child INTEGER NOT NULL, step INTEGER NOT NULL, relation INTEGER NOT NULL,
        PRIMARY KEY (parent, child, step)) WITHOUT ROWID`,
      "CREATE INDEX edge_child ON edge (child, relation)",
      "CREATE TABLE step_dataset (step INTEGER NOT NULL, dataset INTEGER NOT NULL, PRIMARY KEY (step, dataset)) WITHOUT ROWID",
      "CREATE INDEX step_dataset_dataset ON step_dataset (dataset)",
      `CREATE TABLE license_claim (kind INTEGER NOT NULL, entity INTEGER NOT NULL, document INTEGER NOT NULL,
        license TEXT NOT NULL, license_name TEXT, license_link TEXT)`,
      "CREATE INDEX license_claim_entity ON license_claim (kind, entity)",
      "CREATE INDEX license_claim_document ON license_claim (document)",
    ],
  },
  {
    version: 2,
    description:
      "model names unique through a named index (model_name), which a bulk load into an empty registry can drop and rebuild",
    statements: [
      "CREATE TABLE model_v2 (id INTEGER PRIMARY KEY, name TEXT NOT NULL, anonymous INTEGER NOT NULL DEFAULT 0)",
      "INSERT INTO model_v2 (id, name, anonymous) SELECT id, name, anonymous FROM model",
      "DROP TABLE model",
      "ALTER TABLE model_v2 RENAME TO model",
      "CREATE UNIQUE INDEX model_name ON model (name)",
    ],
  },
  SQLITE_V3,
  {
    version: 4,
    description: "api_token: tokens of ftl serve (name, scope, sha256 of the token, never the token)",
    statements: [
      `CREATE TABLE api_token (name TEXT PRIMARY KEY, scope TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
        hint TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)`,
    ],
  },
  SQLITE_V5,
  SQLITE_V6,
  SQLITE_V7,
  SQLITE_V8,
];

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "models, datasets, documents with history, steps as typed edges, licence claims",
    statements: [
      `CREATE TABLE model (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text COLLATE "C" NOT NULL UNIQUE,
        anonymous integer NOT NULL DEFAULT 0)`,
      `CREATE TABLE dataset (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text COLLATE "C" NOT NULL UNIQUE)`,
      `CREATE TABLE document (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, hkey bigint NOT NULL, hash text NOT NULL,
        source text NOT NULL, subject integer NOT NULL, added_at text NOT NULL, current integer NOT NULL, body text NOT NULL)`,
      "CREATE INDEX document_hkey ON document (hkey)",
      "CREATE INDEX document_subject ON document (subject)",
      `CREATE TABLE step (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, document integer NOT NULL, step_id text NOT NULL,
        kind text NOT NULL, name text, objective text, parameterization text, method text, hyperparameters text, output integer NOT NULL)`,
      "CREATE INDEX step_document ON step (document)",
      "CREATE INDEX step_output ON step (output)",
      `CREATE TABLE edge (parent integer NOT NULL, child integer NOT NULL, step integer NOT NULL, relation integer NOT NULL,
        PRIMARY KEY (parent, child, step))`,
      "CREATE INDEX edge_child ON edge (child) INCLUDE (parent, step, relation)",
      "CREATE TABLE step_dataset (step integer NOT NULL, dataset integer NOT NULL, PRIMARY KEY (step, dataset))",
      "CREATE INDEX step_dataset_dataset ON step_dataset (dataset)",
      `CREATE TABLE license_claim (kind integer NOT NULL, entity integer NOT NULL, document integer NOT NULL,
        license text NOT NULL, license_name text, license_link text)`,
      "CREATE INDEX license_claim_entity ON license_claim (kind, entity)",
      "CREATE INDEX license_claim_document ON license_claim (document)",
    ],
  },
  {
    version: 2,
    description: "no change in PostgreSQL (version 2 changed how SQLite keeps model names unique)",
    statements: [],
  },
  POSTGRES_V3,
  {
    version: 4,
    description: "api_token: tokens of ftl serve (name, scope, sha256 of the token, never the token)",
    statements: [
      `CREATE TABLE api_token (name text PRIMARY KEY, scope text NOT NULL, hash text NOT NULL UNIQUE,
        hint text NOT NULL, created_at text NOT NULL, revoked_at text)`,
    ],
  },
  POSTGRES_V5,
  POSTGRES_V6,
  POSTGRES_V7,
  POSTGRES_V8,
];

/** The message for a database written by a newer ftl. */
export function newerSchemaMessage(location: string, found: number): string {
  return `${location}: registry schema version ${found} is newer than this ftl understands (up to ${SCHEMA_VERSION}); upgrade ftl to open it`;
}
