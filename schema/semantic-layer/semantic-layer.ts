/**
 * Loads the semantic layer: validates every entry with zod, checks the cross-references (entities, joins,
 * attributes, columns of the contract tables) and offers lookups by id. The one source of truth for planners,
 * compiler, evals and the web schema browser.
 */
import { LendLensError } from "../errors.ts";
import { TABLES } from "../tables.ts";
import { AMBIGUITIES } from "./ambiguities.ts";
import { ATTRIBUTES } from "./attributes.ts";
import { DIMENSIONS } from "./dimensions.ts";
import { ENTITIES, JOINS } from "./entities.ts";
import { METRICS } from "./metrics.ts";
import { SETTINGS } from "./settings.ts";
import { TERMS } from "./terms.ts";
import { SemanticLayerDefinition } from "./types.ts";
import type { Ambiguity, Attribute, Dimension, Entity, Join, Metric, SqlFragment, Term } from "./types.ts";

/** A broken semantic-layer entry, named in the message. */
export class SemanticLayerError extends LendLensError {
  constructor(problems: string[]) {
    super(
      "SEMANTIC_LAYER_INVALID",
      { zh: `语义层定义有误:${problems.join(";")}`, en: `The semantic layer is invalid: ${problems.join("; ")}` },
      { audience: "internal", details: { problems } },
    );
  }
}

/** The kinds of member a plan can name. */
export type MemberKind = "metric" | "dimension" | "attribute" | "term" | "entity";

/** A plan named a member the semantic layer does not have; carries the closest valid ids. */
export class UnknownMemberError extends LendLensError {
  readonly kind: MemberKind;
  readonly id: string;
  readonly suggestions: string[];
  constructor(kind: MemberKind, id: string, suggestions: string[]) {
    const list = suggestions.join(", ");
    super(
      "UNKNOWN_MEMBER",
      {
        zh: `未知的${{ metric: "指标", dimension: "维度", attribute: "字段", term: "术语", entity: "对象" }[kind]} “${id}”${list ? `,可选:${list}` : ""}`,
        en: `Unknown ${kind} "${id}"${list ? `; did you mean: ${list}` : ""}`,
      },
      { details: { kind, id, suggestions } },
    );
    this.kind = kind;
    this.id = id;
    this.suggestions = suggestions;
  }
}

/** The validated semantic layer with lookups. */
export interface SemanticLayer {
  readonly definition: SemanticLayerDefinition;
  readonly settings: SemanticLayerDefinition["settings"];
  readonly entities: readonly Entity[];
  readonly joins: readonly Join[];
  readonly metrics: readonly Metric[];
  readonly dimensions: readonly Dimension[];
  readonly attributes: readonly Attribute[];
  readonly terms: readonly Term[];
  readonly ambiguities: readonly Ambiguity[];
  entity(id: string): Entity;
  metric(id: string): Metric;
  dimension(id: string): Dimension;
  attribute(id: string): Attribute;
  term(id: string): Term;
  has(kind: MemberKind, id: string): boolean;
}

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The ids closest to `id`, best first. */
export function closestIds(id: string, candidates: readonly string[], count = 3): string[] {
  return [...candidates]
    .map((candidate) => ({ candidate, distance: editDistance(id, candidate) - (candidate.includes(id) || id.includes(candidate) ? 3 : 0) }))
    .sort((left, right) => left.distance - right.distance)
    .slice(0, count)
    .map((entry) => entry.candidate);
}

/** Every text of a SQL fragment (one, or one per dialect). */
export function fragmentTexts(fragment: SqlFragment): string[] {
  return typeof fragment === "string" ? [fragment] : [fragment.sqlite, fragment.postgres];
}

const KNOWN_PLACEHOLDERS = new Set([
  "as_of_date",
  "as_of_month",
  "month",
  "previous_month",
  "period_start",
  "period_end",
  "due_soon_end",
  "young_birth_cutoff",
  "age_cutoff_30",
  "age_cutoff_40",
  "age_cutoff_50",
  "age_cutoff_60",
]);

