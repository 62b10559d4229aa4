/** Command-line parsing of `npm run ask` and the batch file format. */
import { describe, expect, it } from "vitest";
import { parseAskArguments, UsageError } from "./ask-arguments.ts";
import { parseBatchLines } from "./batch-cases.ts";

describe("parseAskArguments", () => {
  it.each([
    [["逾期率是多少"], { mode: "question", question: "逾期率是多少", json: false, db: undefined }],
    [["--json", "overdue", "rate", "by", "branch"], { mode: "question", question: "overdue rate by branch", json: true, db: undefined }],
    [["--db", "x.db", "--json", "q"], { mode: "question", question: "q", json: true, db: "x.db" }],
    [["--db=x.db", "q"], { mode: "question", question: "q", json: false, db: "x.db" }],
    [["--", "q"], { mode: "question", question: "q", json: false, db: undefined }],
    [["--batch", "cases.jsonl"], { mode: "batch", batchFile: "cases.jsonl", db: undefined }],
    [["--db", "x.db", "--batch=cases.jsonl"], { mode: "batch", batchFile: "cases.jsonl", db: "x.db" }],
    [["--help"], { mode: "help" }],
  ])("%j", (argv, expected) => {
    expect(parseAskArguments(argv)).toEqual(expected);
  });

  it.each([
    [[], "no question"],
    [["  "], "no question"],
    [["--db"], "--db needs a value"],
    [["--db", "--json", "q"], "--db needs a value"],
    [["--verbose", "q"], "unknown option --verbose"],
    [["--batch", "a.jsonl", "q"], "not both"],
  ])("refuses %j", (argv, problem) => {
    expect(() => parseAskArguments(argv)).toThrow(UsageError);
    expect(() => parseAskArguments(argv)).toThrow(problem);
  });
});

describe("parseBatchLines", () => {
  it("reads single and multi-turn cases, skips blank lines and reports broken ones", () => {
    const text = [
      '{"id": "a", "question": "逾期率"}',
      "",
      '{"id": 2, "questions": ["overdue rate", "only Shanghai"]}',
      "{not json",
      '{"id": "d", "questions": []}',
      '{"question": "no id"}',
    ].join("\n");
    const lines = parseBatchLines(text);
    expect(lines).toEqual([
      { lineNumber: 1, case: { id: "a", question: "逾期率" } },
      { lineNumber: 3, case: { id: 2, questions: ["overdue rate", "only Shanghai"] } },
      { lineNumber: 4, id: null, problem: expect.stringContaining("line 4 is not JSON") },
      { lineNumber: 5, id: "d", problem: expect.stringContaining("line 5 needs") },
      { lineNumber: 6, id: null, problem: expect.stringContaining("line 6 needs") },
    ]);
  });
});
