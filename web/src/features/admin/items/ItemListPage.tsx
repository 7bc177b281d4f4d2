// 事项管理: list of catalog items with search and a department filter.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import { OnlineDepthLabel } from '../../../../../domain/enums.ts';
import { api, qs } from '../../../lib/api.ts';
import type { DepartmentInfo, ItemSummary } from '../../../lib/types.ts';
import { limitText } from '../../../lib/format.ts';
import { SoftTag } from '../../../components/index.ts';
import { AdminTitle, KeyboardScroll, emptyText, fieldLabel } from '../shared.tsx';
import { LinkButton } from '../../../components/LinkButton.tsx';

const columns: ColumnsType<ItemSummary> = [
  { title: '事项编码', dataIndex: 'code', width: 150, fixed: 'left' },
  { title: '事项名称', dataIndex: 'name', width: 240, render: (v: string, r) => <Link to={`/admin/items/${encodeURIComponent(r.code)}`}>{v}</Link> },
  { title: '部门', dataIndex: 'departmentName', width: 160 },
  { title: '类型', dataIndex: 'type', width: 110 },
  { title: '法定时限', dataIndex: 'legalLimitDays', width: 110, render: (v: number) => limitText(v) },
  { title: '承诺时限', dataIndex: 'promisedLimitDays', width: 110, render: (v: number) => limitText(v) },
  { title: '办理深度', dataIndex: 'onlineDepth', width: 170, render: (v: ItemSummary['onlineDepth']) => OnlineDepthLabel[v] ?? v },
  { title: '跨省通办', dataIndex: 'crossProvince', width: 100, render: (v: boolean) => (v ? <SoftTag tone="green">是</SoftTag> : '否') },
  {
    title: '操作',
    key: 'op',
    width: 90,
    render: (_, r) => (
      <Link to={`/admin/items/${encodeURIComponent(r.code)}`}>
        编辑<span className="tb-sr-only">{r.name}</span>
      </Link>
    ),
  },
];

export function ItemListPage() {
  const [sp, setSp] = useSearchParams();
  const q = sp.get('q') ?? '';
  const departmentId = sp.get('departmentId') ?? '';
  const page = Number(sp.get('page')) || 1;
  const pageSize = Number(sp.get('pageSize')) || 20;
  const [data, setData] = useState<{ items: ItemSummary[]; total: number } | null>(null);
  const [departments, setDepartments] = useState<DepartmentInfo[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const set = (patch: Record<string, string | number>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries<string | number>({ page: 1, ...patch })) {
      if (v === '' || (k === 'page' && String(v) === '1')) next.delete(k);
      else next.set(k, String(v));
    }
    setSp(next);
  };

  useEffect(() => {
    api.get<{ departments: DepartmentInfo[] }>('/api/departments').then((r) => setDepartments(r.departments), () => setDepartments([]));
  }, []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<{ items: ItemSummary[]; total: number }>(`/api/items${qs({ q, departmentId, page, pageSize })}`)
      .then((r) => live && setData(r))
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [q, departmentId, page, pageSize, tick]);

  return (
    <>
      <AdminTitle extra={<LinkButton to="/admin/items/new" type="primary">新建事项</LinkButton>}>事项管理</AdminTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap align="end">
          <div>
            <label htmlFor="adm-item-q" style={fieldLabel}>名称或编码</label>
            <Input.Search id="adm-item-q" key={q} defaultValue={q} allowClear enterButton="搜索" placeholder="输入事项名称或编码" onSearch={(v) => set({ q: v.trim() })} style={{ width: 280 }} />
          </div>
          <div>
            <label htmlFor="adm-item-dept" style={fieldLabel}>部门</label>
            <Select
              id="adm-item-dept"
              value={departmentId}
              onChange={(v) => set({ departmentId: v })}
              style={{ width: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={[{ value: '', label: '全部部门' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
            />
          </div>
        </Space>
      </Card>
      {error ? (
        <Alert type="error" showIcon title="事项列表加载失败" description={error} action={<Button onClick={() => setTick((t) => t + 1)}>重试</Button>} />
      ) : (
        <KeyboardScroll label="事项列表">
        <Table<ItemSummary>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 1240 }}
          locale={{ emptyText: emptyText('没有符合条件的事项') }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p, s) => set({ page: p, pageSize: s }),
          }}
        />
        </KeyboardScroll>
      )}
    </>
  );
}