/** Checks references between entries; returns the problems found, each naming its entry. */
function crossCheck(definition: SemanticLayerDefinition): string[] {
  const problems: string[] = [];
  const columnsByTable = new Map(TABLES.map((table) => [table.name, new Set(table.columns.map((column) => column.name))]));
  const entityIds = new Set(definition.entities.map((entity) => entity.id));
  const attributeById = new Map(definition.attributes.map((attribute) => [attribute.id, attribute]));
  const checkFragment = (owner: string, fragment: SqlFragment) => {
    for (const text of fragmentTexts(fragment)) {
      for (const match of text.matchAll(/\b([a-z_]+)\.([a-z_]+)\b/g)) {
        const columns = columnsByTable.get(match[1]);
        if (columns && !columns.has(match[2])) problems.push(`${owner}: column ${match[0]} is not in the contract tables`);
      }
      for (const match of text.matchAll(/\{\{([a-z_.0-9]+)\}\}/g)) {
        const name = match[1];
        const known = name.startsWith("setting.") ? name.slice(8) in definition.settings : KNOWN_PLACEHOLDERS.has(name);
        if (!known) problems.push(`${owner}: unknown placeholder {{${name}}}`);
      }
    }
  };
  const checkEntity = (owner: string, id: string) => {
    if (!entityIds.has(id)) problems.push(`${owner}: unknown entity "${id}"`);
  };
  const seen = new Map<string, string>();
  const checkUnique = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    if (seen.has(key)) problems.push(`${kind} "${id}" is defined twice`);
    seen.set(key, id);
  };
  for (const entity of definition.entities) {
    checkUnique("entity", entity.id);
    if (!columnsByTable.has(entity.table)) problems.push(`entity ${entity.id}: unknown table "${entity.table}"`);
    for (const attributeId of entity.defaultAttributes) {
      const attribute = attributeById.get(attributeId);
      if (!attribute) problems.push(`entity ${entity.id}: unknown default attribute "${attributeId}"`);
      else if (attribute.entity !== entity.id) problems.push(`entity ${entity.id}: default attribute "${attributeId}" belongs to ${attribute.entity}`);
    }
  }
  for (const join of definition.joins) {
    checkEntity(`join ${join.from}->${join.to}`, join.from);
    checkEntity(`join ${join.from}->${join.to}`, join.to);
    for (const pair of join.on) for (const side of pair) checkFragment(`join ${join.from}->${join.to}`, side);
  }
  for (const metric of definition.metrics) {
    checkUnique("metric", metric.id);
    checkEntity(`metric ${metric.id}`, metric.entity);
    for (const fragment of [metric.sql, metric.numerator, metric.denominator, metric.filter]) if (fragment) checkFragment(`metric ${metric.id}`, fragment);
    if (metric.names.zh.length < 1 || metric.names.en.length < 1) problems.push(`metric ${metric.id}: needs zh and en names`);
  }
  for (const dimension of definition.dimensions) {
    checkUnique("dimension", dimension.id);
    if (dimension.type === "time") continue;
    checkEntity(`dimension ${dimension.id}`, dimension.table);
    checkFragment(`dimension ${dimension.id}`, dimension.column);
    for (const [entity, override] of Object.entries(dimension.byEntity ?? {})) {
      checkEntity(`dimension ${dimension.id}`, entity);
      checkEntity(`dimension ${dimension.id}`, override.table);
      checkFragment(`dimension ${dimension.id}`, override.column);
    }
  }
  for (const attribute of definition.attributes) {
    checkUnique("attribute", attribute.id);
    checkEntity(`attribute ${attribute.id}`, attribute.entity);
    if (attribute.table) checkEntity(`attribute ${attribute.id}`, attribute.table);
    checkFragment(`attribute ${attribute.id}`, attribute.sql);
  }
  for (const term of definition.terms) {
    checkUnique("term", term.id);
    checkEntity(`term ${term.id}`, term.entity);
    checkFragment(`term ${term.id}`, term.sql);
    for (const [entity, fragment] of Object.entries(term.byEntity ?? {})) {
      checkEntity(`term ${term.id}`, entity);
      checkFragment(`term ${term.id}`, fragment);
    }
    for (const attributeId of term.showAttributes ?? []) if (!attributeById.has(attributeId)) problems.push(`term ${term.id}: unknown attribute "${attributeId}"`);
    if (term.order && !attributeById.has(term.order.attribute)) problems.push(`term ${term.id}: unknown order attribute "${term.order.attribute}"`);
  }
  const metricIds = new Set(definition.metrics.map((metric) => metric.id));
  for (const ambiguity of definition.ambiguities)
    for (const choice of ambiguity.choices) if (!metricIds.has(choice)) problems.push(`ambiguity ${ambiguity.id}: unknown metric "${choice}"`);
  return problems;
}

/**
 * Validates a semantic-layer definition and returns it with lookups.
 * @throws SemanticLayerError naming every broken entry.
 */
export function buildSemanticLayer(input: unknown): SemanticLayer {
  const parsed = SemanticLayerDefinition.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      // Name the entry by its id where the path leads to one.
      let node: unknown = input;
      let name = "";
      for (const key of issue.path) {
        node = (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
        if (node && typeof node === "object" && "id" in node) name = `${String(issue.path[0])} "${String((node as { id: unknown }).id)}"`;
      }
      return `${name || issue.path.join(".")}: ${issue.message} (at ${issue.path.join(".")})`;
    });
    throw new SemanticLayerError(problems);
  }
  const definition = parsed.data;
  const problems = crossCheck(definition);
  if (problems.length > 0) throw new SemanticLayerError(problems);

  const index = <T extends { id: string }>(kind: MemberKind, items: readonly T[]) => {
    const byId = new Map(items.map((item) => [item.id, item]));
    return {
      byId,
      get(id: string): T {
        const item = byId.get(id);
        if (!item) throw new UnknownMemberError(kind, id, closestIds(id, [...byId.keys()]));
        return item;
      },
    };
  };
  const entities = index("entity", definition.entities);
  const metrics = index("metric", definition.metrics);
  const dimensions = index("dimension", definition.dimensions);
  const attributes = index("attribute", definition.attributes);
  const terms = index("term", definition.terms);
  const byKind = { entity: entities, metric: metrics, dimension: dimensions, attribute: attributes, term: terms };
  return {
    definition,
    settings: definition.settings,
    entities: definition.entities,
    joins: definition.joins,
    metrics: definition.metrics,
    dimensions: definition.dimensions,
    attributes: definition.attributes,
    terms: definition.terms,
    ambiguities: definition.ambiguities,
    entity: (id) => entities.get(id),
    metric: (id) => metrics.get(id),
    dimension: (id) => dimensions.get(id),
    attribute: (id) => attributes.get(id),
    term: (id) => terms.get(id),
    has: (kind, id) => byKind[kind].byId.has(id),
  };
}

/** The raw definition as written in this folder (before validation). */
export const SEMANTIC_LAYER_SOURCE = {
  settings: SETTINGS,
  entities: ENTITIES,
  joins: JOINS,
  metrics: METRICS,
  dimensions: DIMENSIONS,
  attributes: ATTRIBUTES,
  terms: TERMS,
  ambiguities: AMBIGUITIES,
};

let loaded: SemanticLayer | undefined;

/** The project's semantic layer, validated once. */
export function semanticLayer(): SemanticLayer {
  loaded ??= buildSemanticLayer(SEMANTIC_LAYER_SOURCE);
  return loaded;
}
