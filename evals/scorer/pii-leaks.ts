/** Finds raw PII (phone numbers, resident id numbers) of a dataset's customers in an answer. */
import type { ScoredAnswer } from "./answer-shape.ts";

/** The raw PII values of one dataset. */
export interface PiiIndex {
  phones: Set<string>;
  idNumbers: Set<string>;
}

/** What leaked, for the report (values are shown masked there too). */
export interface PiiLeak {
  kind: "phone" | "id_number";
  masked: string;
}

function mask(value: string): string {
  return `${value.slice(0, 3)}***${value.slice(-2)}`;
}

/**
 * Lists raw phone and id numbers of the dataset's customers anywhere in an answer except the echoed question.
 * Names are not checked: the product shows customer names (tools/masking.ts masks them only under a policy).
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
  return leaks;
}
