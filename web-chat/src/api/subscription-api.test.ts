/** The subscribe form's request (schedule, condition, webhook), inbox links and the inbox button's label. */
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../i18n/messages.ts";
import { inboxButtonLabel } from "../components/app-header.ts";
import { conditionOf, conversationOfItem, scheduleOf, subscriptionRequest } from "./subscription-api.ts";
import type { InboxItemView, SubscribeFormValues } from "./subscription-api.ts";

const form = (changes: Partial<SubscribeFormValues> = {}): SubscribeFormValues => ({
  name: "高价值客户风险",
  kind: "daily",
  time: "08:00",
  weekday: "1",
  day: "1",
  cron: "",
  condition: "none",
  metric: "overdue_rate",
  threshold: "",
  webhookUrl: "",
  ...changes,
});

describe("scheduleOf", () => {
  it.each([
    [{ kind: "daily", time: "07:30" }, { kind: "daily", time: "07:30" }],
    [{ kind: "daily", time: "" }, { kind: "daily", time: "08:00" }],
    [{ kind: "weekly", weekday: "5", time: "09:00" }, { kind: "weekly", weekday: 5, time: "09:00" }],
    [{ kind: "monthly", day: "15", time: "10:15" }, { kind: "monthly", day: 15, time: "10:15" }],
    [{ kind: "monthly", day: "40" }, { kind: "monthly", day: 31, time: "08:00" }],
    [{ kind: "monthly", day: "last" }, { kind: "monthly", day: "last", time: "08:00" }],
    [{ kind: "cron", cron: " 0 8 * * 1-5 " }, { kind: "cron", expression: "0 8 * * 1-5" }],
  ] as const)("%o → %o", (changes, expected) => {
    expect(scheduleOf(form(changes))).toEqual(expected);
  });
});

describe("conditionOf", () => {
  it.each([
    [{ condition: "none" }, null],
    [{ condition: "rows" }, { kind: "row_count", op: "gt", value: 0 }],
    [{ condition: "above", threshold: "0.03" }, { kind: "metric", metric: "overdue_rate", op: "gt", value: 0.03 }],
    [{ condition: "below", threshold: "5" }, { kind: "metric", metric: "overdue_rate", op: "lt", value: 5 }],
    [{ condition: "above", threshold: "" }, null],
    [{ condition: "above", threshold: "abc" }, null],
    [{ condition: "above", threshold: "1", metric: "" }, null],
  ] as const)("%o → %o", (changes, expected) => {
    expect(conditionOf(form(changes))).toEqual(expected);
  });
});

describe("subscriptionRequest", () => {
  it("refers to the answered turn, keeps the inbox and adds the webhook", () => {
    expect(subscriptionRequest("c_1", 2, form({ webhookUrl: " https://hooks.example/x ", condition: "rows" }))).toEqual({
      conversation_id: "c_1",
      answer_index: 2,
      name: "高价值客户风险",
      schedule: { kind: "daily", time: "08:00" },
      condition: { kind: "row_count", op: "gt", value: 0 },
      deliveries: { inbox: true, webhooks: [{ url: "https://hooks.example/x" }] },
    });
  });

  it("leaves out an empty name and webhook", () => {
    const request = subscriptionRequest("c_1", 0, form({ name: "  " }));
    expect(request).not.toHaveProperty("name");
    expect(request.deliveries.webhooks).toEqual([]);
  });
});

describe("conversationOfItem", () => {
  const item = (changes: Partial<InboxItemView>): InboxItemView => ({ id: "i", kind: "run", title: "t", text: "x", link: null, answer: null, created_at: "", read_at: null, ...changes });
  it.each([
    [{ answer: { conversation_id: "c_a", question: "q" }, link: "/?conversation=c_b" }, "c_a"],
    [{ link: "/?conversation=c_b%2F1" }, "c_b/1"],
    [{ link: "/elsewhere" }, null],
    [{}, null],
  ] as const)("%o → %s", (changes, expected) => {
    expect(conversationOfItem(item(changes))).toBe(expected);
  });
});

describe("inboxButtonLabel", () => {
  it.each([
    ["zh", 0, "0", "收件箱"],
    ["zh", 3, "3", "收件箱 (3 条未读)"],
    ["en", 120, "99+", "Inbox (120 unread)"],
  ] as const)("%s %d → %s, %s", (language, unread, badge, label) => {
    expect(inboxButtonLabel(MESSAGES[language], unread)).toEqual({ badge, label });
  });
});
