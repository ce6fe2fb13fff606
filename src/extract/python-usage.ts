/**
 * The command a script's own docstring gives as its usage (`Usage:\n    python merge_lora.py \\\n --base-model
 * Qwen/Qwen2.5-Coder-7B-Instruct --adapter outputs/x-lora --output outputs/x-merged`: dev
 * y1-qnt-sentinelops-qwen-coder-lora-awq). A program whose flags are all required says nothing by itself; the usage
 * line is how its author runs it, read as a shell script running it would be. Only for a program that gave no step of
 * its own (its defaults already say what a usage line would, and would be read twice).
 */
import type { FileFacts } from "./facts.js";
import { readCommands } from "./read-command.js";
import type { SourceFile } from "./types.js";

const LAUNCHER = /^(?:python3?|accelerate\s+launch|torchrun|deepspeed)\b/;

/** The module docstring's lines, with the 0-based line of its first. */
function docstring(text: string): { lines: string[]; first: number } | undefined {
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length && /^\s*(?:#.*)?$/.test(lines[i] ?? "")) i++;
  const open = (lines[i] ?? "").trimStart();
  const quote = open.startsWith('"""') ? '"""' : open.startsWith("'''") ? "'''" : undefined;
  if (!quote) return undefined;
  const inner: string[] = [open.slice(3)];
  if (inner[0]?.includes(quote)) return undefined; // a one-line docstring holds no usage block
  for (let j = i + 1; j < lines.length && j < i + 200; j++) {
    const row = lines[j] ?? "";
    const close = row.indexOf(quote);
    if (close >= 0) return { lines: [...inner, row.slice(0, close)], first: i };
    inner.push(row);
  }
  return undefined;
}

/** The usage command that runs `name` (with its continuation lines), and the 0-based line it starts on. */
export function usageCommand(text: string, name: string): { command: string; line: number } | undefined {
  const doc = docstring(text);
  if (!doc) return undefined;
  for (const [k, row] of doc.lines.entries()) {
    const trimmed = row.trim();
    if (!LAUNCHER.test(trimmed) || !trimmed.split(/\s+/).some((w) => w.endsWith(name))) continue;
    const command = [trimmed];
    for (let m = k; (doc.lines[m] ?? "").trimEnd().endsWith("\\") && m + 1 < doc.lines.length; m++)
      command.push((doc.lines[m + 1] ?? "").trim());
    return { command: command.join("\n"), line: doc.first + k };
  }
  return undefined;
}

/** Reads the usage command of each Python program that gave no step, into that program's facts. */
export function readUsageCommands(files: readonly SourceFile[], facts: FileFacts[]): void {
  for (const file of files) {
    if (!/\.py$/i.test(file.path)) continue;
    const own = facts.filter((f) => f.file === file.path);
    if (own.some((f) => f.steps.length > 0)) continue;
    const usage = usageCommand(file.text, file.path.split(/[\\/]/).pop() ?? file.path);
    if (!usage) continue;
    const warnings = own[0]?.warnings ?? [];
    const steps = readCommands(usage.command, file.path, usage.line, warnings);
    if (steps.length === 0) continue;
    for (const s of steps) s.notes.push("read from the usage line of the script's own docstring");
    if (own[0]) own[0].steps.push(...steps);
    else facts.push({ file: file.path, kind: "script-usage", bases: [], steps, warnings });
  }
}
