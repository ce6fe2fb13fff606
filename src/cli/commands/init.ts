import { existsSync } from "node:fs";
import {
  replaceFileKeeping,
  serializeDocument,
  writeFailure,
  writeFileAtomic,
} from "../../io/write-document.js";
import { FORMAT_V1 } from "../../model/vocabulary.js";
import type { LineageDocument } from "../../schema/lineage.js";
import { validateLineage } from "../../validate/validate.js";
import { CliError, type Command, EXIT, flag, list, printJson, str } from "../command.js";

export const initCommand: Command = {
  path: ["init"],
  summary: "start a lineage document for a model",
  usage: "ftl init --subject ID [--base ID...] [--file lineage.json] [--license L] [--force] [--json]",
  options: {
    subject: { type: "string", value: "ID", description: "The model the document describes (required)" },
    base: { type: "string", multiple: true, value: "ID", description: "A base model the chain starts from" },
    license: { type: "string", value: "LICENSE", description: "The subject's licence (SPDX or Hub id)" },
    file: { type: "string", value: "PATH", description: "Where to write", default: "lineage.json" },
    force: { type: "boolean", description: "Overwrite an existing file" },
    json: { type: "boolean", description: "Print the written document" },
  },
  details: "Exit codes: 0 written, 2 usage error (missing --subject, file exists without --force).",
  examples: ["ftl init --subject my-org/zephyr-ft --base mistralai/Mistral-7B-v0.1"],
  run({ values, io }) {
    const subject = str(values, "subject");
    if (!subject) throw new CliError("--subject ID is required");
    const file = str(values, "file") ?? "lineage.json";
    if (existsSync(file) && !flag(values, "force"))
      throw new CliError(`${file}: already exists; use --force to overwrite`);
    const license = str(values, "license");
    const doc: LineageDocument = {
      format: FORMAT_V1,
      subject: { id: subject, ...(license ? { license } : {}) },
      bases: list(values, "base").map((id) => ({ id })),
      steps: [],
    };
    const report = validateLineage(doc);
    if (!report.valid)
      throw new CliError(
        report.issues
          .filter((i) => i.severity === "error")
          .map((i) => i.message)
          .join("\n"),
      );
    try {
      if (existsSync(file)) replaceFileKeeping(file, serializeDocument(doc, file));
      else writeFileAtomic(file, serializeDocument(doc, file));
    } catch (error) {
      throw new CliError(`${file}: cannot write (${writeFailure(error)})`);
    }
    if (flag(values, "json")) printJson(io, doc);
    else
      io.stdout(
        `wrote ${file}: ${subject}${doc.bases.length ? ` from ${doc.bases.map((b) => b.id).join(", ")}` : ""}\nnext: ftl step add --kind fine-tune --objective sft --param full --dataset ID --hp learning_rate=2e-5 --output ID\n`,
      );
    return EXIT.ok;
  },
};
