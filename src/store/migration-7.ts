/**
 * Schema version 7 (issue 13): document bodies apart, in `document_body(id, body)`. A `document` row is then
 * about a hundred bytes instead of the body's size, so the look-ups every answer makes (a step's document:
 * its source and hash) read a small, cached table, and the indexes on `document` are built from a small one.
 * Upgrading moves the bodies in the migration's transaction. Released: never edit.
 */
import type { Migration } from "./migrations.js";

const DESCRIPTION =
  "document_body: documents' bodies apart from their rows (small document rows for the look-ups every answer makes)";

export const SQLITE_V7: Migration = {
  version: 7,
  description: DESCRIPTION,
  statements: [
    "CREATE TABLE document_body (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
    "INSERT INTO document_body (id, body) SELECT id, body FROM document ORDER BY id",
    "ALTER TABLE document DROP COLUMN body",
  ],
};

export const POSTGRES_V7: Migration = {
  version: 7,
  description: DESCRIPTION,
  statements: [
    "CREATE TABLE document_body (id integer PRIMARY KEY, body text NOT NULL)",
    "INSERT INTO document_body (id, body) SELECT id, body FROM document ORDER BY id",
    "ALTER TABLE document DROP COLUMN body",
  ],
};
