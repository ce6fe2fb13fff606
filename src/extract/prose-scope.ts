/**
 * Parts of a sentence that name a method without claiming it for this model:
 * - a contrast: "unlike the DPO version", "compared to models trained with PPO", "rather than RLHF";
 * - a negation: "has not been aligned with RLHF or DPO", "without any RLHF";
 * - another use of the model: "the starting point for our DPO experiments";
 * - a comparison or a baseline: "a more effective algorithm than DPO", "Additional baselines (RRHF, SLiC-HF, CPO)";
 * - a loss term added to another objective: "adding an additional SFT loss", "the SFT regularization";
 * - the model a step started from: "starting from our SFT checkpoint" (the SFT made the input, it is not a
 *   step after it); this part is only the noun phrase, up to "we", "then", "and", "using", "with", "on" …
 * A method named inside such a part is not a step of the card (never invent: issue 10). Each part runs from
 * its opening words to the next comma, semicolon, colon, bracket, "but" or "only", or to the sentence's end.
 */

const OPENERS =
  /\b(?:unlike|compared (?:to|with)|in contrast to|as opposed to|rather than|instead of|versus|outperform(?:s|ed|ing)?|better than|not (?:been |yet )?(?:aligned|trained|tuned|fine-?tuned) (?:with|using|via|by|on)|(?:did|does|do) not (?:use|apply|include)|without|starting point for|as a base for|(?:more|less) [\w-]+(?: [\w-]+){0,3} than|(?:simpl|strong|fast|cheap|easi|bett|larg|small)er than|(?:additional|extra|auxiliary)(?= [\w-]+ (?:loss|regulari[sz]ation|term)\b))\b/gi;
/** A list of methods compared with: "Additional baselines (RRHF, SLiC-HF, CPO)", up to the list's end. */
const BASELINES = /\bbaselines?\b/gi;
const BASELINES_CLOSER = /[;:)\]]|\bbut\b/g;
const REGULARIZER = / regulari[sz]ation\b/gi;
const CLOSER = /[,;:()[\]]|\bbut\b|\bonly\b/g;
const FROM_OPENER = /\b(?:starting from|initiali[sz]ed (?:from|with)|continued from)\b/gi;
const FROM_CLOSER = /[,;:()[\]]|\b(?:we|then|and|using|with|on|via|by|to)\b/gi;

/** Adds the spans that `opener` starts and `closer` (searched from the opener's end) ends. */
function addSpans(sentence: string, opener: RegExp, closer: RegExp, spans: [number, number][]): void {
  opener.lastIndex = 0;
  let reach = -1;
  for (const m of sentence.matchAll(opener)) {
    const start = m.index ?? 0;
    if (start < reach) continue;
    closer.lastIndex = start + m[0].length;
    let close = closer.exec(sentence);
    // "than DPO (Direct Preference Optimization) without …": an aside in brackets belongs to what it follows.
    const aside = close && sentence[close.index] === "(" ? sentence.indexOf(")", close.index) : -1;
    if (aside !== -1) {
      closer.lastIndex = aside + 1;
      close = closer.exec(sentence);
    }
    reach = close ? close.index : sentence.length;
    spans.push([start, reach]);
  }
}

/** The [start, end) spans of a sentence that are contrasts, negations or other uses of the model. */
export function outOfScopeSpans(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  if (
    !/unlike|compared|contrast|opposed|than|instead|versus|outperform|not|without|starting|base for|initiali|continued from|baseline|additional|extra|auxiliary|regulari[sz]ation/i.test(
      sentence,
    )
  )
    return spans;
  addSpans(sentence, OPENERS, CLOSER, spans);
  addSpans(sentence, FROM_OPENER, FROM_CLOSER, spans);
  addSpans(sentence, BASELINES, BASELINES_CLOSER, spans);
  // "the SFT regularization helps …": a method used as a regularising term of another objective.
  // The word before it is read backwards (a `[\w-]+` before the phrase would make the pattern backtrack).
  for (const m of sentence.matchAll(REGULARIZER)) {
    const end = m.index + m[0].length;
    let start = m.index;
    while (start > 0 && /[\w-]/.test(sentence[start - 1] ?? "")) start--;
    while (start < m.index && !/\w/.test(sentence[start] ?? "")) start++;
    if (start < m.index) spans.push([start, end]);
  }
  return spans;
}

/** True when a position of the sentence lies inside one of the spans. */
export function insideSpans(spans: readonly [number, number][], index: number): boolean {
  return spans.some(([start, end]) => index >= start && index < end);
}
