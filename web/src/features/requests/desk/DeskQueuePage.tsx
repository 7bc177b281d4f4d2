// 诉求工作台: the hotline's queue (派单, 退单, 审核, 回访, 预警, 督办) or a department's (签收, 办理, 答复),
// with counts on the tabs and the filters and page in the URL.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Space, Tabs, Typography } from 'antd';
import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth.tsx';
import { LinkButton, UrlPagination, errorMessage } from '../../../components/index.ts';
import { departmentName, useDepartments, useRequestMeta, type RequestList } from '../shared/index.ts';
import { fetchDeskPage, fetchTabCounts, HANDLER_TABS, HOTLINE_TABS } from './queue.ts';
import { DeskQueueFilters, type DeskQueueFilterValue } from './DeskQueueFilters.tsx';
import { DeskQueueTable } from './DeskQueueTable.tsx';
import { isHotline } from './roles.ts';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['q', 'type', 'category', 'departmentId'] as const;

export function DeskQueuePage() {
  const { user } = useAuth();
  const hotline = isHotline(user);
  const tabs = hotline ? HOTLINE_TABS : HANDLER_TABS;
  const [sp, setSp] = useSearchParams();
  const tab = tabs.find((t) => t.key === sp.get('tab')) ?? tabs[0]!;
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const filter: DeskQueueFilterValue = useMemo(
    () => ({ q: sp.get('q') ?? '', type: sp.get('type') ?? '', category: sp.get('category') ?? '', departmentId: sp.get('departmentId') ?? '', urgent: sp.get('urgent') === '1' }),
    [sp],
  );
  const { departments } = useDepartments();
  const { meta } = useRequestMeta();
  const [list, setList] = useState<RequestList | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  const update = useCallback(
    (patch: Partial<DeskQueueFilterValue> & { tab?: string }) => {
      const next = new URLSearchParams(sp);
      for (const [k, v] of Object.entries(patch)) {
        if (v === '' || v === false || v === undefined) next.delete(k);
        else next.set(k, v === true ? '1' : String(v));
      }
      next.delete('page');
      setSp(next);
    },
    [sp, setSp],
  );

  // The list and the counts follow the filters (departmentId is a filter only the hotline has); the counts
  // do not change with the page or the tab, so they are loaded apart.
  const queryKey = JSON.stringify({ ...filter, departmentId: hotline ? filter.departmentId : '' });
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    fetchDeskPage(tab, JSON.parse(queryKey) as DeskQueueFilterValue, page, PAGE_SIZE)
      .then((l) => live && setList(l))
      .catch((e) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [tab, queryKey, page, tick]);

  useEffect(() => {
    let live = true;
    fetchTabCounts(tabs, JSON.parse(queryKey) as DeskQueueFilterValue)
      .then((c) => live && setCounts(c))
      .catch(() => live && setCounts({}));
    return () => {
      live = false;
    };
  }, [tabs, queryKey, tick]);

  const scope = hotline ? '12345 热线中心：全部诉求' : `承办部门：${departmentName(departments, user?.departmentId)}（主办和协办的诉求）`;
  const filtered = FILTER_KEYS.some((k) => filter[k]) || filter.urgent;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', alignItems: 'flex-end' }}>
        <div>
          <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 26 }}>
            诉求工作台
          </Typography.Title>
          <Typography.Paragraph style={{ color: '#434343', marginBottom: 0 }}>
            {scope}。紧急诉求排在最前，其余按办理时限先后排列；时限用去 80% 标橙色，超期标红色。
          </Typography.Paragraph>
        </div>
        {hotline && (
          <LinkButton type="primary" size="large" icon={<PhoneOutlined aria-hidden />} to="/desk/requests/new">
            来电登记
          </LinkButton>
        )}
      </div>
      <Card size="small">
        <DeskQueueFilters
          value={filter}
          onChange={update}
          meta={meta}
          departments={hotline ? (departments ?? []) : null}
          onReload={() => setTick((t) => t + 1)}
          loading={loading}
        />
      </Card>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab.key}
          onChange={(key) => update({ tab: key === tabs[0]!.key ? '' : key })}
          items={tabs.map((t) => ({
            key: t.key,
            label: (
              <span>
                {t.label}
                <span className={`tb-desk-count${t.tone === 'warning' && counts[t.key] ? ' is-warning' : ''}`}>{counts[t.key] ?? '…'}</span>
              </span>
            ),
          }))}
        />
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title="诉求列表加载失败"
            description={errorMessage(error)}
            action={<Button icon={<ReloadOutlined aria-hidden />} onClick={() => setTick((t) => t + 1)}>重试</Button>}
          />
        ) : (
          <>
            <DeskQueueTable
              rows={list?.items ?? []}
              loading={loading}
              departments={departments}
              ownDepartmentId={hotline ? null : user?.departmentId}
              emptyText={filtered ? '当前筛选条件下没有诉求' : `暂无“${tab.label}”的诉求`}
            />
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
              <span className="tb-muted">共 {list?.total ?? 0} 件</span>
              <UrlPagination page={page} pageSize={PAGE_SIZE} total={list?.total ?? 0} />
            </div>
          </>
        )}
      </Card>
    </Space>
  );
}
