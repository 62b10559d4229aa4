/**
 * The zod schemas of the semantic layer (指标中心): entities, joins, metrics, dimensions, terms and settings.
 * Every planner, the compiler, the evals and the web schema browser read entries of these shapes.
 */
import { z } from "zod";

/** A SQL fragment: one text for every dialect, or a text per dialect where they differ. */
export const SqlFragment = z.union([
  z.string().min(1),
  z.object({ sqlite: z.string().min(1), postgres: z.string().min(1) }).strict(),
]);
export type SqlFragment = z.infer<typeof SqlFragment>;

/** Names in both languages; the first of each list is the canonical label, the rest are synonyms. */
export const Names = z
  .object({
    zh: z.array(z.string().min(1)).min(1),
    en: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type Names = z.infer<typeof Names>;

/** One text in both languages (口径 descriptions, labels). */
export const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

const Identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are lower_snake_case");
const QualifiedColumn = z.string().regex(/^[a-z_]+\.[a-z_]+$/, "columns are written table.column");

/** How a number is shown: counts, money in yuan, rates as fractions 0..1, hours, plain numbers. */
export const Format = z.enum(["count", "money", "rate", "hours", "number", "score", "probability"]);
export type Format = z.infer<typeof Format>;

/** A base table the questions are about (loans, customers, ...), with the column that dates it. */
export const Entity = z
  .object({
    id: Identifier,
    table: Identifier,
    names: Names,
    key: QualifiedColumn,
    /** The column that dates a row unless a question names another (DOMAIN.md). */
    dateColumn: QualifiedColumn.optional(),
    dateType: z.enum(["date", "timestamp", "month"]).optional(),
    /** Attributes shown by default when rows of this entity are listed. */
    defaultAttributes: z.array(Identifier).min(1),
  })
  .strict();
export type Entity = z.infer<typeof Entity>;

/** A many-to-one join: each row of `from` has at most one row of `to`, so aggregates never fan out. */
export const Join = z
  .object({
    from: Identifier,
    to: Identifier,
    on: z.array(z.tuple([z.string(), z.string()])).min(1),
  })
  .strict();
export type Join = z.infer<typeof Join>;

/** A metric (指标) with its fixed formula. Ratios are numerator / denominator; the dialect does the division. */
export const Metric = z
  .object({
    id: Identifier,
    names: Names,
    description: Bilingual,
    entity: Identifier,
    kind: z.enum(["simple", "ratio"]),
    /** The aggregate expression (simple metrics). */
    sql: SqlFragment.optional(),
    numerator: SqlFragment.optional(),
    denominator: SqlFragment.optional(),
    /** A multiplier applied to a ratio (NPS is 100 x a difference of shares). */
    multiplier: z.number().optional(),
    /** Rows that count at all, e.g. active loans. */
    filter: SqlFragment.optional(),
    /** The formula as users read it, cited in every answer (口径). */
    formula: z.string().min(1),
    format: Format,
    /** Whether higher values are good news (approval rate) or bad (overdue rate); words of trend depend on it. */
    direction: z.enum(["higher_is_better", "lower_is_better", "neutral"]),
    /** Overrides the entity's date column (e.g. churn questions are dated by churn_date). */
    dateColumn: QualifiedColumn.optional(),
    /** With no time range in the question, the metric covers this period (average PD: the as-of month). */
    defaultPeriod: z.enum(["all", "as_of_month"]).default("all"),
    /**
     * Period metrics (churn rate) need the period's bounds inside the formula ({{period_start}}, {{period_end}})
     * instead of a date filter on rows.
     */
    periodInFormula: z.boolean().default(false),
  })
  .strict()
  .superRefine((metric, context) => {
    if (metric.kind === "simple" && !metric.sql) context.addIssue({ code: "custom", message: `metric ${metric.id}: a simple metric needs sql` });
    if (metric.kind === "ratio" && (!metric.numerator || !metric.denominator))
      context.addIssue({ code: "custom", message: `metric ${metric.id}: a ratio needs numerator and denominator` });
  });
export type Metric = z.infer<typeof Metric>;

/** A value of a categorical dimension, with its labels and the words people use for it. */
export const DimensionValue = z
  .object({
    value: z.string().min(1),
    names: Names,
  })
  .strict();
export type DimensionValue = z.infer<typeof DimensionValue>;

/**
 * A dimension (维度): something to group by or filter on. `column` is reached through joins from the metric's
 * entity; `byEntity` overrides the column for particular entities (a loan's city is its branch's city).
 */
export const Dimension = z
  .object({
    id: Identifier,
    names: Names,
    description: Bilingual.optional(),
    type: z.enum(["category", "time", "number"]),
    column: SqlFragment,
    /** The table holding `column` (what the compiler joins to). */
    table: Identifier,
    byEntity: z.record(z.string(), z.object({ column: SqlFragment, table: Identifier }).strict()).optional(),
    /** Columns shown beside the key, per language (branch names for branch ids). */
    labelColumns: z.object({ zh: QualifiedColumn, en: QualifiedColumn }).strict().optional(),
    /** Fixed values (enumerations) with their words; values read from the dataset are added at run time. */
    values: z.array(DimensionValue).optional(),
    /** Where values come from when they are data, not an enumeration (branch names, product names). */
    valuesFrom: z
      .object({ table: Identifier, key: z.string(), zh: z.string(), en: z.string(), aliases: z.array(z.string()).optional() })
      .strict()
      .optional(),
    format: Format.optional(),
  })
  .strict();
export type Dimension = z.infer<typeof Dimension>;

/**
 * An attribute of listed rows (a customer's PD change, a loan's DPD): a column or a correlated expression on the
 * entity's own table. Numeric attributes also take comparisons (超过50万 / over 500k).
 */
export const Attribute = z
  .object({
    id: Identifier,
    entity: Identifier,
    names: Names,
    sql: SqlFragment,
    /** Tables the expression joins to (besides the entity's own). */
    table: Identifier.optional(),
    type: z.enum(["text", "number", "date"]),
    format: Format.optional(),
    pii: z.boolean().default(false),
    /**
     * Dates of a schedule, which may lie after the as-of date (installments due, maturities, campaign ends): "any";
     * dates that are only ever after it (a loan's next due date): "future". Other dates are never after it.
     */
    schedule: z.enum(["any", "future"]).optional(),
  })
  .strict();
export type Attribute = z.infer<typeof Attribute>;

/** A term of the glossary: a filter with one meaning, written for its own entity, optionally for others. */
export const Term = z
  .object({
    id: Identifier,
    names: Names,
    description: Bilingual,
    formula: z.string().min(1),
    entity: Identifier,
    sql: SqlFragment,
    /** The same meaning for rows of another entity (a customer "with an overdue loan"). */
    byEntity: z.record(z.string(), SqlFragment).optional(),
    /** Attributes that explain the term when its rows are listed (PD before and after for rising risk). */
    showAttributes: z.array(Identifier).optional(),
    /** The natural order of listed rows (largest PD rise first). */
    order: z.object({ attribute: Identifier, direction: z.enum(["asc", "desc"]) }).strict().optional(),
    /** Terms that are a time window rather than a row property (new customers in a period). */
    needsPeriod: z.boolean().default(false),
  })
  .strict();
export type Term = z.infer<typeof Term>;

/** Tunable thresholds referenced from SQL as {{setting.name}}. */
export const Settings = z
  .object({
    rising_risk_threshold: z.number().positive(),
    young_age: z.number().int().positive(),
    due_soon_days: z.number().int().positive(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

/** A word with more than one meaning here, and the metrics it may mean (offered as choices, in order). */
export const Ambiguity = z
  .object({
    id: Identifier,
    names: Names,
    question: Bilingual,
    choices: z.array(Identifier).min(2),
  })
  .strict();
export type Ambiguity = z.infer<typeof Ambiguity>;

/** The whole semantic layer. */
export const SemanticLayerDefinition = z
  .object({
    settings: Settings,
    entities: z.array(Entity),
    joins: z.array(Join),
    metrics: z.array(Metric),
    dimensions: z.array(Dimension),
    attributes: z.array(Attribute),
    terms: z.array(Term),
    ambiguities: z.array(Ambiguity),
  })
  .strict();
export type SemanticLayerDefinition = z.infer<typeof SemanticLayerDefinition>;
