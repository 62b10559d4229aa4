/**
 * The query plan: a semantic query naming only semantic-layer members (metrics, dimensions, attributes, terms),
 * with an absolute time range. Both planners (offline and LLM) produce it; the compiler turns it into SQL.
 * Relative time words are resolved by the planner against the dataset's as-of date, never here.
 */
import { z } from "zod";

const Id = z.string().regex(/^[a-z][a-z0-9_]*$/).describe("a semantic-layer id (lower_snake_case)");
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("a date, YYYY-MM-DD");
const IsoMonth = z.string().regex(/^\d{4}-\d{2}$/).describe("a month, YYYY-MM");

/** Time grains a time dimension can take. */
export const TimeGrain = z.enum(["day", "month", "quarter", "year"]);
export type TimeGrain = z.infer<typeof TimeGrain>;

/** An inclusive date range. */
export const DateRange = z
  .object({
    start: IsoDate.describe("first day, inclusive"),
    end: IsoDate.describe("last day, inclusive"),
  })
  .strict();
export type DateRange = z.infer<typeof DateRange>;

/** The time window of a query, on the entity's date column unless `dateAttribute` names another. */
export const TimeFilter = DateRange.extend({
  dateAttribute: Id.optional().describe("a date attribute to filter on instead of the default date column (e.g. due_date, churn_date)"),
}).strict();
export type TimeFilter = z.infer<typeof TimeFilter>;

/** Comparison operators for numeric conditions. */
export const Comparison = z.enum(["gt", "gte", "lt", "lte", "eq", "ne"]);
export type Comparison = z.infer<typeof Comparison>;

/** A row filter. Top-level filters of a query are AND-ed. */
export type Filter =
  | { kind: "term"; term: string }
  | { kind: "in"; dimension: string; values: string[] }
  | { kind: "compare"; attribute: string; op: Comparison; value: number }
  | { kind: "between"; attribute: string; low: number; high: number }
  | { kind: "and"; filters: Filter[] }
  | { kind: "or"; filters: Filter[] }
  | { kind: "not"; filter: Filter }
  | RelatedFilter;

/**
 * Rows that have (exists: true) or have no (exists: false) row of a related entity matching `filters` within
 * `time`: customers with a missed repayment this month, loans without a field visit. The related entity must reach
 * the filtered rows' entity through the semantic layer's many-to-one joins (repayments → loans → customers); its
 * filters and time range apply to the related rows only, never to the filtered rows themselves.
 */
export interface RelatedFilter {
  kind: "related";
  entity: string;
  exists: boolean;
  filters: Filter[];
  time?: TimeFilter;
}

export const Filter: z.ZodType<Filter> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("term"), term: Id.describe("a glossary term id, e.g. high_value") }).strict(),
    z
      .object({
        kind: z.literal("in"),
        dimension: Id.describe("a categorical dimension id, e.g. city"),
        values: z.array(z.string().min(1)).min(1).describe("the dimension's stored values (keys), e.g. ['Shanghai']"),
      })
      .strict(),
    z
      .object({
        kind: z.literal("compare"),
        attribute: Id.describe("a numeric attribute id, e.g. annual_income"),
        op: Comparison,
        value: z.number().describe("in the attribute's unit: yuan for money, a fraction for rates"),
      })
      .strict(),
    z.object({ kind: z.literal("between"), attribute: Id, low: z.number(), high: z.number() }).strict(),
    z.object({ kind: z.literal("and"), filters: z.array(Filter).min(1) }).strict(),
    z.object({ kind: z.literal("or"), filters: z.array(Filter).min(1) }).strict(),
    z.object({ kind: z.literal("not"), filter: Filter }).strict(),
    z
      .object({
        kind: z.literal("related"),
        entity: Id.describe("the related entity whose rows are looked for, e.g. repayments, collection_actions, risk_alerts"),
        exists: z.boolean().describe("true: keep rows that have such a related row (EXISTS); false: rows that have none (NOT EXISTS)"),
        filters: z.array(Filter).describe("conditions on the related rows, e.g. repayment_status in ['missed']"),
        time: TimeFilter.optional().describe("dates the related rows (their own date column), never the filtered rows"),
      })
      .strict()
      .describe("rows with (or without) a related row matching filters in a period: 'customers with a missed repayment this month'"),
  ]),
);

/** A condition on an aggregated metric per group (HAVING), e.g. overdue rate above 3%. */
export const MetricCondition = z
  .object({
    metric: Id,
    op: Comparison,
    value: z.number().describe("rates as fractions (0.03 for 3%)"),
  })
  .strict();
export type MetricCondition = z.infer<typeof MetricCondition>;

