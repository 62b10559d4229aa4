/** Builds the clarify and unsupported outcomes, in the question's language. */
import type { SemanticLayer } from "../../../schema/semantic-layer/semantic-layer.ts";
import type { Ambiguity } from "../../../schema/semantic-layer/types.ts";
import type { Language, PlannerOutcome, UnsupportedReason } from "../planner.ts";
import { nameOf } from "./semantic-helpers.ts";
import { suggestQuestions } from "./suggest-questions.ts";

const MESSAGES: Record<UnsupportedReason, Record<Language, string>> = {
  write_request: {
    zh: "LendLens 只能查询和分析数据,不能修改、删除或写入数据。",
    en: "LendLens only reads and analyses data; it cannot change, delete or write data.",
  },
  pii_request: {
    zh: "出于隐私保护,无法提供完整的身份证号、手机号等个人敏感信息;列表中的这些字段会脱敏显示。",
    en: "For privacy, full ID numbers, phone numbers and other personal data cannot be shown; lists show them masked.",
  },
  out_of_scope: {
    zh: "这个问题超出了贷款数据的范围,数据中没有相关信息。",
    en: "That question is outside the lending data; the data has nothing on it.",
  },
  not_understood: {
    zh: "抱歉,我没能准确理解这个问题,为避免给出错误的数字,请换个说法或试试下面的问题。",
    en: "Sorry, I could not understand that question well enough to answer it without guessing; try rephrasing it or one of these questions.",
  },
};

/** An "unsupported" outcome with suggestions built from the semantic layer. */
export function unsupportedOutcome(
  layer: SemanticLayer,
  language: Language,
  reason: UnsupportedReason,
  options: { related?: string[]; detail?: string; explanation?: { zh: string; en: string } } = {},
): PlannerOutcome {
  const detail = options.detail && reason === "out_of_scope" ? (language === "zh" ? `(“${options.detail}”不在数据范围内)` : ` ("${options.detail}" is not in the data)`) : "";
  return {
    status: "unsupported",
    language,
    reason,
    // An explanation says why this particular question cannot be answered (a past state the data does not keep).
    message: options.explanation ? options.explanation[language] : `${MESSAGES[reason][language]}${detail}`,
    suggestions: suggestQuestions(layer, language, options.related),
    confidence: reason === "not_understood" ? 0.3 : 0.9,
  };
}

/** Replaces the ambiguous word in the question with a choice's name (case-insensitively for English). */
function rephrase(question: string, word: string, replacement: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "[\\s-]+");
  const pattern = new RegExp(escaped, "i");
  return pattern.test(question) ? question.replace(pattern, replacement) : `${question} (${replacement})`;
}

/** A "clarify" outcome: the ambiguity's question, each choice a full question that resolves it. */
export function clarifyOutcome(layer: SemanticLayer, language: Language, question: string, ambiguity: Ambiguity, word: string, ranking?: "best" | "worst"): PlannerOutcome {
  return {
    status: "clarify",
    language,
    question: ambiguity.question[language],
    choices: ambiguity.choices.map((choice) => {
      const metric = layer.metric(choice);
      const name = nameOf(metric.names, language);
      // "哪个分行最好" → "哪个分行放款金额最高": a vague ranking word becomes the metric ranked the good (or bad) way.
      const high = ranking === undefined || (ranking === "best") === (metric.direction !== "lower_is_better");
      if (ranking && language === "en") {
        // "Which branch is performing best?" → "Which branch has the highest disbursement?"
        // (Only when the ranking word ends the question: "what are the worst performing products" is rephrased below.)
        const english = question.replace(/\b(is|are)\s+(the\s+)?(performing\s+|doing\s+)?(the\s+)?(best|worst)\b\s*\??\s*$/i, (_match, verb: string) => `${verb.toLowerCase() === "are" ? "have" : "has"} the ${high ? "highest" : "lowest"} ${name}?`);
        if (english !== question) return { label: name, message: english };
        // "show me the best branches" → "show me the branches with the highest disbursement" (never "the the ...").
        const ranked = question.replace(/\b(?:the\s+)?(?:best|worst)(?:[\s-]+(?:performing|performers?))?\s+([a-z]+)\b/i, `the $1 with the ${high ? "highest" : "lowest"} ${name}`);
        if (ranked !== question) return { label: name, message: ranked };
      }
      const replacement = ranking ? (language === "zh" ? `${name}${high ? "最高" : "最低"}` : `the ${high ? "highest" : "lowest"} ${name}`) : name;
      return { label: name, message: rephrase(question, word, replacement) };
    }),
    confidence: 0.5,
  };
}
