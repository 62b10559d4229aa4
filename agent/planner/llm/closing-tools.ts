/** The tools that end planning without a plan: a clarifying question, or an honest "unsupported". */
import { z } from "zod";
import { definePlannerTool } from "./planner-tool.ts";

/** ask_clarification: the question is ambiguous; the user picks one of the choices. */
export const askClarificationTool = definePlannerTool({
  name: "ask_clarification",
  description: "Ask the user one short clarifying question when the question could mean different metrics, periods or groups. Offer 2-4 choices.",
  input: z
    .object({
      question: z.string().min(1).max(300).describe("the clarifying question, in the user's language"),
      choices: z
        .array(
          z
            .object({
              label: z.string().min(1).max(80).describe("what the choice says"),
              message: z.string().min(1).max(300).describe("the full question the chat sends when the choice is picked"),
            })
            .strict(),
        )
        .max(6)
        .default([])
        .describe("the options offered"),
    })
    .strict(),
  async run(args, session) {
    return { kind: "final", outcome: { status: "clarify", language: session.language, question: args.question, choices: args.choices, confidence: 0.5 } };
  },
});

/** answer_unsupported: the question cannot or must not be answered from this data. */
export const answerUnsupportedTool = definePlannerTool({
  name: "answer_unsupported",
  description:
    "Decline the question: it asks to change data (write_request), for unmasked personal data (pii_request), is about something this data does not hold (out_of_scope), or cannot be understood (not_understood).",
  input: z
    .object({
      reason: z.enum(["out_of_scope", "write_request", "pii_request", "not_understood"]).describe("why it is declined"),
      message: z.string().min(1).max(500).describe("one plain sentence in the user's language saying why"),
      suggestions: z.array(z.string().min(1).max(200)).max(5).default([]).describe("questions this data can answer instead"),
    })
    .strict(),
  async run(args, session) {
    return {
      kind: "final",
      outcome: { status: "unsupported", language: session.language, reason: args.reason, message: args.message, suggestions: args.suggestions, confidence: 0.8 },
    };
  },
});
