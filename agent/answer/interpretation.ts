/** The plan restated in words, with the date range and the 口径 of every metric and term it used. */
import type { QueryPlan } from "../plan/query-plan.ts";
import type { AnswerDefinition } from "./answer.ts";
import { describeFilter, describeFilters, describeMetricCondition } from "./filter-words.ts";
import { memberName } from "./member-names.ts";
import type { NamingContext } from "./member-names.ts";
import { referenceMonthOf } from "./plan-definitions.ts";
import { describeMonth, describePeriod, previousMonth } from "./period-words.ts";
import type { Period } from "./period-words.ts";

/** What the interpretation needs besides the plan. */
export interface InterpretationContext extends NamingContext {
  asOfDate: string;
  /** The range the numbers cover (the plan's time, or the metric's default period from the compiler). */
  period?: Period;
  definitions: readonly AnswerDefinition[];
}

const GRAIN_WORDS = {
  day: { zh: "按日", en: "by day" },
  month: { zh: "按月", en: "by month" },
  quarter: { zh: "按季度", en: "by quarter" },
  year: { zh: "按年", en: "by year" },
};

/** Clauses of the plan's query in the language, without the definitions. */
function clauses(context: InterpretationContext, plan: QueryPlan): string[] {
  const zh = context.language === "zh";
  const query = plan.query;
  const parts: string[] = [];
  const list = (items: string[]) => items.join(zh ? "、" : ", ");
  if (query.kind === "sql") return [zh ? `直接运行一条经过安全审核的 SQL 查询（${query.purpose}）` : `run one guarded SQL statement (${query.purpose})`];
  if (query.kind === "tool") {
    parts.push(zh ? `运行分析工具 ${query.tool}` : `run the ${query.tool} tool`);
    const args = Object.entries(query.args);
    if (args.length > 0) parts.push(zh ? `参数：${args.map(([key, value]) => `${key} = ${JSON.stringify(value)}`).join(", ")}` : `with ${args.map(([key, value]) => `${key} = ${JSON.stringify(value)}`).join(", ")}`);
  } else if (query.kind === "aggregate") {
    parts.push(`${zh ? "统计" : "compute "}${list(query.metrics.map((id) => memberName(context, "metric", id)))}`);
    if (query.dimensions.length > 0) {
      const dimensions = query.dimensions.map((dimension) =>
        dimension.id === "time" ? GRAIN_WORDS[dimension.grain ?? "month"][context.language] : `${zh ? "按" : "by "}${memberName(context, "dimension", dimension.id)}`,
      );
      parts.push(`${list(dimensions)}${zh ? "分组" : ""}`);
    }
  } else {
    parts.push(`${zh ? "列出" : "list "}${memberName(context, "entity", query.entity)}`);
    if (query.attributes.length > 0) parts.push(`${zh ? "显示" : "showing "}${list(query.attributes.map((id) => memberName(context, "attribute", id)))}`);
  }
  const filters = describeFilters(context, query.filters);
  if (filters) parts.push(zh ? `筛选：${filters}` : `where ${filters}`);
  // The segment of a share or of a comparison with the rest is no filter: every row counts, the segment is named.
  if (query.kind === "aggregate" && query.shareOf) {
    const segment = describeFilter(context, query.shareOf);
    parts.push(zh ? `计算其中${segment}所占的比例（${segment}的部分 ÷ 全部）` : `the share of ${segment} (the part for ${segment} ÷ the whole)`);
  }
  if (query.kind === "aggregate" && query.versusRest) {
    const segment = describeFilter(context, query.versusRest);
    parts.push(zh ? `对比${segment}与其余全部（其他）` : `${segment} against all the others`);
  }
  if (query.kind === "aggregate" && query.share) parts.push(zh ? "计算各组占总体的比例" : "each group's share of the total");
  if (query.kind === "aggregate" && query.having.length > 0) {
    const having = query.having.map((condition) => describeMetricCondition(context, condition));
    parts.push(zh ? `只保留${having.join("且")}的分组` : `keeping groups with ${having.join(" and ")}`);
  }
  if (context.period) parts.push(zh ? `时间：${describePeriod(context.period, "zh")}（${context.period.start} 至 ${context.period.end}）` : `period: ${describePeriod(context.period, "en")} (${context.period.start} to ${context.period.end})`);
  if (query.kind === "aggregate" && query.compareTo) {
    const compared = describePeriod(query.compareTo, context.language);
    parts.push(zh ? `对比 ${compared}（${query.compareTo.start} 至 ${query.compareTo.end}）` : `compared with ${compared} (${query.compareTo.start} to ${query.compareTo.end})`);
  }
  const month = referenceMonthOf(context, plan, context.asOfDate);
  if (month) {
    const months = `${describeMonth(month, context.language)}${zh ? "对比" : " vs "}${describeMonth(previousMonth(month), context.language)}`;
    parts.push(zh ? `参考月份：${months}` : `reference month: ${months}`);
  }
  if (query.kind !== "tool" && query.order.length > 0) {
    const orders = query.order.map((order) => {
      const kind = query.kind === "list" ? "attribute" : memberKindOfOrder(context, order.by);
      const direction = order.direction === "desc" ? (zh ? "降序" : "descending") : zh ? "升序" : "ascending";
      return `${memberName(context, kind, order.by)} ${direction}`;
    });
    parts.push(zh ? `按${list(orders)}排序` : `sorted by ${list(orders)}`);
  }
  if (query.limit !== undefined) parts.push(zh ? `取前 ${query.limit} 条` : `first ${query.limit}`);
  return parts;
}

function memberKindOfOrder(context: NamingContext, id: string): "metric" | "dimension" {
  return context.semanticLayer.has("metric", id) ? "metric" : "dimension";
}

/** The interpretation text: the plan in words, then the 口径 of each definition. */
export function interpretPlan(context: InterpretationContext, plan: QueryPlan): string {
  const zh = context.language === "zh";
  const sentence = clauses(context, plan).join(zh ? "；" : "; ");
  const definitions = context.definitions.map((definition) => `${definition.name} = ${definition.formula}`);
  const head = zh ? `${sentence}。` : `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  if (definitions.length === 0) return head;
  return zh ? `${head}口径：${definitions.join("；")}。` : `${head} Definitions: ${definitions.join("; ")}.`;
}
