/** The system under test as the evals see it: something that answers a conversation's questions on a dataset. */
import type { ScoredAnswer } from "../scorer/answer-shape.ts";

/** The dataset a provider answers on. */
export interface ProviderDataset {
  path: string;
  asOfDate: string;
}

/** One case for a batch: its id and its questions (several for a multi-turn conversation). */
export interface ProviderCase {
  id: string;
  questions: string[];
}

/**
 * Answers questions. `answer` takes one conversation (one answer per question, in order); `answerBatch`, when a
 * provider has it, answers many conversations at once (the runner prefers it) and maps case ids to answers.
 */
export interface AnswerProvider {
  name: string;
  answer(questions: string[], dataset: ProviderDataset): Promise<ScoredAnswer[]>;
  answerBatch?(cases: ProviderCase[], dataset: ProviderDataset): Promise<Map<string, ScoredAnswer[]>>;
}
