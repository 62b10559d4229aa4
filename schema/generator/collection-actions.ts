/** Post-loan collection: reminders, calls, visits, restructuring and legal action that follow each spell of arrears. */
import type { LoanRecord } from "./credit-decisions.ts";
import type { DatasetPlan } from "./dataset-plan.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** One collection_actions row. */
export interface CollectionRecord {
  loan: LoanRecord;
  actionType: "sms_reminder" | "phone_call" | "field_visit" | "restructure" | "legal";
  actionDay: number;
  outcome: "promise_to_pay" | "paid" | "no_contact" | "refused" | "restructured";
}

// Days after the first missed due date at which each step is taken, while the arrears last.
const LADDER: readonly { offset: number; actionType: CollectionRecord["actionType"]; chance: number }[] = [
  { offset: 3, actionType: "sms_reminder", chance: 1 },
  { offset: 10, actionType: "phone_call", chance: 0.9 },
  { offset: 25, actionType: "phone_call", chance: 0.8 },
  { offset: 45, actionType: "field_visit", chance: 0.7 },
  { offset: 70, actionType: "restructure", chance: 0.3 },
  { offset: 100, actionType: "phone_call", chance: 0.7 },
  { offset: 125, actionType: "legal", chance: 0.6 },
  { offset: 200, actionType: "field_visit", chance: 0.5 },
  { offset: 280, actionType: "legal", chance: 0.5 },
];

/** Builds the collection actions of a customer's loans, in date order. */
export function buildCollections(plan: DatasetPlan, loans: readonly LoanRecord[], random: SeededRandom): CollectionRecord[] {
  const actions: CollectionRecord[] = [];
  for (const loan of loans) {
    for (const episode of loan.outcome.episodes) {
      const end = episode.endDay ?? plan.asOfDay;
      // Short late payments get no more than the automatic reminder, and only when a week late.
      if (episode.kind === "late" && end - episode.firstDueDay < 8) continue;
      const steps = LADDER.filter((step) => episode.firstDueDay + step.offset <= Math.min(end, plan.asOfDay) && random.chance(step.chance));
      steps.forEach((step, index) => {
        const actionDay = episode.firstDueDay + step.offset + random.integer(0, 2);
        if (actionDay > Math.min(end, plan.asOfDay)) return;
        const last = index === steps.length - 1;
        const curedSoon = episode.endDay !== null && !episode.chargedOff && end - actionDay <= 10;
        let outcome: CollectionRecord["outcome"];
        if (step.actionType === "restructure") outcome = "restructured";
        else if (last && curedSoon) outcome = "paid";
        else outcome = random.weighted(["promise_to_pay", "no_contact", "refused"] as const, step.offset < 30 ? [55, 35, 10] : [30, 40, 30]);
        actions.push({ loan, actionType: step.actionType, actionDay, outcome });
      });
    }
  }
  return actions.sort((left, right) => left.actionDay - right.actionDay);
}
