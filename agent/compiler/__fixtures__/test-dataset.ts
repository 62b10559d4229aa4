/** The dataset the compiler's execution tests run on: the project's generator at scale 0.05 (1,000 customers). */
import type { Database } from "sql.js";
import { generateDataset } from "../../../schema/generator/generate-dataset.ts";

/** A dataset with its as-of date. */
export interface TestDataset {
  database: Database;
  asOfDate: string;
}

/** Generates the test dataset in memory (deterministic: seed 42, scale 0.05, as of 2026-06-30). */
export async function openTestDataset(): Promise<TestDataset> {
  const database = await generateDataset({ seed: 42, scale: 0.05, asOf: "2026-06-30" });
  const asOfDate = String(database.exec("SELECT value FROM meta WHERE key = 'as_of_date'")[0].values[0][0]);
  return { database, asOfDate };
}
