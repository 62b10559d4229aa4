/** Generator figures: wall time and peak memory of `npm run data` at one scale, run as a child process. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD_SCRIPT = fileURLToPath(new URL("./generate-child.ts", import.meta.url));

/** One generator run. */
export interface GeneratorRun {
  scale: number;
  out: string;
  /** From spawning the child to its exit (tsx start-up included, as with `npm run data`), seconds. */
  seconds: number;
  /** CPU time of the child (user + system, all threads), seconds: far below `seconds` when the machine is busy. */
  cpuSeconds: number;
  /** Peak resident memory of the child, megabytes (MiB). */
  peakRssMb: number;
  /** The generator's own summary line ("wrote …: N rows … in S s"). */
  summary: string;
}

/** Generates the dataset at `scale` into `out` in a child process and measures it. Rejects when the child fails. */
export function timeGenerator(scale: number, out: string, log: (line: string) => void = () => undefined): Promise<GeneratorRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", CHILD_SCRIPT, "--out", out, "--scale", String(scale)], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let summary = "";
    let pending = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("wrote ")) summary = line;
        log(`  generator: ${line}`);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const report = output.trim().split("\n").pop() ?? "";
      let maxRssKb = Number.NaN;
      let cpuSeconds = Number.NaN;
      try {
        ({ maxRssKb, cpuSeconds } = JSON.parse(report) as { maxRssKb: number; cpuSeconds: number });
      } catch {
        // No report line: the exit code below says why.
      }
      if (code !== 0) {
        reject(new Error(`the generator exited with code ${code} at scale ${scale}`));
        return;
      }
      resolve({ scale, out, seconds, cpuSeconds, peakRssMb: maxRssKb / 1024, summary });
    });
  });
}
