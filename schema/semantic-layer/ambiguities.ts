/**
 * Words with more than one meaning in this domain. A planner that meets one with nothing else to decide by asks
 * (status "clarify") instead of guessing: 余额 may be the loan balance or the deposit AUM.
 */
import type { Ambiguity } from "./types.ts";

export const AMBIGUITIES: Ambiguity[] = [
  {
    id: "balance",
    names: { zh: ["余额", "总余额"], en: ["balance", "balances", "total balance", "bal"] },
    question: { zh: "您说的“余额”是指贷款余额,还是客户存款及理财(AUM)?", en: "By “balance”, do you mean the outstanding loan balance or customers' deposits (AUM)?" },
    choices: ["outstanding_balance", "total_aum"],
  },
  {
    id: "risk",
    names: { zh: ["风险", "风险情况", "风险怎么样", "质量", "资产质量", "客户质量"], en: ["risk", "riskiness", "quality", "asset quality", "credit quality"] },
    question: { zh: "您想看哪种风险指标:逾期率、不良率,还是平均违约概率(PD)?", en: "Which risk measure do you mean: overdue rate, NPL ratio, or average PD?" },
    choices: ["overdue_rate", "npl_ratio", "average_pd"],
  },
  {
    id: "performance",
    names: { zh: ["表现", "业绩", "情况怎么样", "最好", "最差", "增长", "发展"], en: ["performance", "how is it doing", "how are they doing", "performing", "doing", "growth", "best", "worst"] },
    question: { zh: "您想看哪个指标:放款金额、贷款余额,还是逾期率?", en: "Which measure do you mean: disbursement, outstanding balance, or overdue rate?" },
    choices: ["disbursement_amount", "outstanding_balance", "overdue_rate"],
  },
];
