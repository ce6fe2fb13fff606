/**
 * The Sigstore bundle v0.3 (JSON) that carries an OMS signature, as zod schemas: lenient enough to read every
 * bundle the reference verifier reads (v0.2 to v1.1: `keyid` null or absent, `publicKey.rawBytes` instead of a
 * `hint`, no `tlogEntries`), strict about what verifying needs. The published OMS JSON Schemas are checked
 * separately (`schema-check.ts`).
 */
import { z } from "zod";

const base64 = z.string().min(1, "must not be empty");

export const DsseSignatureSchema = z.object({
  sig: base64,
  keyid: z.string().nullable().optional(),
});

export const DsseEnvelopeSchema = z.object({
  payload: base64,
  payloadType: z.string(),
  signatures: z.array(DsseSignatureSchema).min(1, "has no signature"),
});

const CertificateSchema = z.object({ rawBytes: base64 });

export const VerificationMaterialSchema = z.object({
  publicKey: z
    .object({
      hint: z.string().nullable().optional(),
      rawBytes: z.string().optional(),
      keyDetails: z.string().optional(),
    })
    .optional(),
  x509CertificateChain: z.object({ certificates: z.array(CertificateSchema).min(1) }).optional(),
  certificate: CertificateSchema.optional(),
  tlogEntries: z.array(z.unknown()).optional(),
  timestampVerificationData: z.unknown().optional(),
});

export const BundleSchema = z.object({
  mediaType: z.string(),
  verificationMaterial: VerificationMaterialSchema,
  dsseEnvelope: DsseEnvelopeSchema,
});

export type DsseSignature = z.infer<typeof DsseSignatureSchema>;
export type DsseEnvelope = z.infer<typeof DsseEnvelopeSchema>;
export type VerificationMaterial = z.infer<typeof VerificationMaterialSchema>;
export type Bundle = z.infer<typeof BundleSchema>;

/** How a bundle says it was signed. */
export type SigningMethod = "key" | "certificate" | "keyless";

/** The signing method a bundle's verification material stands for, or undefined when it names none. */
export function signingMethod(material: VerificationMaterial): SigningMethod | undefined {
  if (material.x509CertificateChain !== undefined) return "certificate";
  if (material.certificate !== undefined) return "keyless";
  if (material.publicKey !== undefined) return "key";
  return undefined;
}

/**
 * Decodes canonical base64 only: the text must be exactly what encoding its bytes gives back, so that no
 * change to a signature or payload text can decode to the same bytes (padding bits, stray characters).
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : undefined;
}

/** Parses bundle text: the bundle, or a message saying what is wrong (not JSON, a missing field, …). */
export function parseBundle(
  text: string,
): { ok: true; bundle: Bundle; raw: unknown } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message.replace(/^JSON\.parse: /, "");
    return { ok: false, message: `not JSON (${detail}); a truncated or garbled bundle?` };
  }
  const parsed = BundleSchema.safeParse(value);
  if (parsed.success) return { ok: true, bundle: parsed.data, raw: value };
  const first = parsed.error.issues[0];
  const where = first === undefined || first.path.length === 0 ? "(bundle)" : first.path.join(".");
  return { ok: false, message: `not a Sigstore bundle: ${where}: ${first?.message ?? "invalid"}` };
}
