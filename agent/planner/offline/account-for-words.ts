/**
 * The honesty check after planning: every content word the question was read into must be accounted for by the
 * plan. A value or term with no filter, a trend with no time grouping, a ranking with no order, a comparison of
 * periods with no earlier period, or a grouping with no dimension means the plan answers another question; a wrong
 * number is worse than "I'm not sure", so such a plan is not offered.
 */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { AggregateQuery, Filter, ListQuery } from "../../plan/query-plan.ts";
import { countAndAmountWords } from "./count-and-amount.ts";
import type { Intent } from "./read-question.ts";
import { reachableEntities, termValues } from "./semantic-helpers.ts";
import { periodsJoined } from "./question-period.ts";
import { joinedCountWord } from "./joined-count-word.ts";
import { asksForTotal } from "./quantified-dimensions.ts";

/** A part of the question the plan leaves out. */
export interface UnaccountedWord {
  kind: "value" | "term" | "entity" | "attribute" | "time" | "number" | "share" | "average" | "trend" | "ranking" | "comparison" | "grouping" | "metric";
  /** The words as said (or the cue). */
  word: string;
}

/** Cues that rank (order) rows or groups. */
const RANKING_CUES = ["top", "bottom", "best", "worst"] as const;

/** Every filter inside the query's filters (and/or/not opened), with the segment of a share. */
function allFilters(query: AggregateQuery | ListQuery): Filter[] {
  const found: Filter[] = [];
  const walk = (filter: Filter) => {
    found.push(filter);
    // Related rows' conditions ("loans with a field visit") account for the words they hold too.
    if (filter.kind === "and" || filter.kind === "or" || filter.kind === "related") filter.filters.forEach(walk);
    if (filter.kind === "not") walk(filter.filter);
  };
  query.filters.forEach(walk);
  // A segment's share and a segment against the rest hold filters of their own.
  if (query.kind === "aggregate" && query.shareOf) walk(query.shareOf);
  if (query.kind === "aggregate" && query.versusRest) walk(query.versusRest);
  if (query.kind === "aggregate" && query.versusRest) walk(query.versusRest);
  return found;
}

/** The SQL text of a fragment (both dialects read the same columns). */
const sqlText = (fragment: string | { sqlite: string } | undefined) => (fragment === undefined ? "" : typeof fragment === "string" ? fragment : fragment.sqlite);

/** The table.column names an SQL fragment reads. */
const columnsOf = (sql: string) => new Set([...sql.matchAll(/\b([a-z_]+\.[a-z_]+)\b/g)].map((match) => match[1]));

/** A metric's SQL (a ratio's numerator and denominator). */
const metricSql = (layer: SemanticLayer, id: string) => {
  const metric = layer.metric(id);
  return [metric.sql, metric.numerator, metric.denominator].map(sqlText).join(" ");
};

/** The tables a query reads: its rows' table and the tables of the columns it reads. */
function tablesReadBy(query: AggregateQuery | ListQuery, layer: SemanticLayer): Set<string> {
  const entity = query.kind === "list" ? query.entity : layer.metric(query.metrics[0]).entity;
  const tables = new Set([layer.entity(entity).table, ...(query.kind === "aggregate" ? query.metrics.map((id) => layer.entity(layer.metric(id).entity).table) : [])]);
  for (const column of columnsReadBy(query, layer, false)) tables.add(column.slice(0, column.indexOf(".")));
  for (const filter of allFilters(query)) if (filter.kind === "related") tables.add(layer.entity(filter.entity).table);
  return tables;
}

/** The columns a query reads (bare names by default): its metrics, dimensions, filters, shown and ranked attributes, and the dating column. */
function columnsReadBy(query: AggregateQuery | ListQuery, layer: SemanticLayer, bare = true): Set<string> {
  const sql: string[] = [];
  const attributeSql = (id: string) => (layer.has("attribute", id) ? sqlText(layer.attribute(id).sql) : "");
  const dimensionSql = (id: string) => sqlText(layer.dimension(id).column);
  const walk = (filter: Filter) => {
    if (filter.kind === "in") sql.push(dimensionSql(filter.dimension));
    if (filter.kind === "term") sql.push(sqlText(layer.term(filter.term).sql));
    if (filter.kind === "compare" || filter.kind === "between") sql.push(attributeSql(filter.attribute));
    if (filter.kind === "and" || filter.kind === "or" || filter.kind === "related") filter.filters.forEach(walk);
    if (filter.kind === "not") walk(filter.filter);
  };
  query.filters.forEach(walk);
  if (query.kind === "aggregate") [query.shareOf, query.versusRest].forEach((segment) => segment && walk(segment));
  let entity: string;
  if (query.kind === "aggregate") {
    sql.push(...query.metrics.map((id) => metricSql(layer, id)), ...query.dimensions.map((dimension) => dimensionSql(dimension.id)));
    const first = layer.metric(query.metrics[0]);
    entity = first.entity;
    if (query.time) sql.push(sqlText(first.dateColumn) || sqlText(layer.entity(entity).dateColumn));
  } else {
    sql.push(...query.attributes.map(attributeSql));
    entity = query.entity;
    if (query.time) sql.push(sqlText(layer.entity(entity).dateColumn));
  }
  sql.push(...query.order.map((order) => (layer.has("metric", order.by) ? metricSql(layer, order.by) : attributeSql(order.by))));
  if (query.time?.dateAttribute) sql.push(attributeSql(query.time.dateAttribute));
  // Bare column names: correlated attributes read their tables under aliases (customer_loans.outstanding_balance).
  const columns = [...columnsOf(sql.join(" "))];
  return new Set(bare ? columns.map(bareColumn) : columns);
}

