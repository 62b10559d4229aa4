/** The shape of one benchmark run's results, shared by the runner and the report, and the derived per-question ratios. */
import type { EmbeddedEngineKind } from "../tools/engines/engine-kind.ts";
import type { GeneratorRun } from "./generator-bench.ts";
import type { LoadRun } from "./load-bench.ts";
import type { NativeTiming } from "./native-sqlite.ts";
import type { QuestionBenchResult, QuestionTiming } from "./question-bench.ts";

/** The embedded engines by their names in the report. */
export const ENGINE_NAMES: Record<EmbeddedEngineKind, string> = { sqljs: "sql.js", "native-sqlite": "native SQLite (better-sqlite3)" };

/** Everything measured on one dataset scale. */
export interface ScaleResults {
  scale: number;
  dbPath: string;
  /** The generator run, or why it was not run (dataset reused). */
  generator: GeneratorRun | { skipped: string };
  /** The per-question figures, one run per engine (sql.js first). */
  runs: QuestionBenchResult[];
  /** Native times of the statements (the same on every engine: one compiler, one dialect). */
  native: Map<string, NativeTiming>;
  nativeRepeats: number;
}

/** The server figures of one engine. */
export interface EngineServerResults {
  engine: EmbeddedEngineKind;
  server: ServerResults;
}

/** Start-up and load figures, or why they were not measured. */
export type ServerResults =
  | {
      measured: true;
      scale: number;
      /** From spawn to listening, and to the first answer, milliseconds. */
      listeningMs: number;
      firstAnswerMs: number;
      firstAnswerStatus: string;
      /** The server's resident memory right after its first answer, MiB (the baseline before load). */
      firstAnswerRssMb: number;
      levels: LoadRun[];
      /** The same server with its journals in memory (/dev/shm): a diagnostic of the journals' cost. */
      journalsInMemory?: LoadRun;
      /** Questions left out of the mix because they answer with status "error" even when asked alone. */
      excluded: string[];
    }
  | { measured: false; reason: string };

/** The machine the run happened on. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  sqljsSqlite: string;
  /** SQLite inside better-sqlite3 (the native engine), or "not installed". */
  engineSqlite: string;
  nativeSqlite: string;
  /** 1-minute load average at the start and at the end of the run (other work on the machine skews figures). */
  loadBefore: number;
  loadAfter: number;
}

/** One benchmark run. */
export interface BenchResults {
  startedAt: Date;
  finishedAt: Date;
  quick: boolean;
  /** Eval categories left out of the workload (--exclude). */
  excludedCategories: string[];
  questionCount: number;
  loadSeconds: number;
  machine: MachineInfo;
  scales: ScaleResults[];
  /** One server per engine (LENDLENS_ENGINE), sql.js first. */
  servers: EngineServerResults[];
}

/** A question's end-to-end time next to the native time of its statements. */
export interface NativeRatio {
  timing: QuestionTiming;
  nativeMs: number;
  ratio: number;
}

/** Ratios of one engine's questions whose statements ran natively without error (questions without SQL are left out). */
export function nativeRatios(results: ScaleResults, run: QuestionBenchResult): NativeRatio[] {
  const ratios: NativeRatio[] = [];
  for (const timing of run.questions) {
    const native = results.native.get(timing.id);
    if (timing.statements.length === 0 || native?.ms === undefined) continue;
    // Sub-microsecond native times are clock noise; a floor keeps the ratio finite.
    const nativeMs = Math.max(native.ms, 0.001);
    ratios.push({ timing, nativeMs, ratio: timing.totalMs / nativeMs });
  }
  return ratios;
}
