/** The media types and URIs of an OMS v1.0 signature (OpenSSF Model Signing; sigstore/model-transparency). */

/** Sigstore bundle v0.3, JSON. */
export const BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
/** The DSSE payload type of an in-toto statement. */
export const IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
/** in-toto Statement v1. */
export const IN_TOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
/** The OMS v1.0 predicate: a model's manifest (serialization + resources). */
export const OMS_PREDICATE_TYPE = "https://model_signing/signature/v1.0";
/** The predicate of model_signing v0.2 (one subject per file), still accepted by the reference verifier. */
export const OMS_PREDICATE_TYPE_V0_2 = "https://model_signing/Digests/v0.1";
/** The model name the reference verifier gives a v0.2 manifest, which records none. */
export const V0_2_MODEL_NAME = "compat-undefined-not-present";
