/**
 * Walks a parsed SELECT with its scopes (CTEs, derived tables, subqueries): checks every table, column and
 * function against the policy, tracks which output columns carry pii, refuses pii inside expressions,
 * and estimates the statement's cost. Anything it does not recognise is refused (fail closed).
 */
import { clauseItems, conjuncts, isEmpty, isNode, nameText, queryBody } from "./ast-nodes.ts";
import type { AstNode } from "./ast-nodes.ts";
import type { GuardPolicy, PiiKind } from "./guard-policy.ts";
import { estimateJoinRows } from "./join-estimate.ts";
import type { JoinStep } from "./join-estimate.ts";
import { refuse } from "./sql-guard-error.ts";

/** One output column of a query or relation. */
export interface OutputColumn {
  /** Lower-cased name, or null for an unnamed expression. */
  name: string | null;
  pii?: PiiKind;
}

/** A relation visible in a FROM clause: a contract table, a CTE or a derived table. */
export interface Relation {
  /** The name that qualifies its columns (alias, else table or CTE name); null for an unaliased derived table. */
  name: string | null;
  columns: readonly OutputColumn[];
  keys: readonly (readonly string[])[];
  rows: number;
  distinctCounts?: Readonly<Record<string, number>>;
}

/** The result of analysing a whole statement. */
export interface StatementAnalysis {
  columns: OutputColumn[];
  tables: string[];
  cteNames: string[];
  cost: number;
}

interface Scope {
  relations: Relation[];
  aliases: Map<string, OutputColumn>;
  outputs: OutputColumn[];
  parent: Scope | null;
  rows: number;
  /** Set when a column resolves in an enclosing scope (a correlated subquery). */
  correlated: boolean;
  correlatedByEquality: boolean;
}

interface QueryResult {
  columns: OutputColumn[];
  rows: number;
  keys: string[][];
  correlated: boolean;
  correlatedByEquality: boolean;
}

interface CteContext {
  visible: ReadonlyMap<string, Relation>;
  /** Names of CTEs of an enclosing WITH that are not defined yet: a reference to one is recursion. */
  pending: ReadonlySet<string>;
}

const SELECT_KEYS = new Set([
  "type", "with", "options", "distinct", "columns", "into", "from", "where", "groupby", "having", "orderby", "limit",
  "for_update", "window", "_next", "set_op", "_orderby", "_limit", "parentheses_symbol", "loc",
]);
const COLUMN_ITEM_KEYS = new Set(["expr", "as", "type", "loc"]);
const FROM_KEYS = new Set(["db", "schema", "table", "as", "join", "on", "using", "expr", "loc", "parentheses"]);
const JOINS = new Set(["CROSS JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN", "RIGHT JOIN", "RIGHT OUTER JOIN", "FULL JOIN", "FULL OUTER JOIN", "JOIN"]);
const SET_OPERATIONS = new Set(["union", "union all", "intersect", "except"]);
const BINARY_OPERATORS = new Set([
  "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "||", "AND", "OR", "IN", "NOT IN", "BETWEEN", "NOT BETWEEN",
  "LIKE", "NOT LIKE", "ILIKE", "NOT ILIKE", "IS", "IS NOT",
]);
const UNARY_OPERATORS = new Set(["NOT", "-", "+", "EXISTS", "NOT EXISTS"]);
const LITERAL_TYPES = new Set(["number", "single_quote_string", "string", "bool", "boolean", "null", "date", "datetime", "time", "timestamp", "star"]);
const CONTAINER_TYPES = new Set(["expr", "ASC", "DESC", "asc", "desc", "when", "else", "window"]);
const FRAME_WORDS = new Set(["rows", "range", "current row", "unbounded preceding", "unbounded following"]);
const CAST_TYPES = new Set([
  "integer", "int", "bigint", "smallint", "real", "double precision", "float", "numeric", "decimal", "text", "varchar", "char", "date",
  "timestamp", "boolean",
]);
const PII_RANK: Record<PiiKind, number> = { name: 1, id_number: 2, phone: 2 };

/** Analyses one parsed statement against a policy. Create one per statement. */
export class StatementAnalyzer {
  private cost = 0;
  private readonly tables = new Set<string>();
  private readonly cteNames = new Set<string>();

  constructor(private readonly policy: GuardPolicy) {}

