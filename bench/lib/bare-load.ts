/**
 * The load floor (SQLite): `node --import tsx bench/lib/bare-load.ts --db FILE --file FILE [--batch N]`.
 * Parses each line, stores its body and its edges (subject's bases → subject) with model ids from memory,
 * in transactions of N lines, with the registry's own pragmas; no hashing, no history, no steps, no closure.
 * Prints `{"seconds": …, "cpuSeconds": …, "documents": …, "edges": …, "peakRssMb": …}`.
 */
import { createReadStream, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { peakRssMb } from "./memory.js";

const { values } = parseArgs({
  options: { db: { type: "string" }, file: { type: "string" }, batch: { type: "string", default: "2000" } },
});
if (!values.db || !values.file) {
  console.error("usage: bare-load.ts --db FILE --file FILE [--batch N]");
  process.exit(2);
}
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${values.db}${suffix}`, { force: true });
const db = new Database(values.db);
db.pragma("page_size = 16384");
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("cache_size = -262144");
db.exec(`CREATE TABLE model (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE document (id INTEGER PRIMARY KEY, source TEXT NOT NULL, subject INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE edge (parent INTEGER NOT NULL, child INTEGER NOT NULL, PRIMARY KEY (parent, child)) WITHOUT ROWID;`);
const insertModel = db.prepare("INSERT INTO model (name) VALUES (?)");
const insertDocument = db.prepare("INSERT INTO document (source, subject, body) VALUES (?, ?, ?)");
const insertEdge = db.prepare("INSERT OR IGNORE INTO edge (parent, child) VALUES (?, ?)");
const ids = new Map<string, number>();
const idOf = (name: string): number => {
  let id = ids.get(name);
  if (id === undefined) {
    id = Number(insertModel.run(name).lastInsertRowid);
    ids.set(name, id);
  }
  return id;
};
interface Line {
  source: string;
  document: { subject: { id: string }; bases: { id: string }[] };
}
let documents = 0;
let edges = 0;
const write = db.transaction((lines: string[]) => {
  for (const text of lines) {
    const line = JSON.parse(text) as Line;
    const subject = idOf(line.document.subject.id);
    insertDocument.run(line.source, subject, JSON.stringify(line.document));
    for (const base of line.document.bases) edges += insertEdge.run(idOf(base.id), subject).changes;
    documents++;
  }
});
const started = performance.now();
const cpuStart = process.cpuUsage();
let batch: string[] = [];
for await (const text of createInterface({ input: createReadStream(values.file), crlfDelay: Infinity })) {
  if (text.length === 0) continue;
  batch.push(text);
  if (batch.length >= Number(values.batch)) {
    write(batch);
    batch = [];
  }
}
write(batch);
db.close();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds, documents, edges, peakRssMb: peakRssMb() })}\n`,
);
