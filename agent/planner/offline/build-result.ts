/** What building a draft comes to, and the confidence it loses on the way. */
import type { Ambiguity } from "../../../schema/semantic-layer/types.ts";
import type { Draft } from "./draft.ts";
import type { Span } from "./scan-question.ts";

/** What building a draft came to. */
export type BuildResult =
  | { kind: "draft"; draft: Draft; penalty: number; reasons: string[] }
  | { kind: "clarify"; ambiguity: Ambiguity; span: Span }
  | { kind: "unsupported"; reason: "not_understood" | "pii_request"; detail: string };

/** Confidence lost while building, with the reasons. */
export interface Build {
  penalty: number;
  reasons: string[];
}

/** Records lost confidence with its reason. */
export const note = (build: Build, penalty: number, reason: string) => {
  build.penalty += penalty;
  build.reasons.push(reason);
};