/** A dimension to group by; time takes a grain. */
export const DimensionRef = z
  .object({
    id: Id,
    grain: TimeGrain.optional().describe("only for the time dimension"),
  })
  .strict();
export type DimensionRef = z.infer<typeof DimensionRef>;

/** Sort key: a metric or dimension id (aggregates) or an attribute id (lists). */
export const OrderBy = z
  .object({
    by: Id,
    direction: z.enum(["asc", "desc"]),
  })
  .strict();
export type OrderBy = z.infer<typeof OrderBy>;

const Limit = z.number().int().positive().max(10_000);

/** Metrics, optionally grouped by dimensions: "overdue rate by branch for the last 6 months". */
export const AggregateQuery = z
  .object({
    kind: z.literal("aggregate"),
    metrics: z.array(Id).min(1),
    dimensions: z.array(DimensionRef).default([]),
    filters: z.array(Filter).default([]),
    having: z.array(MetricCondition).default([]),
    time: TimeFilter.optional(),
    /** Period-over-period: the same metrics over this earlier range, with the change. */
    compareTo: DateRange.optional().describe("an earlier period to compare with (last month for this month)"),
    /** How a compareTo result is laid out: one row per group with previous/change columns (default), or one row per period. */
    compareLayout: z
      .enum(["columns", "rows"])
      .optional()
      .describe("with compareTo: 'rows' gives one row per period (period_label, dimensions, metrics) for 'this year vs last year'; default 'columns'"),
    /** A time trend with each bucket's change against the bucket before it (month over month). */
    bucketChange: z
      .boolean()
      .optional()
      .describe("with a time dimension: add <metric>_previous, _change and _change_ratio against the previous bucket (环比 per month)"),
    /** Each group's share of the total (占比), for additive metrics (counts and sums). */
    share: z.boolean().optional().describe("add <metric>_share = value / total over the groups (占比); counts and sums only"),
    /** The share of a segment (占比 of the rows matching a filter) within each group's rows, for additive metrics. */
    shareOf: Filter.optional().describe(
      "add <metric>_share = the metric over rows matching this filter / the metric over all the query's rows, per group ('低价值客户占比', 'young customers as a share of all customers'); counts and sums only",
    ),
    /** A segment against everyone else (年轻客户和其他客户对比): one row per side, keyed by `segment`. */
    versusRest: Filter.optional().describe(
      "group the rows into those matching this filter and all the others: one row each, key column 'segment' ('年轻客户和其他客户的逾期率对比', 'high-value vs everyone else')",
    ),
    order: z.array(OrderBy).default([]),
    limit: Limit.optional(),
    referenceMonth: IsoMonth.optional().describe("the month M of month-based terms (rising risk); default the as-of month"),
  })
  .strict();
export type AggregateQuery = z.infer<typeof AggregateQuery>;

/** Rows of one entity with chosen attributes: "which high-value customers have rising repayment risk". */
export const ListQuery = z
  .object({
    kind: z.literal("list"),
    entity: Id,
    attributes: z.array(Id).default([]).describe("attributes to show; empty means the entity's defaults"),
    filters: z.array(Filter).default([]),
    time: TimeFilter.optional(),
    order: z.array(OrderBy).default([]),
    limit: Limit.optional(),
    referenceMonth: IsoMonth.optional(),
  })
  .strict();
export type ListQuery = z.infer<typeof ListQuery>;

/** A scoring tool run as a plan step (risk_trend, early_warning, ...), with its own validated arguments. */
export const ToolQuery = z
  .object({
    kind: z.literal("tool"),
    tool: Id,
    args: z.record(z.string(), z.unknown()).default({}),
    filters: z.array(Filter).default([]).describe("narrows the customers or loans the tool scores"),
    limit: Limit.optional(),
  })
  .strict();
export type ToolQuery = z.infer<typeof ToolQuery>;

/**
 * Raw SQL, only from the LLM planner and only where a plan cannot express the question. It still passes the SQL
 * guard like every other statement; the pipeline runs it without the compiler.
 */
export const SqlQuery = z
  .object({
    kind: z.literal("sql"),
    sql: z.string().min(1).describe("one read-only SELECT in the engine's dialect, values as literals are allowed only for constants"),
    purpose: z.string().describe("what the statement answers, in the question's language"),
  })
  .strict();
export type SqlQuery = z.infer<typeof SqlQuery>;

/** The query plan. */
export const QueryPlan = z
  .object({
    version: z.literal(1).default(1),
    query: z.discriminatedUnion("kind", [AggregateQuery, ListQuery, ToolQuery, SqlQuery]),
  })
  .strict();
export type QueryPlan = z.infer<typeof QueryPlan>;
/** The plan as written by a planner, before defaults are filled in. */
export type QueryPlanInput = z.input<typeof QueryPlan>;
