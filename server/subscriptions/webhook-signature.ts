/** Webhook signatures: X-LendLens-Signature: sha256=<hex HMAC-SHA256 of the raw body with the subscription's secret>. */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The header that carries the signature. */
export const SIGNATURE_HEADER = "X-LendLens-Signature";

/** The header value for a body. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** True when `signature` is the body's signature with `secret` (compared in constant time). */
export function verifySignature(body: string, secret: string, signature: string | undefined | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signBody(body, secret));
  const presented = Buffer.from(signature);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}
