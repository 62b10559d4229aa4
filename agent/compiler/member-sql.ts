/**
 * SQL for semantic-layer members as seen from one root entity: dimensions, terms, attributes, filters, the time
 * column and the branch scope. Each piece names the entities it needs joined; a member that cannot reach the
 * root through many-to-one joins (or a byEntity override) is a CompileError naming both.
 */
import { TABLES } from "../../schema/tables.ts";
import type { Attribute, Dimension, Entity, Metric, SqlFragment } from "../../schema/semantic-layer/types.ts";
import type { DateRange, DimensionRef, Filter, TimeGrain } from "../plan/query-plan.ts";
import { addDays, monthOf } from "./calendar.ts";
import type { CompileContext } from "./compile-context.ts";
import { compileError } from "./compile-error.ts";
import type { TimeColumnType } from "./dialects/sql-dialect.ts";
import type { JoinGraph } from "./join-graph.ts";
import { relatedFilterSql } from "./related-filter-sql.ts";

/** SQL text (with parameter tokens) and the entities it needs joined. */
export interface SqlPiece {
  sql: string;
  entities: string[];
}

/** A dimension's key expression, with its label expression where it has one. */
export interface DimensionSql extends SqlPiece {
  id: string;
  alias: string;
  dimension: Dimension;
  text: boolean;
  grain?: TimeGrain;
  label?: { alias: string; sql: string };
}

const COLUMN_TYPES = new Map<string, string>(TABLES.flatMap((table) => table.columns.map((column) => [`${table.name}.${column.name}`, column.type] as const)));

/** The contract type of a plain `table.column` expression, if it is one. */
function plainColumnType(expression: string): string | undefined {
  return COLUMN_TYPES.get(expression.trim());
}

/** Whether a key expression yields text (expressions other than a plain numeric column are CASE labels or text). */
function isTextExpression(expression: string): boolean {
  const type = plainColumnType(expression);
  return type === undefined || ["text", "date", "timestamp", "month"].includes(type);
}

/** Whether an attribute sorts as text (plain text columns and text expressions; not ids stored as integers). */
export function attributeIsText(attribute: Attribute): boolean {
  return attribute.type === "text" && (typeof attribute.sql !== "string" || isTextExpression(attribute.sql));
}

const entityName = (entity: Entity) => ({ zh: entity.names.zh[0], en: entity.id });

function notApplicable(kind: { zh: string; en: string }, id: string, root: Entity, why = "") {
  const name = entityName(root);
  return compileError(
    "not_applicable",
    `${kind.zh}“${id}”不适用于${name.zh}(${root.id})${why ? `:${why}` : ""}`,
    `${kind.en} "${id}" does not apply to ${name.en}${why ? `: ${why}` : ""}`,
    { member: id, entity: root.id },
  );
}

/** Throws unless every entity is reachable from the graph's root. */
function requireReachable(context: CompileContext, graph: JoinGraph, entities: string[], kind: { zh: string; en: string }, id: string): void {
  const root = context.layer.entity(graph.root);
  for (const entity of entities) if (!graph.reaches(entity)) throw notApplicable(kind, id, root, `no join path to ${entity}`);
}

const DIMENSION = { zh: "维度", en: "dimension" };
const TERM = { zh: "术语", en: "term" };
const ATTRIBUTE = { zh: "字段", en: "attribute" };

/** The time column of a root entity (or the metric's own, or a date attribute), with its stored form. */
export interface TimeColumn extends SqlPiece {
  type: TimeColumnType;
}

