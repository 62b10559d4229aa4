/**
 * An append-only JSON Lines file: each record is written with one write and fsync'd before append() returns, so a
 * record that was acknowledged survives a crash (kill -9, power loss). Replayed line by line on open; a torn last
 * line from a crash mid-write is skipped.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** What opening a journal found. */
export interface JournalReplay {
  records: unknown[];
  /** Lines that were not valid JSON (a torn write after a crash). */
  skippedLines: number;
}

/** One journal file, open for appending. */
export class Journal {
  private fd: number | undefined;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Opens (creating when missing) the journal at `path` and returns its records, oldest first. */
  static open(path: string): { journal: Journal; replay: JournalReplay } {
    mkdirSync(dirname(path), { recursive: true });
    const text = existsSync(path) ? readFileSync(path, "utf8") : "";
    const records: unknown[] = [];
    let skippedLines = 0;
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        skippedLines += 1;
      }
    }
    const fd = openSync(path, "a", 0o600);
    // A crash mid-write may leave a line without its newline: start the next record on a line of its own.
    if (text.length > 0 && !text.endsWith("\n")) writeSync(fd, "\n");
    return { journal: new Journal(path, fd), replay: { records, skippedLines } };
  }

  /** Appends one record and waits until it is on disk. */
  append(record: unknown): void {
    if (this.fd === undefined) throw new Error(`journal ${this.path} is closed`);
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.fd);
  }

  /** Closes the file; later appends throw. */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
