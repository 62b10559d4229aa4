/**
 * A "related" filter as a correlated EXISTS / NOT EXISTS subquery: the related entity's rows, joined along the
 * semantic layer's many-to-one path up to the filtered entity, restricted by their own filters and period.
 */
import type { DateRange, Filter, RelatedFilter } from "../plan/query-plan.ts";
import type { CompileContext } from "./compile-context.ts";
import { compileError } from "./compile-error.ts";
import { JoinGraph } from "./join-graph.ts";
import type { SqlPiece } from "./member-sql.ts";
import { parenthesize, timeColumnFor, timeCondition } from "./member-sql.ts";

/** The compiler of nested filters, passed in so that this file does not import its caller's switch. */
type FilterCompiler = (context: CompileContext, graph: JoinGraph, filter: Filter, period: DateRange | undefined) => SqlPiece;

/**
 * `EXISTS (SELECT 1 FROM related ... WHERE <link to the outer row> AND <filters> AND <period>)`, negated when the
 * filter asks for rows without one. The subquery never includes the outer entity's table, so the link's outer
 * column resolves to the outer row; the related rows' period comes from the filter alone.
 * @throws CompileError when the related entity has no many-to-one path to the graph's root.
 */
export function relatedFilterSql(context: CompileContext, graph: JoinGraph, filter: RelatedFilter, compileFilter: FilterCompiler): SqlPiece {
  const layer = context.layer;
  const related = layer.entity(filter.entity);
  const outer = layer.entity(graph.root);
  const link = related.id === outer.id ? undefined : new JoinGraph(related.id, layer.joins).joinInto(outer.id);
  if (!link)
    throw compileError(
      "not_applicable",
      `${related.names.zh[0]}与${outer.names.zh[0]}之间没有“属于”关系,无法按是否存在相关记录筛选`,
      `${related.id} rows do not belong to ${outer.id} rows, so they cannot filter them by existence`,
      { member: related.id, entity: outer.id },
    );
  // Joins into the outer entity are left out, so nothing inside shadows the outer row.
  const inner = new JoinGraph(related.id, layer.joins.filter((join) => join.to !== outer.id));
  const period = filter.time ? { start: filter.time.start, end: filter.time.end } : undefined;
  const entities: string[] = [link.from];
  const where: string[] = link.on.map(([left, right]) => `${left} = ${right}`);
  for (const inside of filter.filters) {
    const piece = compileFilter(context, inner, inside, period);
    entities.push(...piece.entities);
    where.push(parenthesize(piece.sql));
  }
  if (filter.time) {
    const column = timeColumnFor(context, inner, undefined, filter.time.dateAttribute);
    entities.push(...column.entities);
    where.push(timeCondition(context, column, filter.time));
  }
  const joins = inner.joinClauses(entities, (id) => layer.entity(id));
  const subquery = `SELECT 1 FROM ${related.table}${joins.map((join) => ` ${join}`).join("")} WHERE ${where.join(" AND ")}`;
  return { sql: `${filter.exists ? "" : "NOT "}EXISTS (${subquery})`, entities: [] };
}