  /** Analyses the top-level query; throws a SqlGuardError on the first rule it breaks. */
  analyze(root: AstNode): StatementAnalysis {
    const result = this.analyzeQuery(root, null, { visible: new Map(), pending: new Set() });
    return { columns: result.columns, tables: [...this.tables], cteNames: [...this.cteNames], cost: this.cost };
  }

  private analyzeQuery(node: AstNode, outer: Scope | null, ctes: CteContext): QueryResult {
    const context = isEmpty(node.with) ? ctes : this.analyzeWith(node.with, outer, ctes);
    const branches: AstNode[] = [];
    const operations = new Set<string>();
    for (let branch: unknown = node; isNode(branch); branch = branch._next) {
      if (branch !== node && !isEmpty(branch.with)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "WITH inside a compound SELECT");
      if (branch.type !== "select") throw refuse("GUARD_NOT_SELECT", String(branch.type ?? "statement").toUpperCase());
      if (typeof branch.set_op === "string") {
        const operation = branch.set_op.toLowerCase();
        if (!SET_OPERATIONS.has(operation)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", operation.toUpperCase());
        operations.add(operation);
      }
      branches.push(branch);
    }
    const results = branches.map((branch) => this.analyzeSelect(branch, outer, context));
    if (results.length === 1) return results[0];

    // A compound: columns named by its first branch, pii merged by position.
    const columns = results[0].columns.map((column, index) => {
      let pii: PiiKind | undefined;
      for (const result of results) pii = mergePii(pii, result.columns[index]?.pii, column.name);
      return { name: column.name, ...(pii ? { pii } : {}) };
    });
    const comparesValues = [...operations].some((operation) => operation !== "union all");
    const restricted = columns.find((column) => column.pii && this.policy.restrictedPii.has(column.pii));
    if (comparesValues && restricted) throw refuse("GUARD_PII_EXPRESSION", `${restricted.name ?? restricted.pii} in ${[...operations].join("/").toUpperCase()}`);
    const scope = newScope([], outer, 0);
    scope.outputs = columns;
    columns.forEach((column) => column.name && scope.aliases.set(column.name, column));
    this.walkOrdered(node._orderby, scope, ctes);
    this.checkLimit(node._limit, scope, ctes);
    return {
      columns,
      rows: results.reduce((total, result) => total + result.rows, 0),
      keys: [],
      correlated: results.some((result) => result.correlated),
      correlatedByEquality: results.every((result) => !result.correlated || result.correlatedByEquality),
    };
  }

  private analyzeWith(withClause: unknown, outer: Scope | null, ctes: CteContext): CteContext {
    if (!Array.isArray(withClause)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "WITH");
    const visible = new Map(ctes.visible);
    const names = withClause.map((entry) => (isNode(entry) ? nameText(entry.name) : null));
    for (const [index, entry] of withClause.entries()) {
      const name = names[index];
      if (!isNode(entry) || !name) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "WITH entry");
      if (entry.recursive === true) throw refuse("GUARD_RECURSIVE_CTE", name);
      if (this.policy.tables.has(name)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `CTE name ${name} hides a table`);
      if (visible.has(name) || names.indexOf(name) !== index) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `CTE ${name} defined twice`);
      const body = queryBody(entry.stmt);
      if (!body) throw refuse("GUARD_NOT_SELECT", `CTE ${name}`);
      // The CTE being defined and the ones after it are not visible in its body: a reference is recursion.
      const pending = new Set([...ctes.pending, ...names.slice(index).filter((other): other is string => other !== null)]);
      const result = this.analyzeQuery(body, outer, { visible, pending });
      let columns = result.columns;
      if (Array.isArray(entry.columns) && entry.columns.length > 0) {
        const renamed = entry.columns.map((column) => nameText(isNode(column) && "column" in column ? column.column : column));
        columns = renamed.map((renamedName, position) => ({ ...result.columns[position], name: renamedName }));
      }
      this.cteNames.add(name);
      visible.set(name, { name, columns, keys: result.keys, rows: result.rows });
    }
    return { visible, pending: ctes.pending };
  }

  private analyzeSelect(select: AstNode, outer: Scope | null, ctes: CteContext): QueryResult {
    for (const [key, value] of Object.entries(select)) {
      if (!SELECT_KEYS.has(key) && !isEmpty(value)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `clause ${key}`);
    }
    if (!isEmpty(select.into)) throw refuse("GUARD_NOT_SELECT", "SELECT INTO");
    if (!isEmpty(select.for_update)) throw refuse("GUARD_NOT_SELECT", "FOR UPDATE");
    if (!isEmpty(select.options)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "SELECT options");

    const fromItems = Array.isArray(select.from) ? select.from.filter((item) => !(isNode(item) && item.type === "dual")) : [];
    if (!isEmpty(select.from) && !Array.isArray(select.from)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "FROM");
    const relations = fromItems.map((item, index) => this.relationFor(item, index, fromItems, outer, ctes));
    const scope = newScope(relations, outer, 0);
    const steps: JoinStep[] = fromItems.map((item) => ({
      on: isNode(item) ? conjuncts(item.on) : [],
      using: isNode(item) && Array.isArray(item.using) ? item.using.map(nameText).filter((name): name is string => name !== null) : [],
    }));
    scope.rows = estimateJoinRows(scope.relations, steps, conjuncts(select.where), this.policy, (node) => this.locate(node, scope));

    // The select list first, so that its aliases are known to ORDER BY, GROUP BY and HAVING.
    const bareColumns: (string | null)[] = [];
    let aggregates = false;
    const columnItems = select.columns === "*" ? [{ expr: { type: "column_ref", table: null, column: "*" } }] : select.columns;
    if (!Array.isArray(columnItems)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "select list");
    for (const item of columnItems) {
      if (!isNode(item) || !isNode(item.expr)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "select list item");
      for (const [key, value] of Object.entries(item)) {
        if (!COLUMN_ITEM_KEYS.has(key) && !isEmpty(value)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `select list ${key}`);
      }
      const alias = nameText(item.as);
      const reference = this.columnReference(item.expr);
      if (reference?.column === "*") {
        // With USING, each dialect merges the joined columns into * in its own order: positions would be guesses.
        if (reference.qualifier === null && steps.some((step) => step.using.length > 0)) {
          throw refuse("GUARD_UNSUPPORTED_SYNTAX", "SELECT * with JOIN ... USING (list the columns or use table.*)");
        }
        for (const column of this.expandStar(reference.qualifier, scope)) {
          scope.outputs.push(column);
          bareColumns.push(column.name);
        }
        continue;
      }
      if (reference) {
        const resolved = this.resolve(reference.qualifier, reference.column, scope, true);
        const output: OutputColumn = { name: alias ?? reference.column, ...(resolved.pii ? { pii: resolved.pii } : {}) };
        scope.outputs.push(output);
        bareColumns.push(reference.column);
        if (alias) scope.aliases.set(alias, output);
        continue;
      }
      aggregates = this.walk(item.expr, scope, ctes) || aggregates;
      const output: OutputColumn = { name: alias };
      scope.outputs.push(output);
      bareColumns.push(null);
      if (alias) scope.aliases.set(alias, output);
    }

    // DISTINCT compares its outputs: a restricted pii output would be compared too.
    if (isDistinct(select.distinct)) {
      for (const output of scope.outputs) this.refuseRestricted(output.pii, `DISTINCT ${output.name ?? ""}`.trim());
    }
    for (const item of fromItems) if (isNode(item) && !isEmpty(item.on)) this.walk(item.on, scope, ctes);
    for (const item of fromItems) {
      if (isNode(item) && Array.isArray(item.using)) {
        for (const column of item.using) {
          const name = nameText(column) ?? "";
          this.refuseRestricted(this.resolve(null, name, scope, false).pii, `USING (${name})`);
        }
      }
    }
    if (!isEmpty(select.where)) {
      this.walk(select.where, scope, ctes);
      scope.correlatedByEquality = this.correlatesByEquality(select.where, scope);
    }
    if (isNode(select.distinct) && !isEmpty(select.distinct.columns)) this.walk(select.distinct.columns, scope, ctes);
    this.walkOrdered(select.groupby, scope, ctes);
    if (!isEmpty(select.having)) this.walk(select.having, scope, ctes);
    this.walkOrdered(select.orderby, scope, ctes);
    if (!isEmpty(select.window)) this.walk(select.window, scope, ctes);
    const limit = this.checkLimit(select.limit, scope, ctes);

    this.cost += scope.rows;
    const groupItems = clauseItems(select.groupby);
    let rows = aggregates && groupItems.length === 0 ? 1 : scope.rows;
    if (limit !== null) rows = Math.min(rows, limit);
    return {
      columns: scope.outputs,
      rows,
      keys: this.derivedKeys(select, groupItems, scope.outputs, bareColumns),
      correlated: scope.correlated,
      correlatedByEquality: scope.correlatedByEquality,
    };
  }

  /** The relation one FROM item stands for; registers the contract tables it reads. */
  private relationFor(item: unknown, index: number, items: unknown[], outer: Scope | null, ctes: CteContext): Relation {
    if (!isNode(item)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "FROM item");
    for (const [key, value] of Object.entries(item)) {
      if (!FROM_KEYS.has(key) && !isEmpty(value)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `FROM ${key}`);
    }
    if (item.join !== undefined && item.join !== null && !JOINS.has(String(item.join).toUpperCase())) {
      throw refuse("GUARD_UNSUPPORTED_SYNTAX", String(item.join));
    }
    let alias = nameText(item.as);
    // The parser reads `a CROSS JOIN b` as `a AS CROSS JOIN b` and NATURAL likewise.
    const nextItem = items[index + 1];
    if ((alias === "cross" || alias === "natural") && isNode(nextItem) && nextItem.join) {
      if (alias === "natural") throw refuse("GUARD_UNSUPPORTED_SYNTAX", "NATURAL JOIN");
      alias = null;
    }
    if (item.table !== undefined && item.table !== null) {
      if (!isEmpty(item.db) || !isEmpty(item.schema)) throw refuse("GUARD_FORBIDDEN_OBJECT", `${nameText(item.db) ?? nameText(item.schema)}.${nameText(item.table)}`);
      const tableName = nameText(item.table) ?? "";
      const cte = ctes.visible.get(tableName);
      if (cte) return { ...cte, name: alias ?? tableName };
      if (ctes.pending.has(tableName)) throw refuse("GUARD_RECURSIVE_CTE", tableName);
      const table = this.policy.tables.get(tableName);
      if (!table) throw refuse(/^(sqlite_|pg_)|information_schema/.test(tableName) ? "GUARD_FORBIDDEN_OBJECT" : "GUARD_UNKNOWN_TABLE", tableName);
      this.tables.add(table.name);
      return {
        name: alias ?? tableName,
        columns: table.columns.map((column) => ({ name: column, ...(table.pii[column] ? { pii: table.pii[column] } : {}) })),
        keys: table.keys,
        rows: this.policy.tableRowCounts?.[table.name] ?? this.policy.defaultTableRows,
        distinctCounts: table.distinctCounts,
      };
    }
    if (isNode(item.expr)) {
      const body = queryBody(item.expr);
      if (item.expr.type === "function") throw refuse("GUARD_FUNCTION_NOT_ALLOWED", `table function ${functionName(item.expr)}`);
      if (!body) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `FROM ${String(item.expr.type ?? "expression")}`);
      const result = this.analyzeQuery(body, outer, ctes);
      return { name: alias, columns: result.columns, keys: result.keys, rows: result.rows };
    }
    throw refuse("GUARD_UNSUPPORTED_SYNTAX", "FROM item");
  }

  /** Walks a whole expression tree (every branch, always); returns true when it contains an aggregate at this query level. */
  private walk(node: unknown, scope: Scope, ctes: CteContext): boolean {
    if (Array.isArray(node)) return node.reduce<boolean>((found, child) => this.walk(child, scope, ctes) || found, false);
    if (!isNode(node)) return false;
    if ("ast" in node) {
      this.walkSubquery(node, scope, ctes);
      return false;
    }
    const type = typeof node.type === "string" ? node.type : undefined;
    const reference = this.columnReference(node);
    if (reference) {
      if (reference.column === "*") throw refuse("GUARD_UNSUPPORTED_SYNTAX", `${reference.qualifier ?? ""}.* inside an expression`);
      const resolved = this.resolve(reference.qualifier, reference.column, scope, false);
      this.refuseRestricted(resolved.pii, reference.qualifier ? `${reference.qualifier}.${reference.column}` : reference.column);
      return false;
    }
    switch (type) {
      case undefined:
        return this.walkChildren(node, scope, ctes);
      case "binary_expr": {
        const operator = String(node.operator).toUpperCase();
        if (!BINARY_OPERATORS.has(operator)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `operator ${operator}`);
        return this.walk([node.left, node.right], scope, ctes);
      }
      case "unary_expr": {
        const operator = String(node.operator).toUpperCase();
        if (!UNARY_OPERATORS.has(operator)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `operator ${operator}`);
        if (operator.endsWith("EXISTS") && isNode(node.expr) && "ast" in node.expr) {
          this.walkSubquery(node.expr, scope, ctes, false);
          return false;
        }
        return this.walk(node.expr, scope, ctes);
      }
      case "expr_list":
        return this.walk(node.value, scope, ctes);
      case "function": {
        const name = functionName(node);
        // The grammars write EXISTS (subquery) as a function call; only whether a row exists is used.
        if (name === "exists") {
          const argument = isNode(node.args) && Array.isArray(node.args.value) && node.args.value.length === 1 ? node.args.value[0] : null;
          if (!isNode(argument) || !("ast" in argument)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "EXISTS");
          this.walkSubquery(argument, scope, ctes, false);
          return false;
        }
        this.checkFunction(name);
        const { name: _name, ...rest } = node;
        return this.walkChildren(rest, scope, ctes);
      }
      case "aggr_func":
      case "window_func": {
        this.checkFunction(String(node.name).toLowerCase());
        const { name: _name, ...rest } = node;
        this.walkChildren(rest, scope, ctes);
        return type === "aggr_func" && isEmpty(node.over);
      }
      case "cast": {
        for (const target of Array.isArray(node.target) ? node.target : [node.target]) {
          const dataType = isNode(target) ? String(target.dataType).toLowerCase() : "";
          if (!CAST_TYPES.has(dataType)) throw refuse("GUARD_UNSUPPORTED_SYNTAX", `CAST to ${dataType}`);
        }
        return this.walk(node.expr, scope, ctes);
      }
      case "case":
        return this.walk([node.expr, node.args], scope, ctes);
      case "extract":
        return isNode(node.args) ? this.walk(node.args.source, scope, ctes) : false;
      case "interval":
        return this.walk(node.expr, scope, ctes);
      case "var":
        // A placeholder $n: the lexer lets one through only on PostgreSQL, or numbers SQLite's `?` so for the fallback grammar.
        if (node.prefix === "$" && typeof node.name === "number" && isEmpty(node.members)) return false;
        throw refuse("GUARD_UNSUPPORTED_SYNTAX", `variable ${String(node.prefix ?? "")}${String(node.name ?? "")}`);
      case "origin": {
        const word = String(node.value).toLowerCase();
        if (word === "?") return false;
        if (FRAME_WORDS.has(word)) return false;
        throw refuse("GUARD_UNSUPPORTED_SYNTAX", word);
      }
      default:
        if (LITERAL_TYPES.has(type)) return false;
        if (CONTAINER_TYPES.has(type)) return this.walkChildren(node, scope, ctes);
        throw refuse("GUARD_UNSUPPORTED_SYNTAX", `${type} ${typeof node.value === "string" ? node.value : ""}`.trim());
    }
  }

  private walkChildren(node: AstNode, scope: Scope, ctes: CteContext): boolean {
    let found = false;
    for (const [key, value] of Object.entries(node)) {
      if (key === "loc" || key === "type") continue;
      found = this.walk(value, scope, ctes) || found;
    }
    return found;
  }

  /** A subquery used as a value (scalar, IN): its outputs feed an expression, so they may not carry pii (EXISTS only counts rows). */
  private walkSubquery(node: AstNode, scope: Scope, ctes: CteContext, outputsUsed = true): void {
    const body = queryBody(node);
    if (!body) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "subquery");
    const costBefore = this.cost;
    const result = this.analyzeQuery(body, scope, ctes);
    if (outputsUsed) for (const column of result.columns) this.refuseRestricted(column.pii, `${column.name ?? "column"} of a subquery`);
    const innerCost = this.cost - costBefore;
    // A correlated subquery runs once per outer row: with an equality it is a lookup, without one a rescan.
    if (result.correlated && result.correlatedByEquality) this.cost += Math.max(0, scope.rows - innerCost);
    else if (result.correlated) this.cost += innerCost * Math.max(0, scope.rows - 1);
  }

  /** ORDER BY / GROUP BY: items are expressions, or ordinals naming an output column. */
  private walkOrdered(clause: unknown, scope: Scope, ctes: CteContext): void {
    for (const item of clauseItems(clause)) {
      const expression = isNode(item) && "expr" in item ? item.expr : item;
      if (isNode(expression) && expression.type === "number") {
        const output = scope.outputs[Number(expression.value) - 1];
        if (output) this.refuseRestricted(output.pii, `${output.name ?? "column"} (position ${String(expression.value)})`);
        continue;
      }
      this.walk(item, scope, ctes);
    }
  }

  /** LIMIT / OFFSET values must be numbers or placeholders; returns the literal row limit, if any. */
  private checkLimit(limit: unknown, scope: Scope, ctes: CteContext): number | null {
    if (isEmpty(limit) || !isNode(limit)) return null;
    const values = Array.isArray(limit.value) ? limit.value : [];
    for (const value of values) {
      if (isNode(value) && (value.type === "number" || value.type === "var" || (value.type === "origin" && value.value === "?"))) {
        this.walk(value, scope, ctes);
        continue;
      }
      throw refuse("GUARD_UNSUPPORTED_SYNTAX", "LIMIT must be a number or a placeholder");
    }
    const count = limit.seperator === "," ? values[1] : values[0];
    return isNode(count) && count.type === "number" ? Number(count.value) : null;
  }

  private checkFunction(name: string): void {
    if (!this.policy.functions.has(name)) throw refuse("GUARD_FUNCTION_NOT_ALLOWED", name);
  }

  private refuseRestricted(pii: PiiKind | undefined, subject: string): void {
    if (pii && this.policy.restrictedPii.has(pii)) throw refuse("GUARD_PII_EXPRESSION", subject, { pii });
  }

  /** The qualifier and column of a column reference, or null when the node is not one. */
  private columnReference(node: AstNode): { qualifier: string | null; column: string } | null {
    // SQLite reads "name" as a column when one exists: the guard always does, never as a string.
    if (node.type === "double_quote_string" || node.type === "backticks_quote_string") {
      return { qualifier: null, column: String(node.value).toLowerCase() };
    }
    if (node.type !== "column_ref") return null;
    if (!isEmpty(node.db) || !isEmpty(node.schema)) throw refuse("GUARD_FORBIDDEN_OBJECT", `${nameText(node.db) ?? nameText(node.schema)}.${nameText(node.table)}`);
    const column = nameText(node.column);
    if (column === null) throw refuse("GUARD_UNSUPPORTED_SYNTAX", "column reference");
    return { qualifier: nameText(node.table), column };
  }

  /** Resolves a column in this scope (relations, then select-list aliases) or an enclosing one. */
  private resolve(qualifier: string | null, column: string, scope: Scope, inSelectList: boolean): { pii?: PiiKind } {
    let depth = 0;
    for (let current: Scope | null = scope; current; current = current.parent, depth += 1) {
      let found = false;
      let pii: PiiKind | undefined;
      for (const relation of current.relations) {
        if (qualifier !== null && relation.name !== qualifier) continue;
        const match = relation.columns.find((candidate) => candidate.name === column);
        if (qualifier !== null && !match) throw refuse("GUARD_UNKNOWN_COLUMN", `${qualifier}.${column}`);
        if (match) {
          found = true;
          pii = strongerPii(pii, match.pii);
        }
        if (qualifier !== null) break;
      }
      // Aliases of the select list, except while reading the select list itself.
      const alias = qualifier === null && depth === 0 && !inSelectList ? current.aliases.get(column) : undefined;
      if (alias) {
        found = true;
        pii = strongerPii(pii, alias.pii);
      }
      if (found) {
        for (let marked: Scope | null = scope; marked && marked !== current; marked = marked.parent) marked.correlated = true;
        return pii ? { pii } : {};
      }
    }
    if (qualifier !== null && !this.qualifierExists(qualifier, scope)) throw refuse("GUARD_UNKNOWN_TABLE", qualifier);
    throw refuse("GUARD_UNKNOWN_COLUMN", qualifier ? `${qualifier}.${column}` : column);
  }

  private qualifierExists(qualifier: string, scope: Scope): boolean {
    for (let current: Scope | null = scope; current; current = current.parent) {
      if (current.relations.some((relation) => relation.name === qualifier)) return true;
    }
    return false;
  }

  /** Finds the local relation (index) and column a column reference points at, without side effects. */
  private locate(node: AstNode, scope: Scope): { relation: number; column: string } | null {
    let reference: { qualifier: string | null; column: string } | null;
    try {
      reference = this.columnReference(node);
    } catch {
      return null;
    }
    if (!reference) return null;
    const { qualifier, column } = reference;
    const index = scope.relations.findIndex(
      (relation) => (qualifier === null || relation.name === qualifier) && relation.columns.some((candidate) => candidate.name === column),
    );
    return index === -1 ? null : { relation: index, column };
  }

  /** True when some WHERE conjunct equates a local column with a column of an enclosing query. */
  private correlatesByEquality(where: unknown, scope: Scope): boolean {
    return conjuncts(where).some((conjunct) => {
      if (conjunct.type !== "binary_expr" || conjunct.operator !== "=" || !isNode(conjunct.left) || !isNode(conjunct.right)) return false;
      const left = this.locate(conjunct.left, scope);
      const right = this.locate(conjunct.right, scope);
      return (left === null) !== (right === null) && this.columnReference(left ? conjunct.right : conjunct.left) !== null;
    });
  }

  private expandStar(qualifier: string | null, scope: Scope): OutputColumn[] {
    const relations = qualifier === null ? scope.relations : scope.relations.filter((relation) => relation.name === qualifier);
    if (qualifier !== null && relations.length === 0) throw refuse("GUARD_UNKNOWN_TABLE", qualifier);
    return relations.flatMap((relation) => relation.columns.map((column) => ({ ...column })));
  }

  /** Keys of a derived relation: its GROUP BY columns, or all columns under DISTINCT. */
  private derivedKeys(select: AstNode, groupItems: unknown[], outputs: OutputColumn[], bareColumns: (string | null)[]): string[][] {
    const names = outputs.map((output) => output.name);
    if (isDistinct(select.distinct) && names.every((name) => name !== null)) return [names as string[]];
    if (groupItems.length === 0) return [];
    const key: string[] = [];
    for (const item of groupItems) {
      const reference = isNode(item) ? this.columnReference(item) : null;
      const position = reference ? bareColumns.indexOf(reference.column) : -1;
      const byAlias = reference ? names.indexOf(reference.column) : -1;
      const index = position !== -1 ? position : byAlias;
      const name = index === -1 ? null : names[index];
      if (!name) return [];
      key.push(name);
    }
    return [key];
  }
}

