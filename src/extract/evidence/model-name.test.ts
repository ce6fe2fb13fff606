/**
 * Models named without an id (stop 34): the name is kept as `name:<name>` where a quantised copy's card says it
 * copies a model it does not link, and only where no id, labelled base or downloaded copy names that model. The
 * cards below are written for the test in the phrasings such copies use; each case was checked to fail without
 * its rule.
 */
import { describe, expect, it } from "vitest";
import { extractFromFiles } from "../extract-from-files.js";
import { modelNameAt } from "./model-name.js";

describe("modelNameAt", () => {
  it("reads a model's name after the words that announce it, skipping an author's possessive", () => {
    expect(
      modelNameAt(" Gryphe's MythoMax L2 13B made by [The Bloke](https://huggingface.co/TheBloke)"),
    ).toBe("MythoMax L2 13B");
    expect(modelNameAt(" **Mistral Nemo 12B Instruct**, for llama.cpp")).toBe("Mistral Nemo 12B Instruct");
    expect(modelNameAt(" the CodeShell-7B-Chat model")).toBe("CodeShell-7B-Chat");
    expect(modelNameAt(" [Qwen2.5 7B](https://example.org) by Alibaba")).toBe("Qwen2.5 7B");
  });

  it("is undefined for a person, an organisation, a pronoun, a plain word or a quantisation type", () => {
    for (const text of [
      " The Bloke",
      " this model",
      " our fine-tuned model",
      " Q4_K_M",
      " FP8",
      " 4-bit",
      "",
    ])
      expect([text, modelNameAt(text)]).toEqual([text, undefined]);
  });
});

const card = (body: string) => `---\ntags:\n- gptq\n---\n${body}\n`;
const inputsOf = (text: string) =>
  extractFromFiles([{ path: "README.md", text }]).document.steps.map((s) => [
    s.kind,
    s.inputs?.models?.map((m) => m.id),
  ]);

describe("a quantised copy of a model the card names without an id", () => {
  it("quantises that name: the step's input is `name:…`, said but not identified", () => {
    const text = card(
      "# SomeModel-13B-GPTQ\nGPTQ version of Someone's SomeModel L2 13B made by [A Quantiser](https://huggingface.co/AQuantiser)\n",
    );
    expect(inputsOf(text)).toEqual([["quantization", ["name:SomeModel L2 13B"]]]);
  });

  it("reads the name after an `Original model:` label too", () => {
    const text = card(
      "# Widget-7B-Chat-GGUF\n\nGGUF quantisations of a chat model.\n\n**Original model:** Widget 7B Chat\n",
    );
    expect(inputsOf(text)).toEqual([["quantization", ["name:Widget 7B Chat"]]]);
  });

  it("never takes a link to a person's or an organisation's page for the model copied", () => {
    const text = card("GPTQ version of a model made by [A Quantiser](https://huggingface.co/AQuantiser)\n");
    const { warnings } = extractFromFiles([{ path: "README.md", text }]);
    expect(warnings.filter((w) => w.message.includes("AQuantiser"))).toEqual([]);
  });

  it("gives way to a copy the card downloads, whose source the file name gives", () => {
    const text = `# Model folder – Widget GGUF\n\nThis folder keeps the quantized \`.gguf\` file a local runner loads.\n\nYou can download a GGUF quantized version of Widget 7B Instruct from a quantiser's repo:\n\n\`\`\`\nwget https://huggingface.co/SomeQuantiser/Mistral-7B-Instruct-v0.1-GGUF/resolve/main/mistral-7b-instruct-v0.1.Q4_K_M.gguf\n\`\`\`\n`;
    const doc = extractFromFiles([{ path: "README.md", text }]).document;
    expect(doc.steps.flatMap((s) => s.inputs?.models?.map((m) => m.id) ?? [])).not.toContain(
      "name:Widget 7B Instruct",
    );
    expect(doc.subject.id).toBe("SomeQuantiser/Mistral-7B-Instruct-v0.1-GGUF");
  });
});
