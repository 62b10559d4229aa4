/**
 * Child process of the generator benchmark: runs the `npm run data` command in this process, then prints its
 * exit code and peak resident memory (process.resourceUsage().maxRSS, worker threads included) as one JSON line.
 */
import { runDataCommand } from "../schema/cli/data.ts";

const exitCode = await runDataCommand(process.argv.slice(2), { error: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(`${JSON.stringify({ exitCode, maxRssKb: process.resourceUsage().maxRSS })}\n`);
process.exitCode = exitCode;
