/** What the compiler returns: SQL with bound parameters, described columns, and the definitions (口径) it used. */
import type { DialectName } from "../../schema/ddl.ts";
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { Bilingual, Format, Names } from "../../schema/semantic-layer/types.ts";
import type { DateRange } from "../plan/query-plan.ts";

/** What a result column holds. */
export type ColumnRole = "dimension" | "metric" | "attribute" | "previous" | "change";

/** One result column, in SELECT order. */
export interface CompiledColumn {
  name: string;
  label: Bilingual;
  role: ColumnRole;
  /** The semantic-layer member the column shows (a dimension's label column names its dimension). */
  memberId: string;
  format?: Format;
  /**
   * A column derived from the metric `memberId`: `change_ratio` ((current − previous) / previous, role `change`,
   * format rate) or `share` (the group's share of the total, role `metric`, format rate). Absent otherwise.
   */
  transform?: "change_ratio" | "share";
}

/** A metric or term the answer must cite with its formula (口径). */
export interface CompiledDefinition {
  kind: "metric" | "term";
  id: string;
  names: Names;
  formula: string;
  description: Bilingual;
}

/** One compiled statement. */
export interface CompiledQuery {
  sql: string;
  params: unknown[];
  columns: CompiledColumn[];
  definitions: CompiledDefinition[];
  /** The period the figures cover, when one applied (the plan's range or a default such as the as-of month). */
  period?: DateRange;
}

/** Options of compilePlan. */
export interface CompileOptions {
  dialect: DialectName;
  /** The dataset's as-of date ('YYYY-MM-DD'): relative placeholders are computed from it. */
  asOfDate: string;
  /** Defaults to the project's semantic layer. */
  semanticLayer?: SemanticLayer;
  /** Language of dimension label columns (branch names); default zh. */
  language?: "zh" | "en";
  /** Restricts every row to one branch (loans by branch, customers by home branch, others through them). */
  scope?: { branchId: string };
}
