/**
 * Bound parameters while SQL is being written: every value (a user's filter value, a date, a setting) becomes an
 * opaque token in the text, and `finish` turns the tokens, in text order, into the dialect's placeholders.
 * A value used twice binds twice, so `?` placeholders line up; no value is ever spliced into SQL text.
 */
import type { SqlFragment } from "../../schema/semantic-layer/types.ts";
import { compileError } from "./compile-error.ts";
import type { SqlDialect } from "./dialects/sql-dialect.ts";

const TOKEN = /\{\{#(\d+)\}\}/g;
const PLACEHOLDER = /\{\{([a-z_.0-9]+)\}\}/g;

/** Resolves a semantic-layer placeholder name ({{month}}, {{setting.x}}) to its value. */
export type PlaceholderResolver = (name: string) => string | number;

/** Collects the values of one compiled statement. */
export class SqlParameters {
  private readonly values: unknown[] = [];

  /** A token standing for `value` in SQL text. */
  bind(value: string | number): string {
    this.values.push(value);
    return `{{#${this.values.length - 1}}}`;
  }

  /** The fragment's text for the dialect, with every {{placeholder}} bound through `resolve`. */
  fragment(fragment: SqlFragment, dialect: SqlDialect, resolve: PlaceholderResolver): string {
    const text = typeof fragment === "string" ? fragment : fragment[dialect.name];
    return text.replace(PLACEHOLDER, (_, name: string) => this.bind(resolve(name)));
  }

  /** The final SQL with the dialect's placeholders, and the parameters in placeholder order. */
  finish(text: string, dialect: SqlDialect): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const sql = text.replace(TOKEN, (_, index: string) => {
      params.push(this.values[Number(index)]);
      return dialect.placeholder(params.length);
    });
    if (sql.includes("{{")) throw compileError("internal", "SQL 中残留未绑定的占位符", "unbound placeholder left in SQL", { sql });
    return { sql, params };
  }
}
