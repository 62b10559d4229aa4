/** A few security headers on every response (no helmet is installed; these are the ones that matter here). */
import type { NextFunction, Request, Response } from "express";

/** The API serves JSON only: nothing may be loaded or framed from it. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The web chat: its own scripts and styles, WebSocket back to this server, charts drawn by Vega (which compiles
 * its expressions with Function, hence 'unsafe-eval'), images from data: and blob: URLs (chart exports).
 */
const PAGE_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** Sets the headers; API paths get the strict policy. */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("Referrer-Policy", "no-referrer");
  response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  response.setHeader("Content-Security-Policy", request.path.startsWith("/api/") ? API_POLICY : PAGE_POLICY);
  if (request.path.startsWith("/api/")) response.setHeader("Cache-Control", "no-store");
  next();
}
