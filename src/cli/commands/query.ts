/**
 * `ftl query …`: questions across the registry (ancestors, descendants, trained-on, datasets, common,
 * documents), and the registry helpers the other registry commands (add, ingest, tree) share.
 */
import { renderAncestors } from "../../query/ancestors-text.js";
import { describeEdge } from "../../query/describe-edge.js";
import { CliError, type Command, EXIT, flag, printJson } from "../command.js";

import {
  DB_OPTION,
  DEPTH_OPTION,
  integer,
  JSON_OPTION,
  limitOf,
  plural,
  REGISTRY_DETAILS,
  requireModel,
  walkExit,
  wholeNumber,
  withStore,
} from "./_registry-cli.js";
import { queryDescendantsCommand } from "./query-descendants.js";

export { DB_OPTION, REGISTRY_DETAILS, wholeNumber, withStore } from "./_registry-cli.js";

export const queryAncestorsCommand: Command = {
  path: ["query", "ancestors"],
  summary: "every ancestor of a model, to every root, with the steps between",
  usage: "ftl query ancestors ID [--max-depth N] [--sources] [--json] [--db PATH|URL]",
  positionals: { min: 1, max: 1, names: "ID" },
  options: {
    ...DB_OPTION,
    ...DEPTH_OPTION,
    sources: { type: "boolean", description: "Name the document source of every step" },
    ...JSON_OPTION,
  },
  details: `${REGISTRY_DETAILS}
Exit codes: 0 ok, 2 usage error or unknown model, 5 stopped at the default depth limit (incomplete).`,
  examples: [
    "ftl query ancestors TheBloke/zephyr-7B-beta-GGUF",
    "ftl query ancestors my/model --json --db reg.db",
  ],
  async run(ctx) {
    const id = ctx.positionals[0] as string;
    const maxDepth = wholeNumber(ctx, "max-depth");
    return withStore(ctx, { create: false }, async (store) => {
      await requireModel(store, id);
      const result = await store.ancestors(id, maxDepth === undefined ? {} : { maxDepth });
      if (flag(ctx.values, "json")) printJson(ctx.io, result);
      else ctx.io.stdout(`${renderAncestors(result, { sources: flag(ctx.values, "sources") })}\n`);
      return walkExit(ctx, result.complete);
    });
  },
};

