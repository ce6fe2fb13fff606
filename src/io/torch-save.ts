/**
 * The pickles inside a file written by `torch.save` (a Trainer's `training_args.bin`), without PyTorch and without
 * running them (pickle.ts). Two layouts exist: since PyTorch 1.6 a zip archive whose `…/data.pkl` holds the
 * object; before, several pickles one after another (a magic number, the protocol version, system information,
 * the object, the storage keys).
 */
import { inflateRawSync } from "node:zlib";
import { readPickle } from "./pickle.js";
import type { PyValue } from "./pickle-values.js";

export type TorchSaveResult = { ok: true; values: PyValue[] } | { ok: false; error: string };

const u16 = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The bytes of the archive's `data.pkl`, found through the central directory (local headers may omit sizes). */
function zipDataPkl(b: Uint8Array): Uint8Array | string {
  // End of central directory: its signature within the last 64 KiB + 22 bytes (a comment may follow it).
  let eocd = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 65_557); at--)
    if (u32(b, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  if (eocd < 0) return "a zip archive without its central directory";
  const entries = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  for (let i = 0; i < entries && at + 46 <= b.length; i++) {
    if (u32(b, at) !== 0x02014b50) return "a damaged zip central directory";
    const method = u16(b, at + 10);
    const size = u32(b, at + 20);
    const nameLength = u16(b, at + 28);
    const next = at + 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
    const name = new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength));
    const local = u32(b, at + 42);
    at = next;
    if (!/(^|\/)data\.pkl$/.test(name)) continue;
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) return "a damaged zip entry";
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    const data = b.subarray(start, start + size);
    if (data.length !== size) return "a truncated zip entry";
    if (method === 0) return data;
    if (method !== 8) return `a zip entry compressed with method ${method}`;
    try {
      return new Uint8Array(inflateRawSync(data, { maxOutputLength: 16 * 1024 * 1024 }));
    } catch {
      return "a zip entry that does not inflate";
    }
  }
  return "a zip archive without data.pkl";
}

/** The objects a `torch.save` file holds: the one object of the zip layout, or each pickle of the legacy one. */
export function readTorchSave(bytes: Uint8Array): TorchSaveResult {
  if (u32(bytes, 0) === 0x04034b50) {
    const pkl = zipDataPkl(bytes);
    if (typeof pkl === "string") return { ok: false, error: pkl };
    const one = readPickle(pkl);
    return one.ok ? { ok: true, values: [one.value] } : one;
  }
  if (bytes[0] !== 0x80) return { ok: false, error: "neither a zip archive nor a pickle" };
  const values: PyValue[] = [];
  let at = 0;
  while (at < bytes.length && values.length < 8) {
    const next = readPickle(bytes, at);
    if (!next.ok) return values.length > 0 ? { ok: true, values } : next;
    values.push(next.value);
    at = next.end;
  }
  return { ok: true, values };
}
