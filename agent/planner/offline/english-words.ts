/** Light English word handling: plural stemming and edit distance for typo tolerance. */

const KEEP_AS_IS = new Set(["news", "status", "gross", "loss", "business", "bus", "this", "is", "was", "has", "us", "less", "plus", "series", "process", "access", "analysis"]);

/** A crude stem: plural endings removed ("loans" -> "loan", "categories" -> "category"). */
export function stemWord(word: string): string {
  if (word.length <= 3 || KEEP_AS_IS.has(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** Whether two words differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(left: string, right: string): boolean {
  if (left === right) return true;
  if (Math.abs(left.length - right.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < left.length && j < right.length) {
    if (left[i] === right[j]) {
      i++;
      j++;
      continue;
    }
    edits++;
    if (edits > 1) return false;
    if (left.length > right.length) i++;
    else if (right.length > left.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (left.length - i) + (right.length - j) <= 1;
}
