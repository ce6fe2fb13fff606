/**
 * The base a card's own adapter loads onto, in the card's Python code: `base = AutoModelForCausalLM.from_pretrained(
 * "speakleash/Bielik-11B-v2.2-Instruct")` then `PeftModel.from_pretrained(base, "./bielik-cybernetyka-lora")` (dev
 * y6-ne-pl-bielik11b-cybernetyka-lora). An adapter loads only onto the model it was trained on, so a local adapter
 * (the one the card's training wrote) names its base there. Read only when nothing else names a base; extracted,
 * 0.7 (the code may load another adapter than the one the card trained).
 */
import { refKind } from "../../model/refs.js";
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import type { Block } from "../markdown.js";

const LOAD = ".from_pretrained(";
const PEFT_LOAD = "PeftModel.from_pretrained(";

/** The first quoted string at the start of `text` (spaces before it allowed), if any. */
function quoted(text: string): string | undefined {
  const s = text.trimStart();
  const q = s[0];
  if (q !== '"' && q !== "'") return undefined;
  const end = s.indexOf(q, 1);
  return end > 1 ? s.slice(1, end) : undefined;
}

/** The Hub model a Python block loads its local adapter onto, with the line, when it does. */
function adapterBase(block: Block): { id: string; line: number } | undefined {
  const loaded = new Map<string, string>();
  const lines = block.text.split("\n");
  for (const [i, row] of lines.entries()) {
    const peft = row.indexOf(PEFT_LOAD);
    if (peft >= 0) {
      const args = row.slice(peft + PEFT_LOAD.length);
      const comma = args.indexOf(",");
      const model = loaded.get(args.slice(0, comma).trim());
      const adapter = comma > 0 ? quoted(args.slice(comma + 1)) : undefined;
      if (model && adapter && refKind(adapter) !== "hub") return { id: model, line: block.line + i };
      continue;
    }
    const eq = row.indexOf("=");
    const call = row.indexOf(LOAD);
    if (eq <= 0 || call < eq) continue;
    const name = row.slice(0, eq).trim();
    const id = quoted(row.slice(call + LOAD.length));
    if (/^\w+$/.test(name) && id && refKind(id) === "hub") loaded.set(name, id);
  }
  return undefined;
}

export function readPeftLoadBase(blocks: Block[], state: CardState): void {
  if (state.proseBases.length > 0 || state.chainBase) return;
  for (const b of blocks) {
    if (b.type !== "code" || !/^(?:py|python|python3|)$/i.test(b.lang ?? "")) continue;
    const found = adapterBase(b);
    if (!found) continue;
    state.proseBases.push(
      fact(
        found.id,
        extracted(state.file, {
          line: found.line,
          confidence: 0.7,
          note: "the card's code loads its local adapter onto this model",
        }),
      ),
    );
    return;
  }
}
