/** Inserts rows into one table through prepared multi-row INSERT statements (far fewer calls into sql.js). */
import type { Database, SqlValue, Statement } from "sql.js";
import type { TableDefinition } from "../tables.ts";

const ROWS_PER_STATEMENT = 32;

/** Buffers rows of one table and inserts them in batches. Call flush() before reading the table, free() at the end. */
export class TableInserter {
  readonly table: TableDefinition;
  private readonly width: number;
  private readonly batchStatement: Statement;
  private readonly singleStatement: Statement;
  private buffer: SqlValue[] = [];
  /** Rows added so far. */
  count = 0;

  constructor(database: Database, table: TableDefinition) {
    this.table = table;
    this.width = table.columns.length;
    const placeholders = `(${Array.from({ length: this.width }, () => "?").join(", ")})`;
    const insert = `INSERT INTO ${table.name} (${table.columns.map((column) => column.name).join(", ")}) VALUES `;
    this.batchStatement = database.prepare(insert + Array.from({ length: ROWS_PER_STATEMENT }, () => placeholders).join(", "));
    this.singleStatement = database.prepare(insert + placeholders);
  }

  /** Adds one row, values in the column order of schema/tables.ts. */
  add(values: SqlValue[]): void {
    if (values.length !== this.width) throw new Error(`${this.table.name}: expected ${this.width} values, got ${values.length}`);
    for (const value of values) this.buffer.push(value);
    this.count += 1;
    if (this.buffer.length === this.width * ROWS_PER_STATEMENT) {
      this.batchStatement.run(this.buffer);
      this.buffer = [];
    }
  }

  /** Inserts the rows still buffered. */
  flush(): void {
    for (let start = 0; start < this.buffer.length; start += this.width) {
      this.singleStatement.run(this.buffer.slice(start, start + this.width));
    }
    this.buffer = [];
  }

  /** Flushes and releases the statements. */
  free(): void {
    this.flush();
    this.batchStatement.free();
    this.singleStatement.free();
  }
}
