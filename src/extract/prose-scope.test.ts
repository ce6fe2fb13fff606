import { describe, expect, it } from "vitest";
import { insideSpans, outOfScopeSpans } from "./prose-scope.js";
import { sentenceSteps } from "./read-prose.js";

/** The parts of a sentence that are out of scope, as text. */
const parts = (s: string): string[] => outOfScopeSpans(s).map(([a, b]) => s.slice(a, b));
/** Whether a word of the sentence is out of scope. */
const out = (s: string, word: string): boolean => insideSpans(outOfScopeSpans(s), s.indexOf(word));

describe("outOfScopeSpans", () => {
  it("takes a contrast up to the comma that ends it", () => {
    const s = "Unlike the DPO version, this model was only trained with SFT on teknium/OpenHermes-2.5.";
    expect(parts(s)).toEqual(["Unlike the DPO version"]);
    expect(out(s, "DPO")).toBe(true);
    expect(out(s, "SFT")).toBe(false);
    expect(out("Compared to models trained with PPO, our ORPO model is simpler.", "PPO")).toBe(true);
    expect(out("Compared to models trained with PPO, our ORPO model is simpler.", "ORPO")).toBe(false);
    expect(out("We used ORPO rather than DPO.", "DPO")).toBe(true);
    expect(out("We used ORPO rather than DPO.", "ORPO")).toBe(false);
  });

  it("takes a negation up to 'only' or the end", () => {
    const s = "This model has not been aligned with RLHF or DPO, only SFT on teknium/OpenHermes-2.5.";
    expect(out(s, "DPO")).toBe(true);
    expect(out(s, "RLHF")).toBe(true);
    expect(out(s, "SFT")).toBe(false);
    expect(out("We trained it with SFT on teknium/OpenHermes-2.5 without any RLHF.", "RLHF")).toBe(true);
    expect(out("We trained it with SFT on teknium/OpenHermes-2.5 without any RLHF.", "SFT")).toBe(false);
  });

  it("takes another use of the model", () => {
    const s = "This is the SFT model used as the starting point for our DPO experiments.";
    expect(out(s, "DPO")).toBe(true);
    expect(out(s, "SFT")).toBe(false);
  });

  it("takes the model a step started from, only as far as its noun phrase", () => {
    const s = "This model was trained with DPO on argilla/dpo-mix-7k, starting from our SFT checkpoint.";
    expect(out(s, "SFT")).toBe(true);
    expect(out(s, "DPO")).toBe(false);
    const t = "Starting from Mistral-7B we applied SFT and then DPO.";
    expect(parts(t)).toEqual(["Starting from Mistral-7B "]);
  });

  it("leaves a plain procedure alone", () => {
    expect(
      outOfScopeSpans("SFT on 200k instruction pairs, then DPO on 50k preference pairs, LoRA rank 64"),
    ).toEqual([]);
    expect(outOfScopeSpans("initially fine-tuned on UltraChat, then further aligned with DPO")).toEqual([]);
  });

  it("takes what a method replaces, a capability, a condition, an example and a hope", () => {
    const alt = "We used DPO that is the alternative of RLHF's reward modeling and PPO.";
    expect(out(alt, "PPO")).toBe(true);
    expect(out(alt, "reward")).toBe(true);
    expect(out(alt, "DPO")).toBe(false);
    expect(out("The framework supports SFT, DPO and ORPO.", "ORPO")).toBe(true);
    expect(out("If you want to use QLoRA, set load_in_4bit.", "QLoRA")).toBe(true);
    expect(out("You can also train it with DPO.", "DPO")).toBe(true);
    expect(out("Die trl-Bibliothek bietet den SFTTrainer, der den Loop abstrahiert.", "SFT")).toBe(true);
    expect(out("A preference method (e.g. DPO) may follow.", "DPO")).toBe(true);
    expect(out("We hope this repository gives insight into training using DPO, and more.", "DPO")).toBe(true);
    expect(out("这是所有指令微调的基础。", "指令微调")).toBe(true);
    expect(out("本工具支持LoRA、QLoRA和全参数微调。", "QLoRA")).toBe(true);
    expect(out("2022年底的InstructGPT和ChatGPT使用了PPO优化，对模型进行RL训练。", "PPO")).toBe(true);
  });

  it("takes whole pieces that define a method, give its origin or mark it failed", () => {
    expect(out("The ORPO method is from the paper [paper](https://arxiv.org/abs/2403.07691)", "ORPO")).toBe(
      true,
    );
    expect(out("DPO is a technique that skips the reward model.", "DPO")).toBe(true);
    const zh = "DPO方法可以通过直接优化语言模型来实现控制。我们用DPO训练了模型。";
    expect(insideSpans(outOfScopeSpans(zh), zh.indexOf("DPO"))).toBe(true);
    expect(insideSpans(outOfScopeSpans(zh), zh.lastIndexOf("DPO"))).toBe(false);
    expect(out("[3. ORPO **(실패, 미 적용)**](#3-orpo)", "ORPO")).toBe(true);
    expect(out("Stage 2: ORPO (failed)", "ORPO")).toBe(true);
    // dev r-vague-zh-qwen25-finetune-notebook-readme: the model is an example of a demonstration
    const demo = "**目标**：以 *小参数量* 的模型为例，用 **LoRA/QLoRA** 跑通一次完整的 *指令微调* 流程。";
    expect(out(demo, "指令微调")).toBe(true);
    expect(out("Qwen2.5を例に、LoRAで指示ファインチューニングを行う。", "LoRA")).toBe(true);
  });

  it("takes an image's alt text, a sentence that is one link, and distilled data", () => {
    expect(out("![DPO](https://example.com/docs/dpo.jpg)", "DPO")).toBe(true);
    expect(out("[Supervised Fine-Tuning (SFT)](https://example.com/Fine_Tuning_SFT.md)", "SFT")).toBe(true);
    expect(
      out("**数据策略**：逆向蒸馏（Reverse Distillation）——用真实文章反推指令数据", "Distillation"),
    ).toBe(true);
    expect(out("Knowledge distillation from a 14B teacher into this student.", "distillation")).toBe(false);
  });

  it.each([
    ["下一步我们计划使用DPO进行对齐训练。", "DPO"],
    ["향후 DPO 학습을 진행할 예정입니다.", "DPO"],
    ["今後、DPOによる学習を予定しています。", "DPO"],
    ["LoRA를 사용하여 파인튜닝할 수 있습니다.", "LoRA"],
    ["Planejamos usar DPO na próxima versão.", "DPO"],
    ["В будущем планируется обучение с DPO.", "DPO"],
    ["We plan to add DPO in the next release.", "DPO"],
  ])("takes a plan or what the reader can do: %s", (sentence, word) => {
    expect(out(sentence, word)).toBe(true);
  });

  it("keeps a piece that reports what was done beside what the model can do", () => {
    expect(out("このモデルはLoRAで指示ファインチューニングしており、日本語で対話できます。", "LoRA")).toBe(
      false,
    );
    expect(out("本项目使用QLoRA对Qwen2.5-7B进行指令微调。", "QLoRA")).toBe(false);
  });

  it("takes what may be done later, the model a run starts from and a paper to cite", () => {
    expect(out("This checkpoint was trained with SFT and can be further aligned with DPO.", "DPO")).toBe(
      true,
    );
    expect(out("This checkpoint was trained with SFT and can be further aligned with DPO.", "SFT")).toBe(
      false,
    );
    const from = "We start from the instruction-tuned Llama-3-8B-Instruct and apply DPO on UltraFeedback.";
    expect(out(from, "instruction-tuned")).toBe(true);
    expect(out(from, "DPO")).toBe(false);
    expect(out("If you use this model, please cite our DPO paper.", "DPO")).toBe(true);
    // dev k-vague-de-slm-praxis-guide-qlora-example: a method described in another chapter
    const de =
      "Dieser Schritt entspricht dem in [Kapitel 1](1_Grundlagen) beschriebenen **SFT (Supervised Fine-Tuning)**.";
    expect(out(de, "SFT")).toBe(true);
  });

  it("takes parameterisations given as alternatives, a catalogue a text covers and an explanation of methods", () => {
    expect(out("本模块提供了基于 LoRA/QLoRA 的大模型微调工具链。", "QLoRA")).toBe(true);
    expect(out("Train it with LoRA or full fine-tuning.", "LoRA")).toBe(true);
    // A 4-bit base makes the pair one method (public card: "fine-tuned using QLoRA/LoRA adapters with 4-bit quantization").
    expect(out("The model was fine-tuned using QLoRA/LoRA adapters with 4-bit quantization.", "QLoRA")).toBe(
      false,
    );
    expect(out("Boilerplate covering LoRA, QLoRA, full fine-tune, and DPO.", "DPO")).toBe(true);
    expect(out("LoRA、QLoRA、RLHF、DPO など、主要手法を実践的に解説する。", "DPO")).toBe(true);
    expect(out("我们使用 QLoRA（4-bit NF4 量化 + LoRA rank=16）微调。", "QLoRA")).toBe(false);
  });

  it("leaves a model's own procedure with such words elsewhere alone", () => {
    expect(
      outOfScopeSpans("This model was trained with PPO, a method introduced in [paper](https://x.org)."),
    ).toEqual([]);
    expect(out("Supports 8k context. We fine-tuned it with DPO.", "DPO")).toBe(false);
    expect(out("We used DPO as an alternative to PPO.", "DPO")).toBe(false);
    expect(out("We start with SFT on teknium/OpenHermes-2.5, then DPO.", "SFT")).toBe(false);
  });

  it("answers for many spans and many mentions in near-linear time", () => {
    const s = "下一步计划DPO。".repeat(50_000);
    const started = performance.now();
    const spans = outOfScopeSpans(s);
    let inside = 0;
    for (let i = s.indexOf("DPO"); i !== -1; i = s.indexOf("DPO", i + 3)) if (insideSpans(spans, i)) inside++;
    expect(inside).toBe(50_000);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("stays linear on a long run of openers", () => {
    const s = "unlike ".repeat(20_000);
    expect(outOfScopeSpans(s).length).toBe(1);
  });
});

describe("sentenceSteps leaves out methods named outside the card's own procedure", () => {
  const objectives = (s: string): (string | undefined)[] =>
    sentenceSteps(s, "README.md", 1).map((p) => p.step.objective?.value);
  it.each([
    ["Unlike the DPO version, this model was only trained with SFT on teknium/OpenHermes-2.5.", ["sft"]],
    ["This is the SFT model used as the starting point for our DPO experiments.", ["sft"]],
    ["Compared to models trained with PPO, our ORPO model is simpler.", ["orpo"]],
    ["This model has not been aligned with RLHF or DPO, only SFT on teknium/OpenHermes-2.5.", ["sft"]],
    ["This model was trained with DPO on argilla/dpo-mix-7k, starting from our SFT checkpoint.", ["dpo"]],
    ["SFT on 200k instruction pairs, then DPO on 50k preference pairs, LoRA rank 64", ["sft", "dpo"]],
    // audit dev cus-gemma2-9b-it-simpo-on-policy (princeton-nlp/SimPO README)
    [
      "We propose a simpler and more effective preference optimization algorithm than DPO (Direct Preference Optimization) without using a reference model.",
      [],
    ],
    ["  - Additional baselines (RRHF, SLiC-HF, CPO) ", []],
    ["In some cases, adding an additional SFT loss can help improve results.", []],
    ["In our own experiments, the SFT regularization helps preserve the reasoning ability.", []],
    ["We trained the model with DPO, which is simpler than PPO.", ["dpo"]],
    ["For DPO, the best hyperparameters for each setting are as follows.", []],
    [
      "We release the following two models that are built on top of the strong google/gemma-2-9b-it model by training DPO and SimPO.",
      [],
    ],
    ["If you'd like to apply SFT regularization, you can set `sft_weight` to be a positive value.", []],
    ["We recommend grid searching over 3e-7 and 1e-6 for both DPO and SimPO.", []],
    ["Hermes used DPO that is the alternative of RLHF's reward modeling and PPO.", ["dpo"]],
    ["- The ORPO method is from the paper [ORPO](https://arxiv.org/abs/2403.07691)", []],
    ["![DPO](https://github.com/o/r/blob/main/docs/dpo.jpg)", []],
    ["The library supports SFT, DPO, ORPO and KTO.", []],
  ])("%s", (sentence, expected) => {
    expect(objectives(sentence)).toEqual(expected);
  });
});
