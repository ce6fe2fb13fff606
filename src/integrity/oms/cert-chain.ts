/**
 * Certificate-method signatures: the bundle's chain (signing certificate first, then intermediates) must lead
 * to a certificate of the trusted CA file. Each link is checked by signature and issuer name; every issuer
 * must be a CA; the signing certificate must allow code signing (extended key usage) or digital signatures
 * (key usage). Validity dates are checked at the signing certificate's `notBefore`, the same time the
 * reference verifier uses (an offline verifier has no trusted signing time); an expiry since then is
 * reported as a note, not a failure.
 */
import { X509Certificate } from "node:crypto";

const CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
const MAX_DEPTH = 10;

export interface ChainResult {
  leaf: X509Certificate;
  /** Subjects from the signing certificate up to the trusted one. */
  path: string[];
  notes: string[];
}

/** Every certificate of a PEM text (a CA file may hold several). */
export function readPemCertificates(pem: string): X509Certificate[] {
  const begin = "-----BEGIN CERTIFICATE-----";
  const end = "-----END CERTIFICATE-----";
  const out: X509Certificate[] = [];
  for (let at = pem.indexOf(begin); at >= 0; at = pem.indexOf(begin, at + 1)) {
    const stop = pem.indexOf(end, at);
    if (stop < 0) break;
    out.push(new X509Certificate(pem.slice(at, stop + end.length)));
    at = stop;
  }
  return out;
}

/**
 * The digitalSignature bit of the KeyUsage extension (OID 2.5.29.15), read from the DER, or undefined when
 * the certificate has no such extension. Node reports extended key usage only.
 */
export function digitalSignatureUsage(der: Buffer): boolean | undefined {
  const oid = Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x0f]);
  let at = der.indexOf(oid);
  if (at < 0) return undefined;
  at += oid.length;
  if (der[at] === 0x01) at += 3; // critical BOOLEAN
  // OCTET STRING { BIT STRING { unused-bits, bits… } }
  if (der[at] !== 0x04 || der[at + 2] !== 0x03) return undefined;
  const first = der[at + 5];
  return first === undefined ? undefined : (first & 0x80) !== 0;
}

function validAt(cert: X509Certificate, at: Date): boolean {
  return new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
}

function issues(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

function canSign(leaf: X509Certificate): boolean {
  if (leaf.keyUsage?.includes(CODE_SIGNING)) return true;
  return digitalSignatureUsage(leaf.raw) === true;
}

/**
 * Checks `chain` (DER, signing certificate first) against the trusted certificates.
 *
 * @example
 * const result = verifyChain(ders, readPemCertificates(readFileSync("ca.pem", "utf8")));
 * if ("error" in result) console.error(result.error);
 */
export function verifyChain(
  chain: readonly Buffer[],
  trusted: readonly X509Certificate[],
  now: Date = new Date(),
): ChainResult | { error: string } {
  let certs: X509Certificate[];
  try {
    certs = chain.map((der) => new X509Certificate(der));
  } catch {
    return { error: "a certificate of the bundle's chain is not a readable X.509 certificate" };
  }
  const leaf = certs[0];
  if (leaf === undefined) return { error: "the bundle's certificate chain is empty" };
  const at = new Date(leaf.validFrom);
  const path = [leaf.subject];
  let current = leaf;
  const used = new Set<X509Certificate>([leaf]);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!validAt(current, at))
      return { error: `certificate '${current.subject}' is not valid at ${at.toISOString()}` };
    const anchor = trusted.find((t) => t.raw.equals(current.raw) || issues(current, t));
    if (anchor !== undefined) {
      if (!anchor.raw.equals(current.raw)) {
        if (!anchor.ca) return { error: `trusted certificate '${anchor.subject}' is not a CA` };
        if (!validAt(anchor, at))
          return { error: `trusted certificate '${anchor.subject}' is not valid at ${at.toISOString()}` };
        path.push(anchor.subject);
      }
      if (!canSign(leaf))
        return { error: `signing certificate '${leaf.subject}' is not allowed to sign (key usage)` };
      const notes = new Date(leaf.validTo) < now ? [`signing certificate expired on ${leaf.validTo}`] : [];
      return { leaf, path, notes };
    }
    const next = certs.find((c) => !used.has(c) && c.ca && issues(current, c));
    if (next === undefined)
      return {
        error: `certificate '${current.subject}' is not issued by a CA of the bundle's chain or of the trusted certificates`,
      };
    used.add(next);
    path.push(next.subject);
    current = next;
  }
  return { error: `the certificate chain is longer than ${MAX_DEPTH}` };
}
