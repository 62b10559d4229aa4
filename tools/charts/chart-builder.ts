/**
 * The chart builder: picks a Vega-Lite v6 chart from the result's shape and the plan — a time series gets a line,
 * one category and a metric a sorted bar, shares of a whole an arc (at most 6 parts), two categories a grouped bar
 * or heatmap, two periods in rows bars side by side, a segment against the rest two bars (per category: grouped), a segment's share per group a bar of the
 * share, a single number or an entity list no chart — with titles, axis labels and number formats (rates as %) in
 * the question's language.
 */
import { z } from "zod";

/** The Vega-Lite schema the product emits. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** One result column as the compiler describes it. */
export const ChartColumn = z
  .object({
    name: z.string().describe("the column name in the rows"),
    label: z.string().describe("the label in the question's language"),
    role: z.enum(["dimension", "metric", "attribute", "previous", "change", "label"]).describe("what the column is in the plan"),
    memberId: z.string().optional().describe("the semantic-layer id behind the column; 'time' for the time dimension"),
    format: z.string().optional().describe("count, money, rate, hours, number, score or probability"),
    transform: z.enum(["change_ratio", "share"]).optional().describe("a derived column: a change ratio, or a share of the metric memberId"),
  })
  .strict();
export type ChartColumn = z.infer<typeof ChartColumn>;

/** What the chart builder needs to choose a chart. */
export const ChartRequest = z
  .object({
    language: z.enum(["zh", "en"]),
    planKind: z.enum(["aggregate", "list", "tool"]),
    title: z.string().describe("the chart title, usually the metric and its period"),
    columns: z.array(ChartColumn),
    rows: z.array(z.array(z.unknown())),
    /** The plan asked for a ranking (top/bottom N): parts are not a whole. */
    ranked: z.boolean().default(false),
    /** The plan asked for a segment's share within each group (shareOf): the share column is what is charted. */
    segmentShare: z.boolean().default(false),
  })
  .strict();
export type ChartRequest = z.input<typeof ChartRequest>;

/** A Vega-Lite specification (kept loose: vega-lite's own compiler is its validator). */
export type VegaLiteSpec = Record<string, unknown>;

const MAX_ARC_PARTS = 6;
const ADDITIVE_FORMATS = new Set(["count", "money"]);

/** The d3 number format for a column format. */
function numberFormat(format: string | undefined): string {
  if (format === "rate" || format === "probability") return ".1%";
  if (format === "count") return ",d";
  if (format === "money") return ",.0f";
  return ",.2~f";
}

function axisTitle(column: ChartColumn): string {
  return column.label;
}

/** Rows as objects keyed by column name, the shape Vega-Lite plots. */
function toValues(columns: ChartColumn[], rows: unknown[][]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(columns.map((column, index) => [column.name, row[index]])));
}

/**
 * Chooses and builds a chart for an answer, or returns null where the text or the table says it better
 * (a single number, an entity list, an empty result).
 */
