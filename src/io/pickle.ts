/**
 * A reader of Python pickles that never runs anything: it replays the pickle machine's opcodes into plain values.
 * Classes and functions a pickle names (`GLOBAL`) stay names; calling one (`REDUCE`, `NEWOBJ`) gives a
 * {@link PyObject} holding the name, the arguments and the state `BUILD` gives it. So a Trainer's
 * `training_args.bin` can be read for its settings without unpickling it in Python, which would run whatever
 * code the file names. Malformed or unsupported input is an error as data ({ ok: false }), never an exception.
 */

import { ByteReader, Fail } from "./pickle-bytes.js";
import { isDict, keyText, newDict, PyGlobal, PyObject, type PyValue } from "./pickle-values.js";

export type PickleResult = { ok: true; value: PyValue; end: number } | { ok: false; error: string };

/** Limits that keep a hostile file from costing more than its own size. */
const MAX_MEMO = 100_000;
const MAX_STACK = 100_000;

const MARK = Symbol("mark");
type Slot = PyValue | typeof MARK;

/** The pickle machine's state while one pickle is read. */
class Machine extends ByteReader {
  private stack: Slot[] = [];
  private readonly memo = new Map<number, PyValue>();

  private push(v: Slot): void {
    if (this.stack.length >= MAX_STACK) throw new Fail("stack too deep");
    this.stack.push(v);
  }
  private pop(): PyValue {
    const v = this.stack.pop();
    if (v === undefined || v === MARK) throw new Fail(`stack underflow at byte ${this.at}`);
    return v;
  }
  private top(): PyValue {
    const v = this.stack[this.stack.length - 1];
    if (v === undefined || v === MARK) throw new Fail(`empty stack at byte ${this.at}`);
    return v;
  }
  /** The items pushed since the last MARK, which is removed. */
  private popMark(): PyValue[] {
    const at = this.stack.lastIndexOf(MARK);
    if (at < 0) throw new Fail(`no mark at byte ${this.at}`);
    const items = this.stack.slice(at + 1) as PyValue[];
    this.stack.length = at;
    return items;
  }
  private put(index: number): void {
    if (this.memo.size >= MAX_MEMO && !this.memo.has(index)) throw new Fail("memo too large");
    this.memo.set(index, this.top());
  }
  private get(index: number): void {
    if (!this.memo.has(index)) throw new Fail(`memo ${index} missing`);
    this.push(this.memo.get(index) as PyValue);
  }
  private setItems(dict: PyValue, items: PyValue[]): void {
    if (!isDict(dict)) throw new Fail(`SETITEM on a non-dict at byte ${this.at}`);
    for (let i = 0; i + 1 < items.length; i += 2)
      dict[keyText(items[i] as PyValue)] = items[i + 1] as PyValue;
  }
  private appendAll(list: PyValue, items: PyValue[]): void {
    if (!Array.isArray(list)) throw new Fail(`APPEND on a non-list at byte ${this.at}`);
    for (const x of items) list.push(x);
  }
  private call(callable: PyValue, args: PyValue): PyObject {
    const name = callable instanceof PyGlobal ? callable.name : "?";
    return new PyObject(name, Array.isArray(args) ? args : []);
  }

  /** Runs until STOP; returns the value left on the stack. */
  run(): PyValue {
    for (;;) {
      const op = this.u8();
      if (this.step(op)) return this.pop();
    }
  }

  /** One opcode; true at STOP. */
  private step(op: number): boolean {
    switch (op) {
      case 0x2e: // STOP
        return true;
      case 0x80: // PROTO
        this.u8();
        return false;
      case 0x95: // FRAME
        this.take(8);
        return false;
      default:
        return this.stepValue(op);
    }
  }

  private stepValue(op: number): boolean {
    if (this.stepScalar(op) || this.stepContainer(op) || this.stepMemo(op) || this.stepObject(op))
      return false;
    throw new Fail(`unsupported opcode 0x${op.toString(16)} at byte ${this.at - 1}`);
  }

  private stepScalar(op: number): boolean {
    switch (op) {
      case 0x4e: // NONE
        this.push(null);
        return true;
      case 0x88: // NEWTRUE
        this.push(true);
        return true;
      case 0x89: // NEWFALSE
        this.push(false);
        return true;
      case 0x4a: // BININT
        this.push(this.view(4).getInt32(0, true));
        return true;
      case 0x4b: // BININT1
        this.push(this.u8());
        return true;
      case 0x4d: // BININT2
        this.push(this.view(2).getUint16(0, true));
        return true;
      case 0x8a: // LONG1
        this.push(longValue(this.take(this.u8())));
        return true;
      case 0x8b: // LONG4
        this.push(longValue(this.take(this.view(4).getInt32(0, true))));
        return true;
      case 0x47: // BINFLOAT
        this.push(this.view(8).getFloat64(0, false));
        return true;
      case 0x8c: // SHORT_BINUNICODE
        this.push(this.text(this.u8()));
        return true;
      case 0x58: // BINUNICODE
        this.push(this.text(this.view(4).getUint32(0, true)));
        return true;
      case 0x8d: // BINUNICODE8
        this.push(this.text(Number(this.view(8).getBigUint64(0, true))));
        return true;
      case 0x55: // SHORT_BINSTRING
      case 0x43: // SHORT_BINBYTES
        this.push(op === 0x55 ? this.text(this.u8()) : this.take(this.u8()).slice());
        return true;
      case 0x54: // BINSTRING
      case 0x42: // BINBYTES
        this.push(
          op === 0x54
            ? this.text(this.view(4).getUint32(0, true))
            : this.take(this.view(4).getUint32(0, true)).slice(),
        );
        return true;
      case 0x49: // INT (text): "01"/"00" are True/False
        this.push(textInt(this.line()));
        return true;
      case 0x4c: // LONG (text)
        this.push(Number(this.line().replace(/L$/, "")));
        return true;
      case 0x46: // FLOAT (text)
        this.push(Number(this.line()));
        return true;
      case 0x56: // UNICODE (text, raw-unicode-escape; read as is)
        this.push(this.line());
        return true;
      default:
        return false;
    }
  }

