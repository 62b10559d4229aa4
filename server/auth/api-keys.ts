/**
 * The API key table: keys from LENDLENS_KEYS_FILE (JSON) and LENDLENS_API_KEYS ("key:user:role[:branch_id],..."),
 * plus the documented demo key, which works from localhost only.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { LendLensError } from "../../schema/errors.ts";
import { Role } from "./principal.ts";
import type { Principal } from "./principal.ts";

/** The documented demo key: a manager, accepted only from the loopback interface. */
export const DEMO_API_KEY = "demo-key";

/** One key as written in the keys file. */
export const ApiKeyEntry = z
  .object({
    key: z.string().min(8, "keys are at least 8 characters"),
    user: z.string().min(1).max(100),
    role: Role,
    branch_id: z.string().min(1).optional(),
  })
  .strict()
  .refine((entry) => entry.role !== "staff" || entry.branch_id !== undefined, { message: "staff keys need a branch_id" });
export type ApiKeyEntry = z.infer<typeof ApiKeyEntry>;

/** The keys file: `{"keys": [...]}` or a bare array. */
export const ApiKeysFile = z.union([z.object({ keys: z.array(ApiKeyEntry) }).strict(), z.array(ApiKeyEntry)]);

/** A key entry or the keys file is invalid (the message never repeats a key). */
export class ApiKeysConfigurationError extends LendLensError {
  constructor(problem: string) {
    super("CONFIGURATION_INVALID", { zh: `API 密钥配置有误:${problem}`, en: `Invalid API key configuration: ${problem}` }, { audience: "internal" });
  }
}

/** A SHA-256 digest of a key: keys are compared as digests, in constant time. */
function digest(key: string): Buffer {
  return createHash("sha256").update(key).digest();
}

/** The first characters of a key's digest: identifies a key in logs and rate limits without revealing it. */
export function keyIdOf(key: string): string {
  return digest(key).toString("hex").slice(0, 12);
}

/** Parses LENDLENS_API_KEYS: comma-separated "key:user:role[:branch_id]". */
export function parseApiKeysText(text: string): ApiKeyEntry[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => {
      const [key, user, role, branchId] = part.split(":").map((piece) => piece.trim());
      const parsed = ApiKeyEntry.safeParse({ key, user, role, ...(branchId ? { branch_id: branchId } : {}) });
      if (!parsed.success) throw new ApiKeysConfigurationError(`LENDLENS_API_KEYS entry ${index + 1}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
      return parsed.data;
    });
}

/** Reads a keys file (JSON). */
export function readApiKeysFile(path: string): ApiKeyEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ApiKeysConfigurationError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ApiKeysFile.safeParse(json);
  if (!parsed.success) throw new ApiKeysConfigurationError(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.keys;
}

/** The result of looking a key up. */
export type KeyLookup = { status: "ok"; principal: Principal } | { status: "unknown" } | { status: "demo_remote" };

/** Looks keys up; the demo key only for callers on the loopback interface. */
export class ApiKeyTable {
  private readonly entries: { digest: Buffer; principal: Principal }[];
  private readonly demoDigest: Buffer | undefined;

  constructor(entries: readonly ApiKeyEntry[], options: { demoKey: boolean }) {
    this.entries = entries.map((entry) => ({
      digest: digest(entry.key),
      principal: { user: entry.user, role: entry.role, ...(entry.branch_id ? { branchId: entry.branch_id } : {}), keyId: keyIdOf(entry.key) },
    }));
    this.demoDigest = options.demoKey ? digest(DEMO_API_KEY) : undefined;
  }

  /** Builds the table from the configured sources. */
  static fromConfiguration(configuration: { apiKeys?: string; keysFile?: string; demoKeyEnabled: boolean }): ApiKeyTable {
    const entries = [...(configuration.keysFile ? readApiKeysFile(configuration.keysFile) : []), ...(configuration.apiKeys ? parseApiKeysText(configuration.apiKeys) : [])];
    return new ApiKeyTable(entries, { demoKey: configuration.demoKeyEnabled });
  }

  /** Number of configured keys (the demo key not counted). */
  get size(): number {
    return this.entries.length;
  }

  /** The principal of a key; `remoteAddress` decides whether the demo key is accepted. */
  lookup(key: string, remoteAddress: string | undefined): KeyLookup {
    const presented = digest(key);
    // Compare with every entry so the time taken does not say which entry matched.
    let found: Principal | undefined;
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, presented)) found ??= entry.principal;
    if (found) return { status: "ok", principal: found };
    if (this.demoDigest && timingSafeEqual(this.demoDigest, presented)) {
      if (!isLoopback(remoteAddress)) return { status: "demo_remote" };
      return { status: "ok", principal: { user: "demo", role: "manager", keyId: keyIdOf(key) } };
    }
    return { status: "unknown" };
  }
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  return plain === "::1" || /^127\.\d+\.\d+\.\d+$/.test(plain);
}
