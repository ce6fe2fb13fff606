import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPickle } from "./pickle.js";
import { PyGlobal, PyObject, pyDict } from "./pickle-values.js";

const bytes = (...parts: (number | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "number" ? [p] : [...new TextEncoder().encode(p)])));

describe("reading a pickle without running it", () => {
  it("replays a dict of scalars (protocol 2: PROTO, EMPTY_DICT, MARK, SETITEMS)", () => {
    // {"lr": 2e-4, "epochs": 3, "bf16": True, "name": None}
    const lr = new Uint8Array(new Float64Array([2e-4]).buffer).reverse();
    const r = readPickle(
      bytes(
        0x80,
        2,
        0x7d,
        0x71,
        0,
        0x28,
        0x8c,
        2,
        "lr",
        0x47,
        ...lr,
        0x8c,
        6,
        "epochs",
        0x4b,
        3,
        0x8c,
        4,
        "bf16",
        0x88,
        0x8c,
        4,
        "name",
        0x4e,
        0x75,
        0x2e,
      ),
    );
    expect(r.ok && pyDict(r.value)).toEqual({ lr: 2e-4, epochs: 3, bf16: true, name: null });
  });

  it("names classes and describes calls instead of making them (GLOBAL, REDUCE, NEWOBJ, BUILD)", () => {
    // os.system("echo hi"): a classic hostile pickle is only a description
    const r = readPickle(bytes(0x80, 2, 0x63, "os\nsystem\n", 0x8c, 7, "echo hi", 0x85, 0x52, 0x2e));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBeInstanceOf(PyObject);
    expect((r.value as PyObject).className).toBe("os.system");
    expect((r.value as PyObject).args).toEqual(["echo hi"]);
    const g = readPickle(bytes(0x80, 2, 0x63, "a.b\nC\n", 0x2e));
    expect(g.ok && g.value).toEqual(new PyGlobal("a.b.C"));
  });

  it("reads negative and long integers (LONG1) and the memo (BINPUT, BINGET, MEMOIZE)", () => {
    const r = readPickle(bytes(0x80, 4, 0x8a, 2, 0xff, 0xff, 0x94, 0x68, 0, 0x86, 0x2e));
    expect(r.ok && r.value).toEqual([-1, -1]);
  });

  it("reports what it cannot read as data, never throws", () => {
    expect(readPickle(bytes(0x80, 2, 0x8c, 10, "short"))).toMatchObject({ ok: false });
    expect(readPickle(bytes(0x80, 2, 0xff, 0x2e))).toMatchObject({
      ok: false,
      error: /unsupported opcode 0xff/,
    });
    expect(readPickle(bytes(0x80, 2, 0x68, 9, 0x2e))).toMatchObject({ ok: false, error: /memo 9 missing/ });
    expect(readPickle(bytes(0x80, 2, 0x2e))).toMatchObject({ ok: false, error: /underflow/ });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const r = readPickle(b);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps keys as data: a key named __proto__ is an ordinary entry", () => {
    const r = readPickle(bytes(0x80, 2, 0x7d, 0x8c, 9, "__proto__", 0x8c, 1, "x", 0x73, 0x2e));
    const d = r.ok ? pyDict(r.value) : undefined;
    expect(d && Object.keys(d)).toEqual(["__proto__"]);
    expect(({} as { x?: unknown }).x).toBeUndefined();
  });
});
