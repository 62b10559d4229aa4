// Chat messages read as subscription requests, unclear schedules (with completing choices) or data questions.
import { describe, expect, it } from "vitest";
import { readSubscriptionMessage } from "./read-subscription-message.ts";

describe("readSubscriptionMessage", () => {
  it.each<[string, { question: string; schedule: unknown; conditionText: string | null }]>([
    ["每天早上8点推送还款风险上升的高价值客户", { question: "还款风险上升的高价值客户", schedule: { kind: "daily", time: "08:00", weekdays_only: false }, conditionText: null }],
    ["每周一早上9点发本周到期提醒名单", { question: "本周到期提醒名单", schedule: { kind: "weekly", weekday: 1, time: "09:00" }, conditionText: null }],
    ["每月1号下午三点半发送上月各支行放款金额", { question: "上月各支行放款金额", schedule: { kind: "monthly", day: 1, time: "15:30" }, conditionText: null }],
    ["每个工作日上午9:30告诉我逾期客户名单", { question: "逾期客户名单", schedule: { kind: "daily", time: "09:30", weekdays_only: true }, conditionText: null }],
    ["每天早上8点,如果有逾期超过30天的贷款就提醒我", { question: "逾期超过30天的贷款", schedule: { kind: "daily", time: "08:00", weekdays_only: false }, conditionText: "当有逾期超过30天的贷款时" }],
    ["每天早上8点,当任何分行逾期率超过3%时提醒我", { question: "各分行逾期率", schedule: { kind: "daily", time: "08:00", weekdays_only: false }, conditionText: "当任何分行逾期率超过3%时" }],
    ["every Monday at 9 send me loans due next week", { question: "loans due next week", schedule: { kind: "weekly", weekday: 1, time: "09:00" }, conditionText: null }],
    ["every day at 8 alert me when any branch's overdue rate passes 3%", { question: "overdue rate by branch", schedule: { kind: "daily", time: "08:00", weekdays_only: false }, conditionText: "when any branch's overdue rate passes 3%" }],
  ])("%s is a request", (message, expected) => {
    const reading = readSubscriptionMessage(message);
    expect(reading.kind).toBe("request");
    if (reading.kind !== "request") return;
    expect({ question: reading.request.question, schedule: reading.request.schedule, conditionText: reading.conditionText }).toEqual(expected);
  });

  it("reads a threshold as the watched metric's question, the comparison and a fraction", () => {
    const reading = readSubscriptionMessage("每天早上8点,当任何分行逾期率超过3%时提醒我");
    expect(reading).toMatchObject({ kind: "request", threshold: { question: "各分行逾期率", op: "gt", value: 0.03 }, request: { condition: null } });
    expect(readSubscriptionMessage("every weekday at 9 alert me when the overdue rate falls below 2.5%")).toMatchObject({ threshold: { question: "overdue rate", op: "lt", value: 0.025 } });
  });

  it.each<[string, "time" | "schedule", string[]]>([
    ["每天推送逾期客户名单", "time", ["每天早上8点推送逾期客户名单", "每天中午12点推送逾期客户名单", "每天下午6点推送逾期客户名单"]],
    ["每周一发本周到期提醒名单", "time", ["每周一早上8点发本周到期提醒名单", "每周一中午12点发本周到期提醒名单", "每周一下午6点发本周到期提醒名单"]],
    ["every Monday send me loans due next week", "time", ["every Monday at 8:00 send me loans due next week", "every Monday at 12:00 send me loans due next week", "every Monday at 18:00 send me loans due next week"]],
    ["每周推送逾期客户名单", "schedule", ["每天早上8点推送逾期客户名单", "每周一早上8点推送逾期客户名单", "每月1号早上8点推送逾期客户名单"]],
    ["逾期率超过3%时提醒我", "schedule", ["每天早上8点逾期率超过3%时提醒我", "每周一早上8点逾期率超过3%时提醒我", "每月1号早上8点逾期率超过3%时提醒我"]],
    ["alert me when any branch's overdue rate passes 3%", "schedule", ["every day at 8:00 alert me when any branch's overdue rate passes 3%", "every Monday at 8:00 alert me when any branch's overdue rate passes 3%", "on the 1st of every month at 8:00 alert me when any branch's overdue rate passes 3%"]],
  ])("%s is unclear (%s) and its choices complete it", (message, missing, choices) => {
    const reading = readSubscriptionMessage(message);
    expect(reading).toMatchObject({ kind: "unclear", missing });
    if (reading.kind !== "unclear") return;
    expect(reading.choices.map((choice) => choice.message)).toEqual(choices);
    // Every choice reads as a complete request.
    for (const choice of reading.choices) expect(readSubscriptionMessage(choice.message).kind, choice.message).toBe("request");
  });

  it.each<[string, string[]]>([
    ["每天早上8点推送", ["每天早上8点推送还款风险上升的高价值客户", "每天早上8点推送各支行逾期率", "每天早上8点推送本周到期提醒名单"]],
    ["every Monday at 9 send me", ["every Monday at 9 send me customers with rising repayment risk", "every Monday at 9 send me overdue rate by branch", "every Monday at 9 send me loans due next week"]],
  ])("%s names nothing to send: unclear (question), with examples that complete it", (message, choices) => {
    const reading = readSubscriptionMessage(message);
    expect(reading).toMatchObject({ kind: "unclear", missing: "question" });
    if (reading.kind === "unclear") expect(reading.choices.map((choice) => choice.message)).toEqual(choices);
  });

  it.each(["本月放款金额是多少?", "每天的放款金额", "告诉我每天的放款金额", "告诉我逾期超过30天的贷款", "show me loans due next week", "tell me daily disbursements this month", "各支行每月放款金额", "每月发放金额"])(
    "%s is a data question",
    (message) => {
      expect(readSubscriptionMessage(message)).toEqual({ kind: "none" });
    },
  );
});
