/**
 * Parts of a sentence that name a method without claiming it for this model:
 * - a contrast: "unlike the DPO version", "compared to models trained with PPO", "rather than RLHF", "whereas";
 * - a negation: "has not been aligned with RLHF or DPO", "without any RLHF" (es "sin", de "ohne", fr "sans", pt "sem"),
 *   "No SFT, no reward model" (blind dev g1-co-simplerl-zero-ppo-from-qwen25-math-7b),
 *   "a base language model, not an instruction-tuned assistant";
 * - another use of the model: "the starting point for our DPO experiments";
 * - a comparison or a baseline: "a more effective algorithm than DPO", "Additional baselines (RRHF, SLiC-HF, CPO)";
 * - a loss term added to another objective: "adding an additional SFT loss", "the SFT regularization";
 * - the model a step started from: "starting from our SFT checkpoint" (the SFT made the input, it is not a
 *   step after it); this part is only the noun phrase, up to "we", "then", "and", "using", "with", "on" …
 * - what a method replaces: "DPO, the alternative of RLHF's reward modeling and PPO", "replacing PPO";
 * - a capability, a condition or an example, not a procedure: "the library supports SFT, DPO", "you can use QLoRA",
 *   "if you want LoRA", "bietet den SFTTrainer", "(e.g. DPO)", "所有指令微调" (all instruction tuning);
 * - a hope: "we hope this repository gives insight into training using DPO", "希望…";
 * - what another model did: "InstructGPT和ChatGPT使用了PPO", "ChatGPT used RLHF".
 * A method named inside such a part is not a step of the card (never invent: issue 10). Each part runs from
 * its opening words to the next comma, semicolon, colon, bracket, "but" or "only" (or their CJK forms), or to
 * the sentence's end. Some parts are a whole sentence (see `wholeSentenceSpans`).
 */

