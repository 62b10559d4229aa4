/**
 * State shared while one plan compiles: the semantic layer, the dialect, the bound parameters, the placeholder
 * values derived from the as-of date, and what was used (terms to cite, default periods applied).
 */
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { SqlFragment, Term } from "../../schema/semantic-layer/types.ts";
import type { DateRange } from "../plan/query-plan.ts";
import { addDays, addMonths, monthOf, monthRange, subtractYears } from "./calendar.ts";
import { compileError } from "./compile-error.ts";
import type { SqlDialect } from "./dialects/sql-dialect.ts";
import { SqlParameters } from "./sql-parameters.ts";

/** The compilation state of one plan. */
export class CompileContext {
  readonly parameters = new SqlParameters();
  readonly termsUsed = new Map<string, Term>();
  /** Set when a period placeholder fell back to the as-of month. */
  defaultPeriodUsed = false;
  readonly asOfMonth: string;
  /** {{month}}: the plan's reference month, else the as-of month. */
  readonly month: string;

  constructor(
    readonly layer: SemanticLayer,
    readonly dialect: SqlDialect,
    readonly asOfDate: string,
    readonly language: "zh" | "en",
    referenceMonth: string | undefined,
    readonly scope: { branchId: string } | undefined,
  ) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfDate)) throw compileError("invalid_plan", `数据日期格式错误:${asOfDate}`, `as-of date must be YYYY-MM-DD, got ${asOfDate}`);
    this.asOfMonth = monthOf(asOfDate);
    this.month = referenceMonth ?? this.asOfMonth;
  }

  /** The as-of month as a date range. */
  asOfMonthRange(): DateRange {
    return monthRange(this.asOfMonth);
  }

  /** The value of a {{placeholder}}; `period` feeds {{period_start}} and {{period_end}} (default the as-of month). */
  placeholder(name: string, period: DateRange | undefined): string | number {
    const settings = this.layer.settings as Record<string, number>;
    if (name.startsWith("setting.")) {
      const value = settings[name.slice("setting.".length)];
      if (value === undefined) throw compileError("internal", `未知设置 ${name}`, `unknown setting ${name}`);
      return value;
    }
    const ageCutoff = /^age_cutoff_(\d+)$/.exec(name);
    if (ageCutoff) return subtractYears(this.asOfDate, Number(ageCutoff[1]));
    switch (name) {
      case "as_of_date":
        return this.asOfDate;
      case "as_of_month":
        return this.asOfMonth;
      case "month":
        return this.month;
      case "previous_month":
        return addMonths(this.month, -1);
      case "due_soon_end":
        return addDays(this.asOfDate, settings.due_soon_days);
      case "young_birth_cutoff":
        return subtractYears(this.asOfDate, settings.young_age);
      case "period_start":
      case "period_end": {
        if (!period) this.defaultPeriodUsed = true;
        const range = period ?? this.asOfMonthRange();
        return name === "period_start" ? range.start : range.end;
      }
      default:
        throw compileError("internal", `未知占位符 {{${name}}}`, `unknown placeholder {{${name}}}`);
    }
  }

  /** A semantic-layer fragment as SQL text for this dialect, its placeholders bound. */
  fragment(fragment: SqlFragment, period?: DateRange): string {
    return this.parameters.fragment(fragment, this.dialect, (name) => this.placeholder(name, period));
  }

  /** A value bound as a parameter. */
  bind(value: string | number): string {
    return this.parameters.bind(value);
  }
}
