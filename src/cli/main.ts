/** The `ftl` entry point: picks the command, runs it, and turns every failure into a message and exit code. */
import { createRequire } from "node:module";
import { StoreError } from "../store/store.js";
import { CliError, type Command, EXIT, type Io, parseCommandArgs, renderHelp } from "./command.js";
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
  io: Io = defaultIo(),
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const json = argv.includes("--json");
  const fail = (error: CliError, command?: Command): number => {
    if (json)
      io.stdout(`${JSON.stringify({ error: { exitCode: error.exitCode, message: error.message } })}\n`);
    io.stderr(`ftl: ${error.message}\n`);
    if (error.exitCode === EXIT.usage)
      io.stderr(
        command
          ? `run 'ftl ${command.path.join(" ")} --help' for usage\n`
          : "run 'ftl --help' for the commands\n",
      );
    return error.exitCode;
  };
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    const target = argv[0] === "help" ? findCommand(argv.slice(1), commands) : undefined;
    io.stdout(target ? renderHelp(target.command) : topHelp(commands));
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === "--version" || argv[0] === "-V") {
    io.stdout(`${version}\n`);
    return EXIT.ok;
  }
  const found = findCommand(argv, commands);
  if (!found) {
    const group = commands.filter((c) => c.path[0] === argv[0]);
    const hint = group.length > 0 ? ` (try ${group.map((c) => `'ftl ${c.path.join(" ")}'`).join(", ")})` : "";
    return fail(new CliError(`unknown command '${argv.slice(0, 2).join(" ")}'${hint}`));
  }
  const { command, rest } = found;
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.help) {
      io.stdout(renderHelp(command));
      return EXIT.ok;
    }
    const { _: positionals, ...values } = parsed;
    const limits = command.positionals ?? { min: 0, max: 0, names: "" };
    if (positionals.length < limits.min) throw new CliError(`missing ${limits.names}`);
    if (positionals.length > limits.max)
      throw new CliError(
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
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await run(argv);
}