  private stepContainer(op: number): boolean {
    switch (op) {
      case 0x28: // MARK
        this.push(MARK);
        return true;
      case 0x7d: // EMPTY_DICT
        this.push(newDict());
        return true;
      case 0x5d: // EMPTY_LIST
      case 0x29: // EMPTY_TUPLE
      case 0x8f: // EMPTY_SET
        this.push([]);
        return true;
      case 0x74: // TUPLE
      case 0x6c: // LIST
      case 0x91: // FROZENSET
        this.push(this.popMark());
        return true;
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: {
        // TUPLE3
        const n = op - 0x84;
        const items: PyValue[] = [];
        for (let i = 0; i < n; i++) items.unshift(this.pop());
        this.push(items);
        return true;
      }
      case 0x64: {
        // DICT
        const d = newDict();
        this.setItems(d, this.popMark());
        this.push(d);
        return true;
      }
      case 0x61: {
        // APPEND
        const v = this.pop();
        this.appendAll(this.top(), [v]);
        return true;
      }
      case 0x65: // APPENDS
      case 0x90: {
        // ADDITEMS
        const items = this.popMark();
        this.appendAll(this.top(), items);
        return true;
      }
      case 0x73: {
        // SETITEM
        const v = this.pop();
        const k = this.pop();
        this.setItems(this.top(), [k, v]);
        return true;
      }
      case 0x75: {
        // SETITEMS
        const items = this.popMark();
        this.setItems(this.top(), items);
        return true;
      }
      default:
        return false;
    }
  }

  private stepMemo(op: number): boolean {
    switch (op) {
      case 0x71: // BINPUT
        this.put(this.u8());
        return true;
      case 0x72: // LONG_BINPUT
        this.put(this.view(4).getUint32(0, true));
        return true;
      case 0x94: // MEMOIZE
        this.put(this.memo.size);
        return true;
      case 0x70: // PUT (text)
        this.put(Number(this.line()));
        return true;
      case 0x68: // BINGET
        this.get(this.u8());
        return true;
      case 0x6a: // LONG_BINGET
        this.get(this.view(4).getUint32(0, true));
        return true;
      case 0x67: // GET (text)
        this.get(Number(this.line()));
        return true;
      case 0x30: // POP
        if (this.stack[this.stack.length - 1] === MARK) this.stack.pop();
        else this.pop();
        return true;
      case 0x31: // POP_MARK
        this.popMark();
        return true;
      case 0x32: // DUP
        this.push(this.top());
        return true;
      default:
        return false;
    }
  }

  private stepObject(op: number): boolean {
    switch (op) {
      case 0x63: {
        // GLOBAL: "module\nname\n"
        const module = this.line();
        this.push(new PyGlobal(`${module}.${this.line()}`));
        return true;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = this.pop();
        const module = this.pop();
        this.push(new PyGlobal(`${keyText(module)}.${keyText(name)}`));
        return true;
      }
      case 0x52: // REDUCE
      case 0x81: {
        // NEWOBJ
        const args = this.pop();
        this.push(this.call(this.pop(), args));
        return true;
      }
      case 0x92: {
        // NEWOBJ_EX
        this.pop();
        const args = this.pop();
        this.push(this.call(this.pop(), args));
        return true;
      }
      case 0x62: {
        // BUILD
        const state = this.pop();
        const target = this.top();
        if (target instanceof PyObject) target.state = state;
        return true;
      }
      case 0x51: // BINPERSID
        this.pop();
        this.push(new PyObject("persistent", []));
        return true;
      case 0x50: // PERSID (text)
        this.line();
        this.push(new PyObject("persistent", []));
        return true;
      default:
        return false;
    }
  }
}

/** A little-endian two's-complement integer, as a number (exact up to 2^53). */
function longValue(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] as number);
  if ((bytes[bytes.length - 1] as number) & 0x80) n -= 1n << BigInt(bytes.length * 8);
  return Number(n);
}

function textInt(line: string): number | boolean {
  if (line === "01") return true;
  if (line === "00") return false;
  return Number(line);
}

/** Reads the one pickle that starts at `start`. */
export function readPickle(bytes: Uint8Array, start = 0): PickleResult {
  const machine = new Machine(bytes, start);
  try {
    return { ok: true, value: machine.run(), end: machine.at };
  } catch (error) {
    if (error instanceof Fail) return { ok: false, error: error.message };
    throw error;
  }
}
