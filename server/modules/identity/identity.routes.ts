import { z } from 'zod';
import { typed, Page, errors, type App } from '../../platform/http.ts';
import { clearSessionCookie, clientIp, hasRole, requireUser, setSessionCookie } from '../../platform/auth.ts';
import { Role } from '../../../domain/enums.ts';
import { forbidden } from '../../../domain/errors.ts';
import { PHONE_PATTERN } from '../../../domain/codes.ts';
import type { Config } from '../../platform/config.ts';
import type { IdentityService } from './identity.service.ts';

const Username = z.string().trim().min(3, '用户名至少 3 个字符').max(40, '用户名不能超过 40 个字符').regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字和 _ . -');
const LoginResult = z.object({
  token: z.string(),
  user: z.object({ id: z.string(), username: z.string(), roles: z.array(z.string()), departmentId: z.string().nullable(), kind: z.string(), realName: z.string() }),
});

export function identityRoutes(app: App, identity: IdentityService, config: Config) {
  const r = typed(app);
  const tags = ['identity'];
  const cookieAge = config.sessionTtlHours * 3600;

  r.post('/api/auth/login', {
    schema: {
      tags, summary: '登录',
      body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(100, '用户名过长'), password: z.string().min(1, '请输入密码').max(200, '密码过长') }),
      response: { 200: LoginResult, ...errors(400, 401, 429) },
    },
  }, async (req, reply) => {
    const res = await identity.login(req.body.username, req.body.password, clientIp(req), req.headers['user-agent'] ?? null);
    setSessionCookie(reply, res.token, cookieAge, config.production);
    return res;
  });

  r.post('/api/auth/register', {
    schema: {
      tags, summary: '注册（个人或法人）',
      body: z.object({
        username: Username,
        password: z.string().max(200, '密码过长'),
        kind: z.enum(['person', 'enterprise'], { error: '账号类型应为 person（个人）或 enterprise（法人）' }),
        realName: z.string().trim().min(2, '请填写真实姓名').max(40, '姓名不能超过 40 字'),
        idNumber: z.string().trim().length(18, '身份证号码应为 18 位'),
        phone: z.string().trim().regex(PHONE_PATTERN, '手机号码格式不正确'),
        email: z.email('电子邮箱格式不正确').max(100).optional(),
        companyName: z.string().trim().min(2, '企业名称至少 2 个字').max(100, '企业名称不能超过 100 字').optional(),
        uscc: z.string().trim().length(18, '统一社会信用代码应为 18 位').optional(),
      }),
      response: { 201: LoginResult, ...errors(400, 409) },
    },
  }, async (req, reply) => {
    const res = await identity.register(req.body, clientIp(req), req.headers['user-agent'] ?? null);
    setSessionCookie(reply, res.token, cookieAge, config.production);
    return reply.status(201).send(res);
  });

  r.post('/api/auth/logout', { schema: { tags, summary: '退出登录' } }, async (req, reply) => {
    const user = requireUser(req);
    await identity.logout(req.sessionTokenHash!, user, clientIp(req));
    clearSessionCookie(reply);
    return { ok: true };
  });

  r.get('/api/auth/me', { schema: { tags, summary: '当前用户（本人信息不脱敏）' } }, async (req) => ({ user: await identity.profile(requireUser(req).id) }));

  r.post('/api/auth/password', {
    schema: {
      tags, summary: '修改密码',
      body: z.object({ oldPassword: z.string().min(1, '请输入原密码').max(200), newPassword: z.string().max(200, '密码过长') }),
    },
  }, async (req) => {
    const user = requireUser(req);
    await identity.changePassword(user, req.body.oldPassword, req.body.newPassword, req.sessionTokenHash!, clientIp(req));
    return { ok: true };
  });

  r.get('/api/admin/users', {
    schema: { tags, summary: '用户列表（管理员；个人信息脱敏）', querystring: Page.extend({ role: z.enum(Object.values(Role) as [string, ...string[]]).optional() }) },
  }, async (req) => {
    const user = requireUser(req);
    if (!hasRole(user, Role.admin)) throw forbidden('只有系统管理员可以查看用户');
    return identity.listUsers(req.query.page, req.query.pageSize, req.query.role);
  });
}
