/** The batch file of `npm run ask -- --batch`: one JSON case per line, a single question or a multi-turn conversation. */
import { z } from "zod";

/** One line: {"id", "question"} or {"id", "questions": [...]} (answered in one conversation). */
export const BatchCase = z.union([
  z.object({ id: z.union([z.string(), z.number()]), question: z.string() }).strict(),
  z.object({ id: z.union([z.string(), z.number()]), questions: z.array(z.string()).min(1) }).strict(),
]);
export type BatchCase = z.infer<typeof BatchCase>;

/** A parsed line: the case, or why the line is unusable. */
export type BatchLine = { lineNumber: number; case: BatchCase } | { lineNumber: number; id: string | number | null; problem: string };

/** Parses the lines of a batch file; blank lines are skipped, broken lines are reported, not thrown. */
export function parseBatchLines(text: string): BatchLine[] {
  const lines: BatchLine[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const lineNumber = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      lines.push({ lineNumber, id: null, problem: `line ${lineNumber} is not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = BatchCase.safeParse(value);
    if (parsed.success) lines.push({ lineNumber, case: parsed.data });
    else {
      const id = typeof value === "object" && value !== null && "id" in value ? ((value as { id: unknown }).id as string | number) : null;
      lines.push({ lineNumber, id: typeof id === "string" || typeof id === "number" ? id : null, problem: `line ${lineNumber} needs {"id","question"} or {"id","questions":[...]}` });
    }
  });
  return lines;
}
