// 工作台: the staff queue of the user's scope, with counters that filter it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../lib/api.ts';
import { useAuth, hasRole } from '../../app/auth.tsx';
import type { Department, Summary } from './types.ts';
import { fetchQueue, type QueueResult } from './fetchQueue.ts';
import { COUNTERS, SummaryCounters, type CounterKey } from './SummaryCounters.tsx';
import { QueueFilters, type QueueFilter } from './QueueFilters.tsx';
import { QueueTable } from './QueueTable.tsx';
import { errorText } from './format.ts';

function readFilter(sp: URLSearchParams): QueueFilter & { page: number; pageSize: number } {
  return {
    q: sp.get('q') ?? '',
    status: sp.get('status') ?? '',
    itemCode: sp.get('itemCode') ?? '',
    departmentId: sp.get('departmentId') ?? '',
    deadlineLevel: sp.get('deadlineLevel') ?? '',
    sort: sp.get('sort') === 'newest' ? 'newest' : 'timeLeft',
    page: Number(sp.get('page')) || 1,
    pageSize: Number(sp.get('pageSize')) || 20,
  };
}

export function QueuePage() {
  const { user } = useAuth();
  const isClerk = hasRole(user, 'clerk', 'admin');
  const [sp, setSp] = useSearchParams();
  const f = useMemo(() => readFilter(sp), [sp]);
  const [list, setList] = useState<QueueResult | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const update = useCallback(
    (patch: Partial<QueueFilter & { page: number; pageSize: number }>) => {
      const next = { ...f, page: 1, ...patch };
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(next)) {
        if (v === '' || (k === 'sort' && v === 'timeLeft') || (k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
        p.set(k, String(v));
      }
      setSp(p, { replace: false });
    },
    [f, setSp],
  );

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    Promise.all([
      fetchQueue({ ...f, departmentId: isClerk ? f.departmentId : undefined }),
      api.get<Summary>('/api/applications/summary').catch(() => null),
    ])
      .then(([l, s]) => {
        if (!live) return;
        setList(l);
        setSummary(s);
      })
      .catch((e) => live && setError(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [f, isClerk, tick]);

  useEffect(() => {
    if (!isClerk) return;
    api
      .get<{ departments: Department[] }>('/api/departments')
      .then((r) => setDepartments(r.departments))
      .catch(() => setDepartments([]));
  }, [isClerk]);

  const activeCounter: CounterKey | null =
    COUNTERS.find((c) => (c.filter.status ?? '') === f.status && (c.filter.deadlineLevel ?? '') === f.deadlineLevel && (f.status || f.deadlineLevel))?.key ?? null;

  const pickCounter = (key: CounterKey | null) => {
    const c = COUNTERS.find((x) => x.key === key);
    update({ status: c?.filter.status ?? '', deadlineLevel: c?.filter.deadlineLevel ?? '', sort: c?.filter.deadlineLevel ? 'timeLeft' : f.sort });
  };

  const scope = isClerk ? '综合窗口：全部部门' : user?.departmentId ? `审批人员：本部门（${departments?.find((d) => d.id === user.departmentId)?.name ?? user.departmentId}）` : '本部门';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 26 }}>
          办件工作台
        </Typography.Title>
        <Typography.Paragraph style={{ color: '#434343', marginBottom: 0 }}>
          {scope}。时限按工作日计算，补正等待和特别程序期间不计时；时限用去 80% 标橙色预警，超期标红色。
        </Typography.Paragraph>
      </div>
      <SummaryCounters summary={summary} active={activeCounter} onPick={pickCounter} />
      <Card size="small">
        <QueueFilters key={sp.toString()} value={f} onChange={update} departments={isClerk ? departments : null} onReload={() => setTick((t) => t + 1)} loading={loading} />
        {f.deadlineLevel && (
          <Alert
            style={{ marginTop: 12 }}
            type={f.deadlineLevel === 'overdue' ? 'error' : 'warning'}
            title={f.deadlineLevel === 'overdue' ? '正在查看：已超期的办件' : '正在查看：时限已用 80% 以上的预警办件'}
            action={<Button size="small" onClick={() => update({ deadlineLevel: '' })}>清除</Button>}
          />
        )}
      </Card>
      {error ? (
        <Alert type="error" showIcon title="办件列表加载失败" description={error} action={<Button onClick={() => setTick((t) => t + 1)}>重试</Button>} />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          {list?.truncated && (
            <Alert type="info" showIcon style={{ margin: 8 }} title="办件较多，此筛选只统计了每种状态剩余时间最少的前 100 件。" />
          )}
          <QueueTable
            rows={list?.items ?? []}
            total={list?.total ?? 0}
            page={f.page}
            pageSize={f.pageSize}
            loading={loading}
            onPage={(page, pageSize) => update({ page, pageSize })}
          />
        </Card>
      )}
    </Space>
  );
}
