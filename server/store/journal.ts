/**
 * An append-only JSON Lines file: each record is written with one write and fsync'd before append() returns, so a
 * record that was acknowledged survives a crash (kill -9, power loss). Replayed line by line on open; a torn last
 * line from a crash mid-write is skipped.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
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

/** One journal file, open for appending. */
export class Journal {
  private fd: number | undefined;
  /** The file's length in bytes: where the next record starts. */
  private size: number;

  private constructor(
    readonly path: string,
    fd: number,
    size: number,
  ) {
    this.fd = fd;
    this.size = size;
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

  /** Appends one record and waits until it is on disk; returns where it lies, for read(). */
  append(record: unknown): JournalPosition {
    if (this.fd === undefined) throw new Error(`journal ${this.path} is closed`);
    const line = Buffer.from(`${JSON.stringify(record)}\n`, "utf8");
    writeSync(this.fd, line);
    fsyncSync(this.fd);
    const position = { offset: this.size, length: line.length - 1 };
    this.size += line.length;
    return position;
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

  /** Closes the file; later appends throw. */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
