/**
 * A card and the adapter in a folder right beneath it, on the same base, are one run (dev
 * k-ne-ko-gemma2-2b-kullm-lora: README.md and lora_adapter/adapter_config.json on google/gemma-2-2b-it).
 */
import { describe, expect, it } from "vitest";
import { extractGroups } from "./extract-from-files.js";

const adapter = (base: string) => JSON.stringify({ base_model_name_or_path: base, peft_type: "LORA", r: 6 });
const CARD =
  "# gemma2_finetuning_ko\n\n### BASE_Model : google/gemma-2-2b-it\n- google/gemma-2-2b-it : `https://huggingface.co/google/gemma-2-2b-it`\n";

describe("card with an adapter in a sub-folder", () => {
  it("joins the card and the one adapter beneath it that starts from the same base", () => {
    const r = extractGroups([
      { path: "p/README.md", text: CARD },
      { path: "p/lora_adapter/adapter_config.json", text: adapter("google/gemma-2-2b-it") },
    ]);
    expect(r.documents).toHaveLength(1);
  });

  it("keeps apart an adapter on another base, and two adapters beneath one card", () => {
    const other = extractGroups([
      { path: "p/README.md", text: CARD },
      { path: "p/lora_adapter/adapter_config.json", text: adapter("Qwen/Qwen2.5-7B") },
    ]);
    expect(other.documents).toHaveLength(2);
    const two = extractGroups([
      { path: "p/README.md", text: CARD },
      { path: "p/a/adapter_config.json", text: adapter("google/gemma-2-2b-it") },
      { path: "p/b/adapter_config.json", text: adapter("google/gemma-2-2b-it") },
    ]);
    expect(two.documents.length).toBeGreaterThan(1);
  });
});
