/**
 * `ftl query descendants ID`: the model-tree view (counts by relation and a page of descendants, nearest first,
 * `--cursor` for the next page), the whole answer (`--limit all`), or a stream of every descendant
 * (`--stream`, JSON lines with `--json`) that never holds the set in memory.
 */
import { descendantsWithLicenseConflicts, formatLicenseConflicts } from "../../audit/from-store.js";
import { OBJECTIVES, PARAMETERIZATIONS } from "../../model/vocabulary.js";
import {
  type Descendant,
  type DescendantsOptions,
  RELATIONS,
  type Relation,
  type Store,
} from "../../store/store.js";
import { CliError, type Command, type CommandContext, flag, printJson, str } from "../command.js";
import {
  DB_OPTION,
  DEPTH_OPTION,
  integer,
  JSON_OPTION,
  oneOf,
  plural,
  REGISTRY_DETAILS,
  requireModel,
  walkExit,
  wholeNumber,
  withStore,
} from "./_registry-cli.js";

/** Largest page; a larger --limit lists the whole answer sorted by name, as `--limit all` does. */
const MAX_PAGE = 1000;
/** Lines per write while streaming. */
const STREAM_WRITE = 500;

type Filters = Omit<DescendantsOptions, "limit" | "withParents">;

function filtersOf(ctx: CommandContext): Filters {
  const objective = oneOf(ctx, "objective", OBJECTIVES);
  const parameterization = oneOf(ctx, "param", PARAMETERIZATIONS);
  const relation = oneOf(ctx, "relation", RELATIONS);
  const dataset = str(ctx.values, "dataset");
  const maxDepth = wholeNumber(ctx, "max-depth");
  return {
    ...(objective ? { objective } : {}),
    ...(parameterization ? { parameterization } : {}),
    ...(relation ? { relation } : {}),
    ...(dataset !== undefined ? { dataset } : {}),
    ...(maxDepth !== undefined ? { maxDepth } : {}),
  };
}

function headline(id: string, total: number, counts: Record<Relation, number>): string {
  const byRelation = RELATIONS.map((r) => `${integer.format(counts[r])} ${r}`).join(", ");
  return `${id}: ${plural(total, "descendant")}${total > 0 ? ` — ${byRelation}` : ""}`;
}

const line = (m: Descendant): string => `  ${String(m.depth).padStart(3)}  ${m.relation.padEnd(9)}  ${m.id}`;

const DEEPER = "stopped at the depth limit; more descendants lie beyond (use --max-depth)";

