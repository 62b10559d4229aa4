/** Execution-based comparison of a gold result with an answer's rows: columns matched by values, rows as a multiset. */
import { cellsEqual, compareCellsForSort, profileColumn } from "./compare-cells.ts";
import type { Cell, ColumnProfile, NumberScale } from "./compare-cells.ts";

/** A result table: rows of cells; gold results also know their column names (for messages only). */
export interface ResultTable {
  columns?: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** The verdict of one comparison, with a reason a person can read when it fails. */
export interface ComparisonResult {
  match: boolean;
  reason: string;
  /** For each gold column, the answer column it matched (when matched). */
  assignment?: number[];
}

/** Options: whether row order matters (top-N and sorted lists), and whether all-zero groups may be left out. */
export interface CompareOptions {
  ordered: boolean;
  /** For grouped (GROUP BY) results: a group whose numbers are all zero or null counts the same as a missing group. */
  zeroGroupsOptional?: boolean;
}

interface Candidate {
  answerColumn: number;
  scale: NumberScale;
}

/** Most column assignments tried before giving up; real cases have a handful of columns. */
const ASSIGNMENT_LIMIT = 2000;
/** Above this many rows the quadratic fallback matcher is skipped. */
const GREEDY_LIMIT = 3000;

function column(rows: readonly (readonly Cell[])[], index: number): Cell[] {
  return rows.map((row) => row[index]);
}

function sequencesEqual(gold: readonly Cell[], answer: readonly Cell[], profile: ColumnProfile, scale: NumberScale): boolean {
  return gold.every((cell, index) => cellsEqual(cell, answer[index], profile, scale));
}

/** Columns are candidates when their values match as multisets; order is checked on whole rows later (ties may move). */
function columnsCompatible(gold: Cell[], answer: Cell[], profile: ColumnProfile, scale: NumberScale): boolean {
  const sortedGold = [...gold].sort(compareCellsForSort);
  const sortedAnswer = [...answer].sort(compareCellsForSort);
  return sequencesEqual(sortedGold, sortedAnswer, profile, scale);
}

function rowsEqual(gold: readonly Cell[], answer: readonly Cell[], profiles: ColumnProfile[], scales: NumberScale[]): boolean {
  return gold.every((cell, index) => cellsEqual(cell, answer[index], profiles[index], scales[index]));
}

/** True when some numeric gold column is sorted (the sort key) and the answer's column reads the same, in order. */
function sortKeyMatches(gold: Cell[][], answer: Cell[][], profiles: ColumnProfile[], scales: NumberScale[]): boolean {
  const width = gold[0]?.length ?? 0;
  for (let index = 0; index < width; index += 1) {
    const values = gold.map((row) => row[index]);
    if (!values.every((value) => typeof value === "number")) continue;
    const numbers = values as number[];
    const sorted = numbers.every((value, position) => position === 0 || value <= numbers[position - 1]) || numbers.every((value, position) => position === 0 || value >= numbers[position - 1]);
    if (!sorted) continue;
    if (gold.every((row, position) => cellsEqual(row[index], answer[position][index], profiles[index], scales[index]))) return true;
  }
  return false;
}

function compareRows(left: readonly Cell[], right: readonly Cell[]): number {
  for (let index = 0; index < left.length; index += 1) {
    const order = compareCellsForSort(left[index], right[index]);
    if (order !== 0) return order;
  }
  return 0;
}

/** Matches rows as multisets: sort both sides, then fall back to a greedy search for near-ties the sort split. */
function multisetsEqual(gold: Cell[][], answer: Cell[][], profiles: ColumnProfile[], scales: NumberScale[]): boolean {
  const sortedGold = [...gold].sort(compareRows);
  const sortedAnswer = [...answer].sort(compareRows);
  if (sortedGold.every((row, index) => rowsEqual(row, sortedAnswer[index], profiles, scales))) return true;
  if (gold.length > GREEDY_LIMIT) return false;
  const used = new Array<boolean>(answer.length).fill(false);
  for (const goldRow of sortedGold) {
    const found = sortedAnswer.findIndex((answerRow, index) => !used[index] && rowsEqual(goldRow, answerRow, profiles, scales));
    if (found < 0) return false;
    used[found] = true;
  }
  return true;
}

/**
 * Compares an answer's rows with the gold result. Each gold column must equal some distinct answer column (by
 * values; names and order are ignored; extra answer columns are allowed); rows are compared as a multiset unless
 * `ordered`; numbers within a tolerance, and a rate column may come back as percentages.
 */
export function compareResults(gold: ResultTable, answer: ResultTable, options: CompareOptions): ComparisonResult {
  const strict = compareRowsAndColumns(gold, answer.rows.map((row) => [...row]), options);
  if (strict.match || options.ordered || !options.zeroGroupsOptional) return strict;
  // In a grouped result, a group whose numbers are all zero or null says the same as a missing group (a filtered SUM or COUNT, a ratio over nothing).
  const goldRows = gold.rows.filter((row) => !isZeroRow(row));
  const answerRows = answer.rows.filter((row) => !isZeroRow(row));
  if (goldRows.length === gold.rows.length && answerRows.length === answer.rows.length) return strict;
  const lenient = compareRowsAndColumns({ columns: gold.columns, rows: goldRows }, answerRows.map((row) => [...row]), options);
  return lenient.match ? { ...lenient, reason: "match (ignoring groups whose numbers are all zero)" } : strict;
}

/** True for a row whose numbers are all zero or missing (text aside): at least one zero or null, no other number. */
function isZeroRow(row: readonly Cell[]): boolean {
  const measures = row.filter((cell) => typeof cell === "number" || cell === null || cell === undefined);
  return measures.length > 0 && measures.every((cell) => cell === 0 || cell === null || cell === undefined);
}

function compareRowsAndColumns(gold: ResultTable, answerRows: Cell[][], options: CompareOptions): ComparisonResult {
  const goldRows = gold.rows.map((row) => [...row]);
  if (goldRows.length === 0) {
    return answerRows.length === 0 ? { match: true, reason: "both empty" } : { match: false, reason: `expected no rows, got ${answerRows.length}` };
  }
  if (answerRows.length !== goldRows.length) {
    return { match: false, reason: `expected ${goldRows.length} rows, got ${answerRows.length}` };
  }
  const goldWidth = Math.max(gold.columns?.length ?? 0, ...goldRows.map((row) => row.length));
  const answerWidth = Math.max(0, ...answerRows.map((row) => row.length));
  const profiles: ColumnProfile[] = [];
  const candidates: Candidate[][] = [];
  for (let goldIndex = 0; goldIndex < goldWidth; goldIndex += 1) {
    const goldColumn = column(goldRows, goldIndex);
    const profile = profileColumn(goldColumn);
    profiles.push(profile);
    const scales: NumberScale[] = profile.isRate ? [1, 100] : [1];
    const found: Candidate[] = [];
    for (let answerIndex = 0; answerIndex < answerWidth; answerIndex += 1) {
      const answerColumn = column(answerRows, answerIndex);
      for (const scale of scales) {
        if (columnsCompatible(goldColumn, answerColumn, profile, scale)) found.push({ answerColumn: answerIndex, scale });
      }
    }
    if (found.length === 0) {
      const name = gold.columns?.[goldIndex] ?? `#${goldIndex + 1}`;
      return { match: false, reason: `no answer column has the values of gold column ${name}` };
    }
    candidates.push(found);
  }
  // Try assignments of distinct answer columns to gold columns, most constrained gold column first.
  const order = candidates.map((_, index) => index).sort((left, right) => candidates[left].length - candidates[right].length);
  const chosen = new Array<Candidate | undefined>(goldWidth);
  const usedColumns = new Set<number>();
  let tries = 0;
  const search = (position: number): boolean => {
    if (position === order.length) {
      tries += 1;
      const assignment = chosen.map((candidate) => (candidate as Candidate).answerColumn);
      const scales = chosen.map((candidate) => (candidate as Candidate).scale);
      const projected = answerRows.map((row) => assignment.map((index) => row[index]));
      if (options.ordered) {
        if (goldRows.every((row, index) => rowsEqual(row, projected[index], profiles, scales))) return true;
        // Rows tied on the sort key may come in any order: the key column must read the same, the rows match as a multiset.
        return sortKeyMatches(goldRows, projected, profiles, scales) && multisetsEqual(goldRows, projected, profiles, scales);
      }
      return multisetsEqual(goldRows, projected, profiles, scales);
    }
    const goldIndex = order[position];
    for (const candidate of candidates[goldIndex]) {
      if (usedColumns.has(candidate.answerColumn) || tries >= ASSIGNMENT_LIMIT) continue;
      usedColumns.add(candidate.answerColumn);
      chosen[goldIndex] = candidate;
      if (search(position + 1)) return true;
      usedColumns.delete(candidate.answerColumn);
    }
    chosen[goldIndex] = undefined;
    return false;
  };
  if (search(0)) {
    return { match: true, reason: "match", assignment: chosen.map((candidate) => (candidate as Candidate).answerColumn) };
  }
  return { match: false, reason: options.ordered ? "columns match but rows differ or are in another order" : "columns match one by one but not as rows" };
}
