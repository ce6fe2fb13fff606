/**
 * Every regular-expression literal in a source tree (tests left out), found with the TypeScript parser, and the
 * verdict cache that lets `npm test` skip patterns recheck already called safe.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface RegexLiteral {
  file: string;
  line: number;
  /** The literal as written: `/source/flags`. */
  text: string;
  source: string;
  flags: string;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

export function regexLiterals(root: string): RegexLiteral[] {
  const found: RegexLiteral[] = [];
  for (const file of files(root)) {
    const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText();
        const last = text.lastIndexOf("/");
        const line = src.getLineAndCharacterOfPosition(n.getStart()).line + 1;
        found.push({ file, line, text, source: text.slice(1, last), flags: text.slice(last + 1) });
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return found;
}

/**
 * Patterns recheck decided `safe` (key `/source/flags`), written by `npm run audit:regex -- --write-cache`. Only
 * safe verdicts are kept, and a pattern's identity is its text, so an edited pattern is checked again.
 */
export const SAFE_CACHE = new URL("./safe-patterns.json", import.meta.url);

export function readSafeCache(): Set<string> {
  if (!existsSync(SAFE_CACHE)) return new Set();
  return new Set(JSON.parse(readFileSync(SAFE_CACHE, "utf8")) as string[]);
}

export function writeSafeCache(safe: Iterable<string>): void {
  writeFileSync(SAFE_CACHE, `${JSON.stringify([...new Set(safe)].sort(), null, 2)}\n`);
}
