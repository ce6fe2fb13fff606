/** `ftl add FILE...`: validated lineage documents into the registry, in one transaction. */
import type { AddInput } from "../../store/store.js";
import { registryIdProblem } from "../../validate/registrable.js";
import { CliError, type Command, EXIT, flag, printJson, str } from "../command.js";
import { publicKeyOrUsage, readForAdd } from "./add-input.js";
import { DB_OPTION, REGISTRY_DETAILS, withStore } from "./query.js";

interface FileOutcome {
  file: string;
  status: "added" | "duplicate" | "invalid" | "unverified" | "unreadable";
  subject?: string;
  hash?: string;
  superseded?: number;
  message?: string;
}

export const addCommand: Command = {
  path: ["add"],
  summary: "add lineage documents to the registry",
  usage: "ftl add FILE... [--source NAME] [--key PUB.pem] [--json] [--db PATH|URL]",
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "FILE" },
  options: {
    ...DB_OPTION,
    source: {
      type: "string",
      value: "NAME",
      description: "Where the documents come from (default: each file's path as given)",
    },
    key: {
      type: "string",
      value: "PUB.pem",
      description: "Verify each signed lineage (ftl sign) with this public key before adding it",
    },
    json: { type: "boolean", description: "Print one {file, status, subject, hash, …} per file" },
  },
  details: `Each file is validated (as by 'ftl validate'); valid ones are added together in one transaction,
invalid ones are reported and left out. Adding the same content from the same source again changes
nothing; a new document for a model from the same source becomes current and the old one is kept as
history; documents from different sources are all kept (see 'ftl query documents ID').
A signed lineage (lineage.sig.json from 'ftl sign lineage.json') is added as its document, with its envelope
and key id kept beside it; with --key it is verified first (signature, statement, chain of custody) and left
out when it does not verify.
${REGISTRY_DETAILS} The SQLite file is created if missing.
Exit codes: 0 every file added or already stored, 1 some file is not a valid document (the others are
added), 7 some signed lineage did not verify with --key (the others are added), 2 usage error (unreadable
file, bad key, bad registry).`,
  examples: [
    "ftl add examples/*.lineage.json",
    "ftl add card.json --source hub:org/model --db postgres://localhost/ftl",
  ],
  async run(ctx) {
    const source = str(ctx.values, "source");
    const outcomes: FileOutcome[] = [];
    const batch: AddInput[] = [];
    const batchFiles: number[] = [];
    const keyFile = str(ctx.values, "key");
    const key = keyFile === undefined ? undefined : publicKeyOrUsage(keyFile);
    for (const file of ctx.positionals) {
      try {
        const read = await readForAdd(file, key);
        if (!read.ok) {
          outcomes.push({ file, status: read.status, message: read.message });
          continue;
        }
        const { report, signature } = read;
        if (!report.valid || report.document === undefined) {
          const first = report.issues.find((i) => i.severity === "error");
          outcomes.push({
            file,
            status: "invalid",
            message: first?.message ?? "not a valid ftl/v1 document",
          });
          continue;
        }
        const idProblem = registryIdProblem(report.document);
        if (idProblem !== undefined) {
          outcomes.push({ file, status: "invalid", message: idProblem });
          continue;
        }
        batchFiles.push(outcomes.length);
        outcomes.push({ file, status: "added" });
        batch.push({
          document: report.document,
          source: source ?? (file === "-" ? "<stdin>" : file),
          ...(signature ? { signature } : {}),
        });
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        outcomes.push({ file, status: "unreadable", message: error.message });
      }
    }
    if (outcomes.length === 1 && outcomes[0]?.status === "unreadable")
      throw new CliError(outcomes[0].message ?? "");
    const where = await withStore(ctx, { create: true }, async (store) => {
      if (batch.length > 0) {
        const summary = await store.addDocuments(batch);
        summary.results.forEach((r, i) => {
          const outcome = outcomes[batchFiles[i] as number];
          if (outcome === undefined) return;
          outcome.status = r.status;
          outcome.subject = r.subject;
          outcome.hash = r.hash;
          outcome.superseded = r.superseded;
        });
      }
      return store.location;
    });
    if (flag(ctx.values, "json")) printJson(ctx.io, outcomes);
    else {
      for (const o of outcomes) {
        if (o.status === "added")
          ctx.io.stdout(
            `added      ${o.file}  (${o.subject}${o.superseded ? `; ${o.superseded} older document kept as history` : ""})\n`,
          );
        else if (o.status === "duplicate")
          ctx.io.stdout(`unchanged  ${o.file}  (already stored from this source)\n`);
        else
          ctx.io.stderr(
            `ftl: ${o.status === "invalid" ? `${o.file}: not added: ` : o.status === "unverified" ? "not added: " : ""}${o.message}\n`,
          );
      }
      const added = outcomes.filter((o) => o.status === "added").length;
      ctx.io.stdout(
        `${added} added, ${outcomes.filter((o) => o.status === "duplicate").length} unchanged → ${where}\n`,
      );
    }
    if (outcomes.some((o) => o.status === "unreadable")) return EXIT.usage;
    if (outcomes.some((o) => o.status === "unverified")) return EXIT.verifyFailed;
    return outcomes.some((o) => o.status === "invalid") ? EXIT.invalid : EXIT.ok;
  },
};