const OPENERS =
  /\b(?:unlike|compared (?:to|with)|in contrast to|as opposed to|whereas|rather than|instead of|versus|outperform(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|better than|not (?:been |yet )?(?:aligned|trained|tuned|fine-?tuned) (?:with|using|via|by|on|from)|not an? (?:instruction[- ]?tuned|fine-?tuned|chat-?tuned|aligned)|(?:did|does|do) not (?:use|apply|include)|without|no (?=(?:SFT|DPO|RLHF|PPO|GRPO|RL|reward models?|(?:instruction[- ])?fine-?tuning|distillation)\b)|sin|ohne|sans|sem|starting point for|as a base for|(?:more|less) [\w-]+(?: [\w-]+){0,3} than|(?:simpl|strong|fast|cheap|easi|bett|larg|small)er than|(?:additional|extra|auxiliary)(?= [\w-]+ (?:loss|regulari[sz]ation|term)\b))\b/gi;
/**
 * More openers: what a method replaces, what the reader can or may do, a condition, an offer, a hope, a method
 * described elsewhere ("dem in Kapitel 1 beschriebenen SFT", "described in Chapter 1").
 */
const MORE_OPENERS =
  /\b(?:(?:an? |the )?alternatives? (?:to|of)|replac(?:es|ed|ing)|(?:you|users?|one) (?:can|could|may|might)|(?:sie|du|man) (?:können|kannst|kann)|vous pouvez|puedes|você pode|можно|pode-se|se puede|on peut|si (?:todavía |aún )?no (?:has|tienes|entrenaste)|se (?:ainda )?não (?:tiver|treinou)|(?:can|could|may|might) (?:also |further |then )?be (?:further )?(?:used|applied|trained|fine-?tuned|aligned|tuned|adapted)|allows? (?:you|users)|lets you|if (?:you|one|users?|needed)|optionally|offers|bietet|bieten|unterstützt|we hope|hopefully|beschriebenen|(?:described|explained) (?:in|above|below|earlier)|see (?:section|chapter)|(?:all|every|any) (?=(?:SFT|DPO|RLHF|instruction[- ]tuning|fine-?tuning)\b))/gi;
/**
 * Openers that are not words, or end without a word boundary: an example, a hope, a generic or planned use; and
 * another's training in a relative clause ("the base model that DeepSeek-R1 post-trained with GRPO", round 8).
 */
const OTHER_OPENERS =
  /\b(?:that|which) (?!(?:we|i|this|our|it|they|you)\b)[A-Z][\w.-]{1,40} (?:post-?trained|fine-?tuned|trained|aligned|distilled) (?:with|using|via|on)\b|e\.g\.|\bfor (?:example|instance)\b|\bz\.\s?B\.|\bzum Beispiel\b|\bpar exemple\b|\bpor ej(?:emplo|\.)|\bpor exemplo\b|\bнапример\b|例如|比如|例えば|예를 들어|所有的?|任何|一切|すべての|あらゆる|모든|希望|期望|可以使用|可选/gi;
/** Another model said to have used a method: "InstructGPT和ChatGPT使用了PPO", "ChatGPT used RLHF" (see `otherModelSpans`). */
const OTHER_MODEL = /\b(?:InstructGPT|ChatGPT|OpenAI|GPT-[34]|GPT[34]|Claude|Anthropic)/gi;
const USED_VERB = /\bused\b|\buses\b|\bemploy|使用|采用|用了/;
const CLAUSE_END = /[,.;。，；]/;
/** A list of methods compared with: "Additional baselines (RRHF, SLiC-HF, CPO)", up to the list's end. */
const BASELINES = /\bbaselines?\b/gi;
const BASELINES_CLOSER = /[;:)\]]|\bbut\b/g;
const REGULARIZER = / regulari[sz]ation\b/gi;
const CLOSER = /[,;:()[\]，。；：（）！？]|\.(?=\s)|\bbut\b|\bonly\b/g;
const FROM_OPENER = /\b(?:starting from|start(?:s|ed)? from|initiali[sz]ed (?:from|with)|continued from)\b/gi;
const FROM_CLOSER = /[,;:()[\]，。；：（）]|\b(?:we|then|and|using|with|on|via|by|to)\b/gi;

/**
 * Pieces of a sentence (up to `.`, `!`, `?` or their CJK forms) that say what a method is, not what was done:
 * - a definition or the method's origin: "DPO is a technique that …", "The ORPO method is from the paper …",
 *   "DPO方法可以通过…", "DPO是一种…", "please cite our DPO paper";
 * - a piece that takes its model as an example ("以小参数量的模型为例…用LoRA/QLoRA跑通一次指令微调流程", "…を例に") or
 *   explains methods ("LoRA、QLoRA、RLHF、DPO など…主要手法を実践的に解説する"): a demonstration, not a run;
 * - a plan or a capability in any language (`PLANNED_PIECE`);
 * - a stage marked as failed, not applied or not done yet: "ORPO (실패, 미 적용)", "(failed)", "（未采用）",
 *   "DPO - (WIP)", "(planned)", "（计划中）";
 * - a sentence that is only a link (`[Supervised Fine-Tuning (SFT)](…/Fine_Tuning_SFT.md)`): a title in a list of
 *   contents or readings.
 */
const DEFINITION =
  /\b(?:is|are) (?:an?|the) (?:[\w-]+ ){0,4}?(?:method|technique|algorithm|approach)\b|\b(?:method|algorithm|technique|approach|pipeline) (?:is|was|comes?) (?:from|proposed|introduced|described)\b|\b(?:is|was|were) (?:proposed|introduced) (?:in|by)\b|\bplease cite\b|\bcite (?:our|the|this)\b|是一种|是一個|(?:方法|算法|技术|技術)(?:可以|能够|能)|という(?:手法|方法)|とは|(?:이)?란 /i;
