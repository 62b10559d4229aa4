// Tests of `npm run data`: exit code 2 and a clear message for bad arguments, and never a half-written or leftover file.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runDataCommand } from "./data.ts";

const REPOSITORY_ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(REPOSITORY_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const run = promisify(execFile);
const folders: string[] = [];

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "lendlens-data-cli-"));
  folders.push(folder);
  return folder;
}

async function runInProcess(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDataCommand(argv, { error: (line) => lines.push(line) });
  return { code, lines };
}

describe("npm run data", () => {
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it.each([
    [["--scale", "abc"], /--scale.*expected a number/],
    [["--scale", "9"], /scale must be at most 5/],
    [["--scale", "0"], /scale must be at least 0.001/],
    [["--seed", "-3"], /--seed.*whole number/],
    [["--seed", "1.5"], /--seed.*whole number/],
    [["--as-of", "2026-02-30"], /as-of date must be a real date/],
    [["--as-of", "yesterday"], /as-of date must be a real date/],
    [["--bogus"], /unknown option '--bogus'/],
  ])("rejects %j with exit code 2 and writes nothing", async (argv, message) => {
    const folder = freshFolder();
    const { code, lines } = await runInProcess(["--out", join(folder, "x.db"), ...argv]);
    expect(code).toBe(2);
    expect(lines.join("\n")).toMatch(message);
    expect(readdirSync(folder)).toEqual([]);
  });

  it.each([
    [[], /give --out FILE/],
    [["--out", "/no/such/folder/x.db"], /folder of --out does not exist/],
  ])("rejects %j with exit code 2", async (argv, message) => {
    const { code, lines } = await runInProcess(argv);
    expect(code).toBe(2);
    expect(lines.join("\n")).toMatch(message);
  });

  it("writes the file and nothing else, and says what it wrote", async () => {
    const folder = freshFolder();
    const out = join(folder, "small.db");
    const { code, lines } = await runInProcess(["--out", out, "--scale", "0.01", "--seed", "3", "--as-of", "2025-12-31"]);
    expect(code).toBe(0);
    expect(readdirSync(folder)).toEqual(["small.db"]);
    expect(lines.at(-1)).toMatch(/^wrote .*small\.db: \d+ rows \(seed 3, scale 0\.01, as-of 2025-12-31\)/);
  });

  it("reports a PostgreSQL it cannot reach as a failure (exit 1), after writing the file", async () => {
    const folder = freshFolder();
    const out = join(folder, "pg.db");
    const { code, lines } = await runInProcess(["--out", out, "--scale", "0.005", "--postgres", "postgres://lendlens@127.0.0.1:1/none"]);
    expect(code).toBe(1);
    expect(lines.join("\n")).toMatch(/error: .*PostgreSQL/i);
    expect(existsSync(out)).toBe(true);
  });

  it("exits with code 2 as a real process on a bad argument, and 0 on success", async () => {
    const folder = freshFolder();
    const bad = await run(process.execPath, [TSX, "schema/cli/data.ts", "--out", join(folder, "x.db"), "--scale", "-1"], { cwd: REPOSITORY_ROOT }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/error:/);
    await run(process.execPath, [TSX, "schema/cli/data.ts", "--out", join(folder, "ok.db"), "--scale", "0.005", "--quiet"], { cwd: REPOSITORY_ROOT });
    expect(readdirSync(folder)).toEqual(["ok.db"]);
  });
});
