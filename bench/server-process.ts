/** Starts `npm start`'s server (server/main.ts) as a child process on a free loopback port, for the load and start-up figures. */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SERVER_MAIN = fileURLToPath(new URL("../server/main.ts", import.meta.url));
const REPOSITORY_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The key the benchmark's server accepts (a manager: every branch, no row scoping). */
export const BENCH_API_KEY = "bench-key-0001";

/** A running server child. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** From spawn to the "listening" line, milliseconds. */
  listeningMs: number;
  /** When the child was spawned (performance.now()). */
  spawnedAt: number;
  /**
   * Resident memory now and at its peak (VmRSS, VmHWM from /proc), MiB, of the server and its child processes (the
   * native engine's workers; for the peak, the sum of each process's own peak); NaN where /proc is missing.
   */
  memory(): { rssMb: number; peakRssMb: number };
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
}

/** How to start the server. */
export interface ServerProcessOptions {
  dbPath: string;
  /** Conversations, feedback and audit journals go here. */
  stateDir: string;
  /** Extra environment (e.g. SQLJS_WORKERS). */
  environment?: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof for a profile of the server). */
  nodeArguments?: string[];
  /** Give up when the server is not listening after this long (default 120 s). */
  startTimeoutMs?: number;
}

/** Reads a /proc/<pid>/status memory line (kB) as MiB. */
function procMemory(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** The pids of `pid`'s descendants (children, their children, ...), from the parent pid in /proc/<pid>/stat. */
function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      // "pid (name) state ppid ...": the name may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const pending = [...(parents.get(pid) ?? [])];
  while (pending.length > 0) {
    const child = pending.pop() as number;
    found.push(child);
    pending.push(...(parents.get(child) ?? []));
  }
  return found;
}

/** Memory of a process and its descendants, MiB: summed VmRSS now and summed VmHWM. */
export function processTreeMemory(pid: number): { rssMb: number; peakRssMb: number } {
  const pids = [pid, ...descendantsOf(pid)];
  const sum = (field: "VmRSS" | "VmHWM") => pids.map((each) => procMemory(each, field)).reduce((total, value, index) => (index > 0 && Number.isNaN(value) ? total : total + value), 0);
  return { rssMb: sum("VmRSS"), peakRssMb: sum("VmHWM") };
}

/** The child's environment: the parent's minus any LLM endpoint (offline planner), plus the bench's settings. */
function serverEnvironment(options: ServerProcessOptions): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "DATABASE_URL", "LENDLENS_KEYS_FILE"]) delete environment[name];
  return {
    ...environment,
    PORT: "0",
    HOST: "127.0.0.1",
    DB_PATH: options.dbPath,
    LLM_MODE: "offline",
    LENDLENS_API_KEYS: `${BENCH_API_KEY}:bench:manager`,
    LENDLENS_DEMO_KEY: "off",
    // The load test asks far more than a person would: lift the per-key rate limit (100,000 a second).
    LENDLENS_RATE_LIMIT: "100000",
    LENDLENS_RATE_WINDOW_MS: "1000",
    LENDLENS_STATE_DIR: options.stateDir,
    ...options.environment,
  };
}

/** Starts the server and resolves once it prints its "listening on" line. */
export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArguments ?? []), "--import", "tsx", SERVER_MAIN], {
    cwd: REPOSITORY_ROOT,
    env: serverEnvironment(options),
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const exitedEarly = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before listening: ${errors.trim().slice(-800)}`));
    };
    let errors = "";
    let listening = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start within ${options.startTimeoutMs ?? 120_000} ms: ${errors.slice(-500)}`));
    }, options.startTimeoutMs ?? 120_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", exitedEarly);
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      errors = (errors + chunk).slice(-4000);
      const match = /listening on (http:\/\/\S+)/.exec(errors);
      if (listening || !match || child.pid === undefined) return;
      listening = true;
      clearTimeout(timer);
      child.off("exit", exitedEarly);
      const pid = child.pid;
      resolve({
        url: (match[1] as string).replace("localhost", "127.0.0.1"),
        pid,
        listeningMs: performance.now() - spawnedAt,
        spawnedAt,
        memory: () => processTreeMemory(pid),
        async stop() {
          if (child.exitCode !== null) return;
          child.kill("SIGTERM");
          const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/** What one POST /api/chat gave. */
export interface ChatCall {
  ok: boolean;
  httpStatus: number;
  answerStatus?: string;
  ms: number;
  error?: string;
}

/** Asks one question over HTTP; never throws (a network failure is a call that is not ok). */
export async function postChat(url: string, message: string): Promise<ChatCall> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_API_KEY}` },
      body: JSON.stringify({ message }),
    });
    const body = (await response.json()) as { status?: string };
    const ms = performance.now() - started;
    const ok = response.status === 200 && body.status !== "error";
    return { ok, httpStatus: response.status, ...(body.status ? { answerStatus: body.status } : {}), ms };
  } catch (error) {
    return { ok: false, httpStatus: 0, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}
