// Setup file of the `postgres` project: its servers keep sessions in PostgreSQL schemas (tests/support/harness.ts).
process.env.TEST_STORE = 'postgres';