export function buildChart(input: ChartRequest): VegaLiteSpec | null {
  const request = ChartRequest.parse(input);
  if (request.planKind !== "aggregate" || request.rows.length === 0) return null;
  const dimensions = request.columns.filter((column) => column.role === "dimension");
  const metrics = request.columns.filter((column) => column.role === "metric");
  const previous = request.columns.filter((column) => column.role === "previous");
  if (metrics.length === 0 || dimensions.length === 0) return null;
  // Category axes show the label column (branch name) where the compiler gave one beside the key.
  const labelFor = (dimension: ChartColumn): ChartColumn => {
    const index = request.columns.indexOf(dimension);
    const next = request.columns[index + 1];
    return next && next.role === "label" ? { ...next, label: dimension.label } : dimension;
  };
  const metric = (request.segmentShare ? metrics.find((column) => column.transform === "share") : undefined) ?? metrics[0];
  const base = {
    $schema: VEGA_LITE_SCHEMA,
    title: request.title,
    data: { values: toValues(request.columns, request.rows) },
    width: "container" as const,
    height: 300,
    config: { font: request.language === "zh" ? "PingFang SC, Microsoft YaHei, sans-serif" : "Helvetica, Arial, sans-serif" },
  };
  const quantitative = (column: ChartColumn) => ({
    field: column.name,
    type: "quantitative" as const,
    title: axisTitle(column),
    axis: { format: numberFormat(column.format) },
  });
  const tooltip = request.columns
    .filter((column) => column.role !== "dimension" || !request.columns.some((other) => other.role === "label"))
    .map((column) => ({
      field: column.name,
      title: column.label,
      type: column.role === "metric" || column.role === "previous" || column.role === "change" ? ("quantitative" as const) : ("nominal" as const),
      ...(column.role === "metric" || column.role === "previous" || column.role === "change" ? { format: numberFormat(column.format) } : {}),
    }));

  // Two periods compared in rows (period_label) are two bars per category, not a line through two points.
  const periods = dimensions.find((dimension) => dimension.name === "period_label");
  if (periods) {
    const others = dimensions.filter((dimension) => dimension !== periods);
    const category = others.length > 0 ? labelFor(others[0]) : periods;
    return {
      ...base,
      mark: "bar",
      encoding: {
        x: { field: category.name, type: "nominal", title: axisTitle(category), sort: null },
        ...(others.length > 0 ? { xOffset: { field: periods.name, type: "nominal", sort: "ascending" } } : {}),
        y: quantitative(metric),
        color: { field: periods.name, type: "nominal", title: axisTitle(periods), sort: "ascending" },
        tooltip,
      },
    };
  }
  const time = dimensions.find((dimension) => dimension.memberId === "time");
  if (time) {
    const series = dimensions.find((dimension) => dimension !== time);
    return {
      ...base,
      mark: { type: "line", point: true },
      encoding: {
        x: { field: time.name, type: "ordinal", title: axisTitle(time), sort: "ascending" },
        y: quantitative(metric),
        ...(series ? { color: { field: labelFor(series).name, type: "nominal", title: axisTitle(series) } } : {}),
        tooltip,
      },
    };
  }

  // A segment against the rest (versusRest) is the series of two colours, never the category axis.
  const segment = dimensions.find((dimension) => dimension.memberId === "segment");
  const categories = segment && dimensions.length >= 2 ? [...dimensions.filter((dimension) => dimension !== segment), segment] : dimensions;
  const category = labelFor(categories[0]);
  if (categories.length >= 2) {
    const second = labelFor(categories[1]);
    if ((metric.format === "rate" || metric.format === "probability") && !segment) {
      return {
        ...base,
        mark: "rect",
        encoding: {
          x: { field: second.name, type: "nominal", title: axisTitle(second) },
          y: { field: category.name, type: "nominal", title: axisTitle(category) },
          color: { field: metric.name, type: "quantitative", title: axisTitle(metric), legend: { format: numberFormat(metric.format) } },
          tooltip,
        },
      };
    }
    return {
      ...base,
      mark: "bar",
      encoding: {
        x: { field: category.name, type: "nominal", title: axisTitle(category) },
        xOffset: { field: second.name, type: "nominal" },
        y: quantitative(metric),
        color: { field: second.name, type: "nominal", title: axisTitle(second) },
        tooltip,
      },
    };
  }

  if (previous.length > 0) {
    // This period against the earlier one, side by side per category.
    const periodLabel = request.language === "zh" ? "期间" : "Period";
    return {
      ...base,
      transform: [{ fold: [metric.name, previous[0].name], as: ["period", "value"] }],
      mark: "bar",
      encoding: {
        x: { field: category.name, type: "nominal", title: axisTitle(category) },
        xOffset: { field: "period", type: "nominal" },
        y: { field: "value", type: "quantitative", title: axisTitle(metric), axis: { format: numberFormat(metric.format) } },
        color: { field: "period", type: "nominal", title: periodLabel },
        tooltip,
      },
    };
  }

  const values = request.rows.map((row) => Number(row[request.columns.indexOf(metric)]));
  // Two sides of a segment are compared, not parts of a whole: bars, in their own order.
  const isWhole = !request.ranked && !segment && ADDITIVE_FORMATS.has(metric.format ?? "") && values.every((value) => value >= 0);
  if (isWhole && request.rows.length <= MAX_ARC_PARTS) {
    return {
      ...base,
      mark: { type: "arc", innerRadius: 60 },
      encoding: {
        theta: { field: metric.name, type: "quantitative", title: axisTitle(metric) },
        color: { field: category.name, type: "nominal", title: axisTitle(category) },
        tooltip,
      },
    };
  }
  return {
    ...base,
    mark: "bar",
    encoding: {
      y: { field: category.name, type: "nominal", title: axisTitle(category), sort: segment ? null : "-x" },
      x: quantitative(metric),
      tooltip,
    },
  };
}
