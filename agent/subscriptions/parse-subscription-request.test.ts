// Chat messages that ask for a subscription: schedule, question and condition read out; other messages are not requests.
import { describe, expect, it } from "vitest";
import { parseSubscriptionRequest } from "./parse-subscription-request.ts";
import type { SubscriptionRequest } from "./parse-subscription-request.ts";

const daily = (time: string, weekdaysOnly = false) => ({ kind: "daily" as const, time, weekdays_only: weekdaysOnly });
const rows = { kind: "row_count" as const, op: "gt" as const, value: 0 };

describe("parseSubscriptionRequest", () => {
  it.each<[string, Omit<SubscriptionRequest, "condition" | "timeStated"> & Partial<Pick<SubscriptionRequest, "condition" | "timeStated">>]>([
    ["每天早上8点推送还款风险上升的高价值客户", { schedule: daily("08:00"), question: "还款风险上升的高价值客户", language: "zh" }],
    ["每天早上告诉我还款风险上升的高价值客户", { schedule: daily("08:00"), question: "还款风险上升的高价值客户", language: "zh" }],
    ["每周一发本周到期提醒名单", { schedule: { kind: "weekly", weekday: 1, time: "08:00" }, question: "本周到期提醒名单", language: "zh", timeStated: false }],
    ["每月1号下午三点半发送上月各支行放款金额", { schedule: { kind: "monthly", day: 1, time: "15:30" }, question: "上月各支行放款金额", language: "zh" }],
    ["每个工作日上午9:30推送逾期客户名单", { schedule: daily("09:30", true), question: "逾期客户名单", language: "zh" }],
    ["每月底晚上8点发给我各产品逾期率", { schedule: { kind: "monthly", day: "last", time: "20:00" }, question: "各产品逾期率", language: "zh" }],
    ["每天早上8点,如果有逾期超过30天的贷款就提醒我", { schedule: daily("08:00"), question: "逾期超过30天的贷款", language: "zh", condition: rows }],
    ["every Monday at 9 send me loans due next week", { schedule: { kind: "weekly", weekday: 1, time: "09:00" }, question: "loans due next week", language: "en" }],
    ["every day at 8:30am send me the overdue rate by branch", { schedule: daily("08:30"), question: "overdue rate by branch", language: "en" }],
    ["on the 1st of every month at 9pm send me disbursement by product", { schedule: { kind: "monthly", day: 1, time: "21:00" }, question: "disbursement by product", language: "en" }],
    ["alert me every morning when there are customers with rising repayment risk", { schedule: daily("08:00"), question: "customers with rising repayment risk", language: "en", condition: rows }],
  ])("%s", (message, expected) => {
    expect(parseSubscriptionRequest(message)).toEqual({ condition: null, timeStated: true, ...expected });
  });

  it.each(["本月放款金额是多少?", "how much did we disburse this month", "每天", "every Monday at 9", "every Monday at 9 send me"])("%s is not a subscription request", (message) => {
    expect(parseSubscriptionRequest(message)).toBeUndefined();
  });
});
