/**
 * Tables naming the trainer's key in a cell, from dev k-ne-pt-fiap-llama32-1b-qlora-gguf (test/fixtures/corpus/dev).
 */
import { describe, expect, it } from "vitest";
import type { CardState } from "../card-body.js";
import { readWith } from "./_test-card.js";
import { readKeyCellTables } from "./key-cell-tables.js";

const hp = (s: CardState) => Object.fromEntries(s.hp.map((h) => [h.key, h.value]));

const TABLE = `| Categoria | Parâmetro | Valor Otimizado | Justificativa  |
| :--- | :--- | :--- | :--- |
| **Aprendizado (LR)** | \`learning_rate\` | $3e-5$ | Ponto de equilíbrio entre o LR de $5e-5$ e $1e-5$. |
| **Tempo de Treinamento**| \`num_train_epochs\` | 3 | Aumentado de 3. |
| **Capacidade LoRA** | \`LoRA r\` / \`alpha\` | 32 / 64 | Aumentado de $16/16$. |
| **Scheduler** | \`lr_scheduler_type\` | \`'cosine'\` | Preferido. |
| **Otimizador** | \`optim\` | \`"paged_adamw_8bit"\` | Essencial. |
`;

describe("key-cell tables", () => {
  it("reads each key cell with the cell after it, whatever the other columns", () => {
    expect(hp(readWith(readKeyCellTables, TABLE))).toEqual({
      learning_rate: "3e-5",
      num_train_epochs: "3",
      lora_r: "32",
      lr_scheduler_type: "cosine",
    });
  });

  it("does not read words of prose or a header row as keys", () => {
    const text = "| Setting | Value |\n| --- | --- |\n| learning rate | 2e-4 |\n| epochs | 3 |\n";
    expect(hp(readWith(readKeyCellTables, text))).toEqual({});
    expect(hp(readWith(readKeyCellTables, "| `learning_rate` | value |\n| --- | --- |\n"))).toEqual({});
  });
});
