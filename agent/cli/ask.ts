/** Entry point of `npm run ask -- [--db FILE] [--json] "question" | --batch FILE.jsonl` (see ask-command.ts). */
import { runAskCommand } from "./ask-command.ts";

const exitCode = await runAskCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  environment: process.env,
});
process.exitCode = exitCode;
