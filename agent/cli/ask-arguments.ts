/** The command line of `npm run ask`: [--db FILE] [--json] "question" | [--db FILE] --batch FILE.jsonl. */
import { LendLensError } from "../../schema/errors.ts";

/** What the command was asked to do. */
export type AskCommand =
  | { mode: "help" }
  | { mode: "question"; question: string; json: boolean; db?: string }
  | { mode: "batch"; batchFile: string; db?: string };

/** The usage text. */
export const ASK_USAGE = `Usage:
  npm run ask -- [--db FILE] [--json] "question"
  npm run ask -- [--db FILE] --batch FILE.jsonl

  --db FILE      the SQLite dataset (default: DB_PATH, else data/lendlens.db, created with demo data if missing)
  --json         print the answer object as JSON
  --batch FILE   answer each line {"id","question"} or {"id","questions":[...]} and print one JSON line per input line
  DATABASE_URL=postgres://... reads PostgreSQL instead of the SQLite file.`;

/** Bad command-line arguments (exit code 2). */
export class UsageError extends LendLensError {
  constructor(problem: string) {
    super("USAGE", { zh: `参数有误:${problem}`, en: `Bad arguments: ${problem}` }, { details: { problem } });
  }
}

/**
 * Parses the arguments after `--`. Accepts `--db FILE` and `--db=FILE`; the question may be several words.
 * @throws UsageError for unknown options, missing values, or a missing or extra question.
 */
export function parseAskArguments(argv: readonly string[]): AskCommand {
  let db: string | undefined;
  let batchFile: string | undefined;
  let json = false;
  const words: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const [flag, inline] = argument.startsWith("--") && argument.includes("=") ? [argument.slice(0, argument.indexOf("=")), argument.slice(argument.indexOf("=") + 1)] : [argument, undefined];
    const value = (): string => {
      const found = inline ?? argv[++index];
      if (found === undefined || found === "" || (inline === undefined && found.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      return found;
    };
    if (flag === "--help" || flag === "-h") return { mode: "help" };
    else if (flag === "--json") json = true;
    else if (flag === "--db") db = value();
    else if (flag === "--batch") batchFile = value();
    else if (flag === "--") continue;
    else if (flag.startsWith("--")) throw new UsageError(`unknown option ${flag}`);
    else words.push(argument);
  }
  if (batchFile !== undefined) {
    if (words.length > 0) throw new UsageError("give either a question or --batch, not both");
    return { mode: "batch", batchFile, db };
  }
  const question = words.join(" ").trim();
  if (!question) throw new UsageError("no question given");
  return { mode: "question", question, json, db };
}
