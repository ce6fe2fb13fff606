/**
 * The phrasing battery in English: how a card states its base, its method and its data in one sentence, and
 * sentences that must give nothing (a model compared against, evaluated, a judge, one the reader may fine-tune,
 * a family's list of released models, another model of the author's). The generator and the checks are in
 * test/fixtures/phrasing/battery.ts. Templates after "Round 3" were written before the rules were run on them.
 * `PHRASING_SUMMARY=1 npx vitest run src/extract/phrasing-battery` prints pass counts by class and language.
 */
import { B, runBattery, T, type Template } from "../../test/fixtures/phrasing/battery.js";

const TEMPLATES: Template[] = [
  // The base, in English.
  T("base", "en", "This model is a fine-tuned version of {M}.", B),
  T("base", "en", "This model was fine-tuned from {M}.", B),
  T("base", "en", "This model is a fine-tune of {M}.", B),
  T("base", "en", "This model is based on {M}.", B),
  T("base", "en", "This model is built on top of {M}.", B),
  T("base", "en", "The model was initialized from {M}.", B),
  T("base", "en", "This model is derived from {M}.", B),
  T("base", "en", "Fine-tuned from {M}.", B),
  T("base", "en", "{M} was fine-tuned to answer support questions.", B),
  T("base", "en", "We fine-tuned {M} on customer-support chats.", B),
  T("base", "en", "I fine-tuned {M} to answer support questions.", B),
  T("base", "en", "Starting from {M}, we trained the model on support chats.", B),
  T("base", "en", "This model was trained on top of {M}.", B),
  T("base", "en", "Base model: {M}", B),
  T("base", "en", "This model is the result of continued pretraining of {M} on German web text.", {
    ...B,
    objective: "continued-pretraining",
  }),
  T("base", "en", "The base model is {M}.", B),
  T("base", "en", "We use {M} as the base model.", B),
  T("base", "en", "{M} was used as the base model.", B),
  T("base", "en", "This model starts from {M}.", B),
  T("base", "en", "Parent model: {M}", B),
  T("base", "en", "- **Finetuned from model:** {M}", B),
  // Method words with the base.
  T("method", "en", "This is a LoRA adapter for {M}.", { ...B, param: "lora" }),
  T("method", "en", "We fine-tuned {M} with LoRA.", { ...B, param: "lora" }),
  T("method", "en", "I fine-tuned {M} using QLoRA.", { ...B, param: "qlora" }),
  T("method", "en", "Starting from {M}, we applied supervised fine-tuning.", { ...B, objective: "sft" }),
  T("method", "en", "This model was trained on top of {M} using DPO.", { ...B, objective: "dpo" }),
  T("method", "en", "This model was fine-tuned from {M} with ORPO.", { ...B, objective: "orpo" }),
  T("method", "en", "We trained {M} with KTO.", { ...B, objective: "kto" }),
  T("method", "en", "This model is {M} trained with GRPO on math problems.", { ...B, objective: "grpo" }),
  T("method", "en", "We aligned {M} with PPO.", { ...B, objective: "rlhf-ppo" }),
  T("method", "en", "{M} + LoRA, trained on support chats.", { ...B, param: "lora" }),
  T("method", "en", "Full fine-tuning of {M} on support chats.", { ...B, param: "full" }),
  T("method", "en", "A DPO fine-tune of {M}.", { ...B, objective: "dpo" }),
  T("method", "en", "This model was fine-tuned from {M} with supervised fine-tuning (SFT) and LoRA.", {
    ...B,
    objective: "sft",
    param: "lora",
  }),
  T("method", "en", "This model is a LoRA fine-tune of {M} on {D}.", { ...B, param: "lora", dataset: true }),
  T("method", "en", "{M} fine-tuned with QLoRA on {D}.", { ...B, param: "qlora", dataset: true }),
  T("method", "en", "We first fine-tuned {M} with SFT on {D}, then applied DPO.", {
    ...B,
    objective: "sft,dpo",
  }),
  T("method", "en", "This model was trained with Direct Preference Optimization (DPO) on top of {M}.", {
    ...B,
    objective: "dpo",
  }),
  T("method", "en", "Trained from {M} with GRPO.", { ...B, objective: "grpo" }),
  T("method", "en", "A full-parameter fine-tune of {M}.", { ...B, param: "full" }),
  // Datasets.
  T("dataset", "en", "This model was fine-tuned on the {D} dataset.", { dataset: true }),
  T("dataset", "en", "We fine-tuned {M} on {D}.", { ...B, dataset: true }),
  T("dataset", "en", "The model was trained using {D}.", { dataset: true }),
  T("dataset", "en", "Trained with data from {D}.", { dataset: true }),
  T("dataset", "en", "Training data: {D}", { dataset: true }),
  T("dataset", "en", "This model is a fine-tuned version of {M} on the {D} dataset.", {
    ...B,
    dataset: true,
  }),
  T("dataset", "en", "Fine-tuned on {D} for 3 epochs.", { dataset: true }),
  T("dataset", "en", "Dataset: {D}", { dataset: true }),
  // Nothing: a model compared against, evaluated, a judge, one the reader may fine-tune, a family's list.
  T("negative", "en", "We compare our model against {M}."),
  T("negative", "en", "We evaluated {M} on MMLU and GSM8K."),
  T("negative", "en", "{M} was used as the judge model."),
  T("negative", "en", "You can fine-tune {M} with LoRA using the scripts in this repository."),
  T("negative", "en", "For comparison, {M} scores 61.2 on MMLU."),
  T("negative", "en", "Unlike {M}, which was aligned with DPO, our model uses no preference data."),
  T("negative", "en", "{M} can be fine-tuned with QLoRA on a single GPU."),
  T("negative", "en", "Thanks to the authors of {M}."),
  T("negative", "en", "- {O}: Further aligned on top of {M} through SFT and online RLHF.", {
    card: "# Helper Family\n\nHelper is a series of base models.\n\n## Models\n\n{S}\n- acme/helper-base: the base model.\n",
  }),
  T("negative", "en", "| {O} | chat model fine-tuned from {M} with SFT and DPO |", {
    card: "# Helper Family\n\nHelper is a series of base models.\n\n## Released models\n\n| Model | Description |\n| --- | --- |\n{S}\n",
  }),
  T("negative", "en", "We use {M} as the reward model."),
  T("negative", "en", "The training data was generated with {M}."),
  T("negative", "en", "Responses were judged by {M}."),
  T("negative", "en", "Try our other model {O}, fine-tuned from {M} with DPO."),
  T("negative", "en", "Check out {M} for a larger version."),
  // Round 3: templates written before the rules were run on them (held out).
  T("base", "en", "This checkpoint was fine-tuned starting from {M}.", B),
  T("base", "en", "Fine-tune of {M}.", B),
  T("base", "en", "Based on {M}, this model was further trained on support chats.", B),
  T("base", "en", "The model is an instruction-tuned variant of {M}.", { ...B, objective: "sft" }),
  T("base", "en", "We continued training {M} on our data.", B),
  T("base", "en", "Weights initialized with {M}.", B),
  T("method", "en", "SFT of {M} on {D}.", { ...B, objective: "sft", dataset: true }),
  T("method", "en", "We applied QLoRA to {M}.", { ...B, param: "qlora" }),
  T("method", "en", "{M} was aligned using ORPO.", { ...B, objective: "orpo" }),
  T("method", "en", "Preference-tuned {M} with KTO.", { ...B, objective: "kto" }),
  T("method", "en", "This model was fine-tuned from {M} using LoRA (r=16).", { ...B, param: "lora" }),
  T("dataset", "en", "We trained on {D}.", { dataset: true }),
  T("dataset", "en", "The training corpus is {D}.", { dataset: true }),
  T("negative", "en", "{M} is licensed under Apache 2.0."),
  T("negative", "en", "The tokenizer is the same as {M}."),
  T("negative", "en", "We thank the {M} team."),
  T("negative", "en", "Our model beats {M} fine-tuned with LoRA."),
  // Round 4: held out as well.
  T("method", "en", "Model type: LoRA adapter on top of {M}", { ...B, param: "lora" }),
  // Not read yet: the model after "for", far from "adapter" ("an adapter for X" is read).
  T("method", "en", "This repo contains a QLoRA adapter trained on {D} for {M}.", {
    ...B,
    param: "qlora",
    dataset: true,
    gaps: "all",
  }),
  T("dataset", "en", "{M}, fine-tuned on {D}.", { ...B, dataset: true }),
  T("base", "en", "The weights were obtained by fine-tuning {M}.", B),
  T("method", "en", "This is {M} with an SFT stage on {D}.", { ...B, objective: "sft", dataset: true }),
  T("method", "en", "Trained using DPO, starting from {M}.", { ...B, objective: "dpo" }),
  T("base", "en", "Base: {M}", B),
  T("method", "en", "We release a GRPO-trained version of {M}.", { ...B, objective: "grpo" }),
  T("negative", "en", "Inspired by {M}, we built our own architecture."),
  T("negative", "en", "We also evaluated {O}, which is fine-tuned from {M} with SFT."),
  T("negative", "en", "Note: {M} itself was trained with RLHF."),
  T("negative", "en", "If you want to use {M} instead, set MODEL_ID."),
];

runBattery("the phrasing battery (English)", TEMPLATES);
