// The lexical pre-scan: what text it hands to the parser and the engine, and what it refuses before parsing.
import { describe, expect, it } from "vitest";
import { lexStatement } from "./sql-lexer.ts";

describe("lexStatement", () => {
  it.each([
    ["SELECT 1 -- note", "SELECT 1"],
    ["SELECT /* a */ 1;", "SELECT   1"],
    ["SELECT '--not a comment', '/* nor this */' FROM loans;  -- trailing", "SELECT '--not a comment', '/* nor this */' FROM loans"],
    ["SELECT 'it''s' AS \"a \"\"b\"\"\"", "SELECT 'it''s' AS \"a \"\"b\"\"\""],
    ["SELECT 1 -- line one\nFROM loans", "SELECT 1  \nFROM loans"],
  ])("turns %j into the text that runs", (sql, text) => {
    expect(lexStatement(sql, "sqlite").text).toBe(text);
  });

  it("numbers SQLite placeholders for the fallback grammar, outside strings only", () => {
    const lexed = lexStatement("SELECT '?' FROM loans WHERE status = ? AND current_dpd > ?", "sqlite");
    expect(lexed.placeholderCount).toBe(2);
    expect(lexed.text).toBe("SELECT '?' FROM loans WHERE status = ? AND current_dpd > ?");
    expect(lexed.numberedText).toBe("SELECT '?' FROM loans WHERE status = $1 AND current_dpd > $2");
  });

  it("counts PostgreSQL placeholders by the highest number", () => {
    expect(lexStatement("SELECT $2, $1, $2", "postgres").placeholderCount).toBe(2);
  });

  it("does not read keywords inside strings or as parts of names", () => {
    expect(() => lexStatement("SELECT 'drop table loans; delete' AS update_count, 1 AS created", "sqlite")).not.toThrow();
  });

  it.each([
    ["SELECT 1; SELECT 2", "GUARD_MULTIPLE_STATEMENTS"],
    ["SELECT 1 ; /* ok */ -- ok\n", null],
    ["SELECT 'a\\'", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT [phone] FROM customers", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT @x", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT 1\u200b", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT 0x10", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT `phone` FROM customers", null],
    ["SELECT \"sqlite_master\"", "GUARD_FORBIDDEN_OBJECT"],
    ["SELECT 1 FROM Pragma_Table_Info('loans')", "GUARD_FORBIDDEN_OBJECT"],
    ["WITH RECURSIVE r AS (SELECT 1) SELECT 1", "GUARD_RECURSIVE_CTE"],
    ["Select 1 Into x", "GUARD_NOT_SELECT"],
    ["'unterminated", "GUARD_PARSE"],
    ["\"unterminated", "GUARD_PARSE"],
  ])("pre-scans %j on SQLite", (sql, code) => {
    if (code === null) expect(() => lexStatement(sql, "sqlite")).not.toThrow();
    else expect(() => lexStatement(sql, "sqlite")).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    ["SELECT `phone` FROM customers", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT $0", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT $tag$x$tag$", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT U&'\\0061'", "GUARD_FORBIDDEN_SYNTAX"],
    ["SELECT principal::numeric FROM loans", null],
    ["SELECT a:b", "GUARD_FORBIDDEN_SYNTAX"],
  ])("pre-scans %j on PostgreSQL", (sql, code) => {
    if (code === null) expect(() => lexStatement(sql, "postgres")).not.toThrow();
    else expect(() => lexStatement(sql, "postgres")).toThrow(expect.objectContaining({ code }));
  });
});
