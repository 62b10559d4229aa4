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
import type { Filter, QueryPlan } from "../plan/query-plan.ts";
import type { Language } from "../planner/planner.ts";

/** What the chart and the actions are made from. */
export interface VisualsRequest {
  engine: Engine;
  asOfDate: string;
  language: Language;
  plan: QueryPlan;
  /** Result columns; role and memberId come from the compiler (absent for tool and raw-SQL results). */
  columns: { name: string; label: string; role?: string; memberId?: string; format?: string }[];
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
    return { name: column.name, label: column.label, role, ...(column.memberId ? { memberId: column.memberId } : {}), ...(column.format ? { format: column.format } : {}) };
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
        })
      : null;
  const filters = query.kind === "sql" ? [] : query.filters;
  const actions = await recommendActions(
    {
      language: request.language,
      terms: termsOf(filters),
      metrics: query.kind === "aggregate" ? query.metrics : [],
      dimensions: query.kind === "aggregate" ? query.dimensions.map((dimension) => dimension.id) : [],
      tool: query.kind === "tool" ? query.tool : undefined,
      columns: request.columns.map((column) => column.name),
      rows,
    },
    ineligibleForMarketing(request.engine, request.asOfDate.slice(0, 7)),
  );
  return { chart, actions };
}
