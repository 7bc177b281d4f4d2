// 审计日志: the tamper-evident log, with an action filter and a button that verifies the hash chain.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Space, Table } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { api, qs } from '../../../lib/api.ts';
import { AdminTitle, KeyboardScroll, emptyText, fieldLabel, fmtTime } from '../shared.tsx';

interface AuditRow {
  id: string;
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  ip: string | null;
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  reason?: string;
}

const detailText = (d: unknown) =>
  d === null || d === undefined || (typeof d === 'object' && Object.keys(d as object).length === 0) ? '—' : typeof d === 'string' ? d : JSON.stringify(d);

const columns: ColumnsType<AuditRow> = [
  { title: '序号', dataIndex: 'seq', width: 80, fixed: 'left', render: (v: number | null) => v ?? '—' },
  { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => fmtTime(v) },
  { title: '操作人', dataIndex: 'actorName', width: 120, render: (v) => v || '系统' },
  { title: '操作', dataIndex: 'action', width: 180, render: (v: string) => <code>{v}</code> },
  { title: '对象', key: 'target', width: 200, render: (_, r) => (r.targetType ? `${r.targetType}${r.targetId ? ` / ${r.targetId}` : ''}` : '—') },
  {
    title: '详情',
    dataIndex: 'detail',
    width: 320,
    render: (d: unknown) => <div style={{ maxWidth: 320, overflowWrap: 'anywhere', fontSize: 13 }}>{detailText(d)}</div>,
  },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (v) => v || '—' },
];

export function AuditPage() {
  const [sp, setSp] = useSearchParams();
  const action = sp.get('action') ?? '';
  const page = Number(sp.get('page')) || 1;
  const pageSize = Number(sp.get('pageSize')) || 20;
  const [data, setData] = useState<{ items: AuditRow[]; total: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<{ items: AuditRow[]; total: number }>(`/api/admin/audit${qs({ action, page, pageSize })}`)
      .then((r) => live && setData(r))
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [action, page, pageSize, tick]);

  const set = (p: Record<string, string | number>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries<string | number>({ page: 1, ...p })) {
      if (v === '' || (k === 'page' && String(v) === '1')) next.delete(k);
      else next.set(k, String(v));
    }
    setSp(next);
  };

  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerify(await api.post<VerifyResult>('/api/admin/audit/verify'));
    } catch (e) {
      setVerify(null);
      setVerifyError(e instanceof Error ? e.message : String(e));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <AdminTitle
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined aria-hidden />} loading={verifying} onClick={runVerify}>
            校验完整性
          </Button>
        }
      >
        审计日志
      </AdminTitle>
      <div aria-live="polite">
        {verify && (
          <Alert
            style={{ marginBottom: 16 }}
            type={verify.ok ? 'success' : 'error'}
            showIcon
            title={verify.ok ? `完整性校验通过：共校验 ${verify.checked} 条记录，未发现篡改。` : `完整性校验失败：第 ${verify.firstBadSeq ?? '?'} 条记录（序号）起被篡改或缺失。`}
            description={verify.ok ? undefined : `已校验 ${verify.checked} 条。${verify.reason ?? ''}`}
            action={
              !verify.ok && verify.firstBadSeq !== undefined ? (
                <Button size="small" onClick={() => set({ action: '' })}>
                  查看日志
                </Button>
              ) : undefined
            }
          />
        )}
        {verifyError && <Alert style={{ marginBottom: 16 }} type="error" showIcon title={`校验失败：${verifyError}`} />}
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap align="end">
          <div>
            <label htmlFor="adm-audit-action" style={fieldLabel}>操作类型</label>
            <Input.Search
              id="adm-audit-action"
              key={action}
              defaultValue={action}
              allowClear
              enterButton="筛选"
              placeholder="如 auth.login、item.update"
              onSearch={(v) => set({ action: v.trim() })}
              style={{ width: 300 }}
            />
          </div>
        </Space>
      </Card>
      {error ? (
        <Alert type="error" showIcon title="审计日志加载失败" description={error} action={<Button onClick={() => setTick((t) => t + 1)}>重试</Button>} />
      ) : (
        <KeyboardScroll label="审计日志表">
        <Table<AuditRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 1200 }}
          rowClassName={(r) => (verify && !verify.ok && verify.firstBadSeq === r.seq ? 'tb-audit-bad' : '')}
          locale={{ emptyText: emptyText('没有审计记录') }}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => set({ page: p, pageSize: s }) }}
        />
        </KeyboardScroll>
      )}
      <style>{'.tb-audit-bad > td{background:#fff1f0 !important;font-weight:600}'}</style>
    </>
  );
}
