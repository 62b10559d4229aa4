/** CSV text for table exports (RFC 4180 quoting, a BOM so spreadsheet programs read Chinese as UTF-8). */

/** One CSV field: quoted when it holds a comma, quote, newline or leading/trailing space; null is empty. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading =, +, - or @ would be read as a formula by spreadsheets; a quote mark keeps it text.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of a header and rows, lines ended by CRLF, prefixed by a UTF-8 BOM. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A file name for an export: the stem and a timestamp, with characters unsafe in file names removed. */
export function exportFileName(stem: string, now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const safeStem = stem.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 40) || "lendlens";
  return `${safeStem}-${stamp}.csv`;
}
