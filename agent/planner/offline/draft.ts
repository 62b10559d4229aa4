/**
 * The planner's working form of a plan: like the query plan, but with the time words kept as said (a period and a
 * comparison) so that follow-ups can change them before the time rules place them in the final plan.
 */
import type { DateRange, DimensionRef, Filter, MetricCondition, OrderBy, QueryPlan } from "../../plan/query-plan.ts";
import { monthOf, monthRange } from "./date-math.ts";

/** How the earlier period of a comparison is chosen. */
export type Comparison = ({ kind: "previous" } | { kind: "year" } | { kind: "range"; range: DateRange }) & {
  /** "rows": one row per period ("今年和去年对比", "this year vs last year"); otherwise the wide change columns. */
  layout?: "rows";
};

/** A plan in the making. */
export interface Draft {
  kind: "aggregate" | "list";
  entity?: string;
  metrics: string[];
  dimensions: DimensionRef[];
  filters: Filter[];
  having: MetricCondition[];
  /** The period the question names (absolute), before the time rules decide where it goes. */
  period?: DateRange;
  /** True when the period was not said but defaulted (trends default to the last 12 months). */
  periodDefaulted?: boolean;
  compare?: Comparison;
  order: OrderBy[];
  limit?: number;
  attributes: string[];
  dateAttribute?: string;
  /** Each group's share of the total (占比 by a dimension). */
  share?: boolean;
  /** A trend with each bucket's change against the one before (按月及环比). */
  bucketChange?: boolean;
  /** The segment whose share of the whole is asked (低价值客户占比): kept out of `filters`. */
  shareOf?: Filter;
  /** The segment compared with everyone else (年轻客户和其他客户): kept out of `filters`. */
  versusRest?: Filter;
}

/** The draft of an earlier plan, for follow-ups. */
export function draftFromPlan(plan: QueryPlan): Draft | undefined {
  const query = plan.query;
  const periodOf = (time: { start: string; end: string } | undefined, referenceMonth: string | undefined) =>
    time ? { start: time.start, end: time.end } : referenceMonth ? monthRange(monthOf(`${referenceMonth}-01`)) : undefined;
  // A segment's share is not carried into follow-ups: "那高价值客户呢" would change which segment, not narrow the rows.
  if (query.kind === "aggregate" && (query.shareOf || query.versusRest)) return undefined;
  if (query.kind === "aggregate") {
    const period = periodOf(query.time, query.referenceMonth);
    return {
      kind: "aggregate",
      metrics: [...query.metrics],
      dimensions: query.dimensions.map((dimension) => ({ ...dimension })),
      filters: [...query.filters],
      having: [...query.having],
      period,
      compare: query.compareTo ? { kind: "range", range: query.compareTo, ...(query.compareLayout === "rows" ? { layout: "rows" as const } : {}) } : undefined,
      order: [...query.order],
      limit: query.limit,
      attributes: [],
      dateAttribute: query.time?.dateAttribute,
      share: query.share,
      bucketChange: query.bucketChange,
    };
  }
  if (query.kind !== "list") return undefined;
  return {
    kind: "list",
    entity: query.entity,
    metrics: [],
    dimensions: [],
    filters: [...query.filters],
    having: [],
    period: periodOf(query.time, query.referenceMonth),
    order: [...query.order],
    limit: query.limit,
    attributes: [...query.attributes],
    dateAttribute: query.time?.dateAttribute,
  };
}
