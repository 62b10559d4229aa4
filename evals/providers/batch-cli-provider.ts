/** A provider that shells out to `npm run ask -- --db FILE --batch FILE.jsonl` (the batch format of shared/ANSWER.md). */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { providerFailure, toScoredAnswer } from "../scorer/answer-shape.ts";
import type { ScoredAnswer } from "../scorer/answer-shape.ts";
import type { AnswerProvider, ProviderCase, ProviderDataset } from "./answer-provider.ts";

/** Options: the repository to run in, extra environment, and a time limit for one batch. */
export interface BatchCliProviderOptions {
  name: string;
  cwd: string;
  environment?: Record<string, string | undefined>;
  timeoutMs?: number;
}

interface BatchOutputLine {
  id?: unknown;
  answer?: unknown;
  answers?: unknown;
}

/** Parses the command's stdout: one JSON line per case; other lines (logs) are ignored. */
export function parseBatchOutput(stdout: string): Map<string, unknown[]> {
  const answers = new Map<string, unknown[]>();
  for (const line of stdout.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith("{")) continue;
    let parsed: BatchOutputLine;
    try {
      parsed = JSON.parse(trimmed) as BatchOutputLine;
    } catch {
      continue;
    }
    if (parsed.id === undefined) continue;
    const list = Array.isArray(parsed.answers) ? parsed.answers : parsed.answer !== undefined ? [parsed.answer] : [];
    answers.set(String(parsed.id), list);
  }
  return answers;
}

/** The informative part of a failed command's stderr: the first error line, else the last lines. */
export function errorSummary(stderr: string, fallback: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const errorLine = lines.find((line) => /\b\w*Error\b|error:/i.test(line));
  return (errorLine ?? (lines.slice(-3).join(" ") || fallback)).slice(0, 400);
}

/** Creates the provider; the child never sees DATABASE_URL (the evals read the SQLite dataset files). */
export function createBatchCliProvider(options: BatchCliProviderOptions): AnswerProvider {
  const run = (cases: ProviderCase[], dataset: ProviderDataset): Promise<Map<string, ScoredAnswer[]>> => {
    const folder = mkdtempSync(join(tmpdir(), "lendlens-evals-"));
    const batchFile = join(folder, "batch.jsonl");
    writeFileSync(batchFile, cases.map((item) => JSON.stringify(item.questions.length === 1 ? { id: item.id, question: item.questions[0] } : { id: item.id, questions: item.questions })).join("\n") + "\n");
    const environment: Record<string, string | undefined> = { ...process.env, ...options.environment, TZ: "UTC" };
    delete environment.DATABASE_URL;
    const started = performance.now();
    return new Promise((resolve) => {
      execFile(
        "npm",
        ["run", "--silent", "ask", "--", "--db", dataset.path, "--batch", batchFile],
        { cwd: options.cwd, env: environment as NodeJS.ProcessEnv, timeout: options.timeoutMs ?? 30 * 60_000, maxBuffer: 512 * 1024 * 1024 },
        (error, stdout, stderr) => {
          rmSync(folder, { recursive: true, force: true });
          const elapsed = performance.now() - started;
          const parsed = parseBatchOutput(String(stdout));
          const failure = error ? `npm run ask failed: ${errorSummary(String(stderr), error.message)}` : "no answer line for this case in the batch output";
          const result = new Map<string, ScoredAnswer[]>();
          for (const item of cases) {
            const raw = parsed.get(item.id);
            const answers = item.questions.map((_, index) => (raw?.[index] === undefined ? providerFailure(failure) : toScoredAnswer(raw[index])));
            // Answers without their own timing get an even share of the batch's wall time.
            for (const answer of answers) if (answer.timings?.total_ms === undefined) answer.measured_ms = elapsed / Math.max(1, cases.length);
            result.set(item.id, answers);
          }
          resolve(result);
        },
      );
    });
  };
  return {
    name: options.name,
    async answer(questions, dataset) {
      const result = await run([{ id: "single", questions }], dataset);
      return result.get("single") ?? questions.map(() => providerFailure("no answer"));
    },
    answerBatch: run,
  };
}
