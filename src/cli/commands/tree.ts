/** `ftl tree ID`: the descendant tree for people, widest branches first, folded where wide. */
import { buildTree, renderTree } from "../../query/tree.js";
import { CliError, type Command, EXIT, flag, printJson } from "../command.js";
import { DB_OPTION, REGISTRY_DETAILS, wholeNumber, withStore } from "./query.js";

export const treeCommand: Command = {
  path: ["tree"],
  summary: "draw the descendant tree of a model, folded where wide",
  usage: "ftl tree ID [--depth N] [--width N] [--json] [--db PATH|URL]",
  positionals: { min: 1, max: 1, names: "ID" },
  options: {
    ...DB_OPTION,
    depth: { type: "string", value: "N", description: "Levels to draw", default: "3" },
    width: {
      type: "string",
      value: "N",
      description: "Children shown per model before folding the rest",
      default: "8",
    },
    json: {
      type: "boolean",
      description: "Print the tree as nested JSON {id, relation, descendants, children, folded}",
    },
  },
  details: `Children are sorted by how many models hang under them. A model with several parents (a merge) is
drawn under the first and named under the others. Folded lines count the hidden children by relation.
${REGISTRY_DETAILS}
Exit codes: 0 ok, 2 usage error or unknown model.`,
  examples: [
    "ftl tree mistralai/Mistral-7B-v0.1",
    "ftl tree meta-llama/Meta-Llama-3-8B --depth 2 --width 20",
  ],
  async run(ctx) {
    const id = ctx.positionals[0] as string;
    const depth = wholeNumber(ctx, "depth", 1) ?? 3;
    const width = wholeNumber(ctx, "width", 1) ?? 8;
    return withStore(ctx, { create: false }, async (store) => {
      if ((await store.model(id)) === undefined)
        throw new CliError(`${id}: no such model in the registry ${store.location}`);
      const result = await store.descendants(id, { maxDepth: depth, withParents: true });
      const tree = buildTree(result, { width });
      if (flag(ctx.values, "json")) printJson(ctx.io, tree);
      else {
        const deeper = result.complete
          ? ""
          : `\n(more levels below; --depth ${depth + 1} or more to draw them)`;
        ctx.io.stdout(`${renderTree(tree)}${deeper}\n`);
      }
      return EXIT.ok;
    });
  },
};
