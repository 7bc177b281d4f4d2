import { z } from 'zod';
import { typed, Page, errors, type App } from '../../platform/http.ts';
import { clientIp, requireAdmin, requireUser } from '../../platform/auth.ts';
import { DomainError, invalid } from '../../../domain/errors.ts';
import { LICENCE_TYPES } from '../../../domain/licence-types.ts';
import type { LicencesService } from './licences.service.ts';
import type { KeyStore } from './keys.ts';
import type { Verifier } from './licences.verify.ts';
import { sealView } from './licences.mapper.ts';
import type { createPresentationsService } from './presentations.service.ts';

const Id = z.object({ id: z.uuid('证照编号格式不正确') });
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function licencesRoutes(app: App, svc: LicencesService, keys: KeyStore, verifier: Verifier, presentations: ReturnType<typeof createPresentationsService>, maxUploadBytes: number) {
  const r = typed(app);
  const tags = ['licences'];

  r.get('/api/licences', {
    schema: { tags, summary: '我的证照（卡包）；scope=department 为本部门签发的证照', querystring: Page.extend({ scope: z.enum(['mine', 'department']).default('mine'), q: z.string().max(100).optional() }) },
  }, async (req) => {
    const user = requireUser(req);
    return req.query.scope === 'department' ? svc.listDepartment(user, req.query) : svc.listMine(user);
  });

  r.get('/api/licences/types', { schema: { tags, summary: '证照类型（字段、有效期、发证事项）' } }, async () => ({
    items: LICENCE_TYPES.map((t) => ({ code: t.code, name: t.name, holderKind: t.holderKind, validityYears: t.validityYears, issuingItems: t.issuingItems, sharedSource: t.sharedSource, fields: t.fields.map((f) => ({ key: f.key, label: f.label, sensitive: !!f.sensitive })) })),
  }));

  r.get('/api/licences/keys', {
    schema: {
      tags, summary: '公布的签章公钥（含已轮换的旧密钥），用于离线核验',
      response: { 200: z.object({ keys: z.array(z.object({ kid: z.string(), departmentId: z.string(), departmentName: z.string(), algorithm: z.literal('SM2'), publicKey: z.string(), validFrom: z.string(), validTo: z.string().nullable() })) }) },
    },
  }, async () => ({
    keys: (await keys.list()).map((k) => ({ kid: k.kid, departmentId: k.departmentId, departmentName: k.departmentName, algorithm: 'SM2' as const, publicKey: k.publicKey, validFrom: iso(k.validFrom)!, validTo: iso(k.validTo) })),
  }));

  r.get('/api/licences/seals', { schema: { tags, summary: '各部门电子印章（GB/T 38540 结构的 JSON 与印模 SVG）' } }, async () => ({
    items: (await keys.seals()).map((s) => {
      const info = (s.seal as { sealInfo: { property: { name: string; validStart: string; validEnd: string } } }).sealInfo;
      return { id: s.id, departmentId: s.departmentId, kid: s.kid, name: info.property.name, validFrom: info.property.validStart, validTo: info.property.validEnd, svg: sealView(s.seal).svg, seal: s.seal, signature: s.signature };
    }),
  }));

  r.post('/api/licences/verify', {
    schema: { tags, summary: '核验电子证照：JSON {qr}，或 multipart 上传 PDF（字段 file）', consumes: ['application/json', 'multipart/form-data'], response: { 200: z.any(), ...errors(400, 413) } },
  }, async (req) => {
    if (req.isMultipart()) {
      const part = await req.file({ limits: { fileSize: maxUploadBytes, files: 1 } });
      if (!part) throw invalid('file', '缺少上传文件（字段名 file）');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('FILE_TOO_LARGE', '文件过大', 'PAYLOAD_TOO_LARGE', { fields: [{ field: 'file', message: '文件过大' }] });
        throw e;
      }
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw invalid('file', '请上传电子证照的 PDF 文件');
      return verifier.verifyPdf(new Uint8Array(bytes));
    }
    const body = z.object({ qr: z.string({ error: '请提供二维码内容 qr' }).trim().min(1, '请提供二维码内容 qr').max(4000, '二维码内容过长') }).safeParse(req.body ?? {});
    if (!body.success) throw invalid('qr', body.error.issues[0]?.message ?? '请提供二维码内容 qr');
    return verifier.verifyQr(body.data.qr);
  });

  r.get('/api/licences/:id', { schema: { tags, summary: '证照详情（持证人、签发部门、管理员）', params: Id, response: { 200: z.any(), ...errors(401, 404) } } }, async (req) => svc.detail(requireUser(req), req.params.id, clientIp(req)));

  r.get('/api/licences/:id/pdf', { schema: { tags, summary: '下载签名的证照 PDF', params: Id } }, async (req, reply) => {
    const { bytes, fileName } = await svc.pdf(requireUser(req), req.params.id, clientIp(req));
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    return reply.send(Buffer.from(bytes));
  });

  r.post('/api/licences/:id/revoke', {
    schema: {
      tags, summary: '变更证照状态（签发部门审批人员）：默认 03 撤销，也可 07 吊销、02 暂扣、04 注销、05 失效、01 恢复有效', params: Id,
      body: z.object({ reason: z.string({ error: '请写明理由' }).trim().min(1, '请写明理由').max(500, '理由不能超过 500 字'), status: z.enum(['01', '02', '03', '04', '05', '07'], { error: '状态须为 01、02、03、04、05 或 07' }).optional() }),
      response: { 200: z.any(), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => svc.changeStatus(requireUser(req), req.params.id, req.body, clientIp(req)));

  r.post('/api/licences/:id/presentations', {
    schema: {
      tags, summary: '亮证：生成短时有效的出示码（可选择出示的字段、有效期、一次有效）', params: Id,
      body: z.object({
        fields: z.array(z.string().max(40)).max(40).optional(),
        ttlSeconds: z.number({ error: '有效期须为秒数' }).int('有效期须为整数秒').min(1, '有效期至少 1 秒').max(86400, '有效期最长 86400 秒（一天）').optional(),
        singleUse: z.boolean().optional(),
      }).default({}),
      response: { 201: z.object({ code: z.string(), qr: z.string(), expiresAt: z.string(), fields: z.array(z.string()), singleUse: z.boolean() }), ...errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.status(201).send(await presentations.create(requireUser(req), req.params.id, req.body)));

  r.get('/api/licences/:id/presentations', { schema: { tags, summary: '亮证记录：每次出示及谁在何时查看了哪些内容', params: Id } }, async (req) => presentations.listForLicence(requireUser(req), req.params.id));

  r.get('/api/presentations/:code', {
    schema: { tags, summary: '核验人员查看亮证内容；过期或已使用返回 410', params: z.object({ code: z.string().max(40) }), response: { 200: z.any(), ...errors(401, 403, 404, 410) } },
  }, async (req) => presentations.open(requireUser(req), req.params.code, clientIp(req)));

  r.post('/api/admin/licences/keys/:departmentId/rotate', {
    schema: { tags, summary: '轮换部门签章密钥（旧公钥继续公布，旧证照仍可核验）', params: z.object({ departmentId: z.string().regex(/^[a-z]+$/, '部门编号格式不正确') }), response: { 200: z.any(), ...errors(401, 403, 404) } },
  }, async (req) => {
    const admin = requireAdmin(req, '只有管理员可以轮换签章密钥');
    const k = await keys.rotate(req.params.departmentId, admin, clientIp(req));
    return { kid: k.kid, departmentId: k.departmentId, algorithm: 'SM2' as const, publicKey: k.publicKey, validFrom: k.validFrom.toISOString(), validTo: null, sealId: k.sealId };
  });
}
