/** Small readers over node-sql-parser's AST, which differs between its SQLite and PostgreSQL grammars. */

/** One AST node: node-sql-parser's nodes are plain objects. */
export type AstNode = Record<string, unknown>;

/** True for a plain object node. */
export function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when a clause is absent: null, undefined, [] or an object whose fields are all absent (the PostgreSQL grammar's `{ value: [] }`). */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isNode(value)) return Object.entries(value).every(([key, field]) => key === "seperator" || key === "loc" || isEmpty(field));
  return false;
}

/** The text of a name the grammars write as a string, `{ value }` or `{ expr: { value } }`. Lower-cased. */
export function nameText(value: unknown): string | null {
  if (typeof value === "string") return value.toLowerCase();
  if (isNode(value)) {
    if (typeof value.value === "string") return value.value.toLowerCase();
    if (isNode(value.expr) && typeof value.expr.value === "string") return value.expr.value.toLowerCase();
  }
  return null;
}

/** The body of a WITH entry or derived table: `{ ast }` in some grammars, the select itself in others. */
export function queryBody(value: unknown): AstNode | null {
  if (!isNode(value)) return null;
  if (isNode(value.ast)) return value.ast;
  return value.type === "select" ? value : null;
}

/** The items of an ORDER BY / GROUP BY / PARTITION BY clause (GROUP BY is `{ columns }` in v5). */
export function clauseItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isNode(value) && Array.isArray(value.columns)) return value.columns;
  return [];
}

/** The conjuncts of an AND tree. */
export function conjuncts(expression: unknown): AstNode[] {
  if (!isNode(expression)) return [];
  if (expression.type === "binary_expr" && String(expression.operator).toUpperCase() === "AND") {
    return [...conjuncts(expression.left), ...conjuncts(expression.right)];
  }
  return [expression];
}
