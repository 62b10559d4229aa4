/** Runs recorded statements with native SQLite (python3's sqlite3 module, bench/native-sqlite-timer.py) on the same file. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const TIMER_SCRIPT = fileURLToPath(new URL("./native-sqlite-timer.py", import.meta.url));

/** The statements of one question. */
export interface NativeItem {
  id: string;
  statements: { sql: string; params: unknown[] }[];
}

/** Native time of one question's statements (median of the repeats), or why it could not run. */
export interface NativeTiming {
  id: string;
  ms?: number;
  /** The untimed warm-up run, timed: the statements prepared for the first time (python keeps them for the repeats). */
  first_ms?: number;
  rows?: number;
  error?: string;
}

/** Options of a native run. */
export interface NativeOptions {
  /** Timed runs per question after one untimed warm-up run; the median is reported (default 3). */
  repeats?: number;
  /** One untimed run before the timed ones (default true). */
  warmUp?: boolean;
  /** The python interpreter (default python3). */
  python?: string;
}

/**
 * Times every item's statements with native SQLite, read-only, on `dbPath`. Resolves to the timings by id;
 * rejects when python3 cannot be started or exits with an error.
 */
export function timeNatively(dbPath: string, items: readonly NativeItem[], options: NativeOptions = {}): Promise<Map<string, NativeTiming>> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.python ?? "python3", [TIMER_SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    let errors = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`native SQLite timer exited with ${code}: ${errors.trim().slice(-500)}`));
        return;
      }
      const timings = new Map<string, NativeTiming>();
      for (const line of output.split("\n")) {
        if (!line.trim()) continue;
        const timing = JSON.parse(line) as NativeTiming;
        timings.set(timing.id, timing);
      }
      resolve(timings);
    });
    child.stdin.end(JSON.stringify({ db: dbPath, repeats: options.repeats ?? 3, warm_up: options.warmUp ?? true, items }));
  });
}
