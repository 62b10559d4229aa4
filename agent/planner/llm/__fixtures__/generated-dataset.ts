/** A small generated dataset file (scale 0.05) in a temporary folder, opened with the sql.js worker engine. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeDataset } from "../../../../schema/generator/generate-dataset.ts";
import type { Engine } from "../../../../tools/engines/engine.ts";
import { createSqlJsEngine } from "../../../../tools/engines/sqljs-engine.ts";

/** The dataset file, its engine, and a way to check the file never changed. */
export interface GeneratedDataset {
  path: string;
  engine: Engine;
  /** SHA-256 of the file as it is now. */
  hash(): string;
  close(): Promise<void>;
}

/** Generates the dataset (a few seconds) and opens it with one worker. */
export async function openGeneratedDataset(): Promise<GeneratedDataset> {
  const folder = mkdtempSync(join(tmpdir(), "lendlens-llm-"));
  const path = join(folder, "dataset.db");
  await writeDataset({ scale: 0.05, seed: 7, out: path });
  const engine = await createSqlJsEngine({ dbPath: path, workers: 1 });
  return {
    path,
    engine,
    hash: () => createHash("sha256").update(readFileSync(path)).digest("hex"),
    close: async () => {
      await engine.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
