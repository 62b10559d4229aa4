/** Tests of openEngine's choice: a postgres:// DATABASE_URL wins (see postgres-engine.test.ts), else the sql.js file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSmallDatasetFile } from "./__fixtures__/small-dataset.ts";
import { EngineUnavailableError, NativeSqliteMissingError } from "./engine-errors.ts";
import { nativeSqliteProblem } from "./native-sqlite-engine.ts";
import { openEngine } from "./open-engine.ts";

const directory = mkdtempSync(join(tmpdir(), "lendlens-open-"));
const dbPath = join(directory, "dataset.sqlite");

beforeAll(() => writeSmallDatasetFile(dbPath));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("openEngine", () => {
  it.each([{ databaseUrl: undefined }, { databaseUrl: "" }, { databaseUrl: "   " }])(
    "opens the sql.js file when DATABASE_URL is $databaseUrl",
    async ({ databaseUrl }) => {
      const engine = await openEngine({ databaseUrl, dbPath, workers: 1 });
      try {
        expect(engine.dialect).toBe("sqlite");
        expect((await engine.query("SELECT COUNT(*) FROM branches")).rows).toEqual([[3]]);
      } finally {
        await engine.close();
      }
    },
  );

  const nativeProblem = nativeSqliteProblem();
  if (nativeProblem) console.warn(`SKIPPED: opening the native SQLite engine (better-sqlite3 cannot load: ${nativeProblem})`);
  it.skipIf(nativeProblem !== undefined).each([{ engine: "sqljs" as const }, { engine: "native-sqlite" as const }])("opens the file with engine $engine", async ({ engine: kind }) => {
    const engine = await openEngine({ dbPath, engine: kind, workers: 1 });
    try {
      expect(engine.dialect).toBe("sqlite");
      expect((await engine.query("SELECT COUNT(*) FROM branches WHERE region = ?", ["East"])).rows).toEqual([[2]]);
    } finally {
      await engine.close();
    }
  });

  it("names the fix when better-sqlite3 is missing", () => {
    const error = new NativeSqliteMissingError("Cannot find module 'better-sqlite3'");
    expect(error).toMatchObject({ code: "NATIVE_SQLITE_MISSING", audience: "internal" });
    expect(error.messages.en).toContain("LENDLENS_ENGINE=sqljs");
    expect(error.messages.zh).toContain("better-sqlite3");
  });

  it.each([
    { name: "a URL that is not PostgreSQL", configuration: { databaseUrl: "mysql://root@localhost/lendlens", dbPath } },
    { name: "no dataset at all", configuration: {} },
    { name: "an unreachable PostgreSQL", configuration: { databaseUrl: "postgres://nobody@127.0.0.1:1/none" } },
    { name: "a missing file", configuration: { dbPath: join(directory, "missing.sqlite") } },
  ])("refuses $name", async ({ configuration }) => {
    await expect(openEngine(configuration)).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});
