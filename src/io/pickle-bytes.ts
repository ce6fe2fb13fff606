/** Reading the bytes of a pickle: fixed-size fields, counted strings and text lines, each checked against the end. */

export class Fail extends Error {}

export class ByteReader {
  at: number;
  constructor(
    protected readonly bytes: Uint8Array,
    start: number,
  ) {
    this.at = start;
  }

  protected view(n: number): DataView {
    if (this.at + n > this.bytes.length) throw new Fail(`truncated at byte ${this.at}`);
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.at, n);
    this.at += n;
    return v;
  }
  protected u8(): number {
    return this.view(1).getUint8(0);
  }
  protected take(n: number): Uint8Array {
    if (n < 0 || this.at + n > this.bytes.length) throw new Fail(`truncated at byte ${this.at}`);
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  protected line(): string {
    const end = this.bytes.indexOf(0x0a, this.at);
    if (end < 0) throw new Fail(`unterminated line at byte ${this.at}`);
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, end));
    this.at = end + 1;
    return text;
  }
  protected text(n: number): string {
    return new TextDecoder("utf-8", { fatal: false }).decode(this.take(n));
  }
}
