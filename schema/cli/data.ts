/**
 * `npm run data -- --out FILE [--seed N] [--scale S] [--as-of YYYY-MM-DD] [--postgres URL]`: generates the dataset.
 * Exit codes: 0 written, 1 failed, 2 bad arguments.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { Database } from "sql.js";
import { LendLensError } from "../errors.ts";
import { DEFAULT_AS_OF_DATE, DatasetOptionsError, resolveDatasetOptions } from "../generator/dataset-options.ts";
import { fillDataset, loadSqlJs, saveDatabase } from "../generator/generate-dataset.ts";
import type { GenerationProgress } from "../generator/generate-dataset.ts";

/** Where the command writes its lines. */
export interface CommandOutput {
  error: (line: string) => void;
}

/** Customers from which a run prints progress lines (scale 0.25 and up). */
const PROGRESS_FROM_CUSTOMERS = 5_000;

/** Bad command-line arguments (exit code 2). */
class DataUsageError extends LendLensError {
  constructor(problem: string) {
    super("USAGE", { zh: `参数有误:${problem}`, en: `Bad arguments: ${problem}` }, { details: { problem } });
  }
}

function wholeNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError("expected a whole number such as 42.");
  return Number(text);
}

function decimalNumber(text: string): number {
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) throw new InvalidArgumentError("expected a number such as 1 or 0.05.");
  return Number(text);
}

function buildProgram(output: CommandOutput): Command {
  return new Command("data")
    .description("Generate the LendLens synthetic lending dataset (deterministic for a seed, scale and as-of date).")
    .option("--out <file>", "SQLite file to write (written to a temporary file beside it, then renamed)")
    .option("--seed <n>", "random seed (default 42)", wholeNumber)
    .option("--scale <s>", "size: 1 = 20,000 customers, about 1.5 million rows; fractions allowed (default 1)", decimalNumber)
    .option("--as-of <date>", `the dataset's as-of date, YYYY-MM-DD (default ${DEFAULT_AS_OF_DATE})`)
    .option("--postgres <url>", "also load the dataset into this PostgreSQL database")
    .option("--quiet", "print no progress lines")
    .exitOverride()
    .configureOutput({ writeErr: (text) => output.error(text.trimEnd()), outputError: (text) => output.error(text.trimEnd()) });
}

/** Loads the dataset into PostgreSQL with tools/engines/postgres-loader.ts, reporting phases. */
async function loadPostgres(database: Database, url: string, output: CommandOutput): Promise<void> {
  // Loaded only when asked for, so that plain runs do not load the PostgreSQL driver.
  const { loadIntoPostgres } = await import("../../tools/engines/postgres-loader.ts");
  const summary = await loadIntoPostgres(database, url, {
    onProgress: (progress) => {
      if (progress.phase === "indexes" || progress.phase === "analyze") output.error(`postgres: ${progress.phase} ...`);
    },
  });
  output.error(`postgres: loaded ${Object.values(summary.rows).reduce((sum, count) => sum + count, 0)} rows into schema ${summary.schema} in ${(summary.ms / 1000).toFixed(1)} s`);
}

/** Runs the command on arguments (without node and script); returns the exit code. */
export async function runDataCommand(argv: readonly string[], output: CommandOutput = { error: (line) => process.stderr.write(`${line}\n`) }): Promise<number> {
  const program = buildProgram(output);
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const flags = program.opts<{ out?: string; seed?: number; scale?: number; asOf?: string; postgres?: string; quiet?: boolean }>();
  const started = performance.now();
  try {
    if (!flags.out && !flags.postgres) throw new DataUsageError("give --out FILE (and/or --postgres URL)");
    if (flags.out) {
      const folder = dirname(resolve(flags.out));
      if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new DataUsageError(`the folder of --out does not exist: ${folder}`);
      if (existsSync(flags.out) && statSync(flags.out).isDirectory()) throw new DataUsageError(`--out names a folder, not a file: ${flags.out}`);
    }
    const options = resolveDatasetOptions({ seed: flags.seed, scale: flags.scale, asOf: flags.asOf });
    const SQL = await loadSqlJs();
    const database = new SQL.Database();
    try {
      let long = false;
      const onProgress = (progress: GenerationProgress): void => {
        if (progress.phase === "customers") long = (progress.customersTotal ?? 0) >= PROGRESS_FROM_CUSTOMERS;
        if (flags.quiet || !long) return;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (progress.phase === "customers") output.error(`customers ${progress.customersDone}/${progress.customersTotal} (${seconds} s)`);
        else output.error(`${progress.phase === "indexes" ? "building indexes" : progress.phase} ... (${seconds} s)`);
      };
      const summary = fillDataset(database, { ...options, onProgress });
      const target = flags.out ? await saveDatabase(database, flags.out) : null;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      output.error(
        `${target ? `wrote ${target}` : "generated"}: ${summary.totalRows} rows (seed ${options.seed}, scale ${options.scale}, as-of ${options.asOf}) in ${seconds} s`,
      );
      if (flags.postgres) await loadPostgres(database, flags.postgres, output);
    } finally {
      database.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof DatasetOptionsError || error instanceof DataUsageError) {
      output.error(`error: ${error.messages.en}`);
      return 2;
    }
    output.error(`error: ${LendLensError.is(error) ? error.messages.en : (error as Error).message}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await runDataCommand(process.argv.slice(2));
}
