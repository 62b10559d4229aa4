/**
 * `npm run ask`: answers one question (human text or --json) or a --batch file of cases, through the one ask
 * pipeline. Exit codes: 0 answered/clarify/unsupported, 1 error, 2 bad arguments.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Answer } from "../answer/answer.ts";
import { loadConfiguration } from "../config.ts";
import { createAssistant } from "../pipeline/create-assistant.ts";
import type { Ask } from "../pipeline/ask-pipeline.ts";
import { asLendLensError, errorMessages } from "../answer/status-answers.ts";
import type { Planner } from "../planner/planner.ts";
import type { Engine } from "../../tools/engines/engine.ts";
import { openEngine } from "../../tools/engines/open-engine.ts";
import { ASK_USAGE, parseAskArguments, UsageError } from "./ask-arguments.ts";
import type { AskCommand } from "./ask-arguments.ts";
import { parseBatchLines } from "./batch-cases.ts";
import { ensureDemoDataset } from "./demo-dataset.ts";
import { renderAnswer } from "./render-answer.ts";

/** Where the command reads its environment and writes its output (process streams, or test buffers). */
export interface AskCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  environment: Record<string, string | undefined>;
  /** The planner to use instead of the default offline planner (tests). */
  planner?: Planner;
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** The exit code of a set of answers: 1 when any is an error. */
function exitCodeOf(answers: readonly Answer[]): number {
  return answers.some((answer) => answer.status === "error") ? EXIT_ERROR : EXIT_OK;
}

/** Opens the configured engine: PostgreSQL with DATABASE_URL, else the SQLite file (the demo dataset when missing). */
async function openConfiguredEngine(command: Exclude<AskCommand, { mode: "help" }>, io: AskCommandIo): Promise<Engine> {
  const configuration = loadConfiguration(io.environment);
  if (configuration.databaseUrl) return openEngine({ databaseUrl: configuration.databaseUrl });
  if (command.db !== undefined) {
    if (!existsSync(command.db)) throw new UsageError(`dataset file not found: ${command.db} (create one with npm run data -- --out ${command.db})`);
    return openEngine({ dbPath: command.db, workers: 1 });
  }
  await ensureDemoDataset(configuration.dbPath, configuration.demo, (line) => io.stderr(`${line}\n`));
  return openEngine({ dbPath: configuration.dbPath, workers: 1 });
}

/** Answers every case of a batch file, one JSON line per input line. */
async function runBatch(ask: Ask, batchFile: string, io: AskCommandIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(batchFile, "utf8");
  } catch {
    throw new UsageError(`cannot read the batch file ${batchFile}`);
  }
  let failed = false;
  for (const line of parseBatchLines(text)) {
    if (!("case" in line)) {
      failed = true;
      io.stdout(`${JSON.stringify({ id: line.id, error: { code: "BATCH_LINE_INVALID", message: line.problem } })}\n`);
      continue;
    }
    const batchCase = line.case;
    if ("question" in batchCase) {
      const answer = await ask(batchCase.question);
      failed ||= answer.status === "error";
      io.stdout(`${JSON.stringify({ id: batchCase.id, answer })}\n`);
    } else {
      const answers: Answer[] = [];
      for (const question of batchCase.questions) answers.push(await ask(question, answers.length > 0 ? { conversationId: answers[0].conversation_id } : {}));
      failed ||= exitCodeOf(answers) !== EXIT_OK;
      io.stdout(`${JSON.stringify({ id: batchCase.id, answers })}\n`);
    }
  }
  return failed ? EXIT_ERROR : EXIT_OK;
}

/** Runs the command with the given arguments (after `--`); resolves to the exit code. */
export async function runAskCommand(argv: readonly string[], io: AskCommandIo): Promise<number> {
  let command: AskCommand;
  try {
    command = parseAskArguments(argv);
  } catch (error) {
    io.stderr(`${asLendLensError(error).messages.en}\n\n${ASK_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (command.mode === "help") {
    io.stdout(`${ASK_USAGE}\n`);
    return EXIT_OK;
  }
  let engine: Engine | undefined;
  try {
    engine = await openConfiguredEngine(command, io);
    const debug = Boolean(io.environment.LENDLENS_DEBUG);
    const ask = createAssistant({
      engine,
      configuration: loadConfiguration(io.environment),
      planner: io.planner,
      // The answer keeps internals out of its text; LENDLENS_DEBUG=1 shows them on stderr.
      onError: debug ? (error) => io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`) : undefined,
    });
    if (command.mode === "batch") return await runBatch(ask, command.batchFile, io);
    const answer = await ask(command.question);
    io.stdout(command.json ? `${JSON.stringify(answer, null, 2)}\n` : renderAnswer(answer));
    return exitCodeOf([answer]);
  } catch (failure) {
    if (failure instanceof UsageError) {
      io.stderr(`${failure.messages.en}\n\n${ASK_USAGE}\n`);
      return EXIT_USAGE;
    }
    const error = asLendLensError(failure);
    io.stderr(`${errorMessages(error).en}${error.audience === "internal" ? `\n${error.messages.en}` : ""}\n`);
    return EXIT_ERROR;
  } finally {
    await engine?.close();
  }
}