/** The date column a time filter or time dimension uses for rows of the graph's root. */
export function timeColumnFor(context: CompileContext, graph: JoinGraph, metric: Metric | undefined, dateAttribute: string | undefined): TimeColumn {
  const root = context.layer.entity(graph.root);
  if (dateAttribute) {
    const attribute = context.layer.attribute(dateAttribute);
    const piece = attributeSql(context, graph, attribute, undefined);
    if (attribute.type !== "date")
      throw compileError("invalid_plan", `字段“${attribute.id}”不是日期,不能作为时间范围`, `attribute "${attribute.id}" is not a date and cannot date a time range`);
    const type = plainColumnType(piece.sql);
    return { ...piece, type: type === "timestamp" || type === "month" ? type : "date" };
  }
  const column = metric?.dateColumn ?? root.dateColumn;
  if (!column)
    throw compileError("time_not_available", `${root.names.zh[0]}没有日期字段,无法按时间筛选或分组`, `${root.id} has no date column to filter or group by time`, { entity: root.id });
  const table = column.split(".")[0];
  const type = plainColumnType(column);
  return { sql: column, entities: [table], type: type === "timestamp" || type === "month" ? type : "date" };
}

/** `column` within the inclusive range: dates as text, timestamps before the next day, months as 'YYYY-MM'. */
export function timeCondition(context: CompileContext, column: TimeColumn, range: DateRange): string {
  if (range.start > range.end)
    throw compileError("invalid_plan", `时间范围起点 ${range.start} 晚于终点 ${range.end}`, `time range starts (${range.start}) after it ends (${range.end})`);
  if (column.type === "month") return `${column.sql} >= ${context.bind(monthOf(range.start))} AND ${column.sql} <= ${context.bind(monthOf(range.end))}`;
  if (column.type === "timestamp") return `${column.sql} >= ${context.bind(range.start)} AND ${column.sql} < ${context.bind(addDays(range.end, 1))}`;
  return `${column.sql} >= ${context.bind(range.start)} AND ${column.sql} <= ${context.bind(range.end)}`;
}

/** A category dimension's key (and label) for rows of the graph's root. */
export function dimensionSql(context: CompileContext, graph: JoinGraph, reference: DimensionRef, period: DateRange | undefined): DimensionSql {
  const dimension = context.layer.dimension(reference.id);
  if (dimension.type === "time") throw compileError("internal", "时间维度需单独处理", "the time dimension is compiled by the caller");
  if (reference.grain) throw compileError("invalid_plan", `只有时间维度可以指定粒度,“${dimension.id}”不行`, `only the time dimension takes a grain, not "${dimension.id}"`);
  const override = dimension.byEntity?.[graph.root];
  const source: { column: SqlFragment; table: string } = override ?? { column: dimension.column, table: dimension.table };
  requireReachable(context, graph, [source.table], DIMENSION, dimension.id);
  const sql = context.fragment(source.column, period);
  const entities = [source.table];
  let label: DimensionSql["label"];
  if (dimension.labelColumns) {
    const labelColumn = dimension.labelColumns[context.language];
    const labelTable = labelColumn.split(".")[0];
    requireReachable(context, graph, [labelTable], DIMENSION, dimension.id);
    entities.push(labelTable);
    label = { alias: `${dimension.id}_name`, sql: labelColumn };
  }
  const text = typeof source.column === "string" ? isTextExpression(source.column) : true;
  return { id: dimension.id, alias: dimension.id, dimension, sql, entities, text, label };
}

/** A glossary term's condition for rows of the graph's root (its byEntity form, or its own through joins). */
export function termSql(context: CompileContext, graph: JoinGraph, termId: string, period: DateRange | undefined): SqlPiece {
  const term = context.layer.term(termId);
  context.termsUsed.set(term.id, term);
  const override = term.byEntity?.[graph.root];
  if (override) return { sql: context.fragment(override, period), entities: [graph.root] };
  requireReachable(context, graph, [term.entity], TERM, term.id);
  return { sql: context.fragment(term.sql, period), entities: [term.entity] };
}

/** An attribute's expression for rows of the graph's root. */
export function attributeSql(context: CompileContext, graph: JoinGraph, attribute: Attribute, period: DateRange | undefined): SqlPiece {
  const entities = [attribute.entity, ...(attribute.table ? [attribute.table] : [])];
  requireReachable(context, graph, entities, ATTRIBUTE, attribute.id);
  return { sql: context.fragment(attribute.sql, period), entities };
}

function numericAttribute(context: CompileContext, graph: JoinGraph, id: string, period: DateRange | undefined): SqlPiece {
  const attribute = context.layer.attribute(id);
  if (attribute.type !== "number")
    throw compileError("invalid_plan", `字段“${id}”不是数值,不能比较大小`, `attribute "${id}" is not a number and cannot be compared`, { member: id });
  return attributeSql(context, graph, attribute, period);
}

