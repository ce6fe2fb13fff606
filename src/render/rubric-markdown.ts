/** The classification rubric as a Markdown table, for the README (a test keeps the README in step). */
import { RUBRIC, type RubricItem } from "../validate/rubric.js";

export function rubricMarkdown(): string {
  const lines = [
    "| applies to | item | points | essential | asks for |",
    "| --- | --- | ---: | :---: | --- |",
  ];
  for (const [kind, items] of Object.entries(RUBRIC) as [string, readonly RubricItem[]][]) {
    for (const item of items) {
      lines.push(
        `| ${kind} | ${item.item} | ${item.points} | ${item.essential ? "yes" : ""} | ${item.asks} |`,
      );
    }
  }
  return lines.join("\n");
}
