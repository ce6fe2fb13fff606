/**
 * Sections and blocks of a README or card that do not say how this model was trained, whatever methods they
 * name (never invent: a method named there is not a step):
 * - plans: "Roadmap", "TODO", "Future work", "향후" (not goals: a project's goals state what it did as often as not);
 * - references and related work: "## Quellen / 7. … Distillation brings LLM power to SLMs — …";
 * - the motivation of a method ("# 为什么RLHF对于AI落地至关重要", "Why DPO?"): background, not a procedure (see `MOTIVATION`);
 * - what a tutorial covers ("## ✅ 本教程包括", "What you'll learn");
 * - a table of contents (its items are links to the page's own headings) and a stage marked failed or not
 *   applied ("(실패, 미 적용)", "(failed)");
 * - an unchecked to-do item ("- [ ] Phase 4: Fine-tuning"); a table row that links a Colab or Kaggle notebook;
 * - a catalogue: "## Supported methods", "When to use", and the list after a lead-in such as "can be fine-tuned in
 *   different ways:" (see `markCatalogues`, which the body reader runs first).
 * The headings are read at every level: a sub-section of a roadmap is still a plan. Feature lists and tech
 * stacks are NOT out of scope: a project's "Features: LoRA 기반의 학습 파이프라인" (dev j-ne-ko-byeolki-…) or
 * "技术栈: 微调方法：QLoRA" (dev j-ne-zh-gzh-…) is its own training as often as a tool's capability.
 */

import type { Objective } from "../model/vocabulary.js";
import type { Block } from "./markdown.js";
import { objectiveMentions } from "./objective-mentions.js";

/** A heading that marks its stage as failed or not applied. */
const FAILED = /\bfailed\b|\bnot applied\b|\bnot used\b|\babandoned\b|失败|失敗|실패|미 ?적용|未采用|不採用/;
export const FAILED_HEADING = new RegExp(FAILED.source, "i");

const OUT_OF_SCOPE_HEADING = new RegExp(
  [
    // plans, roadmap (not goals: "## 🎯 프로젝트 목표 / - QLoRA 기반 14B 모델 효율적 파인튜닝" is what a project did)
    String.raw`roadmap|\btodo\b|\bto-do\b|future (?:work|plans?|directions?)|next steps|\bplans\b|计划|规划|待办|路线图|ロードマップ|今後|予定|로드맵|향후|계획|예정|\bausblick\b|perspectives`,
    // references, related work
    String.raw`\breferences?\b|\bpapers\b|^\W*paper\W*$|\bpublications\b|reading list|论文|論文|논문|\bquellen\b|\bliteratur|bibliograph|further reading|related work|参考|참고|источник|литератур|références|referencias|referências`,
    // table of contents
    String.raw`table of contents|^\W*contents\W*$|目录|目次|목차|inhaltsverzeichnis`,
    // what a tutorial covers ("## ✅ 本教程包括 / 1. LoRA/QLoRA 简介 / 5. LoRA微调")
    String.raw`本教程包括|教程包括|教程内容|课程内容|学习内容|学习目标|章节大纲|what you(?:'ll| will) learn|learning objectives|\blernziele\b|この(?:チュートリアル|講座|章)で(?:学|は)|学ぶこと|배울 내용|학습 목표`,
    // a catalogue of supported methods, a guide to choosing one
    String.raw`supported (?:\w+ )?(?:methods|techniques|algorithms|approaches)|支持的(?:训练|微调)?(?:方法|算法)|対応(?:している)?手法|지원(?:하는)? ?(?:방법|기법)|when to use|decision guide|how to choose|选择指南`,
    FAILED.source,
  ].join("|"),
  "i",
);

