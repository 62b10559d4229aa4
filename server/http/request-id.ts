/** Request ids: the caller's X-Request-Id when it is a sane token, else a new one; echoed on the response. */
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

const ACCEPTED = /^[\w.:-]{1,100}$/;

/** A new request id. */
export function newRequestId(): string {
  return `r_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
}

/** The caller's id when acceptable, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTED.test(value) ? value : newRequestId();
}

/** Sets response.locals.requestId and the X-Request-Id header. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const requestId = requestIdFrom(request.headers["x-request-id"]);
  response.locals.requestId = requestId;
  response.setHeader("X-Request-Id", requestId);
  next();
}