/** A column's name without its table or alias. */
const bareColumn = (column: string) => column.slice(column.indexOf(".") + 1);

/** Patterns and name lists built from a layer's names, the same for every question: built once per layer. */
interface LayerPatterns {
  secondRows: RegExp;
  rowsAfter: RegExp;
  endsWithRows: RegExp;
  joined: RegExp;
  countedThenAnother: RegExp;
  rowsAgain: RegExp;
  judged: RegExp;
  /** Entity, metric and row-naming term names (lower case) with the entity they name, for the words after a count word. */
  countedNames: { name: string; entity: string }[];
  /** Metric and attribute names, lower case. */
  measureNames: string[];
  /** Every entity's Chinese names, each as the pattern of rows right after a change word. */
  changedRowPatterns: RegExp[];
}

const escapeWord = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const layerPatternCache = new WeakMap<SemanticLayer, LayerPatterns>();

/** The layer's patterns (see LayerPatterns). */
function layerPatterns(layer: SemanticLayer): LayerPatterns {
  let patterns = layerPatternCache.get(layer);
  if (patterns) return patterns;
  const entityNames = (id: string) => [...layer.entity(id).names.zh, ...layer.entity(id).names.en].map((name) => name.toLowerCase());
  // Every entity name (lower case, escaped) as one alternation.
  const rowWordPattern = layer.entities.flatMap((entity) => [...entity.names.zh, ...entity.names.en]).map((name) => escapeWord(name.toLowerCase())).join("|");
  const rows = `(?:${rowWordPattern})`;
  patterns = {
    secondRows: new RegExp(`(?:${rowWordPattern})\\s*(?:和|与|及|以及|、|\\band\\b)\\s*$`, "u"),
    rowsAfter: new RegExp(`^\\s*的?\\s*(?:${rowWordPattern})`, "u"),
    endsWithRows: new RegExp(`(?:${rowWordPattern})$`, "u"),
    joined: new RegExp(`${rows}\\s*(?:和|与|及|以及|、|\\band\\b)\\s*(their\\s+|its\\s+|其|他们的)?${rows}`, "gu"),
    countedThenAnother: new RegExp(`(?<![a-z])(${rowWordPattern})\\s*(?:的)?\\s*(?:数量|数目|个数|笔数|人数|户数|数|count|number)?\\s*(?:和|与|以及|及|、|\\band\\b)\\s*(?!their\\b|its\\b|其|他们|它们)`, "gu"),
    rowsAgain: new RegExp(`^[^,，。?？]{0,8}?(?:${rowWordPattern})`, "u"),
    judged: new RegExp(`(?:^|[^\\p{Script=Han}a-z])(?:好|坏|差|优质|劣质|good|bad|poor|great)\\s*的?\\s*(?:${rowWordPattern})`, "u"),
    countedNames: [
      ...layer.entities.flatMap((entity) => [...entity.names.zh, ...entity.names.en].map((name) => ({ name: name.toLowerCase(), entity: entity.id }))),
      ...layer.metrics.flatMap((metric) => [...metric.names.zh, ...metric.names.en].map((name) => ({ name: name.toLowerCase(), entity: metric.entity }))),
      ...layer.terms.flatMap((term) => [...term.names.zh, ...term.names.en].filter((name) => entityNames(term.entity).some((rowName) => name.toLowerCase().includes(rowName))).map((name) => ({ name: name.toLowerCase(), entity: term.entity }))),
      // A customer term said alone names people ("how many young have an overdue loan" counts customers, not loans),
      // unless its name carries other rows' word ("逾期客户" is a loans term).
      ...layer.terms
        .filter((term) => term.entity === "customers")
        .flatMap((term) => [...term.names.zh, ...term.names.en].filter((name) => !layer.entities.some((entity) => entity.id !== "customers" && entityNames(entity.id).some((rowName) => rowName.length >= 2 && name.toLowerCase().includes(rowName)))).map((name) => ({ name: name.toLowerCase(), entity: term.entity }))),
    ],
    measureNames: [...layer.metrics.flatMap((metric) => [...metric.names.zh, ...metric.names.en]), ...layer.attributes.flatMap((attribute) => [...attribute.names.zh, ...attribute.names.en])].map((name) => name.toLowerCase()),
    changedRowPatterns: layer.entities.flatMap((entity) => entity.names.zh).map((name) => new RegExp(`^\\s*了?\\s*的\\s*${name}`)),
  };
  layerPatternCache.set(layer, patterns);
  return patterns;
}

