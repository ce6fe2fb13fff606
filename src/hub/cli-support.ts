/** What the `hf:` branch of `ftl import` and `ftl crawl hf` share: Hub errors as CLI errors, progress for people. */
import { CliError, EXIT, type Io } from "../cli/command.js";
import type { ExtractResult } from "../extract/types.js";
import { HubError, type HubErrorCode } from "./hub-error.js";
import { importFromHub } from "./import-from-hub.js";

/** Problems the user fixes (exit 2) versus problems that may pass if tried again later (exit 5). */
const RETRY_LATER: readonly HubErrorCode[] = [
  "unreachable",
  "rate-limited",
  "truncated",
  "server-error",
  "bad-response",
  "timeout",
  "too-large",
  "request-budget",
];

/** A HubError as a CliError: 2 for a wrong id, revision, token or access; 5 for a transfer that may succeed later. */
export function hubCliError(error: unknown): unknown {
  if (!(error instanceof HubError)) return error;
  return new CliError(error.message, RETRY_LATER.includes(error.code) ? EXIT.incomplete : EXIT.usage);
}

/** Progress lines on standard error, only for a person at a terminal, overwriting one status line. */
export function progressLine(io: Io): ((message: string) => void) | undefined {
  if (!io.isTTY) return undefined;
  return (message) => io.stderr(`\r\x1b[K${message.length > 100 ? `${message.slice(0, 97)}...` : message}`);
}

/** Clears the status line left by {@link progressLine}. */
export function clearProgress(io: Io): void {
  if (io.isTTY) io.stderr("\r\x1b[K");
}

/**
 * The Hub importer behind `ftl import hf:ORG/NAME[@REV]`: one reference, `--depth`, `HF_ENDPOINT`/`HF_TOKEN`
 * from the command's environment. Throws CliErrors.
 */
export async function importHubRefs(
  refs: string[],
  options: { subject?: string; env: NodeJS.ProcessEnv; depth?: number; io?: Io },
): Promise<ExtractResult> {
  if (refs.length !== 1)
    throw new CliError(
      `give one hf:ORG/NAME reference at a time (got ${refs.length}); ancestors are followed automatically`,
    );
  const ref = refs[0] as string;
  const env = options.env;
  const onProgress = options.io ? progressLine(options.io) : undefined;
  try {
    const result = await importFromHub(ref, {
      env,
      ...(options.depth !== undefined ? { depth: options.depth } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    if (options.subject && options.subject !== result.document.subject.id)
      result.warnings.push({
        code: "hub.subject-ignored",
        message: `--subject ${options.subject} is ignored for hf: imports; the subject is ${result.document.subject.id}`,
      });
    return result;
  } catch (error) {
    throw hubCliError(error);
  } finally {
    if (options.io) clearProgress(options.io);
  }
}

/** Parses a whole-number option (`--depth`, `--limit`). */
export function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`--${name} must be a whole number ≥ 0, got '${value}'`);
  return Number(value);
}
