/**
 * A strict, dialect-aware pre-scan of raw SQL text, run before the parser: it finds comments, strings and
 * placeholders exactly as SQLite and PostgreSQL would, refuses lexical constructs on which the parser and
 * the database could disagree, and yields the comment-free text that the engine runs and the parser checks.
 */
import type { DialectName } from "../../schema/ddl.ts";
import { refuse } from "./sql-guard-error.ts";

/** The pre-scanned statement. */
export interface LexedStatement {
  /** The statement with comments replaced by a space and a trailing semicolon removed: what runs. */
  text: string;
  /**
   * What the parser reads: the same tokens, except two that node-sql-parser cannot parse and that do not
   * change which tables, columns and functions are used: `IS [NOT] DISTINCT FROM` is read as `=` / `<>`,
   * and `COLLATE name` is dropped.
   */
  parseText: string;
  /** parseText with SQLite `?` placeholders numbered `$1..$n`, for the PostgreSQL grammar fallback. */
  numberedText: string;
  /** Number of placeholders (`?` on SQLite; the highest `$n` on PostgreSQL). */
  placeholderCount: number;
}

/** Statement keywords that never belong in a read-only SELECT. */
const WRITE_KEYWORDS = new Set([
  "insert", "update", "delete", "drop", "create", "alter", "pragma", "attach", "detach", "vacuum", "reindex", "analyze",
  "explain", "truncate", "grant", "revoke", "copy", "call", "execute", "exec", "prepare", "deallocate", "listen", "notify",
  "unlisten", "lock", "begin", "commit", "rollback", "savepoint", "release", "set", "reset", "show", "do", "into",
  "returning", "merge", "upsert", "checkpoint", "cluster", "discard", "refresh",
]);

/** Functions that touch files, extensions, sleep, the server's settings or make huge values. */
const FORBIDDEN_FUNCTIONS = new Set([
  "load_extension", "randomblob", "zeroblob", "readfile", "writefile", "edit", "fts3_tokenizer", "pg_sleep",
  "pg_sleep_for", "pg_sleep_until", "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "lo_import", "lo_export", "dblink",
  "dblink_exec", "current_setting", "set_config", "query_to_xml", "generate_series", "repeat", "lpad", "rpad", "json_each",
  "json_tree",
]);

/** Catalogs and system objects, matched as whole names or by prefix. */
const FORBIDDEN_OBJECTS = new Set(["information_schema", "dbstat"]);
const FORBIDDEN_OBJECT_PREFIXES = ["sqlite_", "pg_", "pragma_"];

/** Characters allowed as operators and punctuation outside strings. */
const OPERATOR_CHARACTERS = new Set(["(", ")", ",", ".", "+", "-", "*", "/", "%", "<", ">", "=", "|", "!", "&"]);

const isWordStart = (character: string): boolean => /^[A-Za-z_]$/.test(character) || (character > "\u007f" && /^\p{L}$/u.test(character));
const isWordPart = (character: string): boolean => /^[A-Za-z0-9_]$/.test(character) || (character > "\u007f" && /^[\p{L}\p{N}]$/u.test(character));
const isDigit = (character: string): boolean => character >= "0" && character <= "9";

/** Checks one name (a bare word or the content of a quoted identifier) against the forbidden lists. */
function checkName(name: string, bare: boolean): void {
  const lower = name.toLowerCase();
  if (bare && lower === "recursive") throw refuse("GUARD_RECURSIVE_CTE", "WITH RECURSIVE");
  if (bare && WRITE_KEYWORDS.has(lower)) throw refuse("GUARD_NOT_SELECT", lower.toUpperCase());
  if (FORBIDDEN_FUNCTIONS.has(lower)) throw refuse("GUARD_FUNCTION_NOT_ALLOWED", lower);
  if (FORBIDDEN_OBJECTS.has(lower) || FORBIDDEN_OBJECT_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
    throw refuse("GUARD_FORBIDDEN_OBJECT", lower);
  }
}