/** Whether the question compares two periods (this month vs last month, 同比, 环比). */
export function comparesPeriods(intent: Intent): boolean {
  const periodInCue = intent.cueSpans.some((entry) => entry.cue === "compare" && /上|去年|last|previous|prior/.test(entry.span.text));
  // ("本月和上月放款金额哪个多": two periods joined by 和 are compared too.)
  return intent.cues.has("previous_period") || intent.cues.has("year_over_year") || (intent.cues.has("compare") && (intent.times.length >= 2 || periodInCue)) || periodsJoined(intent);
}

/** The words of the question the plan does not account for (empty when the plan answers all of it). */
export function unaccountedWords(intent: Intent, query: AggregateQuery | ListQuery, layer: SemanticLayer): UnaccountedWord[] {
  const missing: UnaccountedWord[] = [];
  const filters = allFilters(query);
  const filteredValues = new Set(filters.flatMap((filter) => (filter.kind === "in" ? filter.values.map((value) => `${filter.dimension}=${value}`) : [])));
  const filteredDimensions = new Set(filters.flatMap((filter) => (filter.kind === "in" ? [filter.dimension] : [])));
  const termsUsed = new Set(filters.flatMap((filter) => (filter.kind === "term" ? [filter.term] : [])));
  const dimensions = new Set(query.kind === "aggregate" ? query.dimensions.map((dimension) => dimension.id) : []);
  const timeGrouped = query.kind === "aggregate" && query.dimensions.some((dimension) => layer.dimension(dimension.id).type === "time");

  // A value is accounted for by a filter on it, by grouping its dimension (房贷和车贷对比 groups product category and
  // keeps those two), or by a term that means it.
  const termMeans = new Set([...termsUsed].flatMap((id) => termValues(layer, id).map((entry) => `${entry.dimension}=${entry.value}`)));
  // "短信和微信的转化率哪个高", "不良率比上月高吗": a one-character value word right after a which-word or a comparison is
  // the predicate of comparing what is shown (高 = higher), not a filter; the groups or the two periods answer it.
  const comparing = dimensions.size > 0 || (query.kind === "aggregate" && Boolean(query.compareTo));
  const cueEnds = intent.cueSpans.filter((entry) => entry.cue === "compare" || entry.cue === "previous_period" || entry.cue === "year_over_year").map((entry) => entry.span.end);
  // "今年NPS比去年高吗": the period compared with sits between the comparison word and its predicate.
  const comparisonEnds = [...cueEnds, ...intent.times.filter((time) => cueEnds.some((end) => /^\s*$/.test(intent.text.slice(end, time.start)))).map((time) => time.end)];
  const predicate = (span: { start: number; text: string }) =>
    /^\p{Script=Han}$/u.test(span.text) && (/(?:哪个|哪家|哪一个|哪一家|哪款|谁)(?:更|比较|最)?$/.test(intent.text.slice(0, span.start).trimEnd()) || comparisonEnds.some((end) => /^[\s更]*$/.test(intent.text.slice(end, span.start))));
  for (const mention of intent.values) {
    if (predicate(mention.span) && comparing) continue;
    const placed = mention.options.some((option) => {
      const key = `${option.dimension}=${option.value}`;
      return filteredValues.has(key) || termMeans.has(key) || (dimensions.has(option.dimension) && filteredDimensions.has(option.dimension));
    });
    if (!placed) missing.push({ kind: "value", word: mention.span.text });
  }
  // "每月新增预警和已解决预警": a value said between a conjunction after rows and the same rows again qualifies only the
  // second of two row sets asked for; one filter on all the rows answers only that one.
  const patterns = layerPatterns(layer);
  const { secondRows, rowsAfter } = patterns;
  // (Or a term naming rows: "客户和已流失客户".)
  const endsWithRows = patterns.endsWithRows;
  for (const span of [...intent.values.map((mention) => mention.span), ...intent.termSpans.map((entry) => entry.span)]) {
    const rowsFollow = rowsAfter.test(intent.text.slice(span.end)) || endsWithRows.test(span.text);
    const before = secondRows.exec(intent.text.slice(0, span.start));
    // (The first rows bare: "高价值客户和低价值客户" are two segments, each with its own filter.)
    // (Nor qualified right before them by a value of the same dimension: "有抵押的贷款和信用贷款" are two segments of
    // one dimension, grouped; "上海的贷款和信用贷款" are not.)
    const dimensionsOf = (of: typeof span) => new Set(intent.values.filter((mention) => mention.span === of).flatMap((mention) => mention.options.map((option) => option.dimension)));
    const ownDimensions = dimensionsOf(span);
    const sameDimension = (other: typeof span) => [...dimensionsOf(other)].some((dimension) => ownDimensions.has(dimension));
    const qualifiers = [...intent.values.map((mention) => mention.span), ...intent.termSpans.map((entry) => entry.span)];
    const bareFirst = before && !qualifiers.some((other) => (other.start <= before.index && before.index < other.end) || (other !== span && sameDimension(other) && other.end <= before.index && /^\s*的?\s*$/.test(intent.text.slice(other.end, before.index))));
    if (bareFirst && rowsFollow) missing.push({ kind: "value", word: span.text });
  }
  // "新增客户数和流失客户数": two terms joined by 和/and are two row sets asked for; both as filters count the rows that
  // are both.
  // (Only both as filters of all the rows: said as alternatives, "逾期或不良", they are one OR filter.)
  const andTerms = new Set(query.filters.flatMap((filter) => (filter.kind === "term" ? [filter.term] : [])));
  const eitherTerm = (left: string, right: string) => !andTerms.has(left) || !andTerms.has(right);
  const termSpansInOrder = [...intent.termSpans].sort((left, right) => left.span.start - right.span.start);
  for (let index = 1; index < termSpansInOrder.length; index++) {
    const first = termSpansInOrder[index - 1];
    const second = termSpansInOrder[index];
    if (first.id === second.id || !termsUsed.has(first.id) || !termsUsed.has(second.id)) continue;
    if (/^\s*(?:数|数量|人数|笔数)?\s*(?:和|与|及|以及|、|\band\b)\s*$/u.test(intent.text.slice(first.span.end, second.span.start)) && !eitherTerm(first.id, second.id)) missing.push({ kind: "term", word: `${first.span.text} ${second.span.text}` });
  }
  // A term is accounted for by its filter, or by the values it means (高价值客户和低价值客户 → value_tier in high, low).
  for (const id of intent.terms) {
    const meant = termValues(layer, id);
    const placed = termsUsed.has(id) || (meant.length > 0 && meant.every((entry) => filteredValues.has(`${entry.dimension}=${entry.value}`) || dimensions.has(entry.dimension)));
    if (!placed) missing.push({ kind: "term", word: intent.termSpans.find((entry) => entry.id === id)?.span.text ?? id });
  }
  // "还款逾期", "overdue repayments": a term said of rows of another entity it has no meaning for (a repayment is not an
  // overdue loan), with its own rows never named, describes those rows in a way the layer does not define.
  const rowsEntity = query.kind === "list" ? query.entity : layer.metric(query.metrics[0]).entity;
  const entityNames = (id: string) => [...layer.entity(id).names.zh, ...layer.entity(id).names.en].map((name) => name.toLowerCase());
  for (const entry of intent.termSpans) {
    const term = layer.term(entry.id);
    if (!termsUsed.has(entry.id) || term.entity === rowsEntity || term.byEntity?.[rowsEntity] !== undefined) continue;
    const ownRowsNamed = intent.entityMentions.includes(term.entity) || intent.impliedEntities.includes(term.entity) || entityNames(term.entity).some((name) => entry.span.text.includes(name));
    // (Said right beside the rows' name: "the high-value ones" of a follow-up on balances keeps its customers' reading.)
    const besideRows = entityNames(rowsEntity).some((name) => {
      for (let at = intent.text.indexOf(name); at >= 0; at = intent.text.indexOf(name, at + 1)) {
        const between = at >= entry.span.end ? intent.text.slice(entry.span.end, at) : at + name.length <= entry.span.start ? intent.text.slice(at + name.length, entry.span.start) : "x";
        if (/^\s*的?\s*$/.test(between)) return true;
      }
      return false;
    });
    if (!ownRowsNamed && besideRows) missing.push({ kind: "term", word: entry.span.text });
  }
  // An attribute is accounted for by being shown, ranked by, compared with a number, dating the rows, or measured.
  const used = new Set<string>([
    ...(query.kind === "list" ? query.attributes : [...query.metrics, ...query.having.map((condition) => condition.metric)]),
    ...query.order.map((order) => order.by),
    ...filters.flatMap((filter) => (filter.kind === "compare" || filter.kind === "between" ? [filter.attribute] : [])),
    ...(query.time?.dateAttribute ? [query.time.dateAttribute] : []),
  ]);
  // Or by the plan reading its column otherwise: "open状态的预警" (a filter on the status), "在贷余额最大的贷款" (ranked by
  // the balance the metric sums), "未来14天到期的应还金额" (the due date that dates the installments).
  const planColumns = columnsReadBy(query, layer);
  for (const mention of intent.attributes) {
    if (mention.options.some((option) => used.has(option.id))) continue;
    const columns = [...mention.options.map((option) => sqlText(layer.attribute(option.id).sql)), ...mention.span.senses.flatMap((sense) => (sense.kind === "metric" ? [metricSql(layer, sense.id)] : []))].flatMap((sql) => [...columnsOf(sql)]);
    if (!columns.some((column) => planColumns.has(bareColumn(column)))) missing.push({ kind: "attribute", word: mention.span.text });
  }
  // Rows named beside the rows listed ("评分最低的10个客户" names the risk scores) must be rows the list reads. (Measures
  // are left out: "上海分行的客户数" names branches to place the city, which the customers' own city answers.)
  // In a measure, rows named that are no grouping's rows either ("上个月多少人申请" names applications; counting
  // customers onboarded then answers another question) must be read too.
  // (A row word naming a value said next to it, "上海分行", places the value.)
  const qualifiesValue = (id: string) =>
    [...layer.entity(id).names.zh, ...layer.entity(id).names.en].some((name) => {
      for (let at = intent.text.indexOf(name.toLowerCase()); at >= 0; at = intent.text.indexOf(name.toLowerCase(), at + 1)) {
        if (intent.values.some((mention) => Math.abs(mention.span.end - at) <= 1 || Math.abs(at + name.length - mention.span.start) <= 1)) return true;
      }
      return false;
    });
  // (Rows the measured rows belong to, "客户AUM" of customer months, are the measure's owners.)
  if (query.kind === "aggregate") {
    const tablesRead = tablesReadBy(query, layer);
    const owners = reachableEntities(layer, layer.metric(query.metrics[0]).entity);
    for (const id of intent.entityMentions) if (!tablesRead.has(layer.entity(id).table) && !owners.has(id) && !qualifiesValue(id)) missing.push({ kind: "entity", word: id });
  }
  if (query.kind === "list") {
    const tablesRead = tablesReadBy(query, layer);
    // A word of a term's name said apart from it ("repayment" of "repayment risk went up") belongs to the term.
    const termNames = [...termsUsed].flatMap((id) => [...layer.term(id).names.zh, ...layer.term(id).names.en]).map((name) => name.toLowerCase());
    const inTermName = (id: string) => [...layer.entity(id).names.zh, ...layer.entity(id).names.en].some((name) => termNames.some((termName) => termName.includes(name.toLowerCase())));
    for (const id of intent.entityMentions) if (!tablesRead.has(layer.entity(id).table) && !inTermName(id)) missing.push({ kind: "entity", word: id });
  }
  // "贷款和还款", "客户和贷款有多少": rows joined to other rows by 和/and are asked for themselves, so they must be measured
  // (a filter on them, "customers with loans", is another question); "customers and their alerts" asks for the rows
  // that belong to each, which totals do not show.
  if (query.kind === "aggregate") {
    const measuredEntities = new Set(query.metrics.map((id) => layer.metric(id).entity));
    for (const match of intent.text.matchAll(patterns.joined)) {
      // ("高价值客户数和他们的贷款余额" measures their loans: a count beside a sum is not two totals of rows.)
      if (match[1] && query.metrics.every((id) => layer.metric(id).format === "count")) missing.push({ kind: "entity", word: match[0] });
      for (const entity of layer.entities) if (!measuredEntities.has(entity.id) && entityNames(entity.id).some((name) => name.length >= 2 && match[0].includes(name))) missing.push({ kind: "entity", word: entity.id });
    }
  }
  // "各渠道申请数量和通过率", "applications and approval rate by channel": rows named (or counted) before 和/and and
  // another measure ask for their count too; a plan of the other measure alone drops it. (Said of their own measure,
  // "customers and their balance", the rows are who is measured.)
  if (query.kind === "aggregate") {
    for (const match of intent.text.matchAll(patterns.countedThenAnother)) {
      const word = match[1];
      const rest = intent.text.slice(match.index + match[0].length);
      // (Rows again after the conjunction, "高价值客户和低价值客户", are two segments of the same rows.)
      if (patterns.rowsAgain.test(rest)) continue;
      const entity = layer.entities.find((candidate) => entityNames(candidate.id).includes(word));
      if (!entity) continue;
      const counted = query.metrics.some((id) => layer.metric(id).entity === entity.id && layer.metric(id).format === "count");
      if (!counted) missing.push({ kind: "metric", word: match[0].trim() });
    }
  }
  if (query.kind === "aggregate") {
    for (const group of intent.groupBy) if (!dimensions.has(group.id) && !filteredDimensions.has(group.id)) missing.push({ kind: "grouping", word: group.id });
    // "what's the NPL ratio of every branch": a dimension word read as neither a grouping nor a value's qualifier is
    // a word the plan drops (each branch, or one branch?); one total answers another question.
    // (A word that also names the measured rows, "total budget of campaigns", names those rows; so does a word naming
    // their owners said with a period, a total word or a filter of their own: "上月营销活动的转化率", "营销活动整体的转化率",
    // "conversion rate of the campaigns that are currently running", 上海的支行. "the overdue rate of products" is not.)
    const measuredEntity = layer.metric(query.metrics[0]).entity;
    const ownersOfMeasured = reachableEntities(layer, measuredEntity);
    const filteredTables = new Set([
      ...intent.values.flatMap((mention) => mention.options.map((option) => layer.dimension(option.dimension).table)),
      ...intent.terms.map((id) => layer.entity(layer.term(id).entity).table),
    ]);
    const ownersNamed = intent.times.length > 0 || asksForTotal(intent.text);
    for (const context of intent.contextGroupings ?? []) {
      const rows = context.rows;
      // (Or rows said right after a value, 上海的支行: the value's place, whichever column holds it for the measured rows.)
      const at = context.span;
      const afterValue = at !== undefined && intent.values.some((mention) => mention.span.end <= at.start && /^\s*(?:的|'s)?\s*$/.test(intent.text.slice(mention.span.end, at.start)));
      const namesRows = rows !== undefined && (rows === measuredEntity || filteredTables.has(layer.entity(rows).table) || (ownersOfMeasured.has(rows) && (ownersNamed || afterValue)));
      // (A dimension one of whose values is filtered names that value's dimension: "上海和其他城市".)
      if (!namesRows && !dimensions.has(context.id) && !filteredDimensions.has(context.id)) missing.push({ kind: "grouping", word: context.id });
    }
    const measured = new Set([...query.metrics, ...query.having.map((condition) => condition.metric)]);
    for (const id of intent.metrics) if (!measured.has(id)) missing.push({ kind: "metric", word: id });
  }
  // Numbers: a comparison ("超过50万") needs a condition (a filter or HAVING); a bare number ("90后", "前10") is only
  // ever a limit.
  const conditions =
    filters.filter((filter) => filter.kind === "compare" || filter.kind === "between").length +
    (query.kind === "aggregate" ? query.having.filter((condition) => !(condition.op === "gte" && condition.value === 0)).length : 0);
  const saidConditions = intent.numbers.length;
  if (saidConditions > conditions) missing.push({ kind: "number", word: intent.numbers.map((number) => number.condition.text.trim()).join(", ") });
  for (const number of intent.bareNumbers) if (number.value === undefined || query.limit !== number.value) missing.push({ kind: "number", word: number.text.trim() });
  // A count said ("最新的5条", "前10个") is the answer's limit.
  if (intent.limit && query.limit !== intent.limit.count) missing.push({ kind: "number", word: String(intent.limit.count) });
  // "贷款余额超过50万的高价值客户": the measure word compared with a number is that condition on the rows, not also the
  // measure asked for (only HAVING compares the measure itself).
  if (query.kind === "aggregate") {
    for (const number of intent.numbers) {
      const measured = number.target?.senses.find((sense) => sense.kind === "metric" && query.metrics.includes(sense.id));
      // A count's word names the rows the number is said of ("how many loans above 500k"), not a measure compared.
      if (measured && measured.kind === "metric" && layer.metric(measured.id).format !== "count" && !query.having.some((condition) => condition.metric === measured.id) && query.metrics.length === 1) {
        missing.push({ kind: "number", word: number.condition.text.trim() });
      }
    }
  }
  // A share word (占比, share of) needs a share in the answer, not the measure alone.
  const shareCue = intent.cueSpans.find((entry) => entry.cue === "share");
  if (shareCue && !(query.kind === "aggregate" && (query.share === true || query.shareOf !== undefined))) missing.push({ kind: "share", word: shareCue.span.text });
  // An average word (人均, 平均) needs a measure that is an average; a total is another number.
  const averageCue = intent.cueSpans.find((entry) => entry.cue === "average");
  if (averageCue && !(query.kind === "aggregate" && query.metrics.some((id) => /\bAVG\s*\(/i.test(metricSql(layer, id))))) missing.push({ kind: "average", word: averageCue.span.text });
  // "逾期的钱有多少": money asked for (钱, money) is never a count.
  if (query.kind === "aggregate" && /钱|\bmoney\b/.test(intent.text) && query.metrics.every((id) => layer.metric(id).format === "count")) missing.push({ kind: "metric", word: "money" });
  // "how many and how much", "多少笔,多少钱": a count and an amount, each measured (count-and-amount.ts).
  const countAndAmount = countAndAmountWords(intent.text);
  if (countAndAmount && query.kind === "aggregate") {
    if (!query.metrics.some((id) => layer.metric(id).format === "count")) missing.push({ kind: "metric", word: countAndAmount.count });
    if (!query.metrics.some((id) => layer.metric(id).format === "money")) missing.push({ kind: "metric", word: countAndAmount.amount });
  }
  // "approval rate for each of the last 6 months", "how many loans does each customer have": each/every asks for
  // groups; one total answers another question. ("average principal of each loan" averages over the rows: the
  // average measure answers it.)
  if (query.kind === "aggregate" && query.dimensions.length === 0 && !query.compareTo && !timeGrouped) {
    const averaged = query.metrics.some((id) => /\bAVG\s*\(/i.test(metricSql(layer, id)));
    const rowNames = layer.entities.flatMap((entity) => entity.names.en.map((name) => name.toLowerCase()));
    for (const entry of intent.cueSpans) {
      if (entry.cue !== "group" || !/^(?:(?:for|in|by) )?(?:each|every)$/.test(entry.span.text.trim())) continue;
      const after = intent.text.slice(entry.span.end).replace(/^\s*(?:single\s+)?/, "");
      const ofRows = rowNames.some((name) => after.startsWith(name));
      if (!(averaged && ofRows)) missing.push({ kind: "grouping", word: entry.span.text.trim() });
    }
  }
  // "count and balance of overdue loans": a count word joined to a measure is measured too.
  const countWord = joinedCountWord(intent.text);
  if (countWord && query.kind === "aggregate" && !query.metrics.some((id) => layer.metric(id).format === "count")) missing.push({ kind: "metric", word: countWord });
  // "好客户", "bad loans": a judgement of rows the data model does not define (high value is 高价值, not 好).
  const judged = patterns.judged.exec(intent.text);
  if (judged && !intent.terms.length) missing.push({ kind: "value", word: judged[0].trim() });
  // A week word the time rules leave unresolved (a week said inside a phrase they do not read) would be dropped.
  const covered = (start: number, end: number) => intent.times.some((time) => time.start <= start && end <= time.end);
  for (const match of intent.text.matchAll(/上上?周|本周|这周|上个?星期|本星期|这个?星期|上个?礼拜|这个?礼拜|\b(?:last|this|previous|current) week\b/g)) {
    if (!covered(match.index, match.index + match[0].length)) missing.push({ kind: "time", word: match[0] });
  }
  // A trend asks for the figure per period: only a time grouping answers it.
  if (intent.trendGrain && !timeGrouped) missing.push({ kind: "trend", word: intent.trendGrain });
  // "放款超过1亿的支行": an amount of money compared with a count (or a percentage with a sum) compares unlike things;
  // the number was meant for another measure than the one the condition is on.
  if (query.kind === "aggregate") {
    for (const condition of query.having) {
      const format = layer.metric(condition.metric).format;
      const said = intent.numbers.find((mention) => mention.condition.value === condition.value);
      if (!said) continue;
      const unlike = (said.condition.unit === "money" && format !== "money") || (said.condition.unit === "percent" && format !== "rate" && format !== "probability");
      if (unlike) missing.push({ kind: "number", word: said.condition.text });
    }
  }
  // "earn over 20k per month", "每月超过2万": a period said right after an amount is the amount's rate (a monthly
  // figure), not months to group by; the data's amounts are not kept per period that way. (A year is how income is kept.)
  for (const mention of intent.numbers) {
    const after = intent.text.slice(mention.condition.end);
    const before = intent.text.slice(0, mention.condition.start);
    if (mention.condition.unit === "money" && (/^\s*(?:a|per|each|every)\s+(?:month|week|day)\b|^\s*(?:\/|每)\s*(?:月|周|天)|^\s*(?:monthly|weekly|daily)\b/.test(after) || /(?:每月|每个月|月均|每周|每天)\s*(?:收入|挣|赚)?\s*(?:超过|高于|大于|不低于|低于|少于)?\s*$/.test(before))) {
      missing.push({ kind: "number", word: mention.condition.text });
    }
  }
  // A ranking word (最高, best, top 3) asks for an order; a limit alone would pick arbitrary rows.
  const rankingCue = intent.cueSpans.find((entry) => (RANKING_CUES as readonly string[]).includes(entry.cue));
  // ("前10个" of rows listed is their first ten; of groups, or said with a superlative, the top ten.)
  const superlative = /最|\b(?:top|highest|largest|most|biggest|lowest|least|smallest|bottom)\b/.test(intent.text);
  if ((rankingCue || (intent.limit?.direction && (query.kind === "aggregate" || superlative))) && query.order.length === 0) missing.push({ kind: "ranking", word: rankingCue?.span.text ?? "top" });
  const changeCue = intent.cueSpans.find((entry) => entry.cue === "rise" || entry.cue === "fall" || entry.cue === "change");
  // "which city had the biggest increase in NPL ratio": ranked by the change, which the plan's order (by the level)
  // does not follow.
  if (rankingCue && changeCue && query.order.some((order) => query.kind === "aggregate" && query.metrics.includes(order.by))) missing.push({ kind: "ranking", word: `${rankingCue.span.text} ${changeCue.span.text}` });
  // "每个城市有多少支行": the rows counted are the ones named right after the count word.
  if (query.kind === "aggregate") {
    const countedEntity = layer.metric(query.metrics[0]).entity;
    for (const entry of intent.cueSpans.filter((candidate) => candidate.cue === "count")) {
      const after = intent.text.slice(entry.span.end).replace(/^\s*(?:个|家|位|笔|条|款|of)?\s*/, "");
      // The longest name said there ("loan requests" are applications, not loans); metric names count too.
      // (Term names with their rows' name name those rows too: "number of high value customers" counts customers.)
      const longest = patterns.countedNames.filter((entry) => entry.name.length >= 2 && after.startsWith(entry.name)).sort((left, right) => right.name.length - left.name.length)[0];
      const named = longest ? layer.entity(longest.entity) : undefined;
      if (named && named.id !== countedEntity && !query.metrics.some((id) => layer.metric(id).entity === named.id)) missing.push({ kind: "entity", word: named.id });
    }
  }
  // "各产品的最高放款额度": a ranking word said before a measure, with a word for each group, asks for each group's
  // highest value (a maximum per group), not for the top group.
  const eachGroup = /各|每个|每一个|\beach\b|\bevery\b/.test(intent.text.slice(0, rankingCue?.span.start ?? 0));
  if (rankingCue && eachGroup && query.kind === "aggregate" && query.dimensions.length > 0) {
    const following = intent.text.slice(rankingCue.span.end).replace(/^\s*的?\s*/, "");
    if (following !== "" && patterns.measureNames.some((name) => name.length >= 2 && following.startsWith(name)) && /[\p{Script=Han}]/u.test(rankingCue.span.text)) missing.push({ kind: "ranking", word: rankingCue.span.text });
  }
  // "最多的城市和最少的城市", "highest and lowest": both ends asked, one order cannot show them.
  const directions = new Set(intent.cueSpans.flatMap((entry) => (entry.cue === "top" || entry.cue === "best" ? ["up"] : entry.cue === "bottom" || entry.cue === "worst" ? ["down"] : [])));
  if (directions.size > 1) missing.push({ kind: "ranking", word: "both ends" });
  // "年龄最大的客户": a ranking word said of a grouping's own word ranks by that quantity, not the groups by a count
  // nobody asked for.
  // (The ranking word may be a limit's: "年龄最大的10个客户".)
  const rankingAt = rankingCue?.span.start ?? (intent.limit?.direction ? intent.text.search(/最|\b(?:top|bottom)\b/) : -1);
  if (rankingAt >= 0 && query.kind === "aggregate" && query.order.length > 0 && !intent.metrics.includes(query.order[0].by)) {
    const before = intent.text.slice(0, rankingAt).replace(/[\s的]+$/, "");
    const rankedGroup = query.dimensions.some((dimension) => [...layer.dimension(dimension.id).names.zh, ...layer.dimension(dimension.id).names.en].some((name) => name.length >= 2 && before.endsWith(name.toLowerCase())));
    if (rankedGroup) missing.push({ kind: "ranking", word: rankingCue?.span.text ?? "top" });
  }
  // A change word (上升, dropped, 变化) needs two periods or a trend to show the change.
  if (changeCue && !(query.kind === "aggregate" && (query.compareTo || query.bucketChange || timeGrouped))) missing.push({ kind: "comparison", word: changeCue.span.text });
  // "AUM下降的客户", "customers whose AUM dropped": a change said of each row is a condition on rows no plan expresses
  // (a total's change answers another question).
  const changedRows = intent.cueSpans.some(
    (entry) =>
      (entry.cue === "rise" || entry.cue === "fall") &&
      (patterns.changedRowPatterns.some((pattern) => pattern.test(intent.text.slice(entry.span.end))) || /\bwhose\b|\b(?:that|which|who)\s*$/.test(intent.text.slice(0, entry.span.start))),
  );
  // "本月额度使用率超过80%的客户": a measure compared with a number but not per group, beside rows named, asks which
  // rows pass the condition; one total compared answers nothing of them.
  if (query.kind === "aggregate" && query.having.length > 0 && query.dimensions.length === 0 && intent.entityMentions.length > 0) missing.push({ kind: "number", word: "rows compared" });
  if (changedRows) missing.push({ kind: "comparison", word: "rows that changed" });
  // "去年申请今年放款的贷款": two periods said apart (not "1月到3月", not compared, not a trend's span) date different
  // things; one range over both answers neither.
  const timesInOrder = [...intent.times].sort((left, right) => left.start - right.start);
  const compared = query.kind === "aggregate" && (query.compareTo !== undefined || query.bucketChange === true || timeGrouped);
  for (let index = 1; index < timesInOrder.length && !compared && !comparesPeriods(intent); index++) {
    const between = intent.text.slice(timesInOrder[index - 1].end, timesInOrder[index].start);
    if (!/^\s*(?:到|至|~|-|—|–|to|through|until|and|和|及|与|、|,)?\s*$/u.test(between)) missing.push({ kind: "time", word: timesInOrder[index].text });
  }
  // Two periods compared need both periods in the answer.
  // A trend answers a comparison only when its period spans every period said (not "trend this year vs last year").
  const spansTimes = intent.times.every((time) => query.time && time.range.start >= query.time.start && time.range.end <= query.time.end);
  if (comparesPeriods(intent) && !(query.kind === "aggregate" && (query.compareTo || query.bucketChange || (timeGrouped && spansTimes)))) missing.push({ kind: "comparison", word: "compare" });
  return missing;
}
