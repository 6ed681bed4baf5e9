// Setup file of the `sqlite` project: its servers keep sessions in SQLite files, whatever a reused worker ran before
// (a project's `env` stays in a worker process that later runs another project's file).
delete process.env.TEST_STORE;
