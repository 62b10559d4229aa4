/**
 * An append-only JSON Lines file with group commit: each record is written at once with one write (so it survives
 * kill -9 of the process), and fsync'd off the event loop; records written while one fsync runs share the next one.
 * durable() resolves when every record written before it is on disk (survives power loss), so callers acknowledge a
 * record only then. Replayed line by line on open; a torn last line from a crash mid-write is skipped.
 */
import { closeSync, existsSync, fsync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** What opening a journal found. */
export interface JournalReplay {
  records: unknown[];
  /** Where each record's line lies in the file (parallel to `records`), to read it back later with read(). */
  positions: JournalPosition[];
  /** Lines that were not valid JSON (a torn write after a crash). */
  skippedLines: number;
}

/** A record's place in the file, in bytes. */
export interface JournalPosition {
  offset: number;
  length: number;
}

/** A caller waiting until the file is on disk up to `size` bytes. */
interface DurabilityWaiter {
  size: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** One journal file, open for appending. */
export class Journal {
  private fd: number | undefined;
  /** The file's length in bytes: where the next record starts. */
  private size: number;
  /** Bytes known to be on disk (fsync'd). */
  private durableSize: number;
  /** An fsync is running (at most one at a time; what is written meanwhile waits for the next). */
  private syncing = false;
  /** close() was called while an fsync ran: the file is closed when it ends. */
  private closeWhenSynced = false;
  private readonly waiters: DurabilityWaiter[] = [];
  /** fsyncs run so far (one per group of records), for tests and the bench. */
  syncCount = 0;

  private constructor(
    readonly path: string,
    fd: number,
    size: number,
  ) {
    this.fd = fd;
    this.size = size;
    this.durableSize = size;
  }

  /** Opens (creating when missing) the journal at `path` and returns its records, oldest first. */
  static open(path: string): { journal: Journal; replay: JournalReplay } {
    mkdirSync(dirname(path), { recursive: true });
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    const records: unknown[] = [];
    const positions: JournalPosition[] = [];
    let skippedLines = 0;
    let start = 0;
    while (start < bytes.length) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline < 0 ? bytes.length : newline;
      const line = bytes.toString("utf8", start, end);
      if (line.trim()) {
        try {
          records.push(JSON.parse(line));
          positions.push({ offset: start, length: end - start });
        } catch {
          skippedLines += 1;
        }
      }
      start = end + 1;
    }
    const fd = openSync(path, "a", 0o600);
    let size = bytes.length;
    // A crash mid-write may leave a line without its newline: start the next record on a line of its own.
    if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) size += writeSync(fd, "\n");
    return { journal: new Journal(path, fd, size), replay: { records, positions, skippedLines } };
  }

  /**
   * Writes one record at once (it survives the process being killed) and starts an fsync unless one is running;
   * returns where it lies, for read(). Await durable() before acknowledging the record.
   */
  append(record: unknown): JournalPosition {
    if (this.fd === undefined || this.closeWhenSynced) throw new Error(`journal ${this.path} is closed`);
    const line = Buffer.from(`${JSON.stringify(record)}\n`, "utf8");
    writeSync(this.fd, line);
    const position = { offset: this.size, length: line.length - 1 };
    this.size += line.length;
    this.startSync();
    return position;
  }

  /** Appends one record and fsyncs before returning, on the calling thread (for rare records with a synchronous API). */
  appendDurably(record: unknown): JournalPosition {
    const position = this.append(record);
    fsyncSync(this.fd as number);
    this.markDurable(position.offset + position.length + 1);
    return position;
  }

  /** Resolves when every record appended so far is on disk; rejects when the fsync fails. */
  durable(): Promise<void> {
    if (this.durableSize >= this.size) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ size: this.size, resolve, reject });
      this.startSync();
    });
  }

  /** One fsync off the event loop for everything written so far; when it ends, the next covers what came meanwhile. */
  private startSync(): void {
    if (this.syncing || this.fd === undefined || this.durableSize >= this.size) return;
    this.syncing = true;
    const target = this.size;
    fsync(this.fd, (error) => {
      this.syncing = false;
      this.syncCount += 1;
      if (error) {
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
      } else {
        this.markDurable(target);
      }
      if (this.closeWhenSynced) this.closeNow();
      else this.startSync();
    });
  }

  private markDurable(size: number): void {
    this.durableSize = Math.max(this.durableSize, size);
    const stillWaiting = this.waiters.filter((waiter) => waiter.size > this.durableSize);
    for (const waiter of this.waiters) if (waiter.size <= this.durableSize) waiter.resolve();
    this.waiters.splice(0, this.waiters.length, ...stillWaiting);
  }

  /** Reads back the record at a position (large records need not stay in memory). */
  read(position: JournalPosition): unknown {
    const fd = openSync(this.path, "r");
    try {
      const buffer = Buffer.alloc(position.length);
      readSync(fd, buffer, 0, position.length, position.offset);
      return JSON.parse(buffer.toString("utf8"));
    } finally {
      closeSync(fd);
    }
  }

  /** Writes what is pending to disk and closes the file (after a running fsync ends); later appends throw. */
  close(): void {
    if (this.fd === undefined || this.closeWhenSynced) return;
    if (this.syncing) this.closeWhenSynced = true;
    else this.closeNow();
  }

  private closeNow(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    try {
      if (this.durableSize < this.size) fsyncSync(fd);
      this.markDurable(this.size);
    } catch (error) {
      for (const waiter of this.waiters.splice(0)) waiter.reject(error as Error);
    } finally {
      closeSync(fd);
      this.fd = undefined;
    }
  }
}
