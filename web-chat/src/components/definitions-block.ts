/** The interpretation of the question and the 口径 (definitions) the answer used. */
import { h } from "../dom.ts";
import type { AnswerDefinition } from "../api/answer-types.ts";
import type { Messages } from "../i18n/messages.ts";

/** The interpretation line (always visible) and the definitions, collapsible. */
export function definitionsBlock(interpretation: string, definitions: readonly AnswerDefinition[], messages: Messages): HTMLElement | null {
  if (!interpretation && definitions.length === 0) return null;
  return h(
    "div",
    { class: "definitions", "data-part": "definitions" },
    interpretation && h("p", { class: "interpretation" }, h("strong", { text: `${messages.interpretation}:` }), " ", interpretation),
    definitions.length > 0 &&
      h(
        "details",
        { class: "definitions-list" },
        h("summary", {}, `${messages.definitions} (${definitions.length})`),
        h(
          "dl",
          {},
          definitions.map((definition) => [
            h("dt", {}, definition.name, h("code", { class: "member-id", text: definition.id })),
            h("dd", {}, h("code", { class: "formula", text: definition.formula }), definition.description && h("p", { class: "description", text: definition.description })),
          ]),
        ),
      ),
  );
}
