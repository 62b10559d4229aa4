/** "for each of the last 6 months": one figure per month of the window, said as the trend reading "by month over the last 6 months". */

/** "(for|in) each of the last|past|previous N months|quarters", also "each one of", "every one of". */
const EACH_OF_WINDOW = /\b(?:(?:for|in)\s+)?(?:each|every)\s+(?:one\s+)?of\s+the\s+(last|past|previous|prior)\s+(\w+)\s+(month|quarter)s\b/g;

/** Rewrites a window of periods taken one by one into a grouping by that period over the window. */
export function eachPeriodOfWindow(text: string): string {
  return text.replace(EACH_OF_WINDOW, (_match, window: string, count: string, grain: string) => `by ${grain} over the ${window} ${count} ${grain}s`);
}
