/** The one error handler: typed errors become their HTTP status and the error body; the rest a logged 500. */
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { LendLensError } from "../../schema/errors.ts";
import { errorBody } from "./error-body.ts";
import { httpStatusOf } from "./error-status.ts";
import { MalformedJsonError, PayloadTooLargeError, RateLimitedError, RequestInvalidError } from "./http-errors.ts";

/** Body-parser failures (they carry `type` and `status`) as typed errors. */
function fromBodyParser(error: unknown, bodyLimitBytes: number): unknown {
  if (typeof error !== "object" || error === null || !("type" in error)) return error;
  switch ((error as { type: unknown }).type) {
    case "entity.too.large":
      return new PayloadTooLargeError(bodyLimitBytes);
    case "entity.parse.failed":
      return new MalformedJsonError();
    case "encoding.unsupported":
    case "charset.unsupported":
    case "request.aborted":
    case "request.size.invalid":
      return new RequestInvalidError([String((error as { type: unknown }).type)]);
    default:
      return error;
  }
}

/** Creates the error-handling middleware. */
export function errorHandler(logger: Logger, bodyLimitBytes: number) {
  return function handleError(failure: unknown, request: Request, response: Response, _next: NextFunction): void {
    const error = fromBodyParser(failure, bodyLimitBytes);
    const status = httpStatusOf(error);
    const requestId = String(response.locals.requestId ?? "");
    if (status >= 500) logger.error({ err: failure, requestId, method: request.method, path: request.path }, "request failed");
    else logger.info({ code: LendLensError.is(error) ? error.code : undefined, requestId, status, path: request.path }, "request refused");
    if (error instanceof RateLimitedError) response.setHeader("Retry-After", String(error.retryAfterSeconds));
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json(errorBody(error, requestId));
  };
}
