/** The guard's test catalogue: statements it must refuse (with the expected code) and statements it must accept. */
import type { DialectName } from "../../../schema/ddl.ts";
import type { PiiKind } from "../guard-policy.ts";
import type { SqlGuardCode } from "../sql-guard-error.ts";

/** A statement the guard must refuse. */
export interface BadStatement {
  name: string;
  sql: string;
  code: SqlGuardCode;
  /** Dialects the case applies to (default both). */
  dialects?: readonly DialectName[];
}

/** A statement the guard must accept, with what it should report. */
export interface GoodStatement {
  name: string;
  sql: string;
  dialects: readonly DialectName[];
  masked?: Readonly<Record<number, PiiKind>>;
  parameterCount?: number;
  /** Values for the placeholders, typed as the columns they meet. */
  params?: readonly unknown[];
}

/** Row counts at about scale 1, so that the cost bound sees realistic sizes. */
export const SCALE_ONE_ROW_COUNTS: Readonly<Record<string, number>> = {
  meta: 4,
  branches: 16,
  customers: 20_000,
  products: 10,
  campaigns: 40,
  applications: 45_000,
  campaign_touches: 200_000,
  loans: 30_000,
  repayments: 900_000,
  customer_monthly: 480_000,
  risk_scores: 300_000,
  risk_alerts: 10_000,
  collection_actions: 8_000,
  satisfaction_surveys: 15_000,
};

const SQLITE = ["sqlite"] as const;
const POSTGRES = ["postgres"] as const;

