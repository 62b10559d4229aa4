/** Gold SQL shapes shared by the fresh dev batches: one grouped metric over one table, with the joins its columns need. */
import { AS_OF_MONTH, JOIN, METRIC, loanState, select } from "./sql-fragments.ts";

/** Grouping, filters, order and limit of one gold query (expressions use the table aliases of sql-fragments.ts). */
export interface Shape { by?: string[]; where?: string[]; orderBy?: string; limit?: number }

/** The text of a shape's expressions, to decide which joins it needs. */
export const shapeText = (shape: Shape) => [...(shape.by ?? []), ...(shape.where ?? [])].join(" ");

/** The grouping expressions of select expressions (without their `AS name`). */
export const keys = (by: string[]) => by.map((expression) => expression.replace(/ AS \w+$/, ""));

/** Joins a query over loans (l) needs, read from the aliases its expressions use. */
export function loanJoins(text: string): string[] {
  return [/\bb\./.test(text) ? JOIN.branch : "", /\bp\./.test(text) ? JOIN.product : "", /\bc\./.test(text) ? JOIN.customer : ""].filter((join) => join !== "");
}

/** A grouped metric query over one table with the joins it needs. */
export const over = (from: string, joins: string[], metric: string, shape: Shape) =>
  select({ select: [...(shape.by ?? []), `${metric} AS value`], from, joins, where: shape.where, groupBy: keys(shape.by ?? []), orderBy: shape.orderBy, limit: shape.limit });

/** A state metric over active loans. */
export const state = (metric: string, shape: Shape = {}) =>
  loanState(metric, { by: shape.by, joins: loanJoins(shapeText(shape)), where: shape.where, orderBy: shape.orderBy, limit: shape.limit });

/** A flow metric over loans dated by disbursement (no active filter). */
export const flow = (metric: string, shape: Shape = {}) => over("loans l", loanJoins(shapeText(shape)), metric, shape);

/** A metric over applications (a). */
export const apps = (metric: string, shape: Shape = {}) => {
  const text = shapeText(shape);
  return over("applications a", [/\bp\./.test(text) ? JOIN.applicationProduct : "", /\bc\./.test(text) ? JOIN.applicationCustomer : ""].filter(Boolean), metric, shape);
};

/** A metric over campaign touches (t). */
export const touches = (metric: string, shape: Shape = {}) => {
  const text = shapeText(shape);
  return over("campaign_touches t", [/\bg\./.test(text) ? JOIN.touchCampaign : "", /\bc\./.test(text) ? JOIN.touchCustomer : ""].filter(Boolean), metric, shape);
};

/** A metric over repayments (r), joined to loans for product and branch dimensions. */
export const repayments = (metric: string, shape: Shape = {}) => {
  const text = shapeText(shape);
  return over("repayments r", /\b[lpbc]\./.test(text) ? [JOIN.repaymentLoan, ...loanJoins(text)] : [], metric, shape);
};

/** NPS over surveys (s), joined to customers when a customer column is used. */
export const nps = (shape: Shape = {}) =>
  over("satisfaction_surveys s", /\bc\./.test(shapeText(shape)) ? ["JOIN customers c ON c.customer_id = s.customer_id"] : [], METRIC.nps, shape);

/** Average PD over risk scores (k) of one month (default the as-of month), joined to customers when one of their columns is used. */
export const averagePd = (shape: Shape = {}, month = AS_OF_MONTH) =>
  over("risk_scores k", /\bc\./.test(shapeText(shape)) ? ["JOIN customers c ON c.customer_id = k.customer_id"] : [], METRIC.averagePd, { ...shape, where: [`k.month = ${month}`, ...(shape.where ?? [])] });
