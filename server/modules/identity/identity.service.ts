import type { Db } from '../../platform/db/index.ts';
import type { Config } from '../../platform/config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UserRow } from '../../platform/db/schema.ts';
import { DomainError, invalid } from '../../../domain/errors.ts';
import { Role } from '../../../domain/enums.ts';
import { isValidIdNumber, isValidUscc, maskIdNumber, maskPhone } from '../../../domain/codes.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/passwords.ts';
import { hashToken, newToken, type AuthUser } from '../../platform/auth.ts';
import { writeAudit } from '../../platform/audit.ts';
import * as repo from './identity.repo.ts';

export interface Registration {
  username: string;
  password: string;
  kind: 'person' | 'enterprise';
  realName: string;
  idNumber: string;
  phone: string;
  email?: string;
  companyName?: string;
  uscc?: string;
}

export interface Profile {
  id: string;
  username: string;
  roles: string[];
  departmentId: string | null;
  kind: string;
  realName: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  companyName: string | null;
  uscc: string | null;
}

export const toPublicUser = (u: Pick<UserRow, 'id' | 'username' | 'roles' | 'departmentId' | 'kind' | 'realName'>) =>
  ({ id: u.id, username: u.username, roles: u.roles, departmentId: u.departmentId, kind: u.kind, realName: u.realName });

export function toProfile(u: UserRow, masked: boolean): Profile {
  return {
    ...toPublicUser(u), email: u.email, companyName: u.companyName, uscc: u.uscc,
    idNumber: masked ? maskIdNumber(u.idNumber) : u.idNumber,
    phone: masked ? maskPhone(u.phone) : u.phone,
  };
}

const tooMany = (minutes: number) =>
  new DomainError('LOGIN_LOCKED', `登录失败次数过多，请 ${minutes} 分钟后再试`, 'TOO_MANY_REQUESTS', { retryAfterMinutes: minutes });

export function createIdentityService(db: Db, config: Config, clock: Clock) {
  async function openSession(user: UserRow, ip: string, userAgent: string | null) {
    const token = newToken();
    const now = clock.now();
    await repo.insertSession(db, {
      tokenHash: hashToken(token), userId: user.id, createdAt: now, ip, userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(now.getTime() + config.sessionTtlHours * 3_600_000),
    });
    return { token, user: toPublicUser(user) };
  }

  return {
    async login(username: string, password: string, ip: string, userAgent: string | null) {
      const { perAccount, perAddress, windowMinutes } = config.loginLimit;
      const now = clock.now();
      const since = new Date(now.getTime() - windowMinutes * 60_000);
      const fails = await repo.countFailures(db, username, ip, since);
      if (fails.byUser >= perAccount || fails.byIp >= perAddress) {
        await writeAudit(db, { actorName: username, action: 'login.refused', detail: { reason: 'too_many_failures' }, ip }, now);
        throw tooMany(windowMinutes);
      }
      const user = await repo.findUserByUsername(db, username);
      const ok = user && !user.disabled && (await verifyPassword(password, user.passwordHash));
      if (!ok) {
        await repo.insertFailure(db, username, ip, now);
        await writeAudit(db, { actorId: user?.id ?? null, actorName: username, action: 'login.failed', ip }, now);
        throw new DomainError('INVALID_CREDENTIALS', '用户名或密码错误', 'UNAUTHENTICATED');
      }
      await writeAudit(db, { actorId: user.id, actorName: user.username, action: 'login', ip }, now);
      return openSession(user, ip, userAgent);
    },

    async logout(tokenHash: string, user: AuthUser, ip: string) {
      await repo.deleteSession(db, tokenHash);
      await writeAudit(db, { actorId: user.id, actorName: user.username, action: 'logout', ip }, clock.now());
    },

    async register(r: Registration, ip: string, userAgent: string | null) {
      if (!isValidIdNumber(r.idNumber)) throw invalid('idNumber', '身份证号码无效（请核对位数、出生日期和校验位）');
      if (r.kind === 'enterprise') {
        if (!r.companyName) throw invalid('companyName', '请填写企业名称');
        if (!r.uscc || !isValidUscc(r.uscc)) throw invalid('uscc', '统一社会信用代码无效（请核对 18 位代码和校验位）');
      }
      const problem = passwordProblem(r.password);
      if (problem) throw invalid('password', problem);
      if (await repo.findUserByUsername(db, r.username)) throw new DomainError('USERNAME_TAKEN', '该用户名已被注册', 'CONFLICT', { fields: [{ field: 'username', message: '该用户名已被注册' }] });
      const user = await repo.insertUser(db, {
        username: r.username, passwordHash: await hashPassword(r.password, config.fastPasswordHash), kind: r.kind,
        roles: [r.kind === 'person' ? Role.citizen : Role.enterprise], departmentId: null, realName: r.realName,
        idNumber: r.idNumber.toUpperCase(), phone: r.phone, email: r.email ?? null,
        companyName: r.kind === 'enterprise' ? r.companyName! : null, uscc: r.kind === 'enterprise' ? r.uscc!.toUpperCase() : null, address: null,
      }).catch((e: { code?: string }) => {
        if (e.code === '23505') throw new DomainError('USERNAME_TAKEN', '该用户名已被注册', 'CONFLICT');
        throw e;
      });
      await writeAudit(db, { actorId: user.id, actorName: user.username, action: 'register', ip }, clock.now());
      return openSession(user, ip, userAgent);
    },

    async profile(userId: string): Promise<Profile> {
      const u = await repo.findUserById(db, userId);
      if (!u) throw new DomainError('UNAUTHENTICATED', '请先登录', 'UNAUTHENTICATED');
      return toProfile(u, false);
    },

    async changePassword(user: AuthUser, oldPassword: string, newPassword: string, tokenHash: string, ip: string) {
      const u = await repo.findUserById(db, user.id);
      if (!u || !(await verifyPassword(oldPassword, u.passwordHash))) throw invalid('oldPassword', '原密码不正确');
      const problem = passwordProblem(newPassword);
      if (problem) throw invalid('newPassword', problem);
      if (oldPassword === newPassword) throw invalid('newPassword', '新密码不能与原密码相同');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.setPassword(trx, user.id, await hashPassword(newPassword, config.fastPasswordHash), now);
        // Other devices must log in again with the new password.
        await repo.deleteOtherSessions(trx, user.id, tokenHash);
        await writeAudit(trx, { actorId: user.id, actorName: user.username, action: 'password.change', ip }, now);
      });
    },

    async listUsers(page: number, pageSize: number, role?: string) {
      const [rows, total] = await Promise.all([repo.listUsers(db, (page - 1) * pageSize, pageSize, role), repo.countUsers(db, role)]);
      return {
        items: rows.map((u) => ({ ...u, idNumber: maskIdNumber(u.idNumber), phone: maskPhone(u.phone), createdAt: new Date(u.createdAt).toISOString() })),
        total: Number(total.n),
      };
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
