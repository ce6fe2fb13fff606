/**
 * A small command layer over Node's own `util.parseArgs`: each command declares its options, positionals,
 * help text and examples, and returns an exit code. Errors for people are `CliError`s; nothing else is
 * printed with a stack unless FTL_DEBUG is set.
 */
import { parseArgs } from "node:util";
import { closest, didYouMean } from "../validate/suggest.js";

/** Exit codes shared by every command (documented in the README). */
export const EXIT = {
  ok: 0,
  invalid: 1,
  usage: 2,
  partial: 3,
  notLineage: 4,
  incomplete: 5,
  /** `ftl audit`: an error finding (an inherited licence obligation the subject breaks) or a violated --policy. */
  auditFailed: 6,
  /** `ftl verify`: a signature, statement, file or chain-of-custody check failed. */
  verifyFailed: 7,
  /** `ftl recipe`: the recipe was written, but required values the lineage does not record are placeholders. */
  recipeIncomplete: 8,
  internal: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error meant for people: printed as a message (plus usage for usage errors) with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A mistake in how a command was called: the message is followed by a pointer to the command's help. */
export class UsageError extends CliError {
  constructor(
    message: string,
    /** What to run for help, when not the command's own `--help`. */
    readonly hint?: string,
  ) {
    super(message, EXIT.usage);
    this.name = "UsageError";
  }
}

/**
 * `--name -1` as `--name=-1`, so that a negative number reaches the option's own check (and its clear
 * message) instead of being taken for an option.
 */
function joinNegativeValues(argv: readonly string[], stringOptions: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (stringOptions.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Node's parser message, shortened, with a suggestion for an unknown option. */
function parseErrorMessage(error: unknown, known: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (unknown !== undefined) {
    const bare = unknown.replace(/^-+/, "").split("=")[0] as string;
    const hit = closest(bare, known);
    return `unknown option '${unknown}'${hit === undefined ? "" : ` (did you mean '--${hit}'?)`}`;
  }
  return message.replace(/\. To specify a positional argument.*$/s, "");
}

export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  /** Shown in help, e.g. `ID[:COUNT:UNIT]`. */
  value?: string;
  description: string;
  default?: string | boolean;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  io: Io;
}

export interface Command {
  /** Words that select the command, e.g. `["step", "add"]`. */
  path: string[];
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Positional arguments: how many at least and at most. */
  positionals?: { min: number; max: number; names: string };
  examples: string[];
  /** Extra paragraphs for `--help`. */
  details?: string;
  /** Standard output is data (an export, the schema), written as it is; other output is made terminal-safe. */
  rawStdout?: boolean;
  run: (ctx: CommandContext) => Promise<number> | number;
}

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h", description: "Show this help" },
};

/** Help text of one command. */
export function renderHelp(command: Command): string {
  const lines = [`ftl ${command.path.join(" ")} — ${command.summary}`, "", `Usage: ${command.usage}`, ""];
  const entries = Object.entries({ ...command.options, ...GLOBAL_OPTIONS });
  if (entries.length > 0) {
    lines.push("Options:");
    const rows = entries.map(([name, spec]) => {
      const flag = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.type === "string" ? ` ${spec.value ?? "VALUE"}` : ""}`;
      const extra = spec.multiple ? " (repeatable)" : "";
      const dflt =
        spec.default !== undefined && spec.default !== false ? ` [default: ${String(spec.default)}]` : "";
      return [flag, `${spec.description}${extra}${dflt}`] as const;
    });
    const width = Math.min(34, Math.max(...rows.map(([flag]) => flag.length)));
    for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}  ${text}`);
    lines.push("");
  }
  if (command.details) lines.push(command.details.trim(), "");
  if (command.examples.length > 0) {
    lines.push("Examples:");
    for (const example of command.examples) lines.push(`  ${example}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** Parses argv for a command; unknown options and wrong counts become usage errors. */
export function parseCommandArgs(
  command: Command,
  argv: string[],
): CommandContext["values"] & { _: string[] } {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {};
  for (const [name, spec] of Object.entries({ ...command.options, ...GLOBAL_OPTIONS })) {
    options[name] = {
      type: spec.type,
      ...(spec.multiple ? { multiple: true } : {}),
      ...(spec.short ? { short: spec.short } : {}),
    };
  }
  const strings = new Set(
    Object.entries(options).flatMap(([name, o]) =>
      o.type === "string" ? [`--${name}`, ...(o.short ? [`-${o.short}`] : [])] : [],
    ),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv, strings),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error, Object.keys(options)));
  }
  const values: CommandContext["values"] = {};
  for (const [name, spec] of Object.entries(command.options)) {
    const value = parsed.values[name];
    values[name] = (value ?? spec.default) as CommandContext["values"][string];
  }
  values.help = parsed.values.help as boolean | undefined;
  return { ...values, _: parsed.positionals };
}

/** A value from a fixed vocabulary (normalised: trimmed, lower case, `_` as `-`), or a usage error with a suggestion. */
export function choice<T extends string>(
  values: CommandContext["values"],
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = str(values, name);
  if (value === undefined) return undefined;
  const normal = value.trim().toLowerCase().replaceAll("_", "-");
  const hit = allowed.find((a) => a === normal);
  if (hit === undefined)
    throw new UsageError(
      `--${name} ${JSON.stringify(value)}: expected one of ${allowed.join(", ")}${didYouMean(value, allowed)}`,
    );
  return hit;
}

/** Reads a string option, or undefined. */
export function str(values: CommandContext["values"], name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** Reads a repeatable string option as a list. */
export function list(values: CommandContext["values"], name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === "string" ? [value] : [];
}

/** Reads a boolean option. */
export function flag(values: CommandContext["values"], name: string): boolean {
  return values[name] === true;
}

/** Prints a JSON value on one line per document (pretty when a person is reading). */
export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