export const BAD_STATEMENTS: readonly BadStatement[] = [
  // DDL
  { name: "create table", sql: "CREATE TABLE stolen (a TEXT)", code: "GUARD_NOT_SELECT" },
  { name: "drop table", sql: "DROP TABLE loans", code: "GUARD_NOT_SELECT" },
  { name: "alter table", sql: "ALTER TABLE loans ADD COLUMN note TEXT", code: "GUARD_NOT_SELECT" },
  { name: "create index", sql: "CREATE INDEX idx_x ON loans (status)", code: "GUARD_NOT_SELECT" },
  { name: "create view", sql: "CREATE VIEW v AS SELECT * FROM loans", code: "GUARD_NOT_SELECT" },
  { name: "create temp table as select", sql: "CREATE TEMP TABLE t AS SELECT phone FROM customers", code: "GUARD_NOT_SELECT" },
  // DML
  { name: "insert", sql: "INSERT INTO meta VALUES ('owned', 'yes')", code: "GUARD_NOT_SELECT" },
  { name: "insert select", sql: "INSERT INTO meta SELECT key, value FROM meta", code: "GUARD_NOT_SELECT" },
  { name: "update", sql: "UPDATE loans SET status = 'closed'", code: "GUARD_NOT_SELECT" },
  { name: "delete", sql: "DELETE FROM customers", code: "GUARD_NOT_SELECT" },
  { name: "replace into", sql: "REPLACE INTO meta VALUES ('as_of_date', '1999-01-01')", code: "GUARD_NOT_SELECT", dialects: SQLITE },
  { name: "select into", sql: "SELECT * INTO loans_copy FROM loans", code: "GUARD_NOT_SELECT" },
  { name: "update in a CTE", sql: "WITH x AS (UPDATE loans SET status = 'closed' RETURNING loan_id) SELECT * FROM x", code: "GUARD_NOT_SELECT", dialects: POSTGRES },
  { name: "select for update", sql: "SELECT loan_id FROM loans FOR UPDATE", code: "GUARD_NOT_SELECT", dialects: POSTGRES },
  // Transactions, EXPLAIN, session settings
  { name: "begin", sql: "BEGIN", code: "GUARD_NOT_SELECT" },
  { name: "explain", sql: "EXPLAIN SELECT * FROM loans", code: "GUARD_NOT_SELECT" },
  { name: "set", sql: "SET statement_timeout = 0", code: "GUARD_NOT_SELECT", dialects: POSTGRES },
  { name: "copy to program", sql: "COPY loans TO PROGRAM 'curl evil'", code: "GUARD_NOT_SELECT", dialects: POSTGRES },
  // Several statements
  { name: "select then drop", sql: "SELECT 1; DROP TABLE loans", code: "GUARD_MULTIPLE_STATEMENTS" },
  { name: "two selects", sql: "SELECT 1; SELECT 2", code: "GUARD_MULTIPLE_STATEMENTS" },
  { name: "double semicolon", sql: "SELECT count(*) FROM loans;;", code: "GUARD_MULTIPLE_STATEMENTS" },
  { name: "semicolon then update", sql: "SELECT count(*) FROM loans;\nUPDATE loans SET current_dpd = 0", code: "GUARD_MULTIPLE_STATEMENTS" },
  // Statements hidden in comments
  { name: "semicolon in a block comment then delete", sql: "SELECT 1 /* ; */ ; DELETE FROM loans", code: "GUARD_MULTIPLE_STATEMENTS" },
  { name: "line comment then drop on the next line", sql: "SELECT 1 -- harmless\n; DROP TABLE loans", code: "GUARD_MULTIPLE_STATEMENTS" },
  { name: "unterminated block comment", sql: "SELECT 1 /* DROP TABLE loans", code: "GUARD_PARSE" },
  { name: "nested comment", sql: "/* outer /* inner */ DROP TABLE loans; */ SELECT 1", code: "GUARD_FORBIDDEN_SYNTAX" },
  { name: "hash comment", sql: "SELECT 1 # ; DROP TABLE loans", code: "GUARD_FORBIDDEN_SYNTAX" },
  { name: "drop inside a comment inside a statement", sql: "SELECT loan_id FROM loans WHERE 1 = 1 /* */ ; DROP TABLE loans --", code: "GUARD_MULTIPLE_STATEMENTS" },
  // Statements hidden in strings
  { name: "string then drop", sql: "SELECT 'x'; DROP TABLE loans; --'", code: "GUARD_MULTIPLE_STATEMENTS" },
  { name: "backslash escape in a string", sql: "SELECT 'it\\'; DELETE FROM loans; --'", code: "GUARD_FORBIDDEN_SYNTAX" },
  { name: "E string", sql: "SELECT E'\\'; DROP TABLE loans; --'", code: "GUARD_FORBIDDEN_SYNTAX", dialects: POSTGRES },
  { name: "dollar-quoted string", sql: "SELECT $$; DROP TABLE loans; $$", code: "GUARD_FORBIDDEN_SYNTAX", dialects: POSTGRES },
  { name: "unterminated string", sql: "SELECT 'abc FROM loans", code: "GUARD_PARSE" },
  { name: "fullwidth semicolon", sql: "SELECT 1；DROP TABLE loans", code: "GUARD_FORBIDDEN_SYNTAX" },
  { name: "NUL byte", sql: "SELECT 1\u0000; DROP TABLE loans", code: "GUARD_FORBIDDEN_SYNTAX" },
  { name: "blob literal", sql: "SELECT loan_id FROM loans WHERE loan_id = x'4c30303031'", code: "GUARD_FORBIDDEN_SYNTAX", dialects: SQLITE },
  // PRAGMA, ATTACH and friends
  { name: "pragma", sql: "PRAGMA writable_schema = 1", code: "GUARD_NOT_SELECT", dialects: SQLITE },
  { name: "pragma table function", sql: "SELECT * FROM pragma_table_info('loans')", code: "GUARD_FORBIDDEN_OBJECT", dialects: SQLITE },
  { name: "attach", sql: "ATTACH DATABASE '/tmp/evil.db' AS evil", code: "GUARD_NOT_SELECT", dialects: SQLITE },
  { name: "detach", sql: "DETACH DATABASE main", code: "GUARD_NOT_SELECT", dialects: SQLITE },
  { name: "vacuum into", sql: "VACUUM INTO '/tmp/copy.db'", code: "GUARD_NOT_SELECT", dialects: SQLITE },
  // System catalogs and other schemas
  { name: "sqlite_master", sql: "SELECT * FROM sqlite_master", code: "GUARD_FORBIDDEN_OBJECT", dialects: SQLITE },
  { name: "quoted sqlite_schema", sql: 'SELECT name FROM "sqlite_schema"', code: "GUARD_FORBIDDEN_OBJECT", dialects: SQLITE },
  { name: "sqlite_master in a subquery", sql: "SELECT loan_id FROM loans WHERE loan_id IN (SELECT name FROM sqlite_master)", code: "GUARD_FORBIDDEN_OBJECT", dialects: SQLITE },
  { name: "schema-qualified table", sql: "SELECT * FROM main.loans", code: "GUARD_FORBIDDEN_OBJECT", dialects: SQLITE },
  { name: "temp schema", sql: "SELECT * FROM temp.loans", code: "GUARD_FORBIDDEN_OBJECT", dialects: SQLITE },
  { name: "information_schema", sql: "SELECT table_name FROM information_schema.tables", code: "GUARD_FORBIDDEN_OBJECT", dialects: POSTGRES },
  { name: "pg_catalog", sql: "SELECT * FROM pg_catalog.pg_tables", code: "GUARD_FORBIDDEN_OBJECT", dialects: POSTGRES },
  { name: "pg_shadow", sql: "SELECT passwd FROM pg_shadow", code: "GUARD_FORBIDDEN_OBJECT", dialects: POSTGRES },
  // Forbidden and unknown functions
  { name: "load_extension", sql: "SELECT load_extension('/tmp/evil.so')", code: "GUARD_FUNCTION_NOT_ALLOWED", dialects: SQLITE },
  { name: "randomblob", sql: "SELECT randomblob(1000000000)", code: "GUARD_FUNCTION_NOT_ALLOWED", dialects: SQLITE },
  { name: "zeroblob", sql: "SELECT length(zeroblob(1000000000)) FROM loans", code: "GUARD_FUNCTION_NOT_ALLOWED", dialects: SQLITE },
  { name: "readfile", sql: "SELECT readfile('/etc/passwd')", code: "GUARD_FUNCTION_NOT_ALLOWED", dialects: SQLITE },
  { name: "pg_sleep", sql: "SELECT pg_sleep(60)", code: "GUARD_FUNCTION_NOT_ALLOWED", dialects: POSTGRES },
  { name: "current_setting", sql: "SELECT current_setting('data_directory')", code: "GUARD_FUNCTION_NOT_ALLOWED", dialects: POSTGRES },
  { name: "generate_series bomb", sql: "SELECT count(*) FROM generate_series(1, 1000000000)", code: "GUARD_FUNCTION_NOT_ALLOWED" },
  { name: "function not in the allowlist", sql: "SELECT random() FROM loans", code: "GUARD_FUNCTION_NOT_ALLOWED" },
  { name: "hex of a column", sql: "SELECT hex(loan_id) FROM loans", code: "GUARD_FUNCTION_NOT_ALLOWED", dialects: SQLITE },
  { name: "schema-qualified function", sql: "SELECT public.lower(loan_id) FROM loans", code: "GUARD_FORBIDDEN_OBJECT", dialects: POSTGRES },
  { name: "cast to regclass", sql: "SELECT CAST('loans' AS regclass)", code: "GUARD_UNSUPPORTED_SYNTAX", dialects: POSTGRES },
  // Unknown tables and columns
  { name: "unknown table", sql: "SELECT * FROM users", code: "GUARD_UNKNOWN_TABLE" },
  { name: "unknown table in a join", sql: "SELECT l.loan_id FROM loans l JOIN secrets s ON s.loan_id = l.loan_id", code: "GUARD_UNKNOWN_TABLE" },
  { name: "unknown table in a subquery", sql: "SELECT loan_id FROM loans WHERE customer_id IN (SELECT id FROM admins)", code: "GUARD_UNKNOWN_TABLE" },
  { name: "unknown column", sql: "SELECT password FROM customers", code: "GUARD_UNKNOWN_COLUMN" },
  { name: "unknown qualified column", sql: "SELECT l.salary FROM loans l", code: "GUARD_UNKNOWN_COLUMN" },
  { name: "unknown qualifier", sql: "SELECT x.loan_id FROM loans l", code: "GUARD_UNKNOWN_TABLE" },
  { name: "unknown column in WHERE", sql: "SELECT loan_id FROM loans WHERE secret = 1", code: "GUARD_UNKNOWN_COLUMN" },
  { name: "double-quoted string as a column", sql: 'SELECT loan_id FROM loans WHERE status = "active"', code: "GUARD_UNKNOWN_COLUMN", dialects: SQLITE },
  { name: "table function", sql: "SELECT * FROM json_each('[1,2]')", code: "GUARD_FUNCTION_NOT_ALLOWED", dialects: SQLITE },
  // Recursive CTE bombs
  { name: "WITH RECURSIVE counter", sql: "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r", code: "GUARD_RECURSIVE_CTE" },
  { name: "recursive without the keyword (SQLite accepts it)", sql: "WITH r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r", code: "GUARD_RECURSIVE_CTE" },
  { name: "mutually recursive CTEs", sql: "WITH a AS (SELECT * FROM b), b AS (SELECT * FROM a) SELECT * FROM a", code: "GUARD_RECURSIVE_CTE" },
  { name: "recursive string doubling", sql: "WITH RECURSIVE s(x) AS (SELECT 'a' UNION ALL SELECT x || x FROM s) SELECT length(x) FROM s", code: "GUARD_RECURSIVE_CTE" },
  { name: "CTE hiding a table", sql: "WITH loans AS (SELECT * FROM customers) SELECT * FROM loans", code: "GUARD_UNSUPPORTED_SYNTAX" },
  // Runaway joins past the cost bound
  { name: "comma cross join", sql: "SELECT count(*) FROM repayments r1, repayments r2", code: "GUARD_COST" },
  { name: "CROSS JOIN", sql: "SELECT count(*) FROM customers CROSS JOIN loans", code: "GUARD_COST" },
  { name: "JOIN ON 1=1", sql: "SELECT count(*) FROM loans l JOIN repayments r ON 1 = 1", code: "GUARD_COST" },
  { name: "join on an inequality", sql: "SELECT count(*) FROM customer_monthly a JOIN risk_scores b ON a.month > b.month", code: "GUARD_COST" },
  { name: "join on an enumeration column", sql: "SELECT count(*) FROM loans a JOIN loans b ON a.status = b.status", code: "GUARD_COST" },
  { name: "four-way comma join", sql: "SELECT count(*) FROM loans, branches, products, campaigns", code: "GUARD_COST" },
  { name: "cross join inside a CTE", sql: "WITH x AS (SELECT c.customer_id FROM customers c, customer_monthly m) SELECT count(*) FROM x", code: "GUARD_COST" },
  { name: "correlated subquery without equality", sql: "SELECT (SELECT count(*) FROM repayments r WHERE r.days_late > l.current_dpd) FROM loans l", code: "GUARD_COST" },
  // Pii inside expressions
  { name: "phone in WHERE", sql: "SELECT customer_id FROM customers WHERE phone = '13812345678'", code: "GUARD_PII_EXPRESSION" },
  { name: "id_number in a function", sql: "SELECT substr(id_number, 7, 8) AS birthday FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "count distinct phone", sql: "SELECT count(DISTINCT phone) FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "max of phone", sql: "SELECT max(phone) FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "ORDER BY phone", sql: "SELECT phone FROM customers ORDER BY phone", code: "GUARD_PII_EXPRESSION" },
  { name: "ORDER BY the position of phone", sql: "SELECT phone FROM customers ORDER BY 1", code: "GUARD_PII_EXPRESSION" },
  { name: "ORDER BY an alias of phone", sql: "SELECT phone AS contact FROM customers ORDER BY contact DESC", code: "GUARD_PII_EXPRESSION" },
  { name: "GROUP BY phone", sql: "SELECT phone, count(*) FROM customers GROUP BY phone", code: "GUARD_PII_EXPRESSION" },
  { name: "JOIN on phone", sql: "SELECT c.customer_id FROM customers c JOIN customers d ON c.phone = d.phone", code: "GUARD_PII_EXPRESSION" },
  { name: "JOIN USING phone", sql: "SELECT a.customer_id FROM customers a JOIN customers b USING (phone)", code: "GUARD_PII_EXPRESSION" },
  { name: "phone concatenated", sql: "SELECT phone || '' AS p FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "id_number in CASE", sql: "SELECT CASE WHEN id_number LIKE '31%' THEN 'Shanghai' END FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "window ordered by id_number", sql: "SELECT row_number() OVER (ORDER BY id_number) FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "pii through a derived table", sql: "SELECT s.p FROM (SELECT phone AS p FROM customers) s WHERE s.p LIKE '138%'", code: "GUARD_PII_EXPRESSION" },
  { name: "pii through a CTE", sql: "WITH x AS (SELECT id_number FROM customers) SELECT length(id_number) FROM x", code: "GUARD_PII_EXPRESSION" },
  { name: "pii through a star CTE", sql: "WITH x AS (SELECT * FROM customers) SELECT upper(phone) FROM x", code: "GUARD_PII_EXPRESSION" },
  { name: "phone compared by UNION", sql: "SELECT phone FROM customers UNION SELECT '13812345678'", code: "GUARD_PII_EXPRESSION" },
  { name: "phone compared by INTERSECT", sql: "SELECT phone FROM customers INTERSECT SELECT '13812345678'", code: "GUARD_PII_EXPRESSION" },
  { name: "phone in an IN subquery", sql: "SELECT customer_id FROM customers WHERE '13812345678' IN (SELECT phone FROM customers)", code: "GUARD_PII_EXPRESSION" },
  { name: "quoted phone compared", sql: 'SELECT "phone" = \'1\' FROM customers', code: "GUARD_PII_EXPRESSION", dialects: SQLITE },
  { name: "phone after an aggregate in an expression", sql: "SELECT count(*) + length(phone) FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "phone in a CASE after an aggregate", sql: "SELECT CASE WHEN count(*) > 0 THEN max(phone) END FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "unknown table in a subquery after an aggregate", sql: "SELECT sum(principal) / (SELECT count(*) FROM secrets) FROM loans", code: "GUARD_UNKNOWN_TABLE" },
  { name: "phone cast", sql: "SELECT CAST(phone AS INTEGER) FROM customers", code: "GUARD_PII_EXPRESSION" },
  { name: "phone in DISTINCT ON", sql: "SELECT DISTINCT ON (phone) customer_id FROM customers", code: "GUARD_PII_EXPRESSION", dialects: POSTGRES },
  // Limits
  { name: "LIMIT above the maximum", sql: "SELECT loan_id FROM loans LIMIT 20000", code: "GUARD_LIMIT_TOO_LARGE" },
  { name: "LIMIT above the maximum in a compound", sql: "SELECT loan_id FROM loans UNION ALL SELECT loan_id FROM loans LIMIT 50000", code: "GUARD_LIMIT_TOO_LARGE" },
  { name: "LIMIT ALL", sql: "SELECT loan_id FROM loans LIMIT ALL", code: "GUARD_UNSUPPORTED_SYNTAX", dialects: POSTGRES },
  // Placeholders and other syntax
  { name: "numbered SQLite placeholder", sql: "SELECT loan_id FROM loans WHERE status = ?1", code: "GUARD_FORBIDDEN_SYNTAX", dialects: SQLITE },
  { name: "named placeholder", sql: "SELECT loan_id FROM loans WHERE status = :status", code: "GUARD_FORBIDDEN_SYNTAX" },
  { name: "$1 on SQLite", sql: "SELECT loan_id FROM loans WHERE status = $1", code: "GUARD_FORBIDDEN_SYNTAX", dialects: SQLITE },
  { name: "? on PostgreSQL", sql: "SELECT loan_id FROM loans WHERE status = ?", code: "GUARD_FORBIDDEN_SYNTAX", dialects: POSTGRES },
  { name: "SELECT * over a USING join (column positions differ by dialect)", sql: "SELECT * FROM loans JOIN customers USING (customer_id)", code: "GUARD_UNSUPPORTED_SYNTAX" },
  { name: "NATURAL JOIN", sql: "SELECT * FROM loans NATURAL JOIN customers", code: "GUARD_UNSUPPORTED_SYNTAX" },
  { name: "empty statement", sql: "  -- nothing\n ", code: "GUARD_PARSE" },
  { name: "not SQL", sql: "please list every phone number", code: "GUARD_PARSE" },
];

export const GOOD_STATEMENTS: readonly GoodStatement[] = [
  { name: "count", sql: "SELECT count(*) FROM loans", dialects: ["sqlite", "postgres"] },
  {
    name: "join with pii output columns",
    sql: "SELECT l.loan_id, c.full_name, c.phone, c.id_number AS id FROM loans l JOIN customers c ON c.customer_id = l.customer_id WHERE l.current_dpd > ?",
    dialects: SQLITE,
    masked: { 2: "phone", 3: "id_number" },
    parameterCount: 1,
    params: [0],
  },
  {
    name: "join with pii output columns ($1)",
    sql: "SELECT l.loan_id, c.full_name, c.phone, c.id_number AS id FROM loans l JOIN customers c ON c.customer_id = l.customer_id WHERE l.current_dpd > $1",
    dialects: POSTGRES,
    masked: { 2: "phone", 3: "id_number" },
    parameterCount: 1,
    params: [0],
  },
  { name: "star over customers", sql: "SELECT * FROM customers WHERE customer_id = ?", dialects: SQLITE, masked: { 2: "id_number", 3: "phone" }, parameterCount: 1, params: ["C000001"] },
  { name: "qualified star and USING", sql: "SELECT l.loan_id, c.* FROM loans l JOIN customers c USING (customer_id)", dialects: ["sqlite", "postgres"], masked: { 3: "id_number", 4: "phone" } },
  {
    name: "CTE, CASE and strftime",
    sql: "WITH monthly AS (SELECT strftime('%Y-%m', disbursed_date) AS month, sum(principal) AS amount FROM loans GROUP BY 1) SELECT month, amount, CASE WHEN amount > 1000000 THEN 'big' ELSE 'small' END AS size FROM monthly ORDER BY month",
    dialects: SQLITE,
  },
  {
    name: "window function over an aggregate",
    sql: "SELECT month, avg(pd) AS average_pd, lag(avg(pd)) OVER (ORDER BY month) AS previous_pd FROM risk_scores GROUP BY month ORDER BY month",
    dialects: ["sqlite", "postgres"],
  },
  { name: "empty OVER and a frame", sql: "SELECT loan_id, count(*) OVER () AS total, sum(principal) OVER (ORDER BY disbursed_date ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving FROM loans", dialects: ["sqlite", "postgres"] },
  {
    name: "approval time with julianday",
    sql: "SELECT avg((julianday(decided_at) - julianday(applied_at)) * 24) AS hours FROM applications WHERE decided_at IS NOT NULL AND applied_at >= ? AND applied_at < ?",
    dialects: SQLITE,
    parameterCount: 2,
    params: ["2025-01-01 00:00:00", "2026-07-01 00:00:00"],
  },
  {
    name: "overdue rate",
    sql: "SELECT sum(CASE WHEN current_dpd > 0 THEN outstanding_balance ELSE 0 END) / NULLIF(sum(outstanding_balance), 0) AS overdue_rate FROM loans WHERE status = 'active'",
    dialects: ["sqlite", "postgres"],
  },
  {
    name: "EXISTS and IN subqueries",
    sql: "SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM loans l WHERE l.customer_id = c.customer_id AND l.status = 'active') AND c.home_branch_id IN (SELECT branch_id FROM branches WHERE city = 'Shanghai')",
    dialects: ["sqlite", "postgres"],
  },
  { name: "UNION ALL of phones", sql: "SELECT phone FROM customers WHERE city = 'Shanghai' UNION ALL SELECT phone FROM customers WHERE value_tier = 'high'", dialects: ["sqlite", "postgres"], masked: { 0: "phone" } },
  { name: "pii through a CTE as a bare column", sql: "WITH x AS (SELECT customer_id, phone AS contact FROM customers) SELECT x.contact, x.customer_id FROM x ORDER BY x.customer_id", dialects: ["sqlite", "postgres"], masked: { 0: "phone" } },
  { name: "full names may be filtered", sql: "SELECT customer_id, full_name FROM customers WHERE full_name LIKE '张%' ORDER BY full_name", dialects: ["sqlite", "postgres"] },
  { name: "comment and trailing semicolon", sql: "SELECT count(*) AS n -- total loans\nFROM loans; -- done", dialects: ["sqlite", "postgres"] },
  { name: "Chinese alias", sql: 'SELECT sum(outstanding_balance) AS "贷款余额" FROM loans', dialects: ["sqlite", "postgres"] },
  { name: "small cross join", sql: "SELECT b.city, p.category FROM branches b CROSS JOIN products p", dialects: ["sqlite", "postgres"] },
  {
    name: "period comparison with two CTEs",
    sql: "WITH this_month AS (SELECT count(*) AS n FROM applications WHERE applied_at >= ? AND applied_at < ?), last_month AS (SELECT count(*) AS n FROM applications WHERE applied_at >= ? AND applied_at < ?) SELECT this_month.n AS current_value, last_month.n AS previous_value, this_month.n - last_month.n AS change FROM this_month, last_month",
    dialects: SQLITE,
    parameterCount: 4,
    params: ["2026-01-01", "2026-02-01", "2025-12-01", "2026-01-01"],
  },
  {
    name: "PostgreSQL dates and casts",
    sql: "SELECT to_char(date_trunc('month', disbursed_date), 'YYYY-MM') AS month, extract(year FROM disbursed_date) AS year, sum(principal)::numeric AS amount, count(*) FILTER (WHERE current_dpd > 30) AS m1 FROM loans WHERE disbursed_date >= CAST($1 AS DATE) GROUP BY 1, 2 ORDER BY 1 DESC NULLS LAST LIMIT 12",
    dialects: POSTGRES,
    parameterCount: 1,
    params: ["2024-01-01"],
  },
  { name: "bound LIMIT on PostgreSQL", sql: "SELECT loan_id FROM loans ORDER BY principal DESC LIMIT $1", dialects: POSTGRES, parameterCount: 1, params: [2] },
  { name: "rising repayment risk self-join on the key", sql: "SELECT cur.customer_id, cur.pd - prev.pd AS rise FROM risk_scores cur JOIN risk_scores prev ON prev.customer_id = cur.customer_id AND prev.month = ? WHERE cur.month = ? AND cur.pd - prev.pd >= 0.02", dialects: SQLITE, parameterCount: 2, params: ["2026-05", "2026-06"] },
  { name: "derived table with a limit", sql: "SELECT t.customer_id, t.balance FROM (SELECT customer_id, sum(outstanding_balance) AS balance FROM loans GROUP BY customer_id ORDER BY balance DESC LIMIT 10) t JOIN customers c ON c.customer_id = t.customer_id", dialects: ["sqlite", "postgres"] },
  { name: "ordinal GROUP BY and ORDER BY", sql: "SELECT city, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC", dialects: ["sqlite", "postgres"] },
];