/** Every descendant, written a few hundred lines at a time as they come from the store. */
async function stream(ctx: CommandContext, store: Store, id: string, filters: Filters): Promise<number> {
  const json = flag(ctx.values, "json");
  let chunk: string[] = [];
  for await (const m of store.streamDescendants(id, filters)) {
    chunk.push(json ? JSON.stringify({ id: m.id, depth: m.depth, relation: m.relation }) : line(m));
    if (chunk.length >= STREAM_WRITE) {
      ctx.io.stdout(`${chunk.join("\n")}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) ctx.io.stdout(`${chunk.join("\n")}\n`);
  // Completeness: one cheap look at the depth limit (counts come from the closure, not from the stream).
  const { complete } = await store.descendantsPage(id, { ...filters, limit: 1 });
  if (!complete && !json) ctx.io.stdout(`${DEEPER}\n`);
  return walkExit(ctx, complete);
}

async function page(ctx: CommandContext, store: Store, id: string, filters: Filters, limit: number) {
  const cursor = str(ctx.values, "cursor");
  let result: Awaited<ReturnType<Store["descendantsPage"]>>;
  try {
    result = await store.descendantsPage(id, { ...filters, limit, ...(cursor ? { cursor } : {}) });
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(`--cursor: ${error.message}`);
    throw error;
  }
  if (flag(ctx.values, "json")) printJson(ctx.io, result);
  else {
    const lines = [headline(id, result.total, result.counts), ...result.models.map(line)];
    if (result.next !== null)
      lines.push(`  … more: --cursor ${result.next} for the next page, --limit all for all`);
    if (!result.complete) lines.push(DEEPER);
    ctx.io.stdout(`${lines.join("\n")}\n`);
  }
  return walkExit(ctx, result.complete);
}

export const queryDescendantsCommand: Command = {
  path: ["query", "descendants"],
  summary: "every model derived from a model, filtered, with counts by relation",
  usage:
    "ftl query descendants ID [--objective O] [--param P] [--dataset D] [--relation R] [--max-depth N] [--limit N|all] [--cursor C] [--stream] [--license-conflicts] [--json]",
  positionals: { min: 1, max: 1, names: "ID" },
  options: {
    ...DB_OPTION,
    objective: {
      type: "string",
      value: "O",
      description: `A step on the path has this objective (${OBJECTIVES.join(", ")})`,
    },
    param: {
      type: "string",
      value: "P",
      description: `A step on the path has this parameterisation (${PARAMETERIZATIONS.join(", ")})`,
    },
    dataset: { type: "string", value: "ID", description: "A step on the path used this dataset" },
    relation: {
      type: "string",
      value: "R",
      description: `How the descendant itself was made (${RELATIONS.join(", ")})`,
    },
    ...DEPTH_OPTION,
    limit: {
      type: "string",
      value: "N|all",
      description: `Models per page (up to ${MAX_PAGE}); all (or more) lists every one, sorted by name`,
      default: "50",
    },
    cursor: { type: "string", value: "C", description: "Show the page after the one that printed C" },
    stream: {
      type: "boolean",
      description: "Print every descendant as it is read (with --json: one JSON object per line)",
    },
    "license-conflicts": {
      type: "boolean",
      description: "Only descendants whose declared licence conflicts with what they inherit (see ftl audit)",
    },
    ...JSON_OPTION,
  },
  details: `Filters combine: every one must hold. --objective, --param and --dataset hold when a step on any path
from ID to the descendant has them; --relation looks at how the descendant itself was made (a model with
several parents counts once, as merge > quantized > adapter > finetune); --max-depth keeps descendants at
most N steps away by their shortest path. Pages list the nearest first, then in the order models entered the
registry; counts always cover every match.
${REGISTRY_DETAILS}
Exit codes: 0 ok, 2 usage error or unknown model, 5 stopped at the default depth limit (incomplete).`,
  examples: [
    "ftl query descendants mistralai/Mistral-7B-v0.1",
    "ftl query descendants meta-llama/Meta-Llama-3-8B --objective dpo --relation adapter --cursor MS4xMjM0",
    "ftl query descendants meta-llama/Meta-Llama-3-8B --stream --json > all.jsonl",
    "ftl query descendants meta-llama/Llama-3.1-8B --license-conflicts",
  ],
  async run(ctx) {
    const id = ctx.positionals[0] as string;
    const filters = filtersOf(ctx);
    const rawLimit = str(ctx.values, "limit");
    const limit = rawLimit === "all" ? undefined : (wholeNumber(ctx, "limit", 1) ?? 50);
    return withStore(ctx, { create: false }, async (store) => {
      await requireModel(store, id);
      if (flag(ctx.values, "license-conflicts")) {
        const conflicts = await descendantsWithLicenseConflicts(store, id, {
          ...filters,
          ...(limit !== undefined ? { limit } : {}),
        });
        if (flag(ctx.values, "json")) printJson(ctx.io, conflicts);
        else ctx.io.stdout(`${formatLicenseConflicts(conflicts)}\n`);
        return walkExit(ctx, conflicts.complete);
      }
      if (flag(ctx.values, "stream")) return stream(ctx, store, id, filters);
      if (limit !== undefined && limit <= MAX_PAGE) return page(ctx, store, id, filters, limit);
      const result = await store.descendants(id, { ...filters, ...(limit !== undefined ? { limit } : {}) });
      if (flag(ctx.values, "json")) printJson(ctx.io, result);
      else {
        const lines = [headline(id, result.total, result.counts), ...result.models.map(line)];
        if (result.truncated)
          lines.push(
            `  … ${integer.format(result.total - result.models.length)} more (--limit all to list them)`,
          );
        if (!result.complete) lines.push(DEEPER);
        ctx.io.stdout(`${lines.join("\n")}\n`);
      }
      return walkExit(ctx, result.complete);
    });
  },
};
