/**
 * Requests wrapped around a question: "能不能帮我查一下…", "能不能告诉我…" ask for the figure. 能不能 alone stays a word
 * of the question ("哪些客户能不能申请房贷" asks about eligibility, which the data does not hold).
 */

/** 能不能 / 可不可以 / 能否 right before a request verb (帮, 给我, 告诉, 查, 看, 统计, 说, 讲, 列). */
const CAN_YOU = /(?:能不能|可不可以|能否|可否)(?=\s*(?:帮|给我|告诉|查|看|统计|说|讲|列|拉|算))/gu;

/** The text with "can you" wrappers before a request verb removed: "能不能帮我查一下本月放款" → "帮我查一下本月放款". */
export function withoutPoliteRequests(text: string): string {
  return text.replace(CAN_YOU, " ");
}
