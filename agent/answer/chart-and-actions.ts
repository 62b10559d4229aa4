/**
 * Adds the chart and the recommended actions to a composed answer: the chart builder reads the result's shape and
 * the plan; the playbook reads the answer's facts (terms, tool, metrics, dimensions, rows). Marketing actions are
 * checked against current overdue and grade E on the same engine.
 */
import { recommendActions } from "../../tools/actions/action-recommender.ts";
import type { RecommendedAction } from "../../tools/actions/action-recommender.ts";
import { ineligibleForMarketing } from "../../tools/actions/marketing-eligibility.ts";
import { buildChart } from "../../tools/charts/chart-builder.ts";
import type { ChartColumn, VegaLiteSpec } from "../../tools/charts/chart-builder.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { semanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { Filter, ListQuery, QueryPlan } from "../plan/query-plan.ts";
import type { Language } from "../planner/planner.ts";

/** What the chart and the actions are made from. */
export interface VisualsRequest {
  engine: Engine;
  asOfDate: string;
  language: Language;
  plan: QueryPlan;
  /** Result columns; role and memberId come from the compiler (absent for tool and raw-SQL results). */
  columns: { name: string; label: string; role?: string; memberId?: string; format?: string; transform?: string }[];
  rows: readonly (readonly unknown[])[];
  /** The chart title (the answer's interpretation is too long; the metric names do). */
  title: string;
}

/** Every term a filter tree names. */
function termsOf(filters: readonly Filter[]): string[] {
  return filters.flatMap((filter) => {
    if (filter.kind === "term") return [filter.term];
    if (filter.kind === "and" || filter.kind === "or") return termsOf(filter.filters);
    if (filter.kind === "not") return []; // "not overdue" must not trigger the overdue playbook
    return [];
  });
}

/** Chart columns: a dimension column right after its key column with the same member is its label. */
function chartColumns(columns: VisualsRequest["columns"]): ChartColumn[] {
  return columns.map((column, index) => {
    const previous = columns[index - 1];
    const isLabel = column.role === "dimension" && previous?.role === "dimension" && previous.memberId === column.memberId;
    const role = isLabel ? "label" : ((column.role ?? "attribute") as ChartColumn["role"]);
    const transform = column.transform === "share" || column.transform === "change_ratio" ? { transform: column.transform as ChartColumn["transform"] } : {};
    return { name: column.name, label: column.label, role, ...(column.memberId ? { memberId: column.memberId } : {}), ...(column.format ? { format: column.format } : {}), ...transform };
  });
}

const RANKING_CHART_ROWS = 20;

/**
 * A list ranked by a measure (customers by PD rise, loans by balance) charts as a sorted bar of that measure for the
 * first rows; a plain list stays a table.
 */
function rankingChart(request: VisualsRequest, query: ListQuery, rows: unknown[][]): VegaLiteSpec | null {
  const layer = semanticLayer();
  const byTerm = query.filters.flatMap((filter) => (filter.kind === "term" && layer.has("term", filter.term) ? [layer.term(filter.term).order?.attribute] : []));
  const rankedBy = query.order[0]?.by ?? byTerm.find((attribute) => attribute !== undefined);
  const valueIndex = request.columns.findIndex((column) => column.memberId === rankedBy || column.name === rankedBy);
  const keyIndex = request.columns.findIndex((column) => column.memberId === layer.entity(query.entity).defaultAttributes[0]);
  if (valueIndex < 0 || keyIndex < 0 || rows.length < 2 || !rows.every((row) => typeof row[valueIndex] === "number")) return null;
  const key = request.columns[keyIndex];
  const value = request.columns[valueIndex];
  return buildChart({
    language: request.language,
    planKind: "aggregate",
    title: value.label,
    columns: [
      { name: key.name, label: key.label, role: "dimension", memberId: key.memberId ?? key.name },
      { name: value.name, label: value.label, role: "metric", memberId: value.memberId ?? value.name, ...(value.format ? { format: value.format } : {}) },
    ],
    rows: rows.slice(0, RANKING_CHART_ROWS).map((row) => [row[keyIndex], row[valueIndex]]),
    ranked: true,
  });
}

/** The chart (or null) and the recommended actions of an answered question. */
export async function chartAndActions(request: VisualsRequest): Promise<{ chart: VegaLiteSpec | null; actions: RecommendedAction[] }> {
  const query = request.plan.query;
  const rows = request.rows.map((row) => [...row]);
  const planKind = query.kind === "sql" ? "list" : query.kind;
  const chart =
    planKind === "aggregate"
      ? buildChart({
          language: request.language,
          planKind,
          title: request.title,
          columns: chartColumns(request.columns),
          rows,
          ranked: query.kind === "aggregate" && query.limit !== undefined,
          segmentShare: query.kind === "aggregate" && query.shareOf !== undefined,
        })
      : query.kind === "list"
        ? rankingChart(request, query, rows)
        : null;
  const filters = query.kind === "sql" ? [] : query.filters;
  // A segment against the rest splits every group in two: no row is a group's own figure (a branch's overdue rate),
  // so rules that judge groups by their figures must not read them.
  const split = query.kind === "aggregate" && query.versusRest !== undefined;
  const actions = await recommendActions(
    {
      language: request.language,
      terms: termsOf(filters),
      metrics: query.kind === "aggregate" && !split ? query.metrics : [],
      dimensions: query.kind === "aggregate" && !split ? query.dimensions.map((dimension) => dimension.id) : [],
      tool: query.kind === "tool" ? query.tool : undefined,
      columns: request.columns.map((column) => column.name),
      rows,
    },
    ineligibleForMarketing(request.engine, request.asOfDate.slice(0, 7)),
  );
  return { chart, actions };
}