/** Finds where a quoted run (string or identifier) ends: the closing quote not doubled. Returns the index after it. */
function endOfQuoted(sql: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < sql.length) {
    const character = sql[index];
    if (character === "\\") throw refuse("GUARD_FORBIDDEN_SYNTAX", "backslash inside a quoted string or name");
    if (character === quote) {
      if (sql[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index += 1;
  }
  throw refuse("GUARD_PARSE", `unterminated ${quote === "'" ? "string" : "quoted name"}`);
}

/** Pre-scans a statement; throws a SqlGuardError for anything the guard refuses at the lexical level. */
export function lexStatement(sql: string, dialect: DialectName): LexedStatement {
  const tokens: Token[] = [];
  let placeholderCount = 0;
  let sawSemicolon = false;
  let index = 0;
  const emit = (piece: string, numbered = piece, kind: Token["kind"] = "other"): void => {
    tokens.push({ text: piece, numbered, kind });
  };

  while (index < sql.length) {
    const character = sql[index];
    const next = sql[index + 1] ?? "";
    const code = character.charCodeAt(0);
    if ((code < 32 && character !== "\t" && character !== "\n" && character !== "\r") || code === 127) {
      throw refuse("GUARD_FORBIDDEN_SYNTAX", `control character U+${code.toString(16).padStart(4, "0")}`);
    }
    const isBlank = character === " " || character === "\t" || character === "\n" || character === "\r";
    const startsComment = (character === "-" && next === "-") || (character === "/" && next === "*");
    // After the one allowed trailing ';' only blanks and comments may follow.
    if (sawSemicolon && !isBlank && !startsComment) throw refuse("GUARD_MULTIPLE_STATEMENTS", "text after ';'");
    if (isBlank) {
      emit(character, character, "blank");
      index += 1;
    } else if (character === "-" && next === "-") {
      // A line comment ends at the newline; it becomes one space so that tokens around it stay apart.
      const end = sql.indexOf("\n", index);
      index = end === -1 ? sql.length : end;
      emit(" ", " ", "blank");
    } else if (character === "/" && next === "*") {
      const end = sql.indexOf("*/", index + 2);
      if (end === -1) throw refuse("GUARD_PARSE", "unterminated comment");
      // PostgreSQL nests block comments and SQLite does not: refuse the ambiguity.
      if (sql.slice(index + 2, end).includes("/*")) throw refuse("GUARD_FORBIDDEN_SYNTAX", "nested comment");
      index = end + 2;
      emit(" ", " ", "blank");
    } else if (character === ";") {
      sawSemicolon = true;
      index += 1;
    } else if (character === "'") {
      const previous = sql[index - 1] ?? " ";
      if (isWordPart(previous) || previous === "&") throw refuse("GUARD_FORBIDDEN_SYNTAX", "prefixed string literal (E'', X'', U&'')");
      const end = endOfQuoted(sql, index, "'");
      emit(sql.slice(index, end));
      index = end;
    } else if (character === '"' || (character === "`" && dialect === "sqlite")) {
      const end = endOfQuoted(sql, index, character);
      const name = sql.slice(index + 1, end - 1).replaceAll(character + character, character);
      if (name.length === 0) throw refuse("GUARD_FORBIDDEN_SYNTAX", "empty quoted name");
      checkName(name, false);
      emit(sql.slice(index, end), sql.slice(index, end), "name");
      index = end;
    } else if (isWordStart(character)) {
      let end = index + 1;
      while (end < sql.length && isWordPart(sql[end])) end += 1;
      if (sql[end] === "$") throw refuse("GUARD_FORBIDDEN_SYNTAX", "'$' inside a name");
      const word = sql.slice(index, end);
      checkName(word, true);
      emit(word, word, "word");
      index = end;
    } else if (isDigit(character) || (character === "." && isDigit(next))) {
      const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(index));
      const literal = match?.[0] ?? character;
      const after = sql[index + literal.length] ?? "";
      if (isWordPart(after) || after === "." || after === "$") throw refuse("GUARD_FORBIDDEN_SYNTAX", `malformed number near '${literal}${after}'`);
      emit(literal);
      index += literal.length;
    } else if (character === "?") {
      if (dialect !== "sqlite") throw refuse("GUARD_FORBIDDEN_SYNTAX", "'?' (PostgreSQL placeholders are $1..$n)");
      if (isDigit(next) || isWordStart(next)) throw refuse("GUARD_FORBIDDEN_SYNTAX", "numbered placeholder ?NNN");
      placeholderCount += 1;
      emit("?", `$${placeholderCount}`);
      index += 1;
    } else if (character === "$") {
      const match = /^\$(\d+)/.exec(sql.slice(index));
      if (dialect !== "postgres" || !match) throw refuse("GUARD_FORBIDDEN_SYNTAX", dialect === "sqlite" ? "'$' (SQLite placeholders are ?)" : "dollar-quoted string");
      const after = sql[index + match[0].length] ?? "";
      if (isWordPart(after) || after === "$") throw refuse("GUARD_FORBIDDEN_SYNTAX", `malformed placeholder near '${match[0]}${after}'`);
      const number = Number(match[1]);
      if (number < 1) throw refuse("GUARD_FORBIDDEN_SYNTAX", "placeholder $0");
      placeholderCount = Math.max(placeholderCount, number);
      emit(match[0]);
      index += match[0].length;
    } else if (character === ":" && next === ":" && dialect === "postgres") {
      emit("::");
      index += 2;
    } else if (OPERATOR_CHARACTERS.has(character)) {
      emit(character);
      index += 1;
    } else {
      throw refuse("GUARD_FORBIDDEN_SYNTAX", `character '${character}'`);
    }
  }

  const text = tokens.map((token) => token.text).join("").trim();
  if (text.length === 0) throw refuse("GUARD_PARSE", "empty statement");
  const parseTokens = forParser(tokens);
  return {
    text,
    parseText: parseTokens.map((token) => token.text).join("").trim(),
    numberedText: parseTokens.map((token) => token.numbered).join("").trim(),
    placeholderCount,
  };
}

interface Token {
  text: string;
  /** The token with `?` numbered. */
  numbered: string;
  kind: "blank" | "word" | "name" | "other";
}

/** The tokens the parser reads: IS [NOT] DISTINCT FROM as = / <>, COLLATE and its name dropped. */
function forParser(tokens: readonly Token[]): Token[] {
  const significant = tokens.map((token, index) => ({ token, index })).filter(({ token }) => token.kind !== "blank");
  const replaced = new Map<number, string>();
  const wordAt = (position: number): string => {
    const entry = significant[position];
    return entry && entry.token.kind === "word" ? entry.token.text.toLowerCase() : "";
  };
  for (let position = 0; position < significant.length; position += 1) {
    if (wordAt(position) === "is") {
      const negated = wordAt(position + 1) === "not";
      const distinctAt = position + (negated ? 2 : 1);
      if (wordAt(distinctAt) === "distinct" && wordAt(distinctAt + 1) === "from") {
        replaced.set(significant[position].index, negated ? "=" : "<>");
        for (let dropped = position + 1; dropped <= distinctAt + 1; dropped += 1) replaced.set(significant[dropped].index, "");
      }
    }
    const next = significant[position + 1]?.token;
    if (wordAt(position) === "collate" && next && (next.kind === "word" || next.kind === "name")) {
      replaced.set(significant[position].index, "");
      replaced.set(significant[position + 1].index, "");
    }
  }
  return tokens.map((token, index) => {
    const replacement = replaced.get(index);
    return replacement === undefined ? token : { ...token, text: replacement, numbered: replacement };
  });
}
