// Open311 接入: the client applications allowed to file requests through the GeoReport v2 API, when each last
// filed one, issuing a key (shown once) and revoking one.
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageState, errorMessage } from '../../../components/PageState.tsx';
import { SoftTag } from '../../../components/index.ts';
import { AdminTitle, KeyboardScroll, emptyText, fmtTime } from '../shared.tsx';
import { NewClientModal } from './NewClientModal.tsx';

interface ClientRow {
  id: number;
  name: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  requestCount: number;
  revokedAt: string | null;
}

export function Open311ClientsPage() {
  const { message } = App.useApp();
  const { data, loading, error, reload } = useApi<{ items: ClientRow[] }>('/api/admin/open311-clients');
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<number | null>(null);

  const revoke = async (c: ClientRow) => {
    setRevoking(c.id);
    try {
      await api.del(`/api/admin/open311-clients/${c.id}`);
      void message.success(`已吊销“${c.name}”的密钥`);
      reload();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setRevoking(null);
    }
  };

  const columns: ColumnsType<ClientRow> = [
    { title: '客户端', dataIndex: 'name', width: 180 },
    {
      title: '状态', dataIndex: 'revokedAt', width: 90,
      render: (v: string | null) => (v ? <SoftTag tone="grey">已吊销</SoftTag> : <SoftTag tone="green">有效</SoftTag>),
    },
    {
      title: '创建', dataIndex: 'createdAt', width: 170,
      render: (v: string, r) => <>{fmtTime(v)}{r.createdBy && <div style={{ color: '#595959' }}>{r.createdBy}</div>}</>,
    },
    { title: '最近使用', dataIndex: 'lastUsedAt', width: 160, render: (v: string | null) => (v ? fmtTime(v) : '从未使用') },
    { title: '已提交诉求', dataIndex: 'requestCount', width: 110, align: 'right', render: (v: number) => `${v} 件` },
    { title: '吊销时间', dataIndex: 'revokedAt', width: 160, render: (v: string | null) => fmtTime(v) },
    {
      title: '操作', key: 'actions', width: 100, fixed: 'right',
      render: (_, r) => (r.revokedAt ? '—' : (
        <Popconfirm title={`吊销“${r.name}”的密钥？`} description="吊销后该客户端立即无法再提交诉求，且不能恢复。" okText="吊销" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => revoke(r)}>
          <Button size="small" danger icon={<StopOutlined aria-hidden />} loading={revoking === r.id}>
            吊销<span className="tb-sr-only">{r.name}</span>
          </Button>
        </Popconfirm>
      )),
    },
  ];

  return (
    <>
      <AdminTitle extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>新建接入客户端</Button>}>
        Open311 接入
      </AdminTitle>
      <Card size="small" style={{ marginBottom: 16 }}>
        <p style={{ margin: 0, color: '#262626' }}>
          第三方应用（如随手拍 App、网格化平台）可按 Open311 GeoReport v2 标准提交和查询 12345 诉求。
          服务列表：<code>GET /open311/v2/services.json</code>；提交：<code>POST /open311/v2/requests.json</code>（需 <code>api_key</code>）；
          查询：<code>GET /open311/v2/requests.json</code>。查询结果不含任何人的姓名和电话。
        </p>
      </Card>
      <PageState loading={loading && !data} error={error} onRetry={reload}>
        <KeyboardScroll label="接入客户端列表">
          <Table<ClientRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            scroll={{ x: 970 }}
            pagination={false}
            locale={{ emptyText: emptyText('还没有接入客户端，点击“新建接入客户端”生成密钥') }}
          />
        </KeyboardScroll>
      </PageState>
      <NewClientModal open={creating} onClose={() => setCreating(false)} onCreated={() => reload()} />
    </>
  );
}
