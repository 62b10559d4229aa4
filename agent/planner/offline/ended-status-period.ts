/**
 * A status that ends a row's life, said alone with a period ("how many loans were paid off this year", "本月处理完的
 * 预警"): the period means when the row ended (loans.closed_date, risk_alerts.resolved_date in DOMAIN.md), which no
 * attribute of the layer dates by; the default dating (disbursement, creation) would answer another question.
 */
import type { Intent } from "./read-question.ts";

/** Ending statuses by dimension: closed or written off loans (closed_date), resolved alerts (resolved_date). */
const ENDING_STATUSES: Record<string, string[]> = { loan_status: ["closed", "charged_off"], alert_status: ["resolved"] };

/** Words that date the rows by their start instead ("loans disbursed this year that are closed", "本月新增的已解决预警"). */
const START_DATING_WORDS = /放款|发放|放贷|新发|disburs|originat|issued|granted|申请|applied|created|raised|opened|新增|产生|触发|发生/;

/** Whether the question dates rows by a period while saying only an ending status of theirs. */
export function endedStatusWithPeriod(intent: Intent): boolean {
  if (intent.times.length === 0 || START_DATING_WORDS.test(intent.text)) return false;
  return Object.entries(ENDING_STATUSES).some(([dimension, ending]) => {
    const said = intent.values.flatMap((mention) => mention.options.filter((option) => option.dimension === dimension).map((option) => option.value));
    // (Several statuses side by side, "open vs resolved alerts this quarter", group the rows the period dates.)
    return said.length === 1 && ending.includes(said[0]);
  });
}
