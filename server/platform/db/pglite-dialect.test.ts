// The PGlite dialect hands its one connection to one holder at a time. These tests show that concurrent
// transactions neither lose writes nor see each other's uncommitted work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openDatabase } from './index.ts';

test('concurrent read-modify-write transactions on PGlite lose no update', async () => {
  const database = await openDatabase({});
  try {
    const db = database.db;
    await sql`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0); CREATE TABLE log (i int)`.execute(db);
    await Promise.all(Array.from({ length: 50 }, (_, i) => db.transaction().execute(async (trx) => {
      const r = await sql<{ n: number }>`SELECT n FROM counter WHERE id = 1`.execute(trx);
      await new Promise((res) => setTimeout(res, Math.random() * 3));
      await sql`UPDATE counter SET n = ${r.rows[0]!.n + 1} WHERE id = 1`.execute(trx);
      await sql`INSERT INTO log VALUES (${i})`.execute(trx);
    })));
    const n = await sql<{ n: number }>`SELECT n FROM counter`.execute(db);
    const logs = await sql<{ c: number }>`SELECT count(*)::int AS c FROM log`.execute(db);
    assert.equal(n.rows[0]!.n, 50);
    assert.equal(logs.rows[0]!.c, 50);
  } finally {
    await database.close();
  }
});

test('a rolled-back transaction on PGlite leaves no trace and does not disturb the others', async () => {
  const database = await openDatabase({});
  try {
    const db = database.db;
    await sql`CREATE TABLE t (i int)`.execute(db);
    const results = await Promise.allSettled([
      db.transaction().execute(async (trx) => { await sql`INSERT INTO t VALUES (1)`.execute(trx); }),
      db.transaction().execute(async (trx) => { await sql`INSERT INTO t VALUES (2)`.execute(trx); throw new Error('boom'); }),
      db.transaction().execute(async (trx) => { await sql`INSERT INTO t VALUES (3)`.execute(trx); }),
      sql`INSERT INTO t VALUES (4)`.execute(db),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const rows = await sql<{ i: number }>`SELECT i FROM t ORDER BY i`.execute(db);
    assert.deepEqual(rows.rows.map((r) => r.i), [1, 3, 4]);
  } finally {
    await database.close();
  }
});
