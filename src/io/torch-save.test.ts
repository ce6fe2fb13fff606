import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PyObject, pyDict } from "./pickle-values.js";
import { readTorchSave } from "./torch-save.js";

const DIR = join(import.meta.dirname, "../../test/fixtures/extract/training-args");
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const objectOf = (name: string) => {
  const r = readTorchSave(fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.values.find((v) => v instanceof PyObject) as PyObject;
};

describe("torch.save files, read as data", () => {
  it.each([
    ["legacy-training-args.bin", "transformers.training_args.TrainingArguments", 2e-4],
    ["protocol4-training-args.bin", "transformers.training_args.TrainingArguments", 5e-5],
    ["zip-deflated-training-args.bin", "transformers.training_args.TrainingArguments", 2e-4],
    ["zip-dpo-config.bin", "trl.trainer.dpo_config.DPOConfig", 2e-4],
    ["real-run-language-modeling-namespace.bin", "argparse.Namespace", 5e-5],
  ])("%s holds %s", (name, className, lr) => {
    const o = objectOf(name);
    expect(o.className).toBe(className);
    expect(pyDict(o.state)?.learning_rate).toBe(lr);
  });

  it("says why a file is not one", () => {
    expect(readTorchSave(new TextEncoder().encode("not a pickle"))).toMatchObject({ ok: false });
    const zipNoPkl = fixture("zip-dpo-config.bin").slice();
    // Rename every data.pkl entry: the archive then holds none.
    for (let i = 0; i + 8 <= zipNoPkl.length; i++)
      if (new TextDecoder().decode(zipNoPkl.subarray(i, i + 8)) === "data.pkl") zipNoPkl[i] = 0x78;
    expect(readTorchSave(zipNoPkl)).toMatchObject({ ok: false, error: /without data\.pkl/ });
    const cut = fixture("zip-deflated-training-args.bin").subarray(0, 200);
    expect(readTorchSave(cut)).toMatchObject({ ok: false });
  });

  it("refuses a compressed entry that would inflate past its limit", () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    const name = new TextEncoder().encode("archive/data.pkl");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(bomb.length, 18);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(bomb.length, 20);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42);
    const cdStart = 30 + name.length + bomb.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(cdStart, 16);
    const file = Buffer.concat([local, name, bomb, central, name, end]);
    expect(readTorchSave(new Uint8Array(file))).toMatchObject({ ok: false, error: /does not inflate/ });
  });
});
