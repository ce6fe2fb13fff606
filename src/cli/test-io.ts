/** In-process CLI runs for tests: captures output, no subprocess. */
import type { Io } from "./command.js";
import { run } from "./main.js";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function ftl(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
