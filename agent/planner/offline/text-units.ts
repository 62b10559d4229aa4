/** Splits normalized text into matching units: one per Chinese character, English word (stemmed), number or symbol. */
import { stemWord } from "./english-words.ts";

/** One unit of text with its place in the normalized question. */
export interface TextUnit {
  /** What the lexicon is keyed by: the character, the stemmed word, the number or the symbol. */
  key: string;
  /** The text as written (lower case). */
  text: string;
  start: number;
  end: number;
  kind: "han" | "word" | "number" | "symbol";
}

const UNIT = /(\p{Script=Han})|([a-z]+)|(\d+(?:\.\d+)?)|([^\s\p{Script=Han}a-z\d])/gu;

/** The units of a normalized text, in order. */
export function toUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  UNIT.lastIndex = 0;
  for (let match = UNIT.exec(text); match; match = UNIT.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1]) units.push({ key: match[1], text: match[1], start, end, kind: "han" });
    else if (match[2]) units.push({ key: stemWord(match[2]), text: match[2], start, end, kind: "word" });
    else if (match[3]) units.push({ key: match[3], text: match[3], start, end, kind: "number" });
    else units.push({ key: match[4], text: match[4], start, end, kind: "symbol" });
  }
  return units;
}
