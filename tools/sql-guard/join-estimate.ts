/**
 * The cost bound's row estimate for one FROM clause: joins on a key keep the row count, joins on enumeration
 * columns multiply and divide by the number of values, joins on other equal columns grow by a fanout, and
 * joins without an equality (cross joins, comma joins, ON 1=1) multiply.
 */
import { isNode } from "./ast-nodes.ts";
import type { AstNode } from "./ast-nodes.ts";
import type { GuardPolicy } from "./guard-policy.ts";

/** What the estimate needs to know of a relation. */
export interface EstimatedRelation {
  columns: readonly { name: string | null }[];
  keys: readonly (readonly string[])[];
  rows: number;
  /** Distinct values of enumeration columns, when known. */
  distinctCounts?: Readonly<Record<string, number>>;
}

/** How one FROM item is joined: its ON conjuncts and USING columns (both empty for the first item and comma joins). */
export interface JoinStep {
  on: readonly AstNode[];
  using: readonly string[];
}

/** Locates a column reference among the FROM relations: their index and the column name. */
export type ColumnLocator = (node: AstNode) => { relation: number; column: string } | null;

interface Equality {
  /** Column of the relation being joined. */
  column: string;
  /** The earlier relation and its column. */
  otherRelation: number;
  otherColumn: string;
}

/** Estimated rows produced by joining the relations in order. */
export function estimateJoinRows(
  relations: readonly EstimatedRelation[],
  steps: readonly JoinStep[],
  where: readonly AstNode[],
  policy: Pick<GuardPolicy, "nonKeyJoinFanout">,
  locate: ColumnLocator,
): number {
  if (relations.length === 0) return 1;
  let rows = Math.max(1, relations[0].rows);
  for (let index = 1; index < relations.length; index += 1) {
    const relation = relations[index];
    const equalities = [...equalitiesFrom([...steps[index].on, ...where], index, locate), ...usingEqualities(steps[index].using, relations, index)];
    const joinedRows = Math.max(1, relation.rows);
    if (equalities.length === 0) {
      rows *= joinedRows;
    } else if (coversKey(relation, equalities.map((equality) => equality.column))) {
      // Each row so far meets at most one row of the joined relation.
    } else if (coversOtherKey(relations, equalities)) {
      rows = Math.max(rows, joinedRows);
    } else if (enumerationValues(relation, equalities) !== null) {
      rows = Math.max(rows, joinedRows, (rows * joinedRows) / (enumerationValues(relation, equalities) ?? 1));
    } else {
      rows = Math.max(rows, joinedRows) * policy.nonKeyJoinFanout;
    }
  }
  return rows;
}

/** Equalities `a.x = b.y` between the relation at `index` and an earlier one. */
function equalitiesFrom(candidates: readonly AstNode[], index: number, locate: ColumnLocator): Equality[] {
  const equalities: Equality[] = [];
  for (const conjunct of candidates) {
    if (conjunct.type !== "binary_expr" || conjunct.operator !== "=" || !isNode(conjunct.left) || !isNode(conjunct.right)) continue;
    const left = locate(conjunct.left);
    const right = locate(conjunct.right);
    if (!left || !right) continue;
    if (left.relation === index && right.relation < index) equalities.push({ column: left.column, otherRelation: right.relation, otherColumn: right.column });
    if (right.relation === index && left.relation < index) equalities.push({ column: right.column, otherRelation: left.relation, otherColumn: left.column });
  }
  return equalities;
}

/** USING (x) equates x of the joined relation with x of the first earlier relation that has it. */
function usingEqualities(columns: readonly string[], relations: readonly EstimatedRelation[], index: number): Equality[] {
  return columns.flatMap((column) => {
    const otherRelation = relations.slice(0, index).findIndex((relation) => relation.columns.some((candidate) => candidate.name === column));
    return otherRelation === -1 ? [] : [{ column, otherRelation, otherColumn: column }];
  });
}

function coversKey(relation: EstimatedRelation, columns: readonly string[]): boolean {
  return relation.keys.some((key) => key.length > 0 && key.every((column) => columns.includes(column)));
}

function coversOtherKey(relations: readonly EstimatedRelation[], equalities: readonly Equality[]): boolean {
  const byRelation = new Map<number, string[]>();
  for (const equality of equalities) byRelation.set(equality.otherRelation, [...(byRelation.get(equality.otherRelation) ?? []), equality.otherColumn]);
  return [...byRelation].some(([relation, columns]) => coversKey(relations[relation], columns));
}

/** The number of value combinations of the joined enumeration columns, or null when one is not an enumeration. */
function enumerationValues(relation: EstimatedRelation, equalities: readonly Equality[]): number | null {
  let combinations = 1;
  for (const column of new Set(equalities.map((equality) => equality.column))) {
    const count = relation.distinctCounts?.[column];
    if (count === undefined) return null;
    combinations *= count;
  }
  return combinations;
}
