/** Masking of personally identifying values in result rows: id numbers and phones never leave whole. */
import type { PiiKind } from "./sql-guard/guard-policy.ts";

const MASK = "*";

/** Keeps the first `keepStart` and last `keepEnd` characters and stars the rest; short values are starred whole. */
function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const characters = [...value];
  if (characters.length <= keepStart + keepEnd) return MASK.repeat(characters.length);
  return characters.slice(0, keepStart).join("") + MASK.repeat(characters.length - keepStart - keepEnd) + characters.slice(-keepEnd).join("");
}

/** "31010119900101123X" → "310***********123X": the region prefix and the last four stay, length is kept. */
export function maskIdNumber(value: string): string {
  return maskMiddle(value, 3, 4);
}

/** "13812345678" → "138****5678". */
export function maskPhone(value: string): string {
  return maskMiddle(value, 3, 4);
}

/** "张三丰" → "张**": the family name stays. Used only when a policy restricts names. */
export function maskName(value: string): string {
  const characters = [...value];
  return characters.length === 0 ? value : characters[0] + MASK.repeat(characters.length - 1);
}

const MASKERS: Record<PiiKind, (value: string) => string> = { id_number: maskIdNumber, phone: maskPhone, name: maskName };

/** Masks one value of the given kind; null stays null, other values are masked as their text. */
export function maskValue(value: unknown, kind: PiiKind): unknown {
  if (value === null || value === undefined) return value;
  return MASKERS[kind](typeof value === "string" ? value : String(value));
}

/** Returns new rows with the columns at the given positions masked by kind; other values are untouched. */
export function maskRows(rows: readonly (readonly unknown[])[], piiByColumnIndex: Readonly<Record<number, PiiKind>>): unknown[][] {
  const masked = Object.entries(piiByColumnIndex).map(([index, kind]) => [Number(index), kind] as const);
  if (masked.length === 0) return rows.map((row) => [...row]);
  return rows.map((row) => {
    const copy = [...row];
    for (const [index, kind] of masked) if (index < copy.length) copy[index] = maskValue(copy[index], kind);
    return copy;
  });
}
