/**
 * A fine-tuning README, in any language read, saying its trained model was saved or converted as GGUF: "Model akan
 * disimpan dalam format GGUF yang kompatibel dengan Ollama" (id), "Eğitilen model GGUF formatına dönüştürülmüş"
 * (tr), "**Formato final**: GGUF optimizado (Q4_K_M)" (es), "**Formato**: GGUF (compatível com Ollama)" (pt),
 * "| **Export** | GGUF q4_k_m |" (dev w4-ne-id-unnes-mistral-7b-unsloth-qlora-gguf,
 * w4-ne-tr-carmodel-llama31-8b-unsloth-qlora-gguf, w1-ne-es-wonderland-qwen3-06b-lora-gguf,
 * k-ne-pt-fiap-llama32-1b-qlora-gguf, x1-ne-es-kai-qwen35-4b-lora-oig-gguf). The English sentences with "then" and
 * "finally" are `quantized-prose-export.ts`'s; this reader needs a card that states a training, a line where GGUF
 * sits beside a word of saving, converting, exporting or a "format" label, and no other export found. Never a
 * line about downloading, loading or running someone's GGUF, nor an offer ("you can convert"). The step follows
 * the training (`exportStep`); its output is the one local `.gguf` file the card names, when there is one, and its
 * type (`Q4_K_M`) when the line or that file says. Extracted, 0.7.
 */
import type { CardState } from "../card-body.js";
import { extracted, fact } from "../facts.js";
import type { Block } from "../markdown.js";
import { outOfScopeSection } from "../section-scope.js";
import { GGUF_TYPE_IN_NAME } from "../terms.js";
import { trained } from "./dataset-files.js";

const GGUF = /(?<![\w.-])gguf(?![\w-])/i;
/** Saving, converting or exporting, or a label of the result's format, in the languages read. */
const EXPORTED =
  /\b(?:convert(?:ed)?|export(?:ed)?|saved?|stored)\b|\bformat(?:o)?(?: final)?\b|导出|转换|转为|转成|保存|変換|エクスポート|변환|내보내|저장|конверт|экспорт|сохран|формат|export(?:ad[oa]|ar)|convert(?:id[oa]|ir|er)|guardad[oa]|salv[oa]|dönüştür|format[ıi]na|disimpan|dikonversi|konversi/i;
/** Someone else's GGUF fetched, loaded or run; or an offer to the reader. */
const NOT_OWN =
  /download|descarg|baix|下载|下載|ダウンロード|다운로드|скача|загруз|indir|unduh|\bpull\b|https?:|\b(?:you can|can be|could|optional(?:ly)?|if you)\b|可以|できます|수 있|можно|puede|pode|kann|können|könnte|peut|pueden|podem|могут/i;
/**
 * The release's formats listed side by side ("**Format**: Safetensors và GGUF (Q8, Q4)", dev
 * y6-ne-vi-vieneu-tts-from-neutts-air): what is offered, not a conversion the card tells of.
 */
const OTHER_FORMAT = /safetensors|\bpytorch\b|\bonnx\b/i;
const GGUF_FILE =
  /(?<![\w./-])((?:\.{1,2}\/)?(?:[\w-][\w.-]{0,80}\/){0,3}[\w-][\w.-]{0,120}\.gguf)(?![\w.])/gi;

/** The local `.gguf` files the card names, outside links and download lines. */
function localGgufFiles(blocks: Block[]): string[] {
  const files = new Set<string>();
  for (const b of blocks)
    for (const line of b.text.split("\n")) {
      if (
        !line.toLowerCase().includes(".gguf") ||
        /https?:|download|descarg|下载|ダウンロード|다운로드/i.test(line)
      )
        continue;
      for (const m of line.matchAll(GGUF_FILE)) files.add((m[1] ?? "").replace(/^\.\//, ""));
    }
  return [...files];
}

/** The line of the card saying its model was saved or converted as GGUF, when there is one. */
function exportLine(blocks: Block[]): { text: string; line: number } | undefined {
  for (const b of blocks) {
    if (b.type === "code" || outOfScopeSection(b) || !GGUF.test(b.text)) continue;
    const lines = b.text.split("\n");
    for (const [i, text] of lines.entries())
      if (
        text.length <= 400 &&
        GGUF.test(text) &&
        EXPORTED.test(text) &&
        !NOT_OWN.test(text) &&
        !OTHER_FORMAT.test(text)
      )
        return { text, line: b.line + i };
  }
  return undefined;
}

export function readGgufExportProse(blocks: Block[], state: CardState): void {
  if (state.quant || !trained(state)) return;
  const said = exportLine(blocks);
  if (!said) return;
  const at = extracted(state.file, {
    line: said.line,
    confidence: 0.7,
    note: "the card says its trained model was saved or converted as GGUF",
  });
  state.quant = { method: fact("gguf", at), exported: true, fromProse: true };
  const files = localGgufFiles(blocks);
  const output = files.length === 1 ? files[0] : undefined;
  // A file by definition (`export_dir`): recorded as a local reference, never read as a Hub id.
  if (output)
    state.quant.output = fact(
      output,
      extracted(state.file, {
        confidence: 0.7,
        field: "export_dir",
        note: "the one local GGUF file the card names",
      }),
    );
  const type =
    GGUF_TYPE_IN_NAME.exec(said.text)?.[1] ?? (output ? GGUF_TYPE_IN_NAME.exec(output)?.[1] : undefined);
  if (type) state.quant.format = fact(type.toUpperCase(), at);
}
