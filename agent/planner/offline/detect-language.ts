/** Language detection: any CJK character makes a question Chinese. */
import type { Language } from "../planner.ts";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** "zh" when the question holds any CJK character, else "en". */
export function detectLanguage(question: string): Language {
  return CJK.test(question) ? "zh" : "en";
}
