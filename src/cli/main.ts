/** The `ftl` entry point: picks the command, runs it, and turns every failure into a message and exit code. */
import { createRequire } from "node:module";
import { hasControl, terminalSafe } from "../render/visible.js";
import { StoreError } from "../store/store.js";
import { closest } from "../validate/suggest.js";
import {
  CliError,
  type Command,
  EXIT,
  type Io,
  parseCommandArgs,
  renderHelp,
  UsageError,
} from "./command.js";
import { COMMANDS } from "./commands/index.js";

const require = createRequire(import.meta.url);
const { version } = require("../../package.json") as { version: string };

function topHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.path.join(" ").length));
  return [
    `ftl ${version} — model fine-tune lineage: record, extract, validate, store, query, audit, export`,
    "",
    "Usage: ftl COMMAND [options]    (ftl COMMAND --help for details)",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`),
    "",
    "Exit codes: 0 ok (lineage), 1 invalid document, 2 usage error, 3 partial lineage, 4 not lineage,",
    "            5 incomplete result, 6 audit failed (error finding or policy violated), 70 internal error.",
    "",
  ].join("\n");
}

function findCommand(
  argv: readonly string[],
  commands: readonly Command[],
): { command: Command; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.path.length - a.path.length);
  for (const command of sorted) {
    if (command.path.every((word, i) => argv[i] === word))
      return { command, rest: argv.slice(command.path.length) };
  }
  return undefined;
}

/**
 * The Io a command writes through: human output has its control characters made visible (an id or file
 * name cannot clear the screen or forge a line); JSON and data output (`--json`, exports, the schema) are
 * left as they are (JSON escapes controls itself).
 */
function safeIo(io: Io, argv: readonly string[], command?: Command): Io {
  const json = argv.includes("--json");
  const names = argv
    .filter(hasControl)
    .flatMap((a) => [a, ...(a.includes("=") ? [a.slice(a.indexOf("=") + 1)] : [])]);
  return {
    ...io,
    stdout: json || command?.rawStdout ? io.stdout : (text) => io.stdout(terminalSafe(text, names)),
    stderr: (text) => io.stderr(terminalSafe(text, names)),
  };
}

/** Help of a command group (`ftl query --help`): its subcommands with their summaries. */
function groupHelp(word: string, group: readonly Command[]): string {
  const width = Math.max(...group.map((c) => c.path.join(" ").length));
  return [
    `ftl ${word} — ${group.length} command${group.length === 1 ? "" : "s"}:`,
    "",
    ...group.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`),
    "",
    `Run 'ftl ${group[0]?.path.join(" ")} --help' (or any of them) for its options.`,
    "",
  ].join("\n");
}

/** `ftl`, `ftl --help`, `ftl help [COMMAND | GROUP]`. */
function helpFor(argv: readonly string[], commands: readonly Command[]): string {
  if (argv[0] !== "help") return topHelp(commands);
  const target = findCommand(argv.slice(1), commands);
  if (target) return renderHelp(target.command);
  const group = commands.filter((c) => c.path[0] === argv[1] && c.path.length > 1);
  return group.length > 0 ? groupHelp(argv[1] ?? "", group) : topHelp(commands);
}

/** A group word alone or with --help lists the group; anything else is an unknown command, with a suggestion. */
function unknownCommand(
  argv: readonly string[],
  commands: readonly Command[],
  io: Io,
  fail: (error: CliError) => number,
): number {
  const word = argv[0] ?? "";
  const group = commands.filter((c) => c.path[0] === word && c.path.length > 1);
  const rest = argv.slice(1);
  if (
    group.length > 0 &&
    (rest.length === 0 || rest.includes("--help") || rest.includes("-h") || rest[0] === "help")
  ) {
    io.stdout(groupHelp(word, group));
    return rest.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (group.length > 0) {
    const hit = closest(
      rest[0] ?? "",
      group.map((c) => c.path[1] as string),
    );
    return fail(
      new UsageError(
        `unknown command 'ftl ${word} ${rest[0] ?? ""}'${hit ? ` (did you mean 'ftl ${word} ${hit}'?)` : ""}`,
        `run 'ftl ${word} --help' for its commands`,
      ),
    );
  }
  const hit = closest(word, [...new Set(commands.map((c) => c.path[0] as string))]);
  return fail(new UsageError(`unknown command '${word}'${hit ? ` (did you mean 'ftl ${hit}'?)` : ""}`));
}

const defaultIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  env: process.env,
});

/** Runs ftl with arguments and returns the exit code (never throws). */
export async function run(
  argv: string[],
  rawIo: Io = defaultIo(),
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const json = argv.includes("--json");
  const found = findCommand(argv, commands);
  const io = safeIo(rawIo, argv, found?.command);
  const fail = (error: CliError, command?: Command): number => {
    if (json)
      io.stdout(`${JSON.stringify({ error: { exitCode: error.exitCode, message: error.message } })}\n`);
    io.stderr(`ftl: ${error.message}\n`);
    if (error instanceof UsageError)
      io.stderr(
        error.hint !== undefined
          ? `${error.hint}\n`
          : command
            ? `run 'ftl ${command.path.join(" ")} --help' for usage\n`
            : "run 'ftl --help' for the commands\n",
      );
    return error.exitCode;
  };
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout(helpFor(argv, commands));
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === "--version" || argv[0] === "-V") {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  if (!found) return unknownCommand(argv, commands, io, fail);
  const { command, rest } = found;
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.help) {
      io.stdout(renderHelp(command));
      return EXIT.ok;
    }
    const { _: positionals, ...values } = parsed;
    const limits = command.positionals ?? { min: 0, max: 0, names: "" };
    if (positionals.length < limits.min) throw new UsageError(`missing ${limits.names}`);
    if (positionals.length > limits.max)
      throw new UsageError(
        limits.max === 0
          ? `unexpected argument '${positionals[0]}'`
          : `too many arguments: expected at most ${limits.max} ${limits.names}`,
      );
    return await command.run({ values, positionals, io });
  } catch (error) {
    if (error instanceof CliError) return fail(error, command);
    if (error instanceof StoreError) return fail(new CliError(error.message, EXIT.usage), command);
    if (io.env.FTL_DEBUG) io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
    const message = error instanceof Error ? error.message : String(error);
    return fail(
      new CliError(
        `internal error: ${message} (set FTL_DEBUG=1 for details; please report it)`,
        EXIT.internal,
      ),
    );
  }
}

/** Runs ftl as a process: sets the exit code, quietly stops on a closed pipe. */
export async function runMain(argv: string[]): Promise<void> {
  // The YAML parser reports oddities of a user's file as process warnings, printed raw by Node's default
  // handler; ftl reports what matters itself. Other warnings are printed terminal-safe.
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    if (warning.name !== "YAMLWarning")
      process.stderr.write(terminalSafe(`(node) ${warning.name}: ${warning.message}\n`));
  });
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await run(argv);
}
