/**
 * The headline question end to end through `npm run ask --json` with the offline planner, in Chinese and English,
 * on a dataset with another seed and as-of date than the default: the customers must be exactly those a
 * hand-written SQL finds, with their PD change.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import initSqlJs from "sql.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answer } from "../answer/answer.ts";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";
import { runAskCommand } from "./ask-command.ts";

const AS_OF = "2025-09-30";
let directory: string;
let dbPath: string;
/** customer_id → pd change, as hand-written SQL finds them. */
let expected: Map<string, number>;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "lendlens-headline-"));
  dbPath = join(directory, "dataset.db");
  await writeDataset({ out: dbPath, seed: 5, scale: 0.05, asOf: AS_OF });
  const SQL = await initSqlJs();
  const database = new SQL.Database(readFileSync(dbPath));
  const [result] = database.exec(`
    SELECT customers.customer_id, current_scores.pd - previous_scores.pd
    FROM customers
    JOIN risk_scores current_scores ON current_scores.customer_id = customers.customer_id AND current_scores.month = '2025-09'
    JOIN risk_scores previous_scores ON previous_scores.customer_id = customers.customer_id AND previous_scores.month = '2025-08'
    WHERE customers.value_tier = 'high' AND current_scores.pd - previous_scores.pd >= 0.02`);
  database.close();
  expected = new Map((result?.values ?? []).map(([id, change]) => [String(id), Number(change)]));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The customers and PD changes of an answer, by column name. */
function customersOf(answer: Answer): Map<string, number> {
  const id = answer.columns.findIndex((column) => column.name === "customer_id");
  const change = answer.columns.findIndex((column) => column.name === "pd_change");
  expect(id).toBeGreaterThanOrEqual(0);
  expect(change).toBeGreaterThanOrEqual(0);
  return new Map(answer.rows.map((row) => [String(row[id]), Number(row[change])]));
}

function expectRightCustomers(answer: Answer) {
  expect(answer.status).toBe("answered");
  expect(expected.size).toBeGreaterThan(0);
  const found = customersOf(answer);
  expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [customer, change] of expected) expect(found.get(customer)).toBeCloseTo(change, 10);
  expect(answer.row_count).toBe(expected.size);
  expect(answer.as_of_date).toBe(AS_OF);
  expect(answer.definitions.map((definition) => definition.id)).toEqual(expect.arrayContaining(["high_value", "rising_repayment_risk"]));
}

describe("哪些高价值客户本月还款风险上升? and its English twin", () => {
  it("Chinese, through the real command line (npm run ask -- --json)", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "agent/cli/ask.ts", "--db", dbPath, "--json", "哪些高价值客户本月还款风险上升?"], {
      cwd: join(import.meta.dirname, "..", ".."),
      env: { ...process.env, DATABASE_URL: "" },
    });
    const answer = Answer.parse(JSON.parse(stdout));
    expectRightCustomers(answer);
    expect(answer.language).toBe("zh");
    expect(answer.text).toContain(`共有 ${expected.size} 位客户`);
    expect(answer.text).toContain("2025年9月");
  });

  it("English, through the command's code path", async () => {
    let stdout = "";
    const code = await runAskCommand(["--db", dbPath, "--json", "Which high-value customers have rising repayment risk this month?"], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      environment: {},
    });
    expect(code).toBe(0);
    const answer = Answer.parse(JSON.parse(stdout));
    expectRightCustomers(answer);
    expect(answer.language).toBe("en");
    expect(answer.text).toMatch(new RegExp(`^${expected.size} customers? match.* for September 2025\\.`));
    expect(answer.columns.find((column) => column.name === "pd_change")?.label).toMatch(/pd change/i);
  });
});
