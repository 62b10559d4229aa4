/** One worker that runs statements for a pool: a thread (sql.js) or a child process (native SQLite), behind one shape. */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/** What a pool needs from a worker: send a message, hear messages, errors and exit, and stop it for good. */
export interface StatementWorker {
  postMessage(message: unknown): void;
  on(event: "message", listener: (message: never) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  on(event: "exit", listener: () => void): void;
  /** Stops the worker at once, even in the middle of a statement. */
  terminate(): Promise<void>;
}

/** Starts a statement worker for `dbPath`. */
export type StatementWorkerFactory = (dbPath: string) => StatementWorker;

/**
 * A worker thread running `moduleUrl`; terminating it stops a running wasm statement (sql.js). `workerData` adds to
 * what the thread receives besides `dbPath` (e.g. the dataset's bytes in shared memory).
 */
export function threadWorkerFactory(moduleUrl: URL, workerData: (dbPath: string) => Record<string, unknown> = () => ({})): StatementWorkerFactory {
  return (dbPath) => {
    const worker = new Worker(moduleUrl, { workerData: { ...workerData(dbPath), dbPath } });
    return {
      postMessage: (message) => worker.postMessage(message),
      on: (event: "message" | "error" | "exit", listener: (value: never) => void) => void worker.on(event, listener as (value: unknown) => void),
      terminate: async () => {
        await worker.terminate();
      },
    };
  };
}

/**
 * A child process running `moduleUrl` with the dataset path as its argument. Native code inside a worker thread
 * cannot be stopped by terminating the thread (it runs until the statement ends), so native statements run in a
 * process that SIGKILL really stops. Messages use the structured-clone serialization, like a thread's.
 */
export function processWorkerFactory(moduleUrl: URL): StatementWorkerFactory {
  const modulePath = fileURLToPath(moduleUrl);
  return (dbPath) => {
    // execArgv [] so the child starts plain Node (no tsx or test-runner loaders): it is plain ESM.
    const child = fork(modulePath, [dbPath], { serialization: "advanced", execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    return {
      postMessage: (message) => {
        if (child.connected) child.send(message as object);
      },
      on: (event: "message" | "error" | "exit", listener: (value: never) => void) => void child.on(event, listener as (value: unknown) => void),
      terminate: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        await exited;
      },
    };
  };
}
