/** Options and helpers shared by the registry commands (query …, tree, add, ingest, serve …). */
import { openStore, storeErrorOf } from "../../store/index.js";
import { type Store, StoreError } from "../../store/store.js";
import { CliError, type CommandContext, choice, EXIT, type OptionSpec, str } from "../command.js";

/** `--db`, shared by every registry command. */
export const DB_OPTION: Record<string, OptionSpec> = {
  db: {
    type: "string",
    value: "PATH|URL",
    description: "Registry: an SQLite file, or postgres://… (default: $FTL_DB, else ./.ftl/registry.db)",
  },
};

export const JSON_OPTION: Record<string, OptionSpec> = {
  json: { type: "boolean", description: "Print the result as JSON" },
};

export const DEPTH_OPTION: Record<string, OptionSpec> = {
  "max-depth": {
    type: "string",
    value: "N",
    description: "Follow at most N steps (default 256, which also bounds cycles in bad data)",
  },
};

export const REGISTRY_DETAILS = `The registry is an SQLite file (default ./.ftl/registry.db, or FTL_DB, or --db PATH) or a PostgreSQL
database (--db postgres://user@host:5432/db, optionally ?schema=NAME).`;

/** Opens the registry named by --db / FTL_DB, runs `fn`, closes it; store errors become usage errors. */
export async function withStore<T>(
  ctx: CommandContext,
  options: { create: boolean },
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  let store: Store;
  try {
    store = await openStore(str(ctx.values, "db"), {
      env: ctx.io.env,
      cwd: ctx.io.cwd,
      mustExist: !options.create,
    });
  } catch (error) {
    if (error instanceof StoreError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  const asCliError = (error: unknown): unknown => {
    const mapped = storeErrorOf(store.location, error);
    return mapped === undefined ? error : new CliError(mapped.message, EXIT.usage);
  };
  let result: T;
  try {
    result = await fn(store);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw asCliError(error);
  }
  try {
    await store.close();
  } catch (error) {
    throw asCliError(error);
  }
  return result;
}

/** A whole number ≥ `min` from an option, or undefined. */
export function wholeNumber(ctx: CommandContext, name: string, min = 0): number | undefined {
  const value = str(ctx.values, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min)
    throw new CliError(`--${name} ${JSON.stringify(value)}: expected a whole number ≥ ${min}`);
  return Number(value);
}

export function limitOf(ctx: CommandContext, fallback: number): number | undefined {
  const value = str(ctx.values, "limit");
  if (value === "all") return undefined;
  return wholeNumber(ctx, "limit") ?? fallback;
}

export function oneOf<T extends string>(
  ctx: CommandContext,
  name: string,
  allowed: readonly T[],
): T | undefined {
  return choice(ctx.values, name, allowed);
}

export async function requireModel(store: Store, id: string): Promise<void> {
  if ((await store.model(id)) === undefined)
    throw new CliError(`${id}: no such model in the registry ${store.location}`, EXIT.usage);
}

/** 5 (incomplete) when a walk hit the default depth limit; with an explicit --max-depth that is what was asked. */
export function walkExit(ctx: CommandContext, complete: boolean): number {
  return complete || str(ctx.values, "max-depth") !== undefined ? EXIT.ok : EXIT.incomplete;
}

export const integer = new Intl.NumberFormat("en-US");
export const plural = (n: number, word: string): string =>
  `${integer.format(n)} ${word}${n === 1 ? "" : "s"}`;
