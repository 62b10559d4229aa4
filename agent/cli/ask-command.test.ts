/**
 * `npm run ask` in process on a generated dataset, with a fake planner: --json, human output, --batch with
 * multi-turn cases, exit codes, and the demo dataset created where the default file is missing.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../answer/answer.ts";
import { QueryPlan } from "../plan/query-plan.ts";
import type { Planner, PlannerContext, PlannerOutcome } from "../planner/planner.ts";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";
import { runAskCommand } from "./ask-command.ts";

let directory: string;
let dbPath: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-cli-"));
  dbPath = join(directory, "dataset.db");
  await writeDataset({ out: dbPath, seed: 11, scale: 0.05 });
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Plans by question: "逾期率" → overdue rate, "按分行" → by branch (keeping the previous metric), else unsupported. */
const planner: Planner = {
  name: "fake",
  async plan(question: string, context: PlannerContext): Promise<PlannerOutcome> {
    const language = /[\u4e00-\u9fff]/.test(question) ? "zh" : "en";
    if (question.includes("逾期率") || question.includes("overdue"))
      return { status: "plan", language, plan: QueryPlan.parse({ query: { kind: "aggregate", metrics: ["overdue_rate"] } }), confidence: 0.9 };
    if (question.includes("按分行")) {
      const previous = context.history.at(-1)?.plan;
      if (previous?.query.kind !== "aggregate") return { status: "clarify", language, question: "按分行看什么指标?", choices: [{ label: "逾期率", message: "各分行逾期率" }], confidence: 0.5 };
      return { status: "plan", language, plan: { ...previous, query: { ...previous.query, dimensions: [{ id: "branch" }] } }, confidence: 0.8 };
    }
    if (question.includes("broken")) return { status: "plan", language, plan: QueryPlan.parse({ query: { kind: "aggregate", metrics: ["no_such_metric"] } }), confidence: 0.9 };
    return { status: "unsupported", language, reason: "not_understood", message: language === "zh" ? "没听懂。" : "Not understood.", suggestions: [], confidence: 0.1 };
  },
};

/** Runs the command and collects its output. */
async function run(argv: string[], environment: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runAskCommand(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), environment, planner });
  return { code, stdout, stderr };
}

describe("one question", () => {
  it("--json prints a valid answer object and exits 0", async () => {
    const { code, stdout, stderr } = await run(["--db", dbPath, "--json", "逾期率是多少"], { LENDLENS_DEBUG: "1" });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const answer = Answer.parse(JSON.parse(stdout));
    expect(answer).toMatchObject({ status: "answered", question: "逾期率是多少", as_of_date: "2026-06-30" });
    expect(answer.text).toMatch(/^逾期率为 \d/);
  });

  it("human output: the text, a table with labels, then the SQL", async () => {
    const { code, stdout } = await run(["--db", dbPath, "overdue rate?"]);
    expect(code).toBe(0);
    const [text, table, sql] = stdout.trim().split("\n\n");
    expect(text).toMatch(/^Overdue rate was \d+(\.\d+)?%\.$/);
    expect(table.split("\n")[0].trim()).toBe("overdue rate");
    expect(table.split("\n")[2].trim()).toMatch(/^\d+(\.\d+)?%$/);
    expect(sql).toMatch(/^SQL:\nSELECT /);
  });

  it("an unsupported question exits 0, an error answer exits 1", async () => {
    expect((await run(["--db", dbPath, "hello"])).code).toBe(0);
    const broken = await run(["--db", dbPath, "--json", "broken"]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ status: "error", error: { code: "UNKNOWN_MEMBER" } });
  });

  it.each([
    [[], "no question given"],
    [["--nope", "q"], "unknown option"],
    [["--db", "/nonexistent/x.db", "q"], "dataset file not found"],
  ])("bad arguments %j exit 2 with the usage", async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage:");
  });
});

describe("--batch", () => {
  it("answers each line, multi-turn cases in one conversation, one JSON line per input line", async () => {
    const batchFile = join(directory, "cases.jsonl");
    writeFileSync(
      batchFile,
      ['{"id": "single", "question": "逾期率"}', '{"id": "chain", "questions": ["逾期率", "按分行"]}', "", "not json", '{"id": "bad", "question": "broken"}'].join("\n"),
    );
    const { code, stdout } = await run(["--db", dbPath, "--batch", batchFile]);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: "single", answer: { status: "answered" } });
    expect(lines[1].id).toBe("chain");
    const [first, second]: Answer[] = lines[1].answers.map((answer: unknown) => Answer.parse(answer));
    expect(second.conversation_id).toBe(first.conversation_id);
    expect(second.columns.map((column) => column.name)).toContain("branch");
    expect(lines[2]).toMatchObject({ id: null, error: { code: "BATCH_LINE_INVALID" } });
    expect(lines[3]).toMatchObject({ id: "bad", answer: { status: "error" } });
    expect(code).toBe(1);
  });

  it("a missing batch file is a bad argument", async () => {
    expect((await run(["--db", dbPath, "--batch", join(directory, "none.jsonl")])).code).toBe(2);
  });
});

describe("the default dataset", () => {
  it("is created with the demo data where DB_PATH points to a missing file, with progress on stderr", async () => {
    const target = join(directory, "demo", "lendlens.db");
    const { code, stderr, stdout } = await run(["--json", "逾期率"], { DB_PATH: target, DEMO_SCALE: "0.01" });
    expect(code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(stderr).toContain("creating the demo dataset (seed 42, scale 0.01)");
    expect(JSON.parse(stdout).status).toBe("answered");
    const again = await run(["--json", "逾期率"], { DB_PATH: target, DEMO_SCALE: "0.01" });
    expect(again.stderr).toBe("");
  });
});
