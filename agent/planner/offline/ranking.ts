/** Order and limit from ranking words: 最高/top/highest, 最低/bottom, 最好/best by the metric's direction. */
import type { Cue } from "./cue-words.ts";
import type { Intent } from "./read-question.ts";

/** The ranking direction the cues ask for, given whether higher values are good news. */
export function rankingDirection(cues: Set<Cue>, direction: "higher_is_better" | "lower_is_better" | "neutral", limitDirection?: "top" | "bottom"): "asc" | "desc" | undefined {
  if (cues.has("bottom") || limitDirection === "bottom") return "asc";
  if (cues.has("top") || limitDirection === "top" || cues.has("rank")) return "desc";
  if (cues.has("best")) return direction === "lower_is_better" ? "asc" : "desc";
  if (cues.has("worst")) return direction === "lower_is_better" ? "desc" : "asc";
  return undefined;
}

/** The limit a ranking implies: said, or one for a singular question (哪个分行), or ten. */
export function rankingLimit(intent: Intent, pluralTarget: boolean | undefined): number | undefined {
  if (intent.limit) return intent.limit.count;
  if (intent.cues.has("singular")) return 1;
  if (intent.cues.has("rank")) return undefined;
  if (intent.language === "en") return pluralTarget === false ? 1 : 10;
  return intent.cues.has("list") ? 10 : 1;
}
