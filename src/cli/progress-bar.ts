/** The progress bar of long commands: drawn on standard error, and only when a person watches a terminal. */
import cliProgress from "cli-progress";

/** A bar with ftl's look and `format`, or undefined when `show` is false (no terminal, `--json`). */
export function terminalBar(show: boolean, format: string): cliProgress.SingleBar | undefined {
  if (!show) return undefined;
  return new cliProgress.SingleBar(
    { stream: process.stderr, format, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
}
