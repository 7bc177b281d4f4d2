// The queue itself: a table on wide screens, cards on phones. Warning rows are tinted orange, overdue rows red.
import { useEffect, useRef } from 'react';
import { Card, Grid, List, Pagination, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { CaseRow } from './types.ts';
import { fmtDate, fmtDateTime, levelOf } from './format.ts';
import { DeadlineBadge, StatusTag } from '../../components/index.ts';

interface Props {
  rows: CaseRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

const columns: ColumnsType<CaseRow> = [
  { title: '办件编号', dataIndex: 'caseNo', fixed: 'left', width: 168, render: (v: string, r) => <Link to={`/workbench/cases/${r.id}`}>{v}</Link> },
  { title: '事项', dataIndex: 'itemName', width: 170 },
  { title: '部门', dataIndex: 'departmentName', width: 120 },
  { title: '申请人', dataIndex: 'applicantName', width: 76 },
  { title: '状态', dataIndex: 'status', width: 116, render: (s: CaseRow['status']) => <StatusTag status={s} /> },
  { title: '提交时间', dataIndex: 'submittedAt', width: 100, render: (v: string | null) => fmtDateTime(v) },
  {
    title: '承诺办结日期',
    dataIndex: 'dueDate',
    width: 112,
    render: (v: string | null, r) => (v ? `${fmtDate(v)}${r.dueDateProvisional ? '（暂定）' : ''}` : '—'),
  },
  {
    title: '剩余时间',
    dataIndex: 'daysLeft',
    width: 168,
    render: (_: unknown, r) => <DeadlineBadge daysLeft={r.daysLeft} deadlineLevel={r.deadlineLevel} status={r.status} />,
  },
];

const ROW_BG = { warning: '#fff7e6', overdue: '#fff1f0' } as const;

export function QueueTable({ rows, total, page, pageSize, loading, onPage }: Props) {
  const screens = Grid.useBreakpoint();
  const wrap = useRef<HTMLDivElement>(null);
  // Let keyboard users scroll the wide table sideways.
  useEffect(() => {
    wrap.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body').forEach((el) => {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', '办件列表');
    });
  });
  const pagination = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (t: number) => `共 ${t} 件`,
    onChange: onPage,
  };

  if (screens.md === false) {
    return (
      <>
        <List
          loading={loading}
          dataSource={rows}
          renderItem={(r) => {
            const level = r.daysLeft === null ? 'normal' : levelOf(r.deadlineLevel, r.daysLeft);
            return (
              <List.Item style={{ padding: '6px 0', border: 'none' }}>
                <Card
                  size="small"
                  style={{ width: '100%', background: level === 'normal' ? undefined : ROW_BG[level], borderLeft: level === 'normal' ? undefined : `4px solid ${level === 'overdue' ? '#cf1322' : '#d46b08'}` }}
                  title={<Link to={`/workbench/cases/${r.id}`}>{r.caseNo}</Link>}
                  extra={<StatusTag status={r.status} />}
                >
                  <div style={{ fontWeight: 600, marginBottom: 4 }}>{r.itemName}</div>
                  <div>{r.departmentName} · 申请人 {r.applicantName}</div>
                  <div>提交：{fmtDateTime(r.submittedAt)}</div>
                  <Space wrap style={{ marginTop: 6 }}>
                    <span>到期：{fmtDate(r.dueDate)}{r.dueDateProvisional ? '（暂定）' : ''}</span>
                    <DeadlineBadge daysLeft={r.daysLeft} deadlineLevel={r.deadlineLevel} status={r.status} />
                  </Space>
                </Card>
              </List.Item>
            );
          }}
        />
        {total > 0 && <Pagination {...pagination} simple style={{ marginTop: 12, textAlign: 'center' }} />}
      </>
    );
  }

  return (
    <div ref={wrap}>
    <style>{`.tb-row-warning > td{background:${ROW_BG.warning} !important}.tb-row-overdue > td{background:${ROW_BG.overdue} !important}`}</style>
    <Table<CaseRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 1000 }}
      pagination={pagination}
      rowClassName={(r) => (r.daysLeft === null ? '' : `tb-row-${levelOf(r.deadlineLevel, r.daysLeft)}`)}
      locale={{ emptyText: <div style={{ color: '#262626', padding: 24 }}>当前筛选条件下没有办件</div> }}
    />
    </div>
  );
}
