// 管理 → 电子印章与密钥: each department's SM2 signing keys (the current one and the rotated ones, which stay
// published so what they signed still verifies), the e-seals, and 轮换密钥 with an inline confirmation.
import { useId, useMemo, useState } from 'react';
import { Alert, App, Button, Table } from 'antd';
import { KeyOutlined, SyncOutlined } from '@ant-design/icons';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { AdminTitle, KeyboardScroll } from '../admin/shared.tsx';
import { svgSrc, type Seal, type SigningKey } from './types.ts';
import './licences-admin.css';

interface DepartmentKeys {
  departmentId: string;
  departmentName: string;
  keys: SigningKey[];
}

function groupByDepartment(keys: SigningKey[]): DepartmentKeys[] {
  const map = new Map<string, DepartmentKeys>();
  for (const k of keys) {
    const g = map.get(k.departmentId) ?? { departmentId: k.departmentId, departmentName: k.departmentName, keys: [] };
    g.keys.push(k);
    map.set(k.departmentId, g);
  }
  for (const g of map.values()) g.keys.sort((a, b) => (a.validTo === null ? -1 : b.validTo === null ? 1 : b.validFrom.localeCompare(a.validFrom)));
  return [...map.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
}

function RotateBox({ dept, onDone }: { dept: DepartmentKeys; onDone: () => void }) {
  const uid = useId();
  const { message } = App.useApp();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  if (!confirming) {
    return (
      <Button icon={<SyncOutlined aria-hidden />} onClick={() => setConfirming(true)}>
        轮换密钥<span className="tb-sr-only">：{dept.departmentName}</span>
      </Button>
    );
  }
  return (
    <div className="tb-lic-confirm" role="group" aria-labelledby={`${uid}-t`}>
      <p id={`${uid}-t`} style={{ margin: '0 0 6px', fontWeight: 700 }}>
        确定为“{dept.departmentName}”轮换签名密钥吗？
      </p>
      <ul style={{ margin: '0 0 8px', paddingLeft: 20 }}>
        <li>将生成新的 SM2 密钥对和电子印章，此后签发的证照用新密钥签名。</li>
        <li>旧密钥停止签名，但继续公开：用它签发的证照仍然可以核验为真实有效，无需重新签发。</li>
        <li>轮换会记入审计日志。若怀疑私钥泄露，请同时复核近期签发的证照。</li>
      </ul>
      {err ? <Alert type="error" showIcon title={err} role="alert" style={{ marginBottom: 8 }} /> : null}
      <div className="tb-actions-row">
        <Button
          type="primary"
          danger
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setErr(null);
            try {
              const k = await api.post<SigningKey>(`/api/admin/licences/keys/${encodeURIComponent(dept.departmentId)}/rotate`);
              void message.success(`已轮换，新密钥 ${k.kid}`);
              setConfirming(false);
              onDone();
            } catch (e) {
              setErr(e instanceof ApiError ? e.message : '轮换失败，请稍后重试');
            } finally {
              setBusy(false);
            }
          }}
        >
          确认轮换
        </Button>
        <Button onClick={() => setConfirming(false)} disabled={busy}>
          取消
        </Button>
      </div>
    </div>
  );
}

function KeyTable({ keys }: { keys: SigningKey[] }) {
  return (
    <KeyboardScroll label="签名密钥">
      <Table<SigningKey>
        rowKey="kid"
        size="small"
        pagination={false}
        dataSource={keys}
        scroll={{ x: 760 }}
        columns={[
          { title: '密钥标识（kid）', dataIndex: 'kid', render: (v: string) => <code>{v}</code> },
          { title: '算法', dataIndex: 'algorithm', width: 70 },
          { title: '启用时间', dataIndex: 'validFrom', width: 150, render: (v: string) => formatDateTime(v) },
          { title: '停用时间', dataIndex: 'validTo', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          {
            title: '状态',
            key: 'state',
            width: 130,
            render: (_v, k) => (k.validTo ? <SoftTag tone="grey">已轮换（仅验证）</SoftTag> : <SoftTag tone="green">当前签名密钥</SoftTag>),
          },
          {
            title: '公钥',
            dataIndex: 'publicKey',
            render: (v: string) => (
              <details>
                <summary>显示公钥</summary>
                <code style={{ wordBreak: 'break-all', fontSize: 12 }}>{v}</code>
              </details>
            ),
          },
        ]}
      />
    </KeyboardScroll>
  );
}

function SealList({ seals, names, rotated }: { seals: Seal[]; names: Map<string, string>; rotated: Set<string> }) {
  if (!seals.length) return <p>还没有电子印章。</p>;
  return (
    <ul className="tb-seal-grid">
      {seals.map((s) => (
        <li key={s.id} className="tb-seal">
          <img src={svgSrc(s.svg)} alt={`电子印章：${s.name}`} width={120} height={120} />
          <div>
            <strong>{s.name}</strong>
            {rotated.has(s.kid) ? (
              <SoftTag tone="grey" style={{ marginLeft: 6 }}>
                已停用
              </SoftTag>
            ) : null}
            <div>{names.get(s.departmentId) ?? s.departmentId}</div>
            <div className="tb-muted">
              密钥 <code>{s.kid}</code>
            </div>
            <div className="tb-muted">
              有效期 {formatDateTime(s.validFrom)} 至 {s.validTo ? formatDateTime(s.validTo) : '长期'}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function KeysPage() {
  const keys = useApi<{ keys: SigningKey[] }>('/api/licences/keys');
  const seals = useApi<{ items: Seal[] }>('/api/licences/seals');
  const groups = useMemo(() => groupByDepartment(keys.data?.keys ?? []), [keys.data]);
  const names = useMemo(() => new Map(groups.map((g) => [g.departmentId, g.departmentName])), [groups]);
  const rotated = useMemo(() => new Set((keys.data?.keys ?? []).filter((k) => k.validTo).map((k) => k.kid)), [keys.data]);
  const reload = () => {
    keys.reload();
    seals.reload();
  };

  return (
    <div>
      <AdminTitle>电子印章与密钥</AdminTitle>
      <p style={{ marginTop: 0 }}>
        各部门用自己的 SM2 密钥为电子证照签名（SM3 摘要），并加盖对应的电子印章。公钥在 <code>/api/licences/keys</code> 公开，任何人都可以离线核验。
      </p>
      <section className="tb-card" aria-labelledby="keys-h">
        <h2 id="keys-h" className="tb-section-title">
          <KeyOutlined aria-hidden /> 签名密钥
        </h2>
        <PageState loading={keys.loading && !keys.data} error={keys.error} onRetry={keys.reload} empty={!!keys.data && groups.length === 0} emptyText="还没有部门密钥。部门第一次签发证照时会自动生成。">
          {groups.map((g) => (
            <section key={g.departmentId} aria-label={g.departmentName} className="tb-key-group">
              <div className="tb-key-group-head">
                <h3>{g.departmentName}</h3>
                <RotateBox dept={g} onDone={reload} />
              </div>
              <KeyTable keys={g.keys} />
            </section>
          ))}
        </PageState>
      </section>
      <section className="tb-card" aria-labelledby="seals-h">
        <h2 id="seals-h" className="tb-section-title">
          电子印章
        </h2>
        <PageState loading={seals.loading && !seals.data} error={seals.error} onRetry={seals.reload}>
          <SealList seals={seals.data?.items ?? []} names={names} rotated={rotated} />
        </PageState>
      </section>
    </div>
  );
}
