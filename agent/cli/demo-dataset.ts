/** Creates the demo dataset where the default dataset file is missing, with progress on stderr. */
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { writeDataset } from "../../schema/generator/generate-dataset.ts";

/** Writes the demo dataset (seed, scale) to `path` unless a file is already there; returns true when it wrote one. */
export async function ensureDemoDataset(path: string, options: { seed: number; scale: number }, log: (line: string) => void): Promise<boolean> {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  log(`No dataset at ${path}: creating the demo dataset (seed ${options.seed}, scale ${options.scale}) ...`);
  const started = performance.now();
  const summary = await writeDataset({
    out: path,
    seed: options.seed,
    scale: options.scale,
    onProgress: (progress) => {
      if (progress.phase === "customers") log(`  customers ${progress.customersDone}/${progress.customersTotal}`);
      else if (progress.phase === "indexes") log("  building indexes ...");
    },
  });
  log(`Demo dataset written: ${summary.totalRows.toLocaleString("en-US")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
