/** Validates a request part against its zod schema, as a RequestInvalidError naming each field. */
import type { z } from "zod";
import { RequestInvalidError } from "./http-errors.ts";

/**
 * The parsed value.
 * @throws RequestInvalidError listing every problem (field path and message).
 */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new RequestInvalidError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`));
}
