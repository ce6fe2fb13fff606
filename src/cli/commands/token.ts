/** `ftl token create|list|revoke`: the API tokens of `ftl serve`, kept as hashes in the registry. */

import { newToken, TOKEN_NAME } from "../../server/tokens/token.js";
import { TOKEN_SCOPES } from "../../store/api-tokens.js";
import { CliError, type Command, choice, EXIT, flag, printJson, str } from "../command.js";
import { DB_OPTION, REGISTRY_DETAILS, withStore } from "./query.js";

const JSON_OPTION = { json: { type: "boolean" as const, description: "Print the result as JSON" } };

export const tokenCreateCommand: Command = {
  path: ["token", "create"],
  summary: "create an API token for ftl serve (printed once, only its hash is stored)",
  usage: "ftl token create --name NAME [--scope read|write] [--json] [--db PATH|URL]",
  options: {
    ...DB_OPTION,
    name: {
      type: "string",
      value: "NAME",
      description: "A name to list and revoke it by (letters, digits, . _ @ -)",
    },
    scope: {
      type: "string",
      value: "SCOPE",
      description: "read or write (write can also read)",
      default: "read",
    },
    ...JSON_OPTION,
  },
  details: `The token is printed once, as the last line of the output: keep it, the registry stores only its
sha256. Send it as 'Authorization: Bearer TOKEN'. ${REGISTRY_DETAILS}
Exit codes: 0 created, 2 usage error (missing or taken name, bad scope, no registry).`,
  examples: [
    "ftl token create --name ci-upload --scope write",
    "ftl token create --name reader --db postgres://…/ftl",
  ],
  async run(ctx) {
    const name = str(ctx.values, "name");
    if (name === undefined) throw new CliError("--name is required (a name to list and revoke the token by)");
    if (!TOKEN_NAME.test(name))
      throw new CliError(
        `--name ${JSON.stringify(name)}: expected 1–64 letters, digits, '.', '_', '@' or '-'`,
      );
    const scope = choice(ctx.values, "scope", TOKEN_SCOPES) ?? "read";
    const created = newToken();
    await withStore(ctx, { create: false }, async (store) => {
      if (!(await store.tokens.create({ name, scope, hash: created.hash, hint: created.hint })))
        throw new CliError(
          `a token named '${name}' already exists (revoked ones keep their name); choose another`,
        );
    });
    if (flag(ctx.values, "json"))
      printJson(ctx.io, { name, scope, hint: created.hint, token: created.token });
    else ctx.io.stdout(`created ${scope} token '${name}'; it is shown only now:\n${created.token}\n`);
    return EXIT.ok;
  },
};

export const tokenListCommand: Command = {
  path: ["token", "list"],
  summary: "list the API tokens (names, scopes, first characters; never the tokens)",
  usage: "ftl token list [--json] [--db PATH|URL]",
  options: { ...DB_OPTION, ...JSON_OPTION },
  details: `${REGISTRY_DETAILS}\nExit codes: 0 ok, 2 usage error.`,
  examples: ["ftl token list"],
  async run(ctx) {
    const tokens = await withStore(ctx, { create: false }, (store) => store.tokens.list());
    if (flag(ctx.values, "json")) printJson(ctx.io, tokens);
    else if (tokens.length === 0) ctx.io.stdout("no tokens (create one with ftl token create --name NAME)\n");
    else
      for (const t of tokens)
        ctx.io.stdout(
          `${t.name.padEnd(20)}  ${t.scope.padEnd(5)}  ${t.hint}…  created ${t.createdAt}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ""}\n`,
        );
    return EXIT.ok;
  },
};

export const tokenRevokeCommand: Command = {
  path: ["token", "revoke"],
  summary: "revoke an API token by name (refused within a second by running servers)",
  usage: "ftl token revoke NAME [--json] [--db PATH|URL]",
  positionals: { min: 1, max: 1, names: "NAME" },
  options: { ...DB_OPTION, ...JSON_OPTION },
  details: `${REGISTRY_DETAILS}\nExit codes: 0 revoked, 2 usage error or no unrevoked token of that name.`,
  examples: ["ftl token revoke ci-upload"],
  async run(ctx) {
    const name = ctx.positionals[0] as string;
    const revoked = await withStore(ctx, { create: false }, (store) => store.tokens.revoke(name));
    if (!revoked) throw new CliError(`no unrevoked token named '${name}' (see ftl token list)`);
    if (flag(ctx.values, "json")) printJson(ctx.io, { name, revoked: true });
    else ctx.io.stdout(`revoked token '${name}'\n`);
    return EXIT.ok;
  },
};

export const TOKEN_COMMANDS: Command[] = [tokenCreateCommand, tokenListCommand, tokenRevokeCommand];