const FAILED =
  /[(（][\s*]*(?:failed|not (?:used|applied)|abandoned|unused|discarded|실패|미 ?적용|失败|未采用|未使用|弃用|放弃|失敗|不採用|WIP\b|TBD\b|TODO\b|planned|coming soon|work in progress|计划中|待定|开发中|即将|予定|예정)/i;
/**
 * A plan or a capability: "下一步我们计划使用DPO", "향후 DPO 학습을 진행할 예정", "今後、DPOによる学習を予定", "LoRA를 사용하여
 * 파인튜닝할 수 있습니다", "Planejamos usar DPO", "В будущем планируется обучение с DPO", "we plan to add DPO".
 */
const PLANNED_PIECE =
  /\b(?:you|users?) (?:will |would )?(?:need|have) to\b|\byou (?:should|must)\b|计划|打算|将会|将要|未来|下一步|后续将|予定|今後|つもり|検討中|예정|향후|계획|\bwe plan\b|\bplan(?:ned)? to\b|\bin the future\b|\bnext step\b|\bupcoming\b|\bgeplant\b|\bplanen\b|\bkünftig|\bin zukunft\b|\bprévu|\bprévoyons\b|\bà l'avenir\b|\bplaneamos\b|\ben el futuro\b|\bplanejamos\b|\bplanejad|\bno futuro\b|\bpróxima versão\b|планиру|в будущем/i;
/**
 * What the reader can do ("LoRA를 사용하여 파인튜닝할 수 있습니다", "LoRAで学習できます"), unless the piece also reports what
 * was done ("LoRAで学習しており、日本語で対話できます").
 */
const CAN_PIECE = /できます|できる|수 있습니다|수 있다/;
const DONE_PIECE = /ました|した|して(?:おり|いる|います)|済み|했습니다|하였|했다|되었|됐/;
const AS_EXAMPLE = /为例|為例|を例に|를 예로|을 예로/;
/** A piece that explains methods: "LoRA、QLoRA、RLHF、DPO など…を解説する", "介绍LoRA等方法". */
const explains = (piece: string): boolean =>
  (piece.includes("など") && /解説|紹介/.test(piece)) ||
  (/等(?:方法|技术)/.test(piece) && /介绍|讲解/.test(piece));
const PIECE_END = /[.!?。！？；]/g;
/** A sentence that is one link and nothing else (a contents or reading-list item): its label is a title. */
const LINK_ONLY = /^[^\w[]{0,10}\[[^\]]{1,300}\]\([^)\s]{1,800}\)[^\w[]{0,40}$/;

/**
 * "distilled", "蒸馏" said of data (a data strategy, distilled answers) is how the data was made: a distillation
 * step needs a teacher, a student or knowledge distillation in the sentence.
 */
const DISTILL = /\bdistill(?:ed|ation)\b/gi;
const DISTILL_STEP =
  /\b(?:teacher|student|knowledge distillation|KD|logits?|soft (?:labels|targets))\b|教师|学生|教師|生徒|교사|학생|知识蒸馏|知識蒸留/i;
const DATA_WORD =
  /\b(?:data|dataset|corpus|samples|examples)\b|数据|データ|데이터|\bDaten\b|données|datos|dados|данн/i;

/** An image (`![DPO](…/dpo.jpg)`): its alt text names what the picture shows. */
function imageSpans(sentence: string, spans: [number, number][]): void {
  for (let at = sentence.indexOf("!["); at !== -1; at = sentence.indexOf("![", at + 2)) {
    const close = sentence.indexOf("](", at);
    const end = close === -1 ? -1 : sentence.indexOf(")", close);
    if (end !== -1) spans.push([at, end + 1]);
  }
}

/** "InstructGPT和ChatGPT使用了PPO": from the other model's name to the end of its clause, when a verb of use follows. */
function otherModelSpans(sentence: string, spans: [number, number][]): void {
  for (const m of sentence.matchAll(OTHER_MODEL)) {
    const rest = sentence.slice(m.index);
    const end = rest.search(CLAUSE_END);
    const clause = end === -1 ? rest : rest.slice(0, end);
    if (USED_VERB.test(clause.slice(0, 30))) spans.push([m.index, m.index + clause.length]);
  }
}

/**
 * A paper's results, not this model's training: "… (Table 1 of the ORPO paper)", "(Figure 6 of the KTO paper)",
 * "Table 1 は、X をベースモデルとして … の結果を示す" (the phrasing battery, round 8).
 */
const PAPER_RESULT =
  /\((?:see )?(?:table|figure|fig\.)\s?\d{1,3}\s(?:of|in)\s(?:the\s)?[\w-]{1,30}\spaper\)|\b(?:table|figure|fig\.)\s?\d{1,3}\s{0,2}(?:shows?|reports?|summari[sz]es|compares?) (?:the )?(?:results|scores|performance|accuracy)/i;
/** "Table 1 は … 結果": the table's topic marker, then the word for results (two tests: no window to backtrack over). */
const TABLE_TOPIC = /\b(?:table|figure)\s?\d{1,3}\s{0,2}は/i;

export function reportsPaperResult(text: string): boolean {
  return PAPER_RESULT.test(text) || (TABLE_TOPIC.test(text) && text.includes("結果"));
}

/** Whole pieces of a sentence that are definitions, origins or failed stages; images; distilled data. */
export function wholeSentenceSpans(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  PIECE_END.lastIndex = 0;
  for (let m = PIECE_END.exec(sentence); ; m = PIECE_END.exec(sentence)) {
    const end = m ? m.index + 1 : sentence.length;
    const piece = sentence.slice(start, end);
    const can = CAN_PIECE.test(piece) && !DONE_PIECE.test(piece);
    if (
      DEFINITION.test(piece) ||
      FAILED.test(piece) ||
      AS_EXAMPLE.test(piece) ||
      explains(piece) ||
      PLANNED_PIECE.test(piece) ||
      can
    )
      spans.push([start, end]);
    if (!m) break;
    start = end;
  }
  if (LINK_ONLY.test(sentence) || reportsPaperResult(sentence)) spans.push([0, sentence.length]);
  const choice = parameterizationChoice(sentence);
  if (choice) spans.push([choice.index, choice.index + choice[0].length]);
  if (sentence.includes("![")) imageSpans(sentence, spans);
  if (/distill/i.test(sentence) && DATA_WORD.test(sentence) && !DISTILL_STEP.test(sentence))
    for (const m of sentence.matchAll(DISTILL)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * What a tool or a card supports or covers, up to the end of its list: "supports SFT, DPO and ORPO",
 * "boilerplate covering LoRA, QLoRA, full fine-tune, and DPO", "支持LoRA、QLoRA和全参数微调";
 * a verb of this model's training ends it ("supports tool calls, trained with DPO"). "Support" the noun ("on our
 * support tickets with QLoRA", "customer support data") is no capability: the bare word counts only after a subject
 * or a modal ("we support", "can support").
 */
const SUPPORTS =
  /\bsupports\b|\b(?:we|they|it|to|can|could|will|also|fully|does|do|now)\s+support\b|\bsupported\b|\bsupporting\b|\bcover(?:s|ing)\b|支持|覆盖|涵盖|サポート|지원/gi;
const LIST_CLOSER =
  /[;:)\]。；！？]|\.(?=\s)|\b(?:but|trained|fine-?tuned|tuned|aligned|we)\b|训练了|微调了/gi;

/**
 * Parameterisations given as alternatives ("LoRA/QLoRA", "LoRA or full fine-tuning", "LoRA 或 QLoRA"): the text
 * does not say which one was used.
 */
const PARAMETERIZATION_CHOICE =
  /\b(?:Q?LoRA|DoRA|full(?:[- ]parameter)?(?: fine-?tuning)?)\s*(?:\/|\bor\b|或者?|または|또는|\boder\b|\bou\b|\bo\b)\s*(?:Q?LoRA|DoRA|full)\b/i;

/**
 * The alternatives a text gives, if any. "QLoRA/LoRA adapters with 4-bit quantization" is no choice: a 4-bit base
 * makes the LoRA a QLoRA (LABELING.md).
 */
export function parameterizationChoice(text: string): RegExpExecArray | null {
  const m = PARAMETERIZATION_CHOICE.exec(text);
  if (!m) return null;
  const loraPair = !/dora|full/i.test(m[0]);
  return loraPair && /\b4-?bit\b|\bnf4\b|4位|4比特/i.test(text) ? null : m;
}

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

/**
 * The [start, end) spans of a sentence that are contrasts, negations or other uses of the model. `from: false`
 * leaves out "starting from X" (the model a step started from is out of scope for a method, not for a base).
 */
export function outOfScopeSpans(sentence: string, options: { from?: boolean } = {}): [number, number][] {
  const spans: [number, number][] = [];
  if (
    !/unlike|compared|contrast|beat|surpass|können|kannst|kann |pouvez|puedes|você pode|можно|pode-se|se puede|on peut|si todavía|si aún|si no |se ainda|se não|opposed|than|instead|versus|outperform|not|without|no |sin |ohne|sans |sem |table|figure|fig\.|whereas|start|cite|beschrieb|described|explained|see sec|see chap|计划|打算|将|未来|下一步|後|予定|今後|つもり|検討|できます|예정|향후|계획|수 있|plan|future|next step|upcoming|geplant|künftig|zukunft|prévu|prévoy|avenir|planea|futuro|planej|próxima|планиру|будущ|be used|be applied|be trained|be fine|be aligned|be tuned|be adapted|base for|initiali|continued from|baseline|additional|extra|auxiliary|regulari[sz]ation|alternative|replac|support|you|user|one|can be|allow|lets|if |optional|offer|biete|unterst|hope|all |every|any |e\.g|for (?:ex|in)|z\.\s?b|beispiel|exempl|ejempl|пример|例|所有|任何|一切|すべて|あらゆる|모든|希望|期望|支持|可以使用|可选|サポート|지원|gpt|openai|claude|anthropic|distill|method|techni|algorithm|approach|pipeline|proposed|introduced|是一|可以|能|とは|lora|など|等|覆盖|涵盖|cover|为例|為例|例に|예로|という|란 |失败|失敗|실패|적용|未采用|未使用|弃用|放弃|不採用|failed|abandon|unused|discard|wip|tbd|todo|planned|coming soon|progress|计划中|待定|开发中|即将|予定|예정|!\[|[(（]|\]\(/i.test(
      sentence,
    )
  )
    return spans;
  spans.push(...wholeSentenceSpans(sentence));
  addSpans(sentence, OPENERS, CLOSER, spans);
  addSpans(sentence, MORE_OPENERS, CLOSER, spans);
  addSpans(sentence, OTHER_OPENERS, CLOSER, spans);
  if (/gpt|openai|claude|anthropic/i.test(sentence)) otherModelSpans(sentence, spans);
  addSpans(sentence, SUPPORTS, LIST_CLOSER, spans);
  if (options.from !== false) addSpans(sentence, FROM_OPENER, FROM_CLOSER, spans);
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
  return merged(spans);
}

/** The spans sorted by start, overlapping ones joined: `insideSpans` searches them by halves. */
function merged(spans: [number, number][]): [number, number][] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * True when a position of the sentence lies inside one of the spans (sorted and disjoint, as `outOfScopeSpans`
 * returns them): a search by halves, so that a text with many spans and many mentions stays near linear.
 */
export function insideSpans(spans: readonly [number, number][], index: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = spans[mid] as [number, number];
    if (index < start) hi = mid - 1;
    else if (index >= end) lo = mid + 1;
    else return true;
  }
  return false;
}
