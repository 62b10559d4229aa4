/** The playbook maps answer facts to actions, and marketing never reaches an overdue or grade-E customer. */
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { schemaSql } from "../../schema/ddl.ts";
import { createInMemoryEngine } from "../engines/in-memory-engine.ts";
import { recommendActions } from "./action-recommender.ts";
import type { ActionFacts } from "./action-recommender.ts";
import { ineligibleForMarketing } from "./marketing-eligibility.ts";
import { PLAYBOOK } from "./playbook.ts";

const facts = (extra: Partial<ActionFacts>): ActionFacts => ({ language: "zh", terms: [], metrics: [], dimensions: [], columns: [], rows: [], ...extra });

async function engineWith(statements: string[]) {
  const SQL = await initSqlJs();
  const database = new SQL.Database();
  for (const statement of [...schemaSql("sqlite"), ...statements]) database.run(statement);
  return createInMemoryEngine(database);
}

describe("recommendActions", () => {
  it("has at least 12 rules, each with zh and en texts", () => {
    expect(PLAYBOOK.length).toBeGreaterThanOrEqual(12);
    for (const rule of PLAYBOOK) expect(rule.title.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("sends relationship managers to high-value customers with rising risk", async () => {
    const actions = await recommendActions(
      facts({ terms: ["high_value", "rising_repayment_risk"], columns: ["customer_id", "full_name", "pd_change"], rows: [["C1", "张三", 0.05], ["C2", "李四", 0.03]] }),
    );
    const outreach = actions.find((action) => action.id === "rm_outreach");
    expect(outreach?.customer_ids).toEqual(["C1", "C2"]);
    expect(outreach?.owner).toBe("relationship_manager");
    expect(outreach?.reason).toContain("2 位高价值客户");
    expect(outreach?.reason).toContain("张三");
    expect(actions[0].priority).toBe("high");
  });

  const collections: Array<[number, string]> = [
    [12, "collections_early"],
    [45, "collections_field"],
    [120, "collections_legal"],
  ];
  it.each(collections)("escalates collections by DPD bucket (%i days → %s)", async (dpd, id) => {
    const actions = await recommendActions(facts({ language: "en", columns: ["loan_id", "customer_id", "current_dpd"], rows: [["L1", "C9", dpd], ["L2", "C8", 0]] }));
    expect(actions.map((action) => action.id)).toEqual([id]);
    expect(actions[0].customer_ids).toEqual(["C9"]);
  });

  it("reviews branches above 3% overdue and moves budget to the best channel", async () => {
    const branches = await recommendActions(
      facts({ metrics: ["overdue_rate"], dimensions: ["branch"], columns: ["branch_id", "branch_name", "overdue_rate"], rows: [["BR01", "上海浦东支行", 0.05], ["BR02", "北京朝阳支行", 0.01]] }),
    );
    expect(branches.find((action) => action.id === "branch_review")?.branch_ids).toEqual(["BR01"]);
    const channels = await recommendActions(
      facts({ language: "en", metrics: ["conversion_rate"], dimensions: ["channel"], columns: ["channel", "conversion_rate"], rows: [["sms", 0.01], ["wechat", 0.12], ["email", 0.004]] }),
    );
    expect(channels.find((action) => action.id === "shift_campaign_budget")?.channels).toEqual(["wechat"]);
  });

  it("never proposes marketing to a customer with a current overdue or grade E", async () => {
    const engine = await engineWith([
      "INSERT INTO loans (loan_id, customer_id, status, current_dpd, outstanding_balance) VALUES ('L1', 'C_OVERDUE', 'active', 15, 1000), ('L2', 'C_OK', 'active', 0, 1000), ('L3', 'C_GRADE_E', 'active', 0, 1000)",
      "INSERT INTO risk_scores (customer_id, month, pd, score, risk_grade) VALUES ('C_GRADE_E', '2026-06', 0.3, 400, 'E'), ('C_OK', '2026-06', 0.01, 800, 'B'), ('C_GRADE_E', '2026-05', 0.01, 800, 'B')",
    ]);
    const rows = [["C_OVERDUE"], ["C_OK"], ["C_GRADE_E"]];
    const actions = await recommendActions(facts({ tool: "next_best_product", columns: ["customer_id"], rows }), ineligibleForMarketing(engine, "2026-06"));
    const crossSell = actions.find((action) => action.id === "cross_sell");
    expect(crossSell?.customer_ids).toEqual(["C_OK"]);
    // Without the check, marketing rules stay silent rather than risk it.
    expect((await recommendActions(facts({ tool: "next_best_product", columns: ["customer_id"], rows }))).map((action) => action.id)).not.toContain("cross_sell");
    await engine.close();
  });

  it("recommends nothing for a plain number", async () => {
    expect(await recommendActions(facts({ metrics: ["loan_count"], columns: ["loan_count"], rows: [[42]] }))).toEqual([]);
  });
});

describe("early-warning rules", () => {
  it("offers restructuring to stressed customers who are not overdue, and freezes limits above 70", async () => {
    const actions = await recommendActions(
      facts({ tool: "early_warning", columns: ["customer_id", "score", "max_dpd"], rows: [["C1", 75, 0], ["C2", 45, 0], ["C3", 80, 40], ["C4", 10, 0]] }),
    );
    expect(actions.find((action) => action.id === "restructure_offer")?.customer_ids).toEqual(["C1", "C2"]);
    expect(actions.find((action) => action.id === "freeze_limits")?.customer_ids).toEqual(["C1", "C3"]);
  });
});
