/** The shape of one benchmark run's results, shared by the runner and the report, and the derived per-question ratios. */
import type { GeneratorRun } from "./generator-bench.ts";
import type { LoadRun } from "./load-bench.ts";
import type { NativeTiming } from "./native-sqlite.ts";
import type { QuestionBenchResult, QuestionTiming } from "./question-bench.ts";

/** Everything measured on one dataset scale. */
export interface ScaleResults {
  scale: number;
  dbPath: string;
  /** The generator run, or why it was not run (dataset reused). */
  generator: GeneratorRun | { skipped: string };
  questions: QuestionBenchResult;
  native: Map<string, NativeTiming>;
  nativeRepeats: number;
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
  questionCount: number;
  loadSeconds: number;
  machine: MachineInfo;
  scales: ScaleResults[];
  server: ServerResults;
}

/** A question's end-to-end time next to the native time of its statements. */
export interface NativeRatio {
  timing: QuestionTiming;
  nativeMs: number;
  ratio: number;
}

/** Ratios of the questions whose statements ran natively without error (questions without SQL are left out). */
export function nativeRatios(results: ScaleResults): NativeRatio[] {
  const ratios: NativeRatio[] = [];
  for (const timing of results.questions.questions) {
    const native = results.native.get(timing.id);
    if (timing.statements.length === 0 || native?.ms === undefined) continue;
    // Sub-microsecond native times are clock noise; a floor keeps the ratio finite.
    const nativeMs = Math.max(native.ms, 0.001);
    ratios.push({ timing, nativeMs, ratio: timing.totalMs / nativeMs });
  }
  return ratios;
}
