/**
 * List plans: rows of one entity with chosen attributes (the entity's defaults when none, plus the attributes that
 * explain its terms), filtered, ordered (a term's natural order when the plan gives none) and limited.
 */
import { TABLES } from "../../schema/tables.ts";
import type { Attribute, Term } from "../../schema/semantic-layer/types.ts";
import type { Filter, ListQuery, OrderBy } from "../plan/query-plan.ts";
import type { CompileContext } from "./compile-context.ts";
import { compileError } from "./compile-error.ts";
import type { CompiledColumn, CompiledQuery } from "./compiled-query.ts";
import { definitionsOf } from "./definitions.ts";
import { JoinGraph } from "./join-graph.ts";
import { addRowRestrictions, attributeIsText, attributeSql, timeColumnFor, timeCondition } from "./member-sql.ts";

/** Terms the filters ask for (not those under NOT, whose rows are the opposite), in order. */
function termsIn(filters: readonly Filter[]): string[] {
  return filters.flatMap((filter): string[] => {
    if (filter.kind === "term") return [filter.term];
    if (filter.kind === "and" || filter.kind === "or") return termsIn(filter.filters);
    return [];
  });
}

/** Compiles a list query. */
export function compileList(query: ListQuery, context: CompileContext): CompiledQuery {
  const layer = context.layer;
  const entity = layer.entity(query.entity);
  const graph = new JoinGraph(entity.id, layer.joins);
  const period = query.time ? { start: query.time.start, end: query.time.end } : undefined;

  const terms: Term[] = termsIn(query.filters).map((id) => layer.term(id));
  // Terms under NOT are still cited; they only add no attributes and no default order.
  const attributeIds = query.attributes.length > 0 ? [...query.attributes] : [...entity.defaultAttributes];
  // Terms explain themselves (PD before and after).
  for (const term of terms) for (const id of term.showAttributes ?? []) if (!attributeIds.includes(id)) attributeIds.push(id);
  const attributes = [...new Set(attributeIds)].map((id) => layer.attribute(id));

  const entities: string[] = [];
  const select = attributes.map((attribute) => {
    const piece = attributeSql(context, graph, attribute, period);
    entities.push(...piece.entities);
    return `${piece.sql} AS ${attribute.id}`;
  });

  const where: string[] = [];
  if (query.time) {
    const column = timeColumnFor(context, graph, undefined, query.time.dateAttribute);
    entities.push(...column.entities);
    where.push(timeCondition(context, column, query.time));
  }
  addRowRestrictions(context, graph, query.filters, period, entities, where);

  const order: OrderBy[] = query.order.length > 0 ? query.order : terms.filter((term) => term.order).slice(0, 1).map((term) => ({ by: term.order!.attribute, direction: term.order!.direction }));
  const orderTerms: string[] = [];
  for (const item of order) {
    const attribute = layer.attribute(item.by);
    if (attributes.includes(attribute) && attribute.type === "number") {
      orderTerms.push(context.dialect.orderTerm(attribute.id, item.direction));
      continue;
    }
    const piece = attributeSql(context, graph, attribute, period);
    entities.push(...piece.entities);
    orderTerms.push(context.dialect.orderTerm(piece.sql, item.direction, attributeIsText(attribute)));
  }
  // Ties broken by the primary key so that the first N rows are the same on every run and engine.
  const table = TABLES.find((candidate) => candidate.name === entity.table);
  if (!table) throw compileError("internal", `未知表 ${entity.table}`, `unknown table ${entity.table}`);
  for (const column of table.primaryKey) {
    const isText = table.columns.find((candidate) => candidate.name === column)?.type !== "integer";
    orderTerms.push(context.dialect.orderTerm(`${entity.table}.${column}`, "asc", isText));
  }

  const joins = graph.joinClauses(entities, (id) => layer.entity(id));
  const text =
    `SELECT ${select.join(", ")} FROM ${entity.table}` +
    joins.map((join) => ` ${join}`).join("") +
    (where.length > 0 ? ` WHERE ${where.join(" AND ")}` : "") +
    ` ORDER BY ${orderTerms.join(", ")}` +
    (query.limit === undefined ? "" : ` LIMIT ${context.bind(query.limit)}`);
  const { sql, params } = context.parameters.finish(text, context.dialect);
  const usedPeriod = period ?? (context.defaultPeriodUsed ? context.asOfMonthRange() : undefined);
  return { sql, params, columns: attributes.map(attributeColumn), definitions: definitionsOf([], context), ...(usedPeriod ? { period: usedPeriod } : {}) };
}

function attributeColumn(attribute: Attribute): CompiledColumn {
  return {
    name: attribute.id,
    label: { zh: attribute.names.zh[0], en: attribute.names.en[0] },
    role: "attribute",
    memberId: attribute.id,
    ...(attribute.format ? { format: attribute.format } : {}),
  };
}
