/** Parses one pre-scanned statement with node-sql-parser, in the grammar of its dialect. */
import nodeSqlParser from "node-sql-parser";
import type { DialectName } from "../../schema/ddl.ts";
import { isNode } from "./ast-nodes.ts";
import type { AstNode } from "./ast-nodes.ts";
import type { LexedStatement } from "./sql-lexer.ts";
import { refuse, SqlGuardError } from "./sql-guard-error.ts";

/** A parsed statement and the tables node-sql-parser itself saw (`type::schema::table`). */
export interface ParsedStatement {
  ast: AstNode;
  tableList: string[];
  grammar: "sqlite" | "postgresql";
}

const parser = new nodeSqlParser.Parser();

/**
 * Parses with the dialect's grammar. node-sql-parser's SQLite grammar lacks window frames, OVER (),
 * RIGHT/FULL joins and INTERSECT/EXCEPT, so a SQLite statement it cannot read is parsed once more with
 * the PostgreSQL grammar (its `?` numbered `$1..$n` for that parse only); the text that runs is unchanged.
 */
export function parseStatement(lexed: LexedStatement, dialect: DialectName): ParsedStatement {
  const attempts: { grammar: "sqlite" | "postgresql"; text: string }[] =
    dialect === "sqlite"
      ? [
          { grammar: "sqlite", text: lexed.parseText },
          { grammar: "postgresql", text: lexed.numberedText },
        ]
      : [{ grammar: "postgresql", text: lexed.parseText }];
  let firstError: unknown;
  for (const attempt of attempts) {
    try {
      const result = parser.parse(attempt.text, { database: attempt.grammar });
      const statements: unknown[] = Array.isArray(result.ast) ? result.ast : [result.ast];
      if (statements.length !== 1) throw refuse("GUARD_MULTIPLE_STATEMENTS", `${statements.length} statements`);
      const [ast] = statements;
      if (!isNode(ast)) throw refuse("GUARD_PARSE", "no statement");
      return { ast, tableList: result.tableList, grammar: attempt.grammar };
    } catch (error) {
      if (error instanceof SqlGuardError) throw error;
      firstError ??= error;
    }
  }
  const message = firstError instanceof Error ? firstError.message : String(firstError);
  throw refuse("GUARD_PARSE", message.length > 200 ? `${message.slice(0, 200)}…` : message);
}