const OPERATORS = { gt: ">", gte: ">=", lt: "<", lte: "<=", eq: "=", ne: "<>" } as const;

/** SQL comparison operator of a plan comparison. */
export function operatorSql(op: keyof typeof OPERATORS): string {
  return OPERATORS[op];
}

/** Wraps a condition in parentheses when it combines others, so AND/OR nest as written. */
export function parenthesize(condition: string): string {
  return /\s(AND|OR)\s/i.test(condition) ? `(${condition})` : condition;
}

/** A plan filter as a condition on rows of the graph's root; every value is bound. */
export function filterSql(context: CompileContext, graph: JoinGraph, filter: Filter, period: DateRange | undefined): SqlPiece {
  switch (filter.kind) {
    case "term":
      return termSql(context, graph, filter.term, period);
    case "in": {
      const dimension = context.layer.dimension(filter.dimension);
      if (dimension.type === "time")
        throw compileError("invalid_plan", "时间请用时间范围筛选,而不是取值列表", "filter time with the plan's time range, not a list of values");
      const key = dimensionSql(context, graph, { id: filter.dimension }, period);
      const values = filter.values.map((value) => context.bind(value)).join(", ");
      return { sql: `${key.sql} IN (${values})`, entities: key.entities };
    }
    case "compare": {
      const attribute = numericAttribute(context, graph, filter.attribute, period);
      return { sql: `${attribute.sql} ${operatorSql(filter.op)} ${context.dialect.numberParameter(context.bind(filter.value))}`, entities: attribute.entities };
    }
    case "between": {
      const attribute = numericAttribute(context, graph, filter.attribute, period);
      const low = context.dialect.numberParameter(context.bind(filter.low));
      const high = context.dialect.numberParameter(context.bind(filter.high));
      return { sql: `${attribute.sql} BETWEEN ${low} AND ${high}`, entities: attribute.entities };
    }
    case "and":
    case "or": {
      const parts = filter.filters.map((inner) => filterSql(context, graph, inner, period));
      const joiner = filter.kind === "and" ? " AND " : " OR ";
      return { sql: parts.map((part) => parenthesize(part.sql)).join(joiner), entities: parts.flatMap((part) => part.entities) };
    }
    case "not": {
      const inner = filterSql(context, graph, filter.filter, period);
      return { sql: `NOT (${inner.sql})`, entities: inner.entities };
    }
    case "related":
      return relatedFilterSql(context, graph, filter, filterSql);
  }
}

/**
 * The branch scope for rows of the graph's root: loans by their branch, customers by their home branch, branches
 * by id, other entities through their loan (preferred) or customer. Campaigns and products are bank-wide: none.
 */
export function scopeSql(context: CompileContext, graph: JoinGraph): SqlPiece | undefined {
  if (!context.scope) return undefined;
  const branch = context.bind(context.scope.branchId);
  if (graph.root === "branches") return { sql: `branches.branch_id = ${branch}`, entities: [] };
  if (graph.reaches("loans")) return { sql: `loans.branch_id = ${branch}`, entities: ["loans"] };
  if (graph.reaches("customers")) return { sql: `customers.home_branch_id = ${branch}`, entities: ["customers"] };
  return undefined;
}

/**
 * Adds the plan's row filters and the caller's branch scope to a statement's WHERE conditions, recording the
 * entities they need joined. Aggregates and lists restrict rows the same way.
 */
export function addRowRestrictions(
  context: CompileContext,
  graph: JoinGraph,
  filters: readonly Filter[],
  period: DateRange | undefined,
  entities: string[],
  where: string[],
): void {
  for (const filter of filters) {
    const piece = filterSql(context, graph, filter, period);
    entities.push(...piece.entities);
    where.push(parenthesize(piece.sql));
  }
  const scope = scopeSql(context, graph);
  if (scope) {
    entities.push(...scope.entities);
    where.push(scope.sql);
  }
}
