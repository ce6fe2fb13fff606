import { describe, expect, it } from "vitest";
import { baseProvenance, LOCAL_BASE_CONFIDENCE } from "./calibration.js";
import { extractFromFiles } from "./extract-from-files.js";

describe("calibration rules", () => {
  it("a local-path root base is stated below 0.9; a Hub id keeps its confidence", () => {
    const src = { source: "extracted" as const, file: "a.yaml", confidence: 1 };
    expect(baseProvenance("local:/tmp/x", src)?.confidence).toBe(LOCAL_BASE_CONFIDENCE);
    expect(baseProvenance("org/model", src)?.confidence).toBe(1);
    const { document } = extractFromFiles([
      {
        path: "sft.yaml",
        text: "model_name_or_path: /mnt/models/kanana-8b\nlearning_rate: 2.0e-4\nnum_train_epochs: 2\n",
      },
    ]);
    expect(document.bases[0]?.id).toBe("local:/mnt/models/kanana-8b");
    expect(document.bases[0]?.provenance?.confidence).toBe(LOCAL_BASE_CONFIDENCE);
  });
});
