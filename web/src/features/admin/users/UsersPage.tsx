// 用户: the user list (personal data masked by the server), filtered by role.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { RoleLabel, type Role } from '../../../../../domain/enums.ts';
import { api, qs } from '../../../lib/api.ts';
import { SoftTag } from '../../../components/index.ts';
import { AdminTitle, KeyboardScroll, emptyText, fieldLabel, fmtTime } from '../shared.tsx';

interface UserRow {
  id: string;
  username: string;
  roles: Role[];
  departmentId: string | null;
  departmentName?: string | null;
  kind: string | null;
  realName: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  companyName?: string | null;
  createdAt?: string;
  lastLoginAt?: string | null;
  locked?: boolean;
}

const columns: ColumnsType<UserRow> = [
  { title: '用户名', dataIndex: 'username', width: 140, fixed: 'left' },
  { title: '姓名', dataIndex: 'realName', width: 110, render: (v) => v || '—' },
  {
    title: '角色',
    dataIndex: 'roles',
    width: 180,
    render: (roles: Role[]) => (
      <Space size={4} wrap>
        {roles.map((r) => (
          <SoftTag key={r} tone={r === 'admin' ? 'red' : r === 'clerk' || r === 'reviewer' ? 'blue' : 'grey'}>
            {RoleLabel[r] ?? r}
          </SoftTag>
        ))}
      </Space>
    ),
  },
  { title: '部门', dataIndex: 'departmentName', width: 160, render: (v, r) => v || r.departmentId || '—' },
  { title: '证件号码', dataIndex: 'idNumber', width: 190, render: (v) => v || '—' },
  { title: '手机号', dataIndex: 'phone', width: 140, render: (v) => v || '—' },
  { title: '单位', dataIndex: 'companyName', width: 180, render: (v) => v || '—' },
  { title: '注册时间', dataIndex: 'createdAt', width: 150, render: (v) => fmtTime(v) },
];

const ROLE_OPTIONS = [{ value: '', label: '全部角色' }, ...Object.entries(RoleLabel).map(([value, label]) => ({ value, label }))];

export function UsersPage() {
  const [sp, setSp] = useSearchParams();
  const role = sp.get('role') ?? '';
  const page = Number(sp.get('page')) || 1;
  const pageSize = Number(sp.get('pageSize')) || 20;
  const [data, setData] = useState<{ items: UserRow[]; total: number } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<{ items: UserRow[]; total: number }>(`/api/admin/users${qs({ role, page, pageSize })}`)
      .then((r) => live && setData(r))
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [role, page, pageSize, tick]);

  const set = (p: Record<string, string | number>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries<string | number>({ page: 1, ...p })) {
      if (v === '' || (k === 'page' && String(v) === '1')) next.delete(k);
      else next.set(k, String(v));
    }
    setSp(next);
  };

  return (
    <>
      <AdminTitle>用户</AdminTitle>
      <p style={{ color: '#262626' }}>为保护个人信息，证件号码和手机号均以脱敏形式显示。</p>
      <Card size="small" style={{ marginBottom: 16 }}>
        <label htmlFor="adm-user-role" style={fieldLabel}>角色</label>
        <Select id="adm-user-role" value={role} options={ROLE_OPTIONS} onChange={(v) => set({ role: v })} style={{ width: 200 }} />
      </Card>
      {error ? (
        <Alert type="error" showIcon title="用户列表加载失败" description={error} action={<Button onClick={() => setTick((t) => t + 1)}>重试</Button>} />
      ) : (
        <KeyboardScroll label="用户列表">
        <Table<UserRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 1250 }}
          locale={{ emptyText: emptyText('没有符合条件的用户') }}
          pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 人`, onChange: (p, s) => set({ page: p, pageSize: s }) }}
        />
        </KeyboardScroll>
      )}
    </>
  );
}
