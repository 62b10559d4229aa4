// Runs the shared contract checker (../shared/contract/check.py) on small datasets of several seeds and as-of dates.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { writeDataset } from "./generate-dataset.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../..");
const CHECKER = resolve(REPOSITORY_ROOT, "../shared/contract/check.py");
const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), "lendlens-contract-"));

describe("the contract checker", () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("exists beside the repository", () => {
    expect(existsSync(CHECKER)).toBe(true);
  });

  it.each([
    [1, "2026-06-30"],
    [7, "2025-12-31"],
    [99, "2026-03-15"],
  ])("holds for seed %i as of %s at scale 0.05", async (seed, asOf) => {
    const out = join(folder, `seed-${seed}.db`);
    await writeDataset({ out, seed, asOf, scale: 0.05 });
    // On failure the checker lists the breaches on stdout: show them in the assertion.
    const { stdout } = await run("python3", [CHECKER, out]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    expect(stdout.trim()).toBe("the dataset holds the contract");
  });
});
