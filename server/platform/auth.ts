// Sessions: a random token (cookie or Bearer), stored as its SHA-256 with an expiry.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, forbidden } from '../../domain/errors.ts';
import { Role } from '../../domain/enums.ts';
import type { Executor } from './db/index.ts';

export const SESSION_COOKIE = 'tongban_session';

export interface AuthUser {
  id: string;
  username: string;
  roles: Role[];
  departmentId: string | null;
  kind: 'person' | 'enterprise' | 'staff';
  realName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
    sessionTokenHash?: string;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export function tokenFromRequest(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  return req.cookies?.[SESSION_COOKIE];
}

export async function findSessionUser(db: Executor, tokenHash: string, now: Date): Promise<AuthUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['users.id', 'users.username', 'users.roles', 'users.departmentId', 'users.kind', 'users.realName', 'users.disabled'])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.expiresAt', '>', now)
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  return { id: row.id, username: row.username, roles: row.roles as Role[], departmentId: row.departmentId, kind: row.kind as AuthUser['kind'], realName: row.realName };
}

export function installAuth(app: FastifyInstance, db: Executor, now: () => Date) {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = tokenFromRequest(req);
    if (!token || token.length > 200) return;
    const tokenHash = hashToken(token);
    const user = await findSessionUser(db, tokenHash, now());
    if (user) {
      req.user = user;
      req.sessionTokenHash = tokenHash;
    }
  });
}

export function requireUser(req: FastifyRequest): AuthUser {
  if (!req.user) throw new DomainError('UNAUTHENTICATED', '请先登录', 'UNAUTHENTICATED');
  return req.user;
}

/** The logged-in user, who must be an administrator (403 with `message` otherwise). */
export function requireAdmin(req: FastifyRequest, message: string): AuthUser {
  const u = requireUser(req);
  if (!hasRole(u, Role.admin)) throw forbidden(message);
  return u;
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: maxAgeSeconds, secure });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const hasRole = (u: AuthUser | undefined, ...roles: Role[]) => !!u && u.roles.some((r) => roles.includes(r));

/** The caller's address, for login limits and audit. */
export const clientIp = (req: FastifyRequest) => req.ip;
