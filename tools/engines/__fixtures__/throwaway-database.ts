/** A throwaway PostgreSQL database for one test file, so that parallel test files never see each other's tables. */
import pg from "pg";

/** The database made for a test file: its URL, and how to drop it afterwards. */
export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Runs one statement as the administrator of the test server. */
async function runAsAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random>` on the server `adminUrl` (TEST_DATABASE_URL) names. */
export async function createThrowawayDatabase(adminUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await runAsAdmin(adminUrl, `CREATE DATABASE ${name}`);
  return { name, url: url.toString(), drop: () => runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
