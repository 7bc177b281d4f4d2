// 证照管理 (reviewer / clerk): the licences the user's department issued, newest first, searchable by number or holder.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Breadcrumb, Button, Input, Table } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { UrlPagination } from '../../components/UrlPagination.tsx';
import { qs } from '../../lib/api.ts';
import { useApi } from '../../lib/useApi.ts';
import { statusTag, type LicenceSummary } from '../licences/types.ts';
import { KeyboardScroll } from '../admin/shared.tsx';
import type { DepartmentLicences } from './types.ts';
import './licences-admin.css';

const PAGE_SIZE = 20;

export function LicenceStatusTag({ l }: { l: Pick<LicenceSummary, 'status' | 'expired'> }) {
  const t = statusTag(l);
  return <SoftTag tone={t.tone}>{t.label}</SoftTag>;
}

export default function StaffLicencesPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [text, setText] = useState(q);
  const { data, loading, error, reload } = useApi<DepartmentLicences>(`/api/licences${qs({ scope: 'department', q, page, pageSize: PAGE_SIZE })}`);

  const search = () => {
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    next.delete('page');
    setParams(next);
  };

  return (
    <div>
      <Breadcrumb className="tb-breadcrumb" items={[{ title: <Link to="/workbench">工作台</Link> }, { title: '证照管理' }]} />
      <h1 className="tb-page-title">证照管理</h1>
      <p className="tb-muted">本部门签发的电子证照。打开一张证照可查看内容和状态记录，审批人员可办理撤销、吊销、暂扣、注销。</p>
      <form
        role="search"
        className="tb-actions-row"
        style={{ marginBottom: 16 }}
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <label htmlFor="lic-q" className="tb-sr-only">
          按证照编号或持证人查找
        </label>
        <Input id="lic-q" value={text} onChange={(e) => setText(e.target.value)} placeholder="证照编号或持证人" allowClear maxLength={50} style={{ maxWidth: 320 }} />
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          查找
        </Button>
      </form>
      <section className="tb-card" aria-label="证照列表">
        <PageState
          loading={loading && !data}
          error={error}
          onRetry={reload}
          empty={!!data && data.items.length === 0}
          emptyText={q ? `没有找到与“${q}”相符的证照` : '本部门还没有签发电子证照。办件办结时会自动签发。'}
        >
          {data ? (
            <>
              <p style={{ marginTop: 0 }}>共 {data.total} 张</p>
              <KeyboardScroll label="证照列表">
                <Table<LicenceSummary>
                  rowKey="id"
                  size="middle"
                  pagination={false}
                  dataSource={data.items}
                  scroll={{ x: 820 }}
                  columns={[
                    {
                      title: '证照编号',
                      dataIndex: 'number',
                      render: (v: string, l) => <Link to={`/licences/${encodeURIComponent(l.id)}`}>{v}</Link>,
                    },
                    { title: '证照类型', dataIndex: 'typeName' },
                    { title: '持证人', dataIndex: 'holderMasked' },
                    { title: '签发日期', dataIndex: 'issuedAt', width: 120 },
                    { title: '有效期至', dataIndex: 'expiresAt', width: 120, render: (v: string | null) => v ?? '长期' },
                    { title: '状态', key: 'status', width: 100, render: (_v, l) => <LicenceStatusTag l={l} /> },
                  ]}
                />
              </KeyboardScroll>
              <UrlPagination page={page} pageSize={PAGE_SIZE} total={data.total} scrollToTop />
            </>
          ) : null}
        </PageState>
      </section>
    </div>
  );
}
