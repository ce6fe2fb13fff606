/**
 * DSSE pre-authentication encoding (PAE), and the v0.2 variant the reference verifier still accepts.
 * https://github.com/secure-systems-lab/dsse/blob/v1.0.0/protocol.md
 */

/**
 * `DSSEv1 <len(type)> <type> <len(payload)> <payload>`, lengths in bytes as ASCII decimal.
 *
 * @example
 * pae("application/vnd.in-toto+json", Buffer.from("{}")) // "DSSEv1 28 application/vnd.in-toto+json 2 {}"
 */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const head = `DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `;
  return Buffer.concat([Buffer.from(head, "utf8"), payload]);
}

/** Python's `repr()` of a `bytes` value (`b'…'`), which model_signing v0.2 put into its PAE by mistake. */
export function pythonBytesRepr(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'";
  const q = quote.charCodeAt(0);
  let out = `b${quote}`;
  for (const c of bytes) {
    if (c === q || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += String.fromCharCode(c);
  }
  return `${out}${quote}`;
}

/**
 * The PAE of model_signing v0.2 (`pae_compat` in the reference verifier): `DSSEV1`, and the payload as
 * Python's `repr` of bytes instead of the bytes themselves. Only ever used to verify, never to sign.
 */
export function paeCompat(payloadType: string, payload: Uint8Array): Buffer {
  const text = `DSSEV1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} ${pythonBytesRepr(payload)}`;
  return Buffer.from(text, "utf8");
}
