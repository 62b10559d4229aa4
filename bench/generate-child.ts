/**
 * Child process of the generator benchmark: runs the `npm run data` command in this process, then prints its
 * exit code, peak resident memory and CPU time (process.resourceUsage().maxRSS, worker threads included) as one JSON line.
 */
import { runDataCommand } from "../schema/cli/data.ts";

const exitCode = await runDataCommand(process.argv.slice(2), { error: (line) => process.stderr.write(`${line}\n`) });
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ exitCode, maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })}\n`);
process.exitCode = exitCode;
