/** The datasets the evals run on: several seeds and as-of dates, generated once into evals/.cache. */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { writeFallbackDataset } from "./fallback-dataset.ts";

const run = promisify(execFile);

/** The repository root (two levels above this file). */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Where generated datasets are cached (gitignored). */
export const DEFAULT_CACHE_DIR = join(REPOSITORY_ROOT, "evals", ".cache");
const GENERATOR_CLI = join(REPOSITORY_ROOT, "schema", "cli", "data.ts");

/** How to make one dataset. */
export interface DatasetSpec {
  seed: number;
  asOfDate: string;
  scale: number;
}

/** A dataset file ready to query. `source` says whether the project's generator or the evals' stand-in made it. */
export interface EvalDataset extends DatasetSpec {
  path: string;
  source: "generator" | "fallback";
}

/** Three seeds with three different as-of dates: a case must pass on all of them (against lucky matches). */
export const DEFAULT_DATASETS: readonly DatasetSpec[] = [
  { seed: 11, asOfDate: "2026-06-30", scale: 0.05 },
  { seed: 23, asOfDate: "2025-12-31", scale: 0.05 },
  { seed: 37, asOfDate: "2026-03-31", scale: 0.05 },
];

/** Hashes the generator's sources so a changed generator gives new cache files. */
function generatorFingerprint(): string | null {
  if (!existsSync(GENERATOR_CLI)) return null;
  const hash = createHash("sha256");
  const folders = [join(REPOSITORY_ROOT, "schema", "generator"), join(REPOSITORY_ROOT, "schema", "cli")];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isFile() && name.endsWith(".ts") && !name.endsWith(".test.ts")) hash.update(name).update(readFileSync(path));
    }
  }
  for (const shared of ["tables.ts", "ddl.ts"]) hash.update(readFileSync(join(REPOSITORY_ROOT, "schema", shared)));
  return hash.digest("hex").slice(0, 10);
}

/** Deletes cached files of this dataset made by an older version of the generator. */
function removeStale(cacheDir: string, fingerprint: string, stem: string): void {
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith("generator-") && name.endsWith(`-${stem}.db`) && !name.startsWith(`generator-${fingerprint}-`)) rmSync(join(cacheDir, name), { force: true });
  }
}

/** Options for {@link ensureDataset}. */
export interface EnsureDatasetOptions {
  cacheDir?: string;
  /** Use the evals' stand-in when the project's generator is missing or fails (default true). */
  allowFallback?: boolean;
  /** Skip the project's generator and use the stand-in (fast; for tests of the scorer itself). */
  standInOnly?: boolean;
  /** Called with progress lines (generation can take a while). */
  log?: (line: string) => void;
}

/**
 * Returns a dataset file for the spec, generating it when it is not cached: with the project's generator
 * (`schema/cli/data.ts`, the `npm run data` entry point) when it exists, else with the evals' stand-in.
 */
export async function ensureDataset(spec: DatasetSpec, options: EnsureDatasetOptions = {}): Promise<EvalDataset> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  const stem = `s${spec.seed}-${spec.asOfDate}-x${spec.scale}`;
  const fingerprint = options.standInOnly ? null : generatorFingerprint();
  if (fingerprint !== null) {
    const path = join(cacheDir, `generator-${fingerprint}-${stem}.db`);
    if (existsSync(path)) return { ...spec, path, source: "generator" };
    removeStale(cacheDir, fingerprint, stem);
    // A name of its own per process: tests and the CLI may generate the same dataset at the same time.
    const temporary = `${path}.${process.pid}.partial`;
    try {
      options.log?.(`generating ${path}`);
      await run(process.execPath, [join(REPOSITORY_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), GENERATOR_CLI, "--out", temporary, "--seed", String(spec.seed), "--scale", String(spec.scale), "--as-of", spec.asOfDate], {
        cwd: REPOSITORY_ROOT,
        timeout: 15 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, TZ: "UTC" },
      });
      if (existsSync(temporary)) {
        renameSync(temporary, path);
        return { ...spec, path, source: "generator" };
      }
      options.log?.("the generator wrote no file");
    } catch (error) {
      options.log?.(`the generator failed: ${(error as Error).message.split("\n")[0]}`);
    }
    if (options.allowFallback === false) throw new Error(`could not generate dataset ${stem} with the project's generator`);
  }
  if (options.allowFallback === false) throw new Error(`the project's generator (${GENERATOR_CLI}) does not exist yet`);
  const path = join(cacheDir, `fallback-${stem}.db`);
  if (!existsSync(path)) {
    options.log?.(`generating stand-in dataset ${path}`);
    const temporary = `${path}.${process.pid}.partial`;
    await writeFallbackDataset(temporary, spec);
    renameSync(temporary, path);
  }
  return { ...spec, path, source: "fallback" };
}

/** Ensures every spec's dataset (generated side by side), in the order of the specs. */
export async function ensureDatasets(specs: readonly DatasetSpec[] = DEFAULT_DATASETS, options: EnsureDatasetOptions = {}): Promise<EvalDataset[]> {
  return Promise.all(specs.map((spec) => ensureDataset(spec, options)));
}
