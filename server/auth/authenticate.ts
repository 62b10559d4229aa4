/** Finds the API key of a request (Authorization: Bearer, X-API-Key, or ?api_key=) and resolves it to a principal. */
import type { ApiKeyTable } from "./api-keys.ts";
import type { Principal } from "./principal.ts";
import { UnauthorizedError } from "../http/http-errors.ts";

/** Where a request's key may be: the Authorization and X-API-Key headers, and (for WebSockets) the query. */
export interface KeySources {
  authorization?: string | undefined;
  apiKeyHeader?: string | string[] | undefined;
  queryKey?: string | null | undefined;
}

/** The presented key, if any. */
export function presentedKey(sources: KeySources): string | undefined {
  const bearer = sources.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer) return bearer;
  const header = Array.isArray(sources.apiKeyHeader) ? sources.apiKeyHeader[0] : sources.apiKeyHeader;
  if (header?.trim()) return header.trim();
  if (sources.queryKey?.trim()) return sources.queryKey.trim();
  return undefined;
}

/**
 * The principal of a key.
 * @throws UnauthorizedError when the key is missing, unknown, or the demo key from another machine.
 */
export function authenticate(table: ApiKeyTable, key: string | undefined, remoteAddress: string | undefined): Principal {
  if (!key) throw new UnauthorizedError("missing");
  const found = table.lookup(key, remoteAddress);
  if (found.status === "ok") return found.principal;
  throw new UnauthorizedError(found.status === "demo_remote" ? "demo_remote" : "invalid");
}
