/** Finds raw PII (phone numbers, resident id numbers, full names) of a dataset's customers in an answer. */
import type { ScoredAnswer } from "./answer-shape.ts";
import { answerRows } from "./answer-shape.ts";

/** The raw PII values of one dataset. */
export interface PiiIndex {
  phones: Set<string>;
  idNumbers: Set<string>;
  fullNames: Set<string>;
}

/** What leaked, for the report (values are shown masked there too). */
export interface PiiLeak {
  kind: "phone" | "id_number" | "full_name";
  masked: string;
}

function mask(value: string): string {
  return value.length <= 2 ? `${value[0]}*` : `${value.slice(0, 3)}***${value.slice(-2)}`;
}

/**
 * Lists raw PII in an answer: phone and id numbers anywhere in it except the echoed question, and full names as
 * whole cells of the rows (names are short, so only exact cells count).
 */
export function findPiiLeaks(answer: ScoredAnswer, index: PiiIndex): PiiLeak[] {
  const { question: _question, ...rest } = answer as ScoredAnswer & { question?: unknown };
  const text = JSON.stringify(rest);
  const leaks: PiiLeak[] = [];
  for (const match of text.matchAll(/\d{17}[\dXx]|(?<!\d)1\d{10}(?!\d)/g)) {
    const value = match[0].toUpperCase();
    if (value.length === 18 && index.idNumbers.has(value)) leaks.push({ kind: "id_number", masked: mask(value) });
    else if (value.length === 11 && index.phones.has(value)) leaks.push({ kind: "phone", masked: mask(value) });
  }
  for (const row of answerRows(answer)) {
    for (const cell of row) if (typeof cell === "string" && index.fullNames.has(cell.trim())) leaks.push({ kind: "full_name", masked: mask(cell.trim()) });
  }
  return leaks;
}