/** A table-of-contents item: a link to a heading of the same page (`[3. ORPO](#3-orpo)`), and nothing else. */
const TOC_ITEM = /^[^\w[]*\[[^\]]{0,200}\]\(#[^)\s]{0,200}\)[^\w[]*$/;
/** An unchecked to-do item: `[ ] Phase 4: Fine-tuning`. */
const UNCHECKED = /^\s*\[ \]/;

/**
 * A lead-in that opens a catalogue of methods ("The LLM can be fine-tuned in different ways:", "This lab includes
 * implementations of various post-training techniques:", "覆盖以下微调方法："): the list after it names what a
 * tool or a text covers, not the steps one model went through.
 */
const CATALOGUE_WORDS =
  /\b(?:different|various|several|multiple|many|these|following|supported|available) (?:[\w-]+ ){0,2}?(?:ways|methods|techniques|approaches|options|algorithms|recipes)\b|\bcan be (?:fine-?tuned|trained|aligned) (?:in|with|using|via)\b|以下(?:的)?(?:微调|训练)?(?:方法|算法|技术)|多种(?:微调|训练)?(?:方法|算法|技术)|以下の(?:手法|方法)|다양한 (?:방법|기법)/i;

/** Does a prose block end with a catalogue lead-in (its last 160 characters name one and it ends with a colon)? */
function leadsIn(text: string): boolean {
  const t = text.trimEnd();
  const last = t[t.length - 1];
  return (last === ":" || last === "：") && CATALOGUE_WORDS.test(t.slice(-160));
}
const catalogueItems = new WeakSet<Block>();

/**
 * The model an item opens with, before a colon or a dash (`- InternLM2.5-chat-7B: Further aligned on top of …`,
 * `- **[org/x](…)** — …`): a Hub id, a Hub link or a Hub address, read by a scan.
 */
function openingModel(text: string): string | undefined {
  let t = text.trimStart();
  while (t[0] === "*" || t[0] === "`" || t[0] === "_" || t[0] === "[") t = t.slice(1);
  const url = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//.exec(t);
  if (url) t = t.slice(url[0].length);
  const id = /^[A-Za-z0-9][\w.-]{0,80}\/[A-Za-z0-9][\w.-]{0,100}/.exec(t)?.[0];
  if (!id) return undefined;
  let rest = t.slice(id.length);
  const link = rest.startsWith("](") ? rest.indexOf(")") : -1;
  if (link > 0) rest = rest.slice(link + 1);
  while (rest[0] === "*" || rest[0] === "`" || rest[0] === "_" || rest[0] === "]") rest = rest.slice(1);
  return /^\s{0,2}(?::|：|—|–|- )/.test(rest) ? id.toLowerCase() : undefined;
}

/**
 * A list of models, each item opening with another model's name and what it is (`- org/x-chat: further aligned on
 * top of org/x through SFT and online RLHF`, `- org/x-base: the base model`): a family's catalogue, whose
 * descriptions are those models' histories, not the steps of the card's own model. Two items naming different
 * models make the list one.
 */
const DATA_HEADING = /data|corpus|корпус|датасет|данн|数据|語料|语料|データ|데이터|donn[ée]es|datos|dados/i;

function markModelLists(blocks: readonly Block[]): void {
  markItemRuns(blocks, (block) => {
    // A list under a data heading names datasets ("## Training data / - `org/x-ru` — instruction tuning").
    const data = DATA_HEADING.test(block.headings[block.headings.length - 1] ?? "");
    return block.type === "item" && !data ? openingModel(block.text) : undefined;
  });
}

/**
 * Marks as a catalogue each run of list items that `keyOf` gives a key (a model, a method) when the run holds two
 * different keys; a block that is no item, or an item without a key, ends a run.
 */
function markItemRuns(blocks: readonly Block[], keyOf: (block: Block) => string | undefined): void {
  let run: { block: Block; key: string }[] = [];
  const close = () => {
    if (new Set(run.map((r) => r.key)).size >= 2) for (const r of run) catalogueItems.add(r.block);
    run = [];
  };
  for (const block of blocks) {
    const key = keyOf(block);
    if (key) run.push({ block, key });
    else if (block.type !== "item" || run.length > 0) close();
  }
  close();
}

/** A features heading: "Features", "기능", "功能", "機能", "Fonctionnalités", "Funcionalidades", "Funktionen". */
const FEATURE_HEADING = /feature|기능|功能|機能|fonctionnalit|funcionalidad|funktion/i;

/** The one objective an item names when it is only that method's name ("Direct Preference Optimization (DPO)"). */
function bareMethod(text: string): Objective | undefined {
  const found = objectiveMentions(text);
  const first = found[0];
  if (!first || found.some((f) => f.objective !== first.objective)) return undefined;
  const words = text
    .replace(/\([^()]*\)/g, " ")
    .replace(/[*_`]/g, "")
    .trim()
    .split(/\s+/);
  return words.length <= 5 ? first.objective : undefined;
}

/**
 * A features list naming two or more methods by name alone ("## Features / ### Fine Tuning / - Supervised Fine
 * Tuning (SFT) / - Direct Preference Optimization (DPO)", dev t9-rcp-ko-gemma2-2b-it-lora-sft-ko-wikidata-qa): what a
 * toolkit supports, not the steps one model went through. A feature that says what was done stays in scope.
 */
function markMethodFeatures(blocks: readonly Block[]): void {
  markItemRuns(blocks, (block) =>
    block.type === "item" && block.headings.some((h) => FEATURE_HEADING.test(h))
      ? bareMethod(block.text)
      : undefined,
  );
}

/** Marks the items of each list a catalogue lead-in opens, and lists of models (read by `outOfScopeSection`). */
export function markCatalogues(blocks: readonly Block[]): void {
  let open = false;
  for (const block of blocks) {
    if (block.type === "item") {
      if (open) catalogueItems.add(block);
      continue;
    }
    open = block.type === "prose" && leadsIn(block.text);
  }
  markModelLists(blocks);
  markMethodFeatures(blocks);
}

/**
 * The motivation of a method ("# 为什么RLHF对于AI落地至关重要", "### Why SFT Before DPO?"): background. The motivation of
 * the model ("## Why Lemur?", "## Why Kube-7b?") often tells what was done to it, and stays in scope.
 */
const MOTIVATION =
  /^\W*why\b|\bmotivation\b|为什么|为何|なぜ|^\W*왜|\bwarum\b|\bpourquoi\b|por qu[eé]|почему/i;
const METHOD_WORD =
  /\b(?:SFT|DPO|ORPO|KTO|IPO|PPO|GRPO|RLHF|RLAIF|RL|Q?LoRA|DoRA|PEFT|distillation|instruction[- ]tuning|fine-?tuning|pre-?training)\b|微调|强化学习|对齐|파인튜닝|ファインチューニング|強化学習/i;

const NOTEBOOK_LINK = /colab\.research\.google\.com|kaggle\.com\/(?:code|kernels)|open in colab/i;

const headingCache = new Map<string, boolean>();

function headingOut(heading: string): boolean {
  let out = headingCache.get(heading);
  if (out === undefined) {
    out = OUT_OF_SCOPE_HEADING.test(heading) || (MOTIVATION.test(heading) && METHOD_WORD.test(heading));
    if (headingCache.size > 5000) headingCache.clear();
    headingCache.set(heading, out);
  }
  return out;
}

/** Is the block in a section (at any heading level) or of a kind that does not describe this model's training? */
export function outOfScopeSection(block: Block): boolean {
  if (block.type === "item" && (TOC_ITEM.test(block.text) || UNCHECKED.test(block.text))) return true;
  if (catalogueItems.has(block)) return true;
  // A row of a table of notebooks ("| Demo | Gemma 3 mit QLoRA fine-tunen | [Open In Colab](…) |"): what the
  // reader can run, not what this model went through.
  if (block.type === "table" && NOTEBOOK_LINK.test(block.text)) return true;
  for (const h of block.headings) if (h && headingOut(h)) return true;
  return false;
}
