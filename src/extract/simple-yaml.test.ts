import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { simpleYamlMapping } from "./simple-yaml.js";

const full = (text: string): unknown => {
  const doc = parseDocument(text, { prettyErrors: false, logLevel: "error" });
  return doc.errors.length > 0 ? "(error)" : doc.toJS({ maxAliasCount: 100 });
};

const MERGEKIT = `slices:
  - sources:
      - model: mistralai/Mistral-7B-v0.1
        layer_range: [0, 32]
      - model: meta-llama/Llama-2-7b-hf
        layer_range: [0, 32]
merge_method: slerp
base_model: mistralai/Mistral-7B-v0.1
parameters:
  t:
    - filter: self_attn
      value: [0, 0.5, 0.3, 0.7, 1]
    - value: 0.5
dtype: bfloat16
`;

const RECIPE = `base_model: NousResearch/Llama-2-7b-hf  # the base
load_in_4bit: true
datasets:
- path: teknium/GPT4-LLM-Cleaned
  type: alpaca
dataset_prepared_path:
output_dir: ./outputs/qlora-out
lora_target_modules: ['q_proj', "v_proj"]
learning_rate: 2e-5
warmup_ratio: .1
seed: 0x2A
mode: 0o17
nothing: ~
on: yes
big: 12345678901234567890
neg: -0
ratio: -.inf
`;

/** Texts the fast reader must leave to the full parser. */
const LEFT = [
  "a: &x 1\nb: *x\n",
  "a: !!str 1\n",
  "a: |\n  text\n",
  "a: >-\n  text\n",
  "a: {b: 1}\n",
  'a: "x\\ny"\n',
  "a: 'it''s'\n",
  "a: 1\na: 2\n",
  "a:\n  multi\n  line\n",
  "---\na: 1\n",
  "a: 1\n\tb: 2\n",
  "a: café\n",
  "- a\n- b\n",
  "a: b: c\n",
  "? a\n: b\n",
  "a: [1, [2]]\n",
  "null: 1\n",
  "a: 1\n  b: 2\n",
];

describe("simpleYamlMapping", () => {
  it("reads a mergekit config and a recipe exactly as the YAML parser does", () => {
    for (const text of [MERGEKIT, RECIPE]) {
      const fast = simpleYamlMapping(text);
      expect(fast).toBeDefined();
      expect(isDeepStrictEqual(fast, full(text))).toBe(true);
      expect(Object.keys(fast ?? {})).toEqual(Object.keys(full(text) as object));
    }
  });

  it("leaves anchors, tags, block and escaped scalars, flow maps, duplicates and odd indents to the parser", () => {
    for (const text of LEFT) expect(simpleYamlMapping(text), text).toBeUndefined();
  });

  it("agrees with the parser on every variant it reads (lines cut, indents moved, characters inserted)", () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const bits = ["  ", "- ", ": ", " #", "'", '"', "[", "]", ",", "\n", "-", "1.5", "null", "~", "x: 1"];
    let read = 0;
    for (let k = 0; k < 1500; k++) {
      const lines = (k % 2 ? MERGEKIT : RECIPE).split("\n");
      const at = Math.floor(rnd() * lines.length);
      const line = lines[at] ?? "";
      const op = rnd();
      if (op < 0.3) lines.splice(at, 1);
      else if (op < 0.5) lines[at] = ` ${line}`;
      else {
        const col = Math.floor(rnd() * (line.length + 1));
        lines[at] = line.slice(0, col) + bits[Math.floor(rnd() * bits.length)] + line.slice(col);
      }
      const text = lines.join("\n");
      const fast = simpleYamlMapping(text);
      if (fast === undefined) continue;
      read++;
      expect(isDeepStrictEqual(fast, full(text)), text).toBe(true);
    }
    expect(read).toBeGreaterThan(300);
  });
});
