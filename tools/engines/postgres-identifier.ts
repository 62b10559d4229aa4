/** Quotes a PostgreSQL identifier (a schema or table name) after checking it is a plain name. */
import { EngineUnavailableError } from "./engine-errors.ts";

const PLAIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Returns `"name"`; refuses anything but lower-case letters, digits and underscores, so no quoting tricks pass. */
export function quotePostgresIdentifier(name: string): string {
  if (!PLAIN_NAME.test(name)) throw new EngineUnavailableError(`not a plain PostgreSQL name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
