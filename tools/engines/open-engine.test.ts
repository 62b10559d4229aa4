/** Tests of openEngine's choice: a postgres:// DATABASE_URL wins (see postgres-engine.test.ts), else the sql.js file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSmallDatasetFile } from "./__fixtures__/small-dataset.ts";
import { EngineUnavailableError } from "./engine-errors.ts";
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

  it.each([
    { name: "a URL that is not PostgreSQL", configuration: { databaseUrl: "mysql://root@localhost/lendlens", dbPath } },
    { name: "no dataset at all", configuration: {} },
    { name: "an unreachable PostgreSQL", configuration: { databaseUrl: "postgres://nobody@127.0.0.1:1/none" } },
    { name: "a missing file", configuration: { dbPath: join(directory, "missing.sqlite") } },
  ])("refuses $name", async ({ configuration }) => {
    await expect(openEngine(configuration)).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});
