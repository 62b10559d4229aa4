/** CORS for integrators: only the configured origins (LENDLENS_CORS_ORIGINS; "*" for any) may call from a browser. */
import type { NextFunction, Request, Response } from "express";

/** Creates the CORS middleware; with no origins configured it sets nothing (same origin only). */
export function corsMiddleware(origins: readonly string[]) {
  const any = origins.includes("*");
  const allowed = new Set(origins);
  return function cors(request: Request, response: Response, next: NextFunction): void {
    const origin = request.headers.origin;
    response.vary("Origin");
    if (origin && (any || allowed.has(origin))) {
      response.setHeader("Access-Control-Allow-Origin", any ? "*" : origin);
      response.setHeader("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, X-Answer-Index, X-Message-Id, X-RateLimit-Limit, X-RateLimit-Remaining");
      if (request.method === "OPTIONS") {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, X-API-Key, X-Request-Id");
        response.setHeader("Access-Control-Max-Age", "600");
        response.status(204).end();
        return;
      }
    }
    next();
  };
}
