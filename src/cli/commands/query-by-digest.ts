/** `ftl query by-digest DIGEST`: which model (and step, and file) a file or folder digest belongs to. */
import { parseDigest } from "../../store/integrity-index.js";
import { type Command, EXIT, flag, printJson, UsageError } from "../command.js";
import { DB_OPTION, REGISTRY_DETAILS, withStore } from "./query.js";

export const queryByDigestCommand: Command = {
  path: ["query", "by-digest"],
  summary: "the model, step and file a digest belongs to",
  usage: "ftl query by-digest DIGEST [--json] [--db PATH|URL]",
  positionals: { min: 1, max: 1, names: "DIGEST" },
  options: { ...DB_OPTION, json: { type: "boolean", description: "Print the matches as JSON" } },
  details: `DIGEST is a hex digest (any case), optionally prefixed by its algorithm (sha256:…): the root digest
of a model folder that 'ftl hash' or 'ftl capture' printed, or the digest of one file in it. The registry keeps
every digest its current documents record (subject, bases, step outputs and their files, datasets).
${REGISTRY_DETAILS}
Exit codes: 0 found, 2 no stored document records this digest (as for an unknown model), or a usage error.`,
  examples: [
    "ftl query by-digest 3f1c…",
    "ftl query by-digest sha256:$(ftl hash ./outputs --json | jq -r .rootDigest)",
  ],
  async run(ctx) {
    const digest = ctx.positionals[0] as string;
    const { value } = parseDigest(digest);
    if (!/^[0-9a-f]{8,128}$/.test(value))
      throw new UsageError(`'${digest}' is not a hex digest (expected e.g. sha256:3f1c… or 3f1c…)`);
    return withStore(ctx, { create: false }, async (store) => {
      const hits = await store.integrity.byDigest(digest);
      if (flag(ctx.values, "json")) printJson(ctx.io, { digest: value, matches: hits });
      else if (hits.length === 0) ctx.io.stdout(`${value}: no stored document records this digest\n`);
      else {
        const lines = [`${value}: ${hits.length} match${hits.length === 1 ? "" : "es"}`];
        for (const h of hits) {
          const what = `${h.kind} ${h.id}${h.step ? ` (output of step ${h.step})` : ""}`;
          lines.push(`  ${what}${h.path ? `, file ${h.path}` : ", the whole artefact"}  [${h.algorithm}]`);
          lines.push(`    recorded by ${h.document.hash.slice(0, 12)} from ${h.document.source}`);
        }
        ctx.io.stdout(`${lines.join("\n")}\n`);
      }
      return hits.length > 0 ? EXIT.ok : EXIT.usage;
    });
  },
};
