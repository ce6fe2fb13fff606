/**
 * A GGUF export a fine-tuning README states in words, in the languages read (dev
 * w4-ne-id-unnes-mistral-7b-unsloth-qlora-gguf, k-ne-pt-fiap-llama32-1b-qlora-gguf,
 * x1-ne-es-kai-qwen35-4b-lora-oig-gguf), and the lines that are offers, downloads or someone else's file.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";

const HEAD = "# Helper\n\nThis model is a LoRA fine-tune of meta-llama/Llama-3.2-1B.\n\n";
const steps = (body: string, head = HEAD) =>
  extractFromFiles([{ path: "README.md", text: `${head}${body}\n` }]).document.steps.map((s) => ({
    kind: s.kind,
    method: s.kind === "quantization" ? s.method : undefined,
    format: s.kind === "quantization" ? s.format : undefined,
    output: s.output?.id,
  }));

describe("a GGUF export stated in words", () => {
  it("adds a quantisation step after the training, with the card's one local GGUF file and its type", () => {
    const got = steps(
      "3. Model akan disimpan dalam format GGUF yang kompatibel dengan Ollama\n\n```\nollama create unnes -f Modelfile  # FROM ./mistral-unnes-Q4_K_M.gguf\n```",
    );
    expect(got.map((s) => s.kind)).toEqual(["fine-tune", "quantization"]);
    expect(got[1]).toMatchObject({
      method: "gguf",
      format: "Q4_K_M",
      output: "local:mistral-unnes-Q4_K_M.gguf",
    });
    expect(steps("- **Formato**: GGUF (compatível com Ollama)").map((s) => s.kind)).toEqual([
      "fine-tune",
      "quantization",
    ]);
    expect(steps("| **Export** | GGUF q4_k_m (~2.5GB) |").at(-1)).toMatchObject({ format: "Q4_K_M" });
  });

  it("reads no offer, no download, and nothing in a card that states no training", () => {
    const kinds = (body: string, head = HEAD) => steps(body, head).map((s) => s.kind);
    expect(kinds("Mittels Quantisierung können Modelle in das **GGUF**-Format konvertiert werden.")).toEqual([
      "fine-tune",
    ]);
    expect(kinds("You can convert the model to GGUF format with llama.cpp.")).toEqual(["fine-tune"]);
    expect(kinds("Download the GGUF file from https://huggingface.co/x/y-GGUF and save it.")).toEqual([
      "fine-tune",
    ]);
    expect(kinds("El modelo se guardó en formato GGUF.", "# Helper\n\nA chat assistant.\n\n")).toEqual([]);
  });
});
