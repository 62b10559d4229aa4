/** Split English phrasal verbs joined again: "break the overdue rate down by product" reads as "the overdue rate by product". */

/** "break X down by Y", "split X up by Y", "slice X by Y": X grouped by Y (the object is at most a few words). */
const SPLIT_GROUPING = /\b(?:break|breaking|split|splitting|slice|slicing|cut|cutting)\s+((?:[a-z0-9'+]+\s+){0,6}?[a-z0-9'+]+)\s+(?:down|up|out)\s+(by|per|across)\b/g;

/**
 * "fall due", "falling due", "fell due": becoming due, not a fall (a decrease compared with a previous period). ("coming
 * due" is a name of the due-soon term, and names are normalized with this text too: it stays.)
 */
const FALL_DUE = /\b(?:fall|falls|falling|fell|fallen)\s+due\b/g;

/** The lower-case text with split grouping verbs rejoined as "X by Y" and "fall due" read as "due". */
export function joinSplitPhrasalVerbs(text: string): string {
  return text.replace(SPLIT_GROUPING, (_match, object: string, preposition: string) => `${object} ${preposition}`).replace(FALL_DUE, "due");
}
