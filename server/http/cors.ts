/**
 * CORS for integrators: only the configured origins (LENDLENS_CORS_ORIGINS; "*" for any) may call the API from a
 * browser. API requests that a browser sent from any other site's page are refused (403) rather than just left
 * unreadable, so a page elsewhere cannot make a local server act with the localhost-only demo key.
 */
import type { NextFunction, Request, Response } from "express";
import { ForbiddenError } from "./http-errors.ts";

/** True when `origin` is this server itself (the page the server serves calling its own API). */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Creates the CORS middleware; with no origins configured only same-origin pages may call the API. */
export function corsMiddleware(origins: readonly string[]) {
  const any = origins.includes("*");
  const allowed = new Set(origins);
  return function cors(request: Request, response: Response, next: NextFunction): void {
    const origin = request.headers.origin;
    response.vary("Origin");
    if (!origin || sameOrigin(origin, request.headers.host)) {
      next();
      return;
    }
    if (any || allowed.has(origin)) {
      response.setHeader("Access-Control-Allow-Origin", any ? "*" : origin);
      response.setHeader("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, X-Answer-Index, X-Message-Id, X-RateLimit-Limit, X-RateLimit-Remaining");
      if (request.method === "OPTIONS") {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Key, X-Request-Id");
        response.setHeader("Access-Control-Max-Age", "600");
        response.status(204).end();
        return;
      }
      next();
      return;
    }
    if (request.path.startsWith("/api/")) throw new ForbiddenError({ zh: "不允许该来源(Origin)的网页调用", en: "pages from this origin may not call the API" });
    next();
  };
}
