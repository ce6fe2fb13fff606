/** `ftl query search PREFIX`: model and dataset ids that start with a prefix (what the web page completes). */
import { CliError, type Command, choice, EXIT, flag, printJson } from "../command.js";
import { DB_OPTION, REGISTRY_DETAILS, wholeNumber, withStore } from "./query.js";

const KINDS = ["all", "model", "dataset"] as const;

/** Smart case: a prefix without upper-case letters matches either case, unless --exact-case. */
export function ignoresCase(prefix: string, exactCase: boolean): boolean {
  return !exactCase && !/[A-Z]/.test(prefix);
}

export const querySearchCommand: Command = {
  path: ["query", "search"],
  summary: "model and dataset ids that start with a prefix",
  usage: "ftl query search PREFIX [--kind all|model|dataset] [--limit N] [--exact-case] [--json]",
  positionals: { min: 1, max: 1, names: "PREFIX" },
  options: {
    ...DB_OPTION,
    kind: { type: "string", value: "K", description: "all, model or dataset", default: "all" },
    limit: { type: "string", value: "N", description: "At most N ids of each kind (≤ 1000)", default: "20" },
    "exact-case": {
      type: "boolean",
      description: "Match letter case exactly (by default a prefix with no capitals matches either case)",
    },
    json: { type: "boolean", description: "Print {models, datasets} as JSON" },
  },
  details: `Ids are matched from their first character (org/name): 'meta-llama/' lists Meta's Llama models,
'llama' finds ids starting with llama or Llama. Sorted in code-point order; unnamed checkpoints (subject#step)
are left out. Nothing in PREFIX is a pattern.
${REGISTRY_DETAILS}
Exit codes: 0 ok (also when nothing matches), 2 usage error.`,
  examples: ["ftl query search meta-llama/Llama-3", "ftl query search qwen --kind model --limit 50 --json"],
  async run(ctx) {
    const prefix = ctx.positionals[0] as string;
    const kind = choice(ctx.values, "kind", KINDS) ?? "all";
    const limit = wholeNumber(ctx, "limit") ?? 20;
    if (limit > 1000) throw new CliError(`--limit ${limit}: at most 1000`);
    const ignoreCase = ignoresCase(prefix, flag(ctx.values, "exact-case"));
    return withStore(ctx, { create: false }, async (store) => {
      // One more than asked, to tell whether the list goes on.
      const found = await store.search(prefix, { kind, limit: limit + 1, ignoreCase });
      const models = found.models.slice(0, limit);
      const datasets = found.datasets.slice(0, limit);
      if (flag(ctx.values, "json")) {
        printJson(ctx.io, { models, datasets });
        return EXIT.ok;
      }
      const lines: string[] = [];
      const section = (title: string, ids: string[], more: boolean): void => {
        if (ids.length === 0) lines.push(`no ${title} start with ${JSON.stringify(prefix)}`);
        else {
          lines.push(`${title}${more ? ` (first ${ids.length}; --limit N for more)` : ""}:`);
          for (const id of ids) lines.push(`  ${id}`);
        }
      };
      if (kind !== "dataset") section("models", models, found.models.length > limit);
      if (kind !== "model") section("datasets", datasets, found.datasets.length > limit);
      ctx.io.stdout(`${lines.join("\n")}\n`);
      return EXIT.ok;
    });
  },
};
