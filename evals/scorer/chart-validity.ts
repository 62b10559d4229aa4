/** Checks an answer's chart: a non-null Vega-Lite spec must compile with vega-lite's compile(). */
import { compile } from "vega-lite";

/** null when the answer has no chart; otherwise whether it compiles. */
export function chartCompiles(chart: unknown): boolean | null {
  if (chart === null || chart === undefined) return null;
  if (typeof chart !== "object") return false;
  try {
    const compiled = compile(chart as never);
    return Boolean(compiled.spec);
  } catch {
    return false;
  }
}
