/** Cell equality for execution-based scoring: numbers within a tolerance, rates as fractions or percentages. */

/** Absolute tolerance for money and other large numbers: one fen. */
export const MONEY_TOLERANCE = 0.01;
/** Absolute tolerance for rates (fractions 0..1). */
export const RATE_TOLERANCE = 1e-4;
/** Gold values at most this large in magnitude (and not whole) are treated as rates. */
const RATE_MAGNITUDE = 1.5;

/** How an answer column's numbers relate to the gold column's: as they are, or as a percentage of a fraction. */
export type NumberScale = 1 | 100;

/** A cell as both sides present it: whatever JSON or SQLite gives. */
export type Cell = unknown;

/** Turns a cell into a number when it is one (numbers, numeric strings, booleans), else null. */
export function numericValue(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "bigint") return Number(cell);
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (typeof cell === "string") {
    const trimmed = cell.trim().replace(/,/g, "");
    // Dates and months such as "2026-06" must stay strings; accept plain decimals and a trailing percent sign only.
    const match = /^(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(%?)$/.exec(trimmed);
    if (!match) return null;
    const value = Number(match[1]);
    return match[2] === "%" ? value / 100 : value;
  }
  return null;
}

/** True when a gold number looks like a rate (a fraction), so the rate tolerance and percent form apply. */
export function looksLikeRate(gold: number): boolean {
  return Math.abs(gold) <= RATE_MAGNITUDE && !Number.isInteger(gold);
}

/** The tolerance to compare a gold number with. */
export function toleranceFor(gold: number): number {
  return looksLikeRate(gold) ? RATE_TOLERANCE : MONEY_TOLERANCE;
}

/** How one gold column is compared: the tolerance, and whether its values are rates (so a percentage may match). */
export interface ColumnProfile {
  isRate: boolean;
  tolerance: number;
}

/** Profiles a gold column: rates when every number is within ±1.5 and at least one is a fraction. */
export function profileColumn(values: readonly Cell[]): ColumnProfile {
  const numbers = values.filter((value) => typeof value !== "string").map(numericValue).filter((value): value is number => value !== null);
  const isRate = numbers.length > 0 && numbers.every((value) => Math.abs(value) <= RATE_MAGNITUDE) && numbers.some((value) => !Number.isInteger(value));
  return { isRate, tolerance: isRate ? RATE_TOLERANCE : MONEY_TOLERANCE };
}

/** Compares one gold cell with one answer cell; `scale` 100 means the answer gives this rate column as percentages. */
export function cellsEqual(gold: Cell, answer: Cell, profile?: ColumnProfile, scale: NumberScale = 1): boolean {
  const goldMissing = gold === null || gold === undefined;
  const answerMissing = answer === null || answer === undefined;
  if (goldMissing || answerMissing) return goldMissing && answerMissing;
  const goldNumber = numericValue(gold);
  const answerNumber = numericValue(answer);
  if (typeof gold === "string" && typeof answer === "string" && gold.trim() === answer.trim()) return true;
  // Strings that are not numbers (names, months, ids) must match exactly.
  if (goldNumber === null || answerNumber === null) return String(gold).trim() === String(answer).trim();
  const tolerance = profile?.tolerance ?? toleranceFor(goldNumber);
  const comparable = scale === 100 ? answerNumber / 100 : answerNumber;
  return Math.abs(comparable - goldNumber) <= tolerance + 1e-9;
}

/** Orders cells the same way on both sides (nulls first, then numbers, then strings) so sorted columns line up. */
export function compareCellsForSort(left: Cell, right: Cell): number {
  const rank = (cell: Cell): number => (cell === null || cell === undefined ? 0 : numericValue(cell) !== null ? 1 : 2);
  const leftRank = rank(left);
  const rightRank = rank(right);
  if (leftRank !== rightRank) return leftRank - rightRank;
  if (leftRank === 0) return 0;
  if (leftRank === 1) return (numericValue(left) as number) - (numericValue(right) as number);
  const leftText = String(left).trim();
  const rightText = String(right).trim();
  return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
}
