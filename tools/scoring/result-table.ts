/** The tabular part every scoring tool returns: labelled, formatted columns and rows as arrays. */
import { z } from "zod";

/** How a column's values are shown: rates and probabilities are fractions 0..1 shown as percentages. */
export const ColumnFormat = z.enum(["text", "date", "month", "count", "money", "rate", "probability", "number", "score", "flag"]);
export type ColumnFormat = z.infer<typeof ColumnFormat>;

/** One display column. */
export const ResultColumn = z
  .object({
    name: z.string().describe("Column name, snake_case, the same key as in the typed items"),
    label: z.object({ zh: z.string(), en: z.string() }).strict().describe("Column header in both languages"),
    format: ColumnFormat.describe("How values are formatted for display"),
  })
  .strict();
export type ResultColumn = z.infer<typeof ResultColumn>;

/** A cell: numbers as numbers, text, or null when unknown. */
export const ResultCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Fields every scoring output starts with. */
export const resultTableShape = {
  tool: z.string().describe("The tool that produced this result"),
  as_of_date: z.string().describe("The dataset's as-of date the result is computed for"),
  columns: z.array(ResultColumn).describe("Display columns, in order"),
  rows: z.array(z.array(ResultCell)).describe("Display rows, one array per item, in the columns' order"),
  row_count: z.number().int().describe("Items that qualified before the limit was applied"),
};

/** A column definition with the function that reads its cell from one item. */
export interface ColumnSpec<Item> {
  name: string;
  zh: string;
  en: string;
  format: ColumnFormat;
  value: (item: Item) => string | number | boolean | null;
}

/** Builds `columns` and `rows` from column specs and typed items. */
export function toResultTable<Item>(specs: readonly ColumnSpec<Item>[], items: readonly Item[]): { columns: ResultColumn[]; rows: (string | number | boolean | null)[][] } {
  return {
    columns: specs.map((spec) => ({ name: spec.name, label: { zh: spec.zh, en: spec.en }, format: spec.format })),
    rows: items.map((item) => specs.map((spec) => spec.value(item))),
  };
}
