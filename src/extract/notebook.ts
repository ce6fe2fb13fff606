/**
 * Jupyter notebooks (`.ipynb`), the form many fine-tunes are published in (Colab): their code cells, in order, read
 * as one Python program. Shell and magic lines (`!pip install …`, `%cd mergekit`, `!mergekit-yaml config.yaml …`)
 * are commented out so that the Python readers see Python; markdown cells are left out. A file that is not a
 * notebook's JSON gives undefined.
 */

interface Cell {
  cell_type?: unknown;
  source?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The text of one cell's `source` (a string, or a list of lines). */
function sourceText(source: unknown): string {
  if (typeof source === "string") return source;
  return Array.isArray(source) ? source.filter((l): l is string => typeof l === "string").join("") : "";
}

/** The notebook's code cells as one Python text, shell and magic lines commented out. */
export function notebookPython(text: string): string | undefined {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(nb) || !Array.isArray(nb.cells)) return undefined;
  const cells = (nb.cells as unknown[]).filter(isObject) as Cell[];
  return cells
    .filter((c) => c.cell_type === "code")
    .map((c) =>
      sourceText(c.source)
        .split("\n")
        .map((line) => (/^\s*[!%]/.test(line) ? `# ${line}` : line))
        .join("\n"),
    )
    .join("\n\n");
}

export const isNotebook = (path: string): boolean => /\.ipynb$/i.test(path);
