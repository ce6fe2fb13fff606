/**
 * The model a torchtune recipe trains from: `checkpointer.checkpoint_dir` as written, unless the file's own
 * `tune download ORG/NAME --output-dir <that path>` line says which Hub model the folder holds, or (inferred) the
 * folder has the name of the model that line downloads.
 */
import { trimEnd } from "../model/trim.js";
import { extracted, fact, inferred, type StepFacts } from "./facts.js";
import { isObj, type Obj, str } from "./recipe-values.js";

/** `${name}` interpolations of top-level keys, resolved (OmegaConf style). */
export function interpolate(value: string, obj: Obj): string {
  return value.replace(/\$\{([\w.]+)\}/g, (all, key: string) => {
    const v = obj[key];
    return typeof v === "string" || typeof v === "number" ? String(v) : all;
  });
}

const norm = (p: string) => trimEnd(p, "/");

/** `tune download ORG/NAME --output-dir DIR` lines of the file. */
function downloads(text: string): { id: string; dir: string; line: number }[] {
  const out: { id: string; dir: string; line: number }[] = [];
  text.split("\n").forEach((row, i) => {
    // `\s+.*?` was ambiguous: one space, then past any line breaks, then the rest of that line.
    const m =
      /\btune download\s+([\w.-]+\/[\w.-]+)\s(?:[^\S\n\r\u2028\u2029]*[\n\r\u2028\u2029])*.*?--output-dir\s+(\S+)/.exec(
        row,
      );
    if (m?.[1] && m[2]) out.push({ id: m[1], dir: norm(m[2]), line: i + 1 });
    else if (!row.includes("--output-dir")) {
      // torchtune/_cli/download.py: "Directory in which to save the model. Defaults to `/tmp/<model_name>`."
      const d = /\btune download\s+([\w.-]+)\/([\w.-]+)/.exec(row);
      if (d?.[1] && d[2]) out.push({ id: `${d[1]}/${d[2]}`, dir: `/tmp/${d[2]}`, line: i + 1 });
    }
  });
  return out;
}

/** Does the folder (its `original/` sub-folder read as the folder) have the name of the model `id`? */
function sameName(dir: string, id: string): boolean {
  const parts = trimEnd(dir.replace(/\\/g, "/"), "/").split("/");
  if (parts[parts.length - 1] === "original") parts.pop();
  const folder = (parts[parts.length - 1] ?? "").toLowerCase();
  return folder.length >= 4 && folder === (id.split("/")[1] ?? "").toLowerCase();
}

export function torchtuneInput(
  obj: Obj,
  text: string,
  file: string,
  step: StepFacts,
  lines: Map<string, number>,
) {
  const ckpt = isObj(obj.checkpointer) ? str(obj.checkpointer.checkpoint_dir) : undefined;
  if (!ckpt) return;
  const dir = interpolate(ckpt, obj);
  const fetched = downloads(text);
  const hub = fetched.find((d) => d.dir === norm(dir));
  // The recipe's own `tune download ORG/NAME` into another folder than the one the checkpointer reads, when that
  // folder has the model's name (`/Users/u/models/Llama-3.2-1B-Instruct/`, `…/Meta-Llama-3-8B-Instruct/original`: dev
  // g14-rcp-torchtune-llama32-finance-lora, t10-rcp-torchtune-llama3-8b-qlora-doctorflan-named-qdora): the user
  // downloaded the same model elsewhere. Inferred, as other links of a local folder to a Hub id are.
  const named = hub ? undefined : fetched.find((d) => sameName(dir, d.id));
  if (named) {
    step.inputs.push(
      fact(
        { id: named.id },
        inferred(
          file,
          `the checkpointer reads ${dir}, a folder named as ${named.id}, which the file's tune download line (line ${named.line}) fetches`,
          0.7,
          "checkpointer.checkpoint_dir",
        ),
      ),
    );
    step.notes.push(`checkpointer.checkpoint_dir: ${dir}`);
  } else if (hub) {
    step.inputs.push(
      fact(
        { id: hub.id },
        extracted(file, {
          line: hub.line,
          field: "tune download",
          confidence: 0.9,
          note: `downloaded to ${dir}, the checkpointer.checkpoint_dir`,
        }),
      ),
    );
    step.notes.push(`checkpointer.checkpoint_dir: ${dir}`);
  } else
    step.inputs.push(
      fact(
        { id: dir },
        extracted(file, {
          field: "checkpointer.checkpoint_dir",
          line: lines.get("checkpointer.checkpoint_dir"),
        }),
      ),
    );
}
