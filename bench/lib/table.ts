/** Plain-text and Markdown tables for benchmark output. */

export type Cell = string | number;

/** Formats a number for a table: ms with 3 significant digits, large counts with thin grouping. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return "—";
  if (Number.isInteger(value) && Math.abs(value) >= 1000) return value.toLocaleString("en-US");
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(Math.min(decimals, 4));
}

const cell = (c: Cell): string => (typeof c === "number" ? formatNumber(c) : c);

/** An aligned plain-text table (numbers right-aligned). */
export function textTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[], numeric: readonly boolean[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const out = [
    line(
      headers,
      headers.map(() => false),
    ),
    widths.map((w) => "-".repeat(w)).join("  "),
  ];
  rows.forEach((row, r) => {
    out.push(
      line(
        text[r] ?? [],
        row.map((c) => typeof c === "number"),
      ),
    );
  });
  return out.join("\n");
}

/** A Markdown table. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const out = [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`];
  for (const row of rows) out.push(`| ${row.map(cell).join(" | ")} |`);
  return out.join("\n");
}