function isDistinct(distinct: unknown): boolean {
  if (typeof distinct === "string") return distinct.toUpperCase() === "DISTINCT";
  return isNode(distinct) && String(distinct.type).toUpperCase() === "DISTINCT";
}

function newScope(relations: Relation[], parent: Scope | null, rows: number): Scope {
  return { relations, aliases: new Map(), outputs: [], parent, rows, correlated: false, correlatedByEquality: false };
}

function functionName(node: AstNode): string {
  const name = node.name;
  if (isNode(name) && Array.isArray(name.name)) {
    const parts = [...(isEmpty(name.schema) ? [] : [nameText(name.schema)]), ...name.name.map(nameText)];
    if (parts.length !== 1) throw refuse("GUARD_FORBIDDEN_OBJECT", parts.join("."));
    return parts[0] ?? "";
  }
  return nameText(name) ?? "";
}

function strongerPii(current: PiiKind | undefined, candidate: PiiKind | undefined): PiiKind | undefined {
  if (!candidate) return current;
  if (!current) return candidate;
  return PII_RANK[candidate] > PII_RANK[current] ? candidate : current;
}

/** Merges the pii of one compound position; two different restricted kinds in one column are refused. */
function mergePii(current: PiiKind | undefined, candidate: PiiKind | undefined, name: string | null): PiiKind | undefined {
  if (current && candidate && current !== candidate && PII_RANK[current] === PII_RANK[candidate] && PII_RANK[current] > 1) {
    throw refuse("GUARD_PII_EXPRESSION", `${name ?? "column"} mixes ${current} and ${candidate}`);
  }
  return strongerPii(current, candidate);
}
