/** A small pool of statement workers (threads or processes): queues statements, stops slow ones by terminating their worker, replaces it. */
import type { SqlValue } from "sql.js";
import { EngineUnavailableError, QueryFailedError, QueryTimeoutError } from "./engine-errors.ts";
import type { StatementRows } from "./sqljs-run-statement.d.mts";
import type { StatementWorker, StatementWorkerFactory } from "./statement-worker.ts";

/** One statement for a worker. */
export interface WorkerStatement {
  sql: string;
  params: SqlValue[];
  maxRows?: number;
  timeoutMs: number;
}

/** A worker's answer: the rows plus the time spent inside the worker. */
export interface WorkerAnswer extends StatementRows {
  ms: number;
}

interface PendingStatement extends WorkerStatement {
  id: number;
  resolve: (answer: WorkerAnswer) => void;
  reject: (error: unknown) => void;
}

interface WorkerSlot {
  worker: StatementWorker;
  ready: boolean;
  current?: { statement: PendingStatement; timer: NodeJS.Timeout };
}

type WorkerMessage =
  | { type: "ready" }
  | { type: "open-failed"; message: string }
  | ({ type: "result"; id: number } & WorkerAnswer)
  | { type: "error"; id: number; message: string };

/** How to start the pool's workers and what to call them in errors. */
export interface StatementWorkerPoolOptions {
  spawnWorker: StatementWorkerFactory;
  /** "sql.js" or "native SQLite", for error messages. */
  label: string;
}

/**
 * Runs statements on `size` workers, each with the dataset open (sql.js: its own in-memory copy).
 * The timeout counts from the moment a worker starts the statement (time spent queued is not counted).
 */
export class StatementWorkerPool {
  private readonly slots = new Set<WorkerSlot>();
  private readonly queue: PendingStatement[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly dbPath: string,
    private readonly size: number,
    private readonly options: StatementWorkerPoolOptions,
  ) {}

  /** Starts every worker and waits until each has opened the dataset; fails (and cleans up) if one cannot. */
  async start(): Promise<void> {
    try {
      await Promise.all(Array.from({ length: this.size }, () => this.spawn()));
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Queues a statement; it runs on the next idle worker. */
  run(statement: WorkerStatement): Promise<WorkerAnswer> {
    if (this.closed) return Promise.reject(new EngineUnavailableError("the engine is closed"));
    if (this.slots.size === 0) return Promise.reject(new EngineUnavailableError(`no ${this.options.label} worker can open ${this.dbPath}`));
    return new Promise((resolve, reject) => {
      this.queue.push({ ...statement, id: this.nextId++, resolve, reject });
      this.dispatch();
    });
  }

  /** Number of workers currently alive (ready or starting). */
  get workerCount(): number {
    return this.slots.size;
  }

  /** Rejects queued and running statements and terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const closedError = new EngineUnavailableError("the engine is closed");
    for (const pending of this.queue.splice(0)) pending.reject(closedError);
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) this.finishCurrent(slot)?.reject(closedError);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const slot: WorkerSlot = { worker: this.options.spawnWorker(this.dbPath), ready: false };
      this.slots.add(slot);
      slot.worker.on("message", (message: WorkerMessage) => {
        if (message.type === "ready") {
          slot.ready = true;
          resolve();
          this.dispatch();
        } else if (message.type === "open-failed") {
          this.retire(slot);
          reject(new EngineUnavailableError(`cannot open ${this.dbPath}: ${message.message}`));
        } else {
          const pending = this.finishCurrent(slot);
          if (pending === undefined || pending.id !== message.id) return;
          if (message.type === "result") pending.resolve({ columns: message.columns, rows: message.rows, truncated: message.truncated, ms: message.ms });
          else pending.reject(new QueryFailedError(message.message));
          this.dispatch();
        }
      });
      slot.worker.on("error", (error) => {
        // An uncaught error inside the worker: fail what it was running; "exit" follows and replaces it.
        this.finishCurrent(slot)?.reject(new QueryFailedError(error.message, { cause: error }));
        if (!slot.ready) reject(new EngineUnavailableError(`worker failed to start: ${error.message}`, { cause: error }));
      });
      slot.worker.on("exit", () => {
        if (!this.slots.has(slot)) return; // retired on purpose (timeout, close, open failure)
        this.slots.delete(slot);
        this.finishCurrent(slot)?.reject(new QueryFailedError(`the ${this.options.label} worker exited unexpectedly`));
        if (slot.ready) this.replace();
        else reject(new EngineUnavailableError("worker exited while opening the dataset"));
      });
    });
  }

  /** Hands queued statements to idle, ready workers. */
  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.current !== undefined) continue;
      const statement = this.queue.shift() as PendingStatement;
      const timer = setTimeout(() => this.stopSlow(slot), statement.timeoutMs);
      slot.current = { statement, timer };
      slot.worker.postMessage({ id: statement.id, sql: statement.sql, params: statement.params, maxRows: statement.maxRows });
    }
  }

  /** The only way to stop a running statement (wasm or native): terminate its worker, then start a fresh one. */
  private stopSlow(slot: WorkerSlot): void {
    const pending = this.finishCurrent(slot);
    this.retire(slot);
    pending?.reject(new QueryTimeoutError(pending.timeoutMs));
    this.replace();
  }

  private retire(slot: WorkerSlot): void {
    this.slots.delete(slot);
    slot.worker.terminate().catch(() => undefined);
  }

  private replace(): void {
    if (this.closed) return;
    this.spawn().catch((error: unknown) => {
      // The dataset can no longer be opened: with no worker left, nothing queued can ever run.
      if (this.slots.size > 0) return;
      for (const pending of this.queue.splice(0)) pending.reject(error);
    });
  }

  private finishCurrent(slot: WorkerSlot): PendingStatement | undefined {
    const current = slot.current;
    if (current === undefined) return undefined;
    clearTimeout(current.timer);
    slot.current = undefined;
    return current.statement;
  }
}
