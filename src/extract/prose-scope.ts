/**
 * Parts of a sentence that name a method without claiming it for this model:
 * - a contrast: "unlike the DPO version", "compared to models trained with PPO", "rather than RLHF";
 * - a negation: "has not been aligned with RLHF or DPO", "without any RLHF";
 * - another use of the model: "the starting point for our DPO experiments".
 * A method named inside such a part is not a step of the card (never invent: issue 10). Each part runs from
 * its opening words to the next comma, semicolon, colon, bracket, "but" or "only", or to the sentence's end.
 */

const OPENERS =
  /\b(?:unlike|compared (?:to|with)|in contrast to|as opposed to|rather than|instead of|versus|outperform(?:s|ed|ing)?|better than|not (?:been |yet )?(?:aligned|trained|tuned|fine-?tuned) (?:with|using|via|by|on)|(?:did|does|do) not (?:use|apply|include)|without|starting point for|as a base for)\b/gi;
const CLOSER = /[,;:()[\]]|\bbut\b|\bonly\b/g;

/** The [start, end) spans of a sentence that are contrasts, negations or other uses of the model. */
export function outOfScopeSpans(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  if (
    !/unlike|compared|contrast|opposed|than|instead|versus|outperform|not|without|starting|base for/i.test(
      sentence,
    )
  )
    return spans;
  OPENERS.lastIndex = 0;
  for (const m of sentence.matchAll(OPENERS)) {
    const start = m.index ?? 0;
    if (spans.length > 0 && start < (spans[spans.length - 1]?.[1] ?? 0)) continue;
    CLOSER.lastIndex = start + m[0].length;
    const close = CLOSER.exec(sentence);
    spans.push([start, close ? close.index : sentence.length]);
  }
  return spans;
}

/** True when a position of the sentence lies inside one of the spans. */
export function insideSpans(spans: readonly [number, number][], index: number): boolean {
  return spans.some(([start, end]) => index >= start && index < end);
}
