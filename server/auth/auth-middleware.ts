/** Express middleware: authenticate the key, charge the key's rate limit, and check roles. */
import type { NextFunction, Request, Response } from "express";
import type { ApiKeyTable } from "./api-keys.ts";
import { authenticate, presentedKey } from "./authenticate.ts";
import type { Principal, Role } from "./principal.ts";
import { ForbiddenError, RateLimitedError } from "../http/http-errors.ts";
import type { RateLimiter } from "../http/rate-limiter.ts";

/** The principal set by requireKey. */
export function principalOf(response: Response): Principal {
  return response.locals.principal as Principal;
}

/** Requires a valid key (401 otherwise) and one token of its rate limit (429 otherwise). */
export function requireKey(keys: ApiKeyTable, limiter: RateLimiter) {
  return function checkKey(request: Request, response: Response, next: NextFunction): void {
    // Over HTTP the key travels in headers only: keys in URLs end up in proxy logs and browser history.
    const principal = authenticate(keys, presentedKey({ authorization: request.headers.authorization, apiKeyHeader: request.headers["x-api-key"] }), request.socket.remoteAddress);
    const decision = limiter.take(principal.keyId);
    response.setHeader("X-RateLimit-Limit", String(limiter.capacity));
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
    response.setHeader("X-RateLimit-Remaining", String(decision.remaining));
    response.locals.principal = principal;
    next();
  };
}

/** Allows only the given roles (403 otherwise). */
export function requireRole(...roles: Role[]) {
  return function checkRole(_request: Request, response: Response, next: NextFunction): void {
    if (!roles.includes(principalOf(response).role)) throw new ForbiddenError({ zh: `仅限${roles.join("、")}角色`, en: `only for the ${roles.join(", ")} role` });
    next();
  };
}
