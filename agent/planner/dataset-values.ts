/**
 * Reads the values of data-driven dimensions (branches, products, campaigns: `valuesFrom` in the semantic layer)
 * from a dataset, with short aliases people use for branches ('上海浦东支行' → '浦东支行', '浦东'; 'Shanghai Pudong'
 * → 'Pudong'), so that planners recognize them in questions.
 */
import { semanticLayer as projectSemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import type { SemanticLayer } from "../../schema/semantic-layer/semantic-layer.ts";
import { TABLES } from "../../schema/tables.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import type { DatasetValue } from "./planner.ts";

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Endings of Chinese branch names (支行 'sub-branch', 分行 'branch', 营业部 'business office'). */
const CHINESE_BRANCH_SUFFIX = /(支行|分行|营业部|网点)$/;
const ENGLISH_BRANCH_SUFFIX = /\s+(sub-?branch|branch|office)$/i;

/** Names of a city in both languages, from the city dimension's values (Shanghai → 上海, 沪, 上海市 …). */
function cityNames(layer: SemanticLayer, city: string): string[] {
  const values = layer.definition.dimensions.find((dimension) => dimension.id === "city")?.values ?? [];
  const value = values.find((candidate) => candidate.value.toLowerCase() === city.toLowerCase());
  return value ? [...value.names.zh, ...value.names.en, value.value].sort((left, right) => right.length - left.length) : [city];
}

/** Removes a leading city name ("上海浦东支行" → "浦东支行", "Shanghai Pudong" → "Pudong"). */
function withoutCity(name: string, cities: string[]): string | undefined {
  for (const city of cities) {
    if (name.toLowerCase().startsWith(city.toLowerCase()) && name.length > city.length) {
      const rest = name.slice(city.length).trim();
      if (rest.length >= 2) return rest;
    }
  }
  return undefined;
}

/** Short names of a branch; the caller drops any alias two branches share. */
export function branchAliases(zh: string, en: string, cities: string[]): string[] {
  const aliases = new Set<string>();
  const shortZh = withoutCity(zh, cities);
  if (shortZh) {
    aliases.add(shortZh);
    const core = shortZh.replace(CHINESE_BRANCH_SUFFIX, "");
    if (core.length >= 2 && core !== shortZh) aliases.add(core);
  }
  const coreZh = zh.replace(CHINESE_BRANCH_SUFFIX, "");
  if (coreZh !== zh && coreZh.length >= 2) aliases.add(coreZh);
  const shortEn = withoutCity(en, cities);
  if (shortEn) {
    aliases.add(shortEn);
    aliases.add(`${shortEn} branch`);
  }
  if (!ENGLISH_BRANCH_SUFFIX.test(en)) aliases.add(`${en} branch`);
  aliases.delete(zh);
  aliases.delete(en);
  return [...aliases];
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/**
 * The values of every data-driven dimension, by dimension id, read with plain SELECTs through the engine.
 * Branch values carry short aliases; an alias shared by two branches is dropped (it would be ambiguous).
 */
export async function loadDatasetValues(engine: Engine, layer: SemanticLayer = projectSemanticLayer()): Promise<Record<string, DatasetValue[]>> {
  const result: Record<string, DatasetValue[]> = {};
  for (const dimension of layer.dimensions) {
    const source = dimension.valuesFrom;
    if (!source) continue;
    const table = TABLES.find((candidate) => candidate.name === source.table);
    if (!table || ![source.key, source.zh, source.en].every((column) => IDENTIFIER.test(column))) continue;
    const hasCity = table.columns.some((column) => column.name === "city");
    const columns = [source.key, source.zh, source.en, ...(hasCity ? ["city"] : [])];
    const rows = (await engine.query(`SELECT ${columns.join(", ")} FROM ${table.name} ORDER BY ${source.key}`)).rows;
    const values: DatasetValue[] = rows.map((row) => {
      const value: DatasetValue = { value: text(row[0]), zh: text(row[1]), en: text(row[2]) };
      if (hasCity) value.aliases = branchAliases(value.zh, value.en, cityNames(layer, text(row[3])));
      return value;
    });
    // An alias two values share would be a guess: keep only unique ones.
    const counts = new Map<string, number>();
    for (const value of values) for (const alias of value.aliases ?? []) counts.set(alias.toLowerCase(), (counts.get(alias.toLowerCase()) ?? 0) + 1);
    for (const value of values) {
      if (!value.aliases) continue;
      value.aliases = value.aliases.filter((alias) => counts.get(alias.toLowerCase()) === 1);
    }
    result[dimension.id] = values;
  }
  return result;
}