export const queryTrainedOnCommand: Command = {
  path: ["query", "trained-on"],
  summary: "every model whose lineage used a dataset, directly or through any ancestor",
  usage: "ftl query trained-on DATASET [--max-depth N] [--limit N|all] [--json] [--db PATH|URL]",
  positionals: { min: 1, max: 1, names: "DATASET" },
  options: {
    ...DB_OPTION,
    ...DEPTH_OPTION,
    limit: {
      type: "string",
      value: "N|all",
      description: "List at most N models (totals count all)",
      default: "100",
    },
    ...JSON_OPTION,
  },
  details: `Depth 0: a step that made the model used the dataset; depth n: the dataset came in n steps up.
${REGISTRY_DETAILS}
Exit codes: 0 ok, 2 usage error or a dataset no step names, 5 stopped at the default depth limit.`,
  examples: [
    "ftl query trained-on HuggingFaceH4/ultrachat_200k",
    "ftl query trained-on my/data --limit all --json",
  ],
  async run(ctx) {
    const dataset = ctx.positionals[0] as string;
    const maxDepth = wholeNumber(ctx, "max-depth");
    const limit = limitOf(ctx, 100);
    return withStore(ctx, { create: false }, async (store) => {
      const result = await store.trainedOn(dataset, {
        ...(maxDepth !== undefined ? { maxDepth } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      if (!result.known)
        throw new CliError(`${dataset}: no step in the registry ${store.location} used this dataset`);
      if (flag(ctx.values, "json")) printJson(ctx.io, result);
      else {
        const direct = result.models.filter((m) => m.depth === 0).length;
        const lines = [`${dataset}: ${plural(result.total, "model")} in whose lineage it was used`];
        for (const m of result.models)
          lines.push(
            `  ${m.depth === 0 ? "directly  " : `${plural(m.depth, "step")} up`.padEnd(10)}  ${m.id}`,
          );
        if (result.truncated)
          lines.push(
            `  … ${integer.format(result.total - result.models.length)} more (--limit all to list them)`,
          );
        if (!result.truncated)
          lines.push(
            `${integer.format(direct)} directly, ${integer.format(result.total - direct)} through an ancestor`,
          );
        if (!result.complete)
          lines.push("stopped at the depth limit; more models lie beyond (use --max-depth)");
        ctx.io.stdout(`${lines.join("\n")}\n`);
      }
      return walkExit(ctx, result.complete);
    });
  },
};

export const queryDatasetsCommand: Command = {
  path: ["query", "datasets"],
  summary: "every dataset that went into a model through its whole ancestry",
  usage: "ftl query datasets ID [--max-depth N] [--json] [--db PATH|URL]",
  positionals: { min: 1, max: 1, names: "ID" },
  options: { ...DB_OPTION, ...DEPTH_OPTION, ...JSON_OPTION },
  details: `${REGISTRY_DETAILS}
Exit codes: 0 ok, 2 usage error or unknown model, 5 stopped at the default depth limit (incomplete).`,
  examples: ["ftl query datasets TheBloke/zephyr-7B-beta-GGUF"],
  async run(ctx) {
    const id = ctx.positionals[0] as string;
    const maxDepth = wholeNumber(ctx, "max-depth");
    return withStore(ctx, { create: false }, async (store) => {
      await requireModel(store, id);
      const result = await store.datasetsOf(id, maxDepth === undefined ? {} : { maxDepth });
      if (flag(ctx.values, "json")) printJson(ctx.io, result);
      else {
        const lines = [`${id}: ${plural(result.datasets.length, "dataset")} in its lineage`];
        for (const d of result.datasets)
          lines.push(
            `  ${d.id}  (${d.depth === 0 ? "this model" : `${plural(d.depth, "step")} up`}: ${d.models.join(", ")})`,
          );
        if (!result.complete)
          lines.push("stopped at the depth limit; more ancestors lie beyond (use --max-depth)");
        ctx.io.stdout(`${lines.join("\n")}\n`);
      }
      return walkExit(ctx, result.complete);
    });
  },
};

export const queryCommonCommand: Command = {
  path: ["query", "common"],
  summary: "nearest common ancestor of two models and the two paths from it",
  usage: "ftl query common ID1 ID2 [--max-depth N] [--json] [--db PATH|URL]",
  positionals: { min: 2, max: 2, names: "ID1 ID2" },
  options: { ...DB_OPTION, ...DEPTH_OPTION, ...JSON_OPTION },
  details: `Nearest means the smallest number of steps to both; ties are listed. A model that is an ancestor of
the other is their nearest common ancestor. With no common ancestor, the result says so (exit 0).
${REGISTRY_DETAILS}
Exit codes: 0 ok, 2 usage error or unknown model.`,
  examples: ["ftl query common TheBloke/zephyr-7B-beta-GGUF Weyaxi/OpenHermes-2.5-neural-chat-v3-3-Slerp"],
  async run(ctx) {
    const [a, b] = ctx.positionals as [string, string];
    const maxDepth = wholeNumber(ctx, "max-depth");
    return withStore(ctx, { create: false }, async (store) => {
      await requireModel(store, a);
      await requireModel(store, b);
      const result = await store.common(a, b, maxDepth === undefined ? {} : { maxDepth });
      if (flag(ctx.values, "json")) printJson(ctx.io, result);
      else {
        const lines: string[] = [];
        if (result.nearest === null) lines.push(`${a} and ${b} have no common ancestor in the registry`);
        else {
          const also =
            result.alsoNearest.length > 0 ? ` (equally near: ${result.alsoNearest.join(", ")})` : "";
          lines.push(`nearest common ancestor: ${result.nearest}${also}`);
          for (const [name, path] of [
            [a, result.pathA],
            [b, result.pathB],
          ] as const) {
            lines.push("", `${result.nearest} → ${name}: ${plural(path.length, "step")}`);
            for (const s of path) lines.push(`  → ${s.child}  ${describeEdge(s)}`);
          }
        }
        ctx.io.stdout(`${lines.join("\n")}\n`);
      }
      return EXIT.ok;
    });
  },
};

export const queryDocumentsCommand: Command = {
  path: ["query", "documents"],
  summary: "every document about a model: sources, history and disagreements",
  usage: "ftl query documents ID [--json] [--db PATH|URL]",
  positionals: { min: 1, max: 1, names: "ID" },
  options: { ...DB_OPTION, ...JSON_OPTION },
  details: `Documents are kept forever: the latest one per source is current (it shapes the graph), older ones
are history. Current documents from different sources that differ are listed as disagreements. A document
added from a signed lineage (ftl add lineage.sig.json) shows the signer's key id, and whether ftl add --key
verified it.
${REGISTRY_DETAILS}
Exit codes: 0 ok, 2 usage error or unknown model.`,
  examples: ["ftl query documents HuggingFaceH4/zephyr-7b-beta --json"],
  async run(ctx) {
    const id = ctx.positionals[0] as string;
    return withStore(ctx, { create: false }, async (store) => {
      await requireModel(store, id);
      const found = await store.documentsFor(id);
      const signatures = await store.integrity.signatures(found.documents.map((d) => d.hash));
      const result = {
        ...found,
        documents: found.documents.map((d) => {
          const s = signatures.get(d.hash);
          return s ? { ...d, signed: { keyId: s.keyId ?? null, verifiedAtAdd: s.verified } } : d;
        }),
      };
      if (flag(ctx.values, "json")) printJson(ctx.io, result);
      else {
        const lines = [`${id}: ${plural(result.documents.length, "document")}`];
        for (const d of result.documents) {
          const s = signatures.get(d.hash);
          const signed = s
            ? `  signed by key ${s.keyId?.slice(0, 16) ?? "(no key id)"}${s.verified ? " (verified when added)" : " (not verified by the registry)"}`
            : "";
          lines.push(
            `  ${d.current ? "current" : "history"}  ${d.addedAt}  ${d.hash.slice(0, 12)}  ${d.source}${signed}`,
          );
        }
        if (result.documents.length === 0) lines.push("  (named by other documents only)");
        for (const dis of result.disagreements) {
          lines.push(`sources disagree about ${dis.about}:`);
          for (const c of dis.claims) lines.push(`  ${c.source}: ${c.value.join(", ") || "(none)"}`);
        }
        ctx.io.stdout(`${lines.join("\n")}\n`);
      }
      return EXIT.ok;
    });
  },
};

/** The `ftl query` subcommands, in help order. */
export const QUERY_COMMANDS: Command[] = [
  queryAncestorsCommand,
  queryDescendantsCommand,
  queryTrainedOnCommand,
  queryDatasetsCommand,
  queryCommonCommand,
  queryDocumentsCommand,
];
