// Audit trail: rows are appended inside the business transaction (nothing is lost), and a sealer links
// them into a SHA-256 hash chain in seq order. Sealing is separate so that writers never queue on one lock.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from './db/index.ts';

export interface AuditEntry {
  actorId?: string | null;
  actorName?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** The audit_log row for an entry (for callers that insert it as part of a larger statement). */
export function auditRow(e: AuditEntry, at: Date) {
  return {
    at,
    actorId: e.actorId ?? null,
    actorName: e.actorName ?? null,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    detail: JSON.stringify(e.detail ?? {}),
    ip: e.ip ?? null,
  };
}

export async function writeAudit(db: Executor, e: AuditEntry, at: Date): Promise<void> {
  await db.insertInto('auditLog').values(auditRow(e, at)).execute();
}

interface AuditRowForHash {
  id: number; at: Date | string; actorId: string | null; actorName: string | null; action: string;
  targetType: string | null; targetId: string | null; detail: unknown; ip: string | null; seq: number | null;
}

export function rowDigest(prevHash: string, r: AuditRowForHash, seq: number): string {
  const canonical = JSON.stringify([
    seq, r.id, new Date(r.at).toISOString(), r.actorId, r.actorName, r.action, r.targetType, r.targetId,
    canonicalJson(r.detail), r.ip,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Rows sealed per transaction: small enough that sealing never stalls the event loop (or PGlite's one connection) for long. */
const SEAL_CHUNK = 500;

/** Seals every unsealed row (up to `batch`). Safe to run from several instances at once (advisory lock). Returns rows sealed. */
export async function sealAudit(db: Db, batch = 5000): Promise<number> {
  let total = 0;
  while (total < batch) {
    const want = Math.min(SEAL_CHUNK, batch - total);
    const n = await sealChunk(db, want);
    total += n;
    if (n < want) break;
  }
  return total;
}

async function sealChunk(db: Db, batch: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(727273) AS ok`.execute(trx);
    if (!got.rows[0]?.ok) return 0;
    const last = await trx.selectFrom('auditLog').select(['seq', 'hash']).where('seq', 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let prev = last?.hash ?? GENESIS_HASH;
    let seq = last?.seq ?? 0;
    const rows = await trx.selectFrom('auditLog').selectAll().where('seq', 'is', null).orderBy('id').limit(batch).execute();
    const sealed = rows.map((r) => {
      seq += 1;
      const hash = rowDigest(prev, r, seq);
      const s = { id: r.id, seq, prevHash: prev, hash };
      prev = hash;
      return s;
    });
    // One set-based UPDATE over arrays instead of one per row: under load the sealer would otherwise spend a round
    // trip per entry, and a VALUES list with four parameters per row is itself slow to build.
    if (sealed.length) {
      await sql`UPDATE audit_log AS a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        FROM unnest(${sealed.map((s) => s.id)}::bigint[], ${sealed.map((s) => s.seq)}::bigint[], ${sealed.map((s) => s.prevHash)}::text[], ${sealed.map((s) => s.hash)}::text[])
          AS v (id, seq, prev_hash, hash)
        WHERE a.id = v.id`.execute(trx);
    }
    return rows.length;
  });
}

export interface AuditVerifyResult { ok: boolean; checked: number; firstBadSeq?: number; firstBadId?: number; reason?: string }

/** Walks the chain in seq order and reports the first row whose hash or link does not match. */
export async function verifyAudit(db: Db): Promise<AuditVerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const r of rows) {
      if (r.seq !== expectedSeq) return { ok: false, checked, firstBadSeq: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失` };
      if (r.prevHash !== prev) return { ok: false, checked, firstBadSeq: r.seq!, firstBadId: r.id, reason: '链接哈希不一致（前一条被改动或删除）' };
      if (rowDigest(prev, r, r.seq!) !== r.hash) return { ok: false, checked, firstBadSeq: r.seq!, firstBadId: r.id, reason: '记录内容与哈希不一致（记录被篡改）' };
      prev = r.hash!;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked };
  }
}
