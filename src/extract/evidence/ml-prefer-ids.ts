/** The Hub id a card gives for a base it also names bare (moved out of `multilingual.ts`, unchanged). */
import type { CardState } from "../card-body.js";

const squash = (s: string) => s.toLowerCase().replace(/[\s._-]/g, "");

/**
 * A base read as a bare name (`对 Qwen3-ASR-1.7B 进行 LoRA 微调`) that the card also gives as a Hub id (`以
 * \`Qwen/Qwen3-ASR-1.7B\` 为基座`, find_string 54487523322): the id takes the name's place.
 */
export function preferHubIds(state: CardState): void {
  const bases = state.proseBases;
  for (let i = 0; i < bases.length; i++) {
    const name = bases[i]?.value ?? "";
    if (name.includes("/")) continue;
    const j = bases.findIndex(
      (b) => b.value.includes("/") && squash(b.value.split("/").pop() ?? "") === squash(name),
    );
    if (j <= i) continue;
    const [id] = bases.splice(j, 1);
    if (id) bases.splice(i, 1, id);
  }
}
