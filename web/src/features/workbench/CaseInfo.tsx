// Applicant, form data, uploaded materials and those taken from shared data (免提交), the material checklist and the
// e-licence the case issued.
import { Card, Descriptions, Empty, List, Space, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, FileOutlined } from '@ant-design/icons';
import { SharedSourceLabel } from '../../../../domain/enums.ts';
import type { CaseDetail as BaseDetail } from './types.ts';
import { SoftTag } from '../../components/SoftTag.tsx';
import { CaseLicence } from '../sharing/CaseLicence.tsx';
import { SharedMaterialView } from '../sharing/SharedMaterialView.tsx';
import type { SharingOnCase } from '../sharing/types.ts';
import { formatSize, formFieldLabel } from '../../lib/format.ts';
import { srOnly } from './format.ts';

type CaseDetail = BaseDetail & SharingOnCase;

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map(show).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function ApplicantCard({ c }: { c: CaseDetail }) {
  const a = c.applicant;
  const items = [
    { key: 'name', label: '申请人', children: a.name },
    { key: 'kind', label: '类型', children: a.kind === 'enterprise' ? '法人' : '个人' },
    { key: 'id', label: '证件号码', children: a.idNumber || '—' },
    { key: 'phone', label: '联系电话', children: a.phone || '—' },
  ];
  if (a.companyName || a.uscc) {
    items.push({ key: 'co', label: '单位名称', children: a.companyName ?? '—' }, { key: 'uscc', label: '统一社会信用代码', children: a.uscc ?? '—' });
  }
  return (
    <Card title="申请人信息" size="small">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={items} />
    </Card>
  );
}

export function FormDataCard({ c }: { c: CaseDetail }) {
  const entries = Object.entries(c.formData ?? {});
  return (
    <Card title="申请表单" size="small">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={{ color: '#262626' }}>无表单数据</span>} />
      ) : (
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered items={entries.map(([k, v]) => ({ key: k, label: formFieldLabel(k), children: show(v) }))} />
      )}
    </Card>
  );
}

export function MaterialsCard({ c }: { c: CaseDetail }) {
  const shared = c.sharedMaterials ?? [];
  return (
    <Card title="申请材料" size="small">
      <List
        size="small"
        dataSource={c.materials}
        locale={{ emptyText: <span style={{ color: '#262626' }}>{shared.length ? '没有上传的文件' : '未上传材料'}</span> }}
        renderItem={(m) => (
          <List.Item>
            <Space wrap>
              <FileOutlined aria-hidden="true" />
              <span style={{ fontWeight: 600 }}>{m.name}</span>
              <a href={`/api/files/${encodeURIComponent(m.fileId)}`} target="_blank" rel="noopener noreferrer">
                {m.fileName || '查看文件'}
                <span style={srOnly}>（在新标签页打开）</span>
              </a>
              <span style={{ color: '#434343' }}>{formatSize(m.size)}</span>
            </Space>
          </List.Item>
        )}
      />
      {shared.length ? (
        <section aria-label="免提交材料" style={{ marginTop: 8 }}>
          <h3 style={{ fontSize: 15, margin: '4px 0' }}>免提交材料（经申请人同意调取的政府数据）</h3>
          {shared.map((m) => (
            <SharedMaterialView key={m.name} m={m} showName />
          ))}
        </section>
      ) : null}
    </Card>
  );
}

export function LicenceCard({ c }: { c: CaseDetail }) {
  if (!c.licence) return null;
  return (
    <Card title="电子证照" size="small">
      <CaseLicence licence={c.licence} audience="staff" />
    </Card>
  );
}

export function ChecklistCard({ c }: { c: CaseDetail }) {
  return (
    <Card title={`材料核对（${c.checklist.filter((x) => x.provided).length}/${c.checklist.length} 已提供）`} size="small">
      <List
        size="small"
        dataSource={c.checklist}
        locale={{ emptyText: <span style={{ color: '#262626' }}>该事项无需材料</span> }}
        renderItem={(m) => (
          <List.Item>
            <Space wrap>
              {m.provided ? (
                <CheckCircleFilled style={{ color: '#237804' }} aria-hidden="true" />
              ) : (
                <CloseCircleFilled style={{ color: m.required ? '#a8071a' : '#595959' }} aria-hidden="true" />
              )}
              <span>{m.name}</span>
              <Tag style={{ color: '#1f1f1f' }}>{m.required ? '必需' : '非必需'}</Tag>
              <span style={{ color: m.provided ? '#237804' : m.required ? '#a8071a' : '#434343', fontWeight: 600 }}>
                {m.provided ? '已提供' : '未提供'}
              </span>
              {c.sharedMaterials?.some((x) => x.name === m.name) ? (
                <SoftTag tone="cyan">已免提交：{SharedSourceLabel[m.sharedSource!] ?? m.sharedSource}</SoftTag>
              ) : m.sharedSource ? (
                <Tag color="blue">可免提交：{SharedSourceLabel[m.sharedSource] ?? m.sharedSource}</Tag>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      {c.correction && (
        <div style={{ marginTop: 8, padding: 8, background: '#fffbe6', border: '1px solid #ffe58f', borderRadius: 4 }}>
          <div style={{ fontWeight: 600 }}>最近一次补正告知（{c.correction.requestedAt?.slice(0, 10)}）</div>
          <div>需补正材料：{c.correction.missingMaterials.join('、') || '—'}</div>
          {c.correction.comment && <div>说明：{c.correction.comment}</div>}
        </div>
      )}
    </Card>
  );
}
