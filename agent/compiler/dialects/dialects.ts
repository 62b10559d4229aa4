/** The dialects by name, typed so that adding a DialectName without its dialect fails to compile. */
import type { DialectName } from "../../../schema/ddl.ts";
import { postgresDialect } from "./postgres.ts";
import type { SqlDialect } from "./sql-dialect.ts";
import { sqliteDialect } from "./sqlite.ts";

/** Every dialect the compiler writes. */
export const DIALECTS: Record<DialectName, SqlDialect> = { sqlite: sqliteDialect, postgres: postgresDialect };
