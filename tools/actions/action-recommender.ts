/**
 * The action recommender: applies the playbook to the facts of an answer (its terms, tool, metrics, dimensions and
 * rows) and returns recommended actions with reasons in the question's language. Marketing actions drop every
 * customer with a current overdue or risk grade E.
 */
import { z } from "zod";
import { PLAYBOOK } from "./playbook.ts";
import type { PlaybookRule, RowCondition } from "./playbook-schema.ts";

/** A recommended action, as the answer object carries it. */
export const RecommendedAction = z
  .object({
    id: z.string(),
    title: z.string(),
    reason: z.string(),
    priority: z.enum(["high", "medium", "low"]),
    owner: z.enum(["relationship_manager", "risk", "collections", "marketing", "branch_manager"]),
    customer_ids: z.array(z.string()).optional(),
    branch_ids: z.array(z.string()).optional(),
    channels: z.array(z.string()).optional(),
  })
  .strict();
export type RecommendedAction = z.infer<typeof RecommendedAction>;

/** What the recommender reads from an answer. */
export interface ActionFacts {
  language: "zh" | "en";
  terms: string[];
  metrics: string[];
  dimensions: string[];
  tool?: string;
  columns: string[];
  rows: unknown[][];
}

/** Finds, among the given customers, those marketing must not reach (current overdue or grade E). */
export type IneligibleForMarketing = (customerIds: string[]) => Promise<Set<string>>;

const MAX_TARGETS = 200;
const NAMES_SHOWN = 3;

function holds(condition: RowCondition, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  const wanted = condition.value;
  switch (condition.op) {
    case "gt":
      return Number(value) > Number(wanted);
    case "gte":
      return Number(value) >= Number(wanted);
    case "lt":
      return Number(value) < Number(wanted);
    case "lte":
      return Number(value) <= Number(wanted);
    case "eq":
      return value === wanted || (typeof wanted === "number" && Number(value) === wanted);
    case "ne":
      return value !== wanted;
    case "in":
      return Array.isArray(wanted) && wanted.some((item) => item === value);
  }
}

function applies(rule: PlaybookRule, facts: ActionFacts): boolean {
  const when = rule.when;
  if (when.termsAll && !when.termsAll.every((term) => facts.terms.includes(term))) return false;
  if (when.termsAny && !when.termsAny.some((term) => facts.terms.includes(term))) return false;
  if (when.tool && facts.tool !== when.tool) return false;
  if (when.metric && !facts.metrics.includes(when.metric)) return false;
  if (when.dimension && !facts.dimensions.includes(when.dimension)) return false;
  if (when.columnsAll && !when.columnsAll.every((column) => facts.columns.includes(column))) return false;
  return facts.rows.length >= when.minRows;
}

/** The column holding the target's key: customer ids, branch ids or channel values. */
function keyColumn(columns: string[], target: PlaybookRule["target"]): number {
  const find = (predicate: (name: string) => boolean) => columns.findIndex(predicate);
  if (target === "customers") {
    const exact = find((name) => name === "customer_id");
    return exact >= 0 ? exact : find((name) => name.endsWith("customer_id"));
  }
  if (target === "branches") return find((name) => name === "branch_id" || name === "branch");
  if (target === "channels") return find((name) => name === "channel" || name.endsWith("channel"));
  return -1;
}

function displayName(columns: string[], row: unknown[], keyIndex: number, language: "zh" | "en"): string {
  const preferred = language === "zh" ? ["full_name", "branch_name", "branch_name_en"] : ["branch_name_en", "full_name", "branch_name"];
  for (const name of preferred) {
    const index = columns.indexOf(name);
    if (index >= 0 && row[index] !== null) return String(row[index]);
  }
  return String(row[keyIndex]);
}

/**
 * Recommends actions for an answer. `ineligible` checks marketing targets against current overdue and grade E;
 * without it, marketing rules are skipped rather than risk reaching such a customer.
 */
export async function recommendActions(facts: ActionFacts, ineligible?: IneligibleForMarketing, playbook: PlaybookRule[] = PLAYBOOK): Promise<RecommendedAction[]> {
  const actions: RecommendedAction[] = [];
  for (const rule of playbook) {
    if (!applies(rule, facts)) continue;
    const columnIndex = (name: string) => facts.columns.indexOf(name);
    if (rule.rows.some((condition) => columnIndex(condition.column) < 0)) continue;
    let rows = facts.rows.filter((row) => rule.rows.every((condition) => holds(condition, row[columnIndex(condition.column)])));
    if (rule.pick) {
      const index = columnIndex(rule.pick.by);
      if (index < 0) continue;
      const sorted = [...rows].sort((left, right) => Number(right[index]) - Number(left[index]));
      rows = sorted.length ? [rule.pick.direction === "max" ? sorted[0] : sorted[sorted.length - 1]] : [];
    }
    if (rows.length === 0) continue;
    const keyIndex = keyColumn(facts.columns, rule.target);
    if (rule.target !== "none" && keyIndex < 0) continue;
    let targetRows = rows;
    if (rule.marketing) {
      if (!ineligible) continue;
      const ids = [...new Set(rows.map((row) => String(row[keyIndex])))];
      const excluded = await ineligible(ids);
      targetRows = rows.filter((row) => !excluded.has(String(row[keyIndex])));
      if (targetRows.length === 0) continue;
    }
    const keys = [...new Set(targetRows.map((row) => String(row[keyIndex])))].slice(0, MAX_TARGETS);
    const names = [...new Set(targetRows.map((row) => displayName(facts.columns, row, keyIndex, facts.language)))].slice(0, NAMES_SHOWN);
    const separator = facts.language === "zh" ? "、" : ", ";
    const more = targetRows.length > NAMES_SHOWN ? (facts.language === "zh" ? "等" : " and others") : "";
    const reason = rule.reason[facts.language].replace("{count}", String(keys.length)).replace("{names}", names.join(separator) + more);
    actions.push({
      id: rule.id,
      title: rule.title[facts.language],
      reason,
      priority: rule.priority,
      owner: rule.owner,
      ...(rule.target === "customers" ? { customer_ids: keys } : {}),
      ...(rule.target === "branches" ? { branch_ids: keys } : {}),
      ...(rule.target === "channels" ? { channels: keys } : {}),
    });
  }
  const rank = { high: 0, medium: 1, low: 2 };
  return actions.sort((left, right) => rank[left.priority] - rank[right.priority]);
}
