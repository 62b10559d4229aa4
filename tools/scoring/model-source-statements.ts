/** The statements a cached model was built from: read off an engine that records what it runs, reported again on reuse. */
import type { Engine } from "../engines/engine.ts";

/** An engine that records its statements (the pipeline's guarded engine): those it ran and those a call reused. */
export interface StatementRecordingEngine extends Engine {
  /** Statements this engine ran, exactly as executed, in order. */
  readonly statements: readonly string[];
  /** Statements an earlier call ran to build a model this call reuses, in their order (the answer shows them too). */
  readonly reusedStatements: string[];
}

/** True when the engine records statements (an engine used directly records none). */
function isRecording(engine: Engine): engine is StatementRecordingEngine {
  const candidate = engine as Partial<StatementRecordingEngine>;
  return Array.isArray(candidate.statements) && Array.isArray(candidate.reusedStatements);
}

/**
 * Runs `build` and returns its value with the statements the engine recorded meanwhile ([] when it records none).
 * Only `build` may query the engine meanwhile: the pipeline's engine is new on every call, so nothing else does.
 */
export async function withRecordedStatements<Value>(engine: Engine, build: () => Promise<Value>): Promise<{ value: Value; statements: string[] }> {
  const before = isRecording(engine) ? engine.statements.length : 0;
  const value = await build();
  return { value, statements: isRecording(engine) ? engine.statements.slice(before) : [] };
}

/** Tells a recording engine that this call's numbers also come from `statements` run earlier (no-op otherwise). */
export function reportReusedStatements(engine: Engine, statements: readonly string[]): void {
  if (isRecording(engine)) engine.reusedStatements.push(...statements);
}
