// The desk queue: a table on wide screens, cards on phones. Rows open the request; warning rows are tinted
// orange and overdue rows red.
import { useEffect, useRef } from 'react';
import { Card, Grid, List, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { useElderly } from '../../../app/elderly.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { DUE_ROW_BG, departmentName, DueBadge, dueLevel, RequestStatusTag, SupervisedTag, TypeTag, UrgentTag, type RequestListItem } from '../shared/index.ts';

interface Props {
  rows: RequestListItem[];
  loading: boolean;
  departments: DepartmentInfo[] | undefined;
  emptyText: string;
  /** A handler's department: requests it only co-handles (协办) say so. */
  ownDepartmentId?: string | null;
}

export const requestPath = (id: string) => `/desk/requests/${encodeURIComponent(id)}`;

function summary(text: string, max = 42): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function Flags({ r }: { r: RequestListItem }) {
  if (!r.urgent && !r.supervised) return null;
  return (
    <Space size={4} style={{ marginRight: 6 }}>
      {r.urgent && <UrgentTag />}
      {r.supervised && <SupervisedTag />}
    </Space>
  );
}

function rowLevel(r: RequestListItem): 'warning' | 'overdue' | null {
  const level = dueLevel(r);
  return level === 'warning' || level === 'overdue' ? level : null;
}

export function DeskQueueTable({ rows, loading, departments, emptyText, ownDepartmentId }: Props) {
  const { elderly } = useElderly();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const wrap = useRef<HTMLDivElement>(null);
  // Let keyboard users scroll the wide table sideways.
  useEffect(() => {
    wrap.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body').forEach((el) => {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', '诉求列表');
    });
  });

  const dept = (r: RequestListItem) =>
    `${departmentName(departments, r.departmentId)}${r.status === 'received' ? '（建议）' : ownDepartmentId && r.departmentId !== ownDepartmentId ? '主办，本部门协办' : ''}`;

  if (screens.md === false) {
    return (
      <List
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: <div style={{ color: '#262626', padding: 24 }}>{emptyText}</div> }}
        renderItem={(r) => {
          const level = rowLevel(r);
          return (
            <List.Item style={{ padding: '6px 0', border: 'none' }}>
              <Card
                size="small"
                style={{ width: '100%', background: level ? DUE_ROW_BG[level] : undefined, borderLeft: level ? `4px solid ${level === 'overdue' ? '#cf1322' : '#d46b08'}` : undefined }}
                title={<Link to={requestPath(r.id)}>{r.ticketNo}</Link>}
                extra={<RequestStatusTag status={r.status} />}
              >
                <div style={{ marginBottom: 6 }}>
                  <Flags r={r} />
                  {summary(r.text, 60)}
                </div>
                <Space wrap size={[8, 4]}>
                  <TypeTag type={r.type} />
                  <span>{r.category}</span>
                </Space>
                <div style={{ marginTop: 4 }}>承办：{dept(r)}</div>
                <div style={{ marginTop: 4 }}>受理：{formatDateTime(r.receivedAt)}</div>
                <div style={{ marginTop: 4 }}>
                  <DueBadge status={r.status} receivedAt={r.receivedAt} dueAt={r.dueAt} />
                </div>
              </Card>
            </List.Item>
          );
        }}
      />
    );
  }

  const columns: ColumnsType<RequestListItem> = [
    { title: '工单号', dataIndex: 'ticketNo', width: elderly ? 210 : 150, fixed: 'left', render: (v: string, r) => <Link to={requestPath(r.id)} onClick={(e) => e.stopPropagation()}>{v}</Link> },
    { title: '诉求摘要', dataIndex: 'text', render: (v: string, r) => (<span title={v}><Flags r={r} />{summary(v)}</span>) },
    { title: '类型', dataIndex: 'type', width: 76, render: (v: string) => <TypeTag type={v} /> },
    { title: '分类', dataIndex: 'category', width: 96 },
    { title: '承办部门', dataIndex: 'departmentId', width: 130, render: (_: string, r) => dept(r) },
    { title: '状态', dataIndex: 'status', width: 124, render: (s: string) => <RequestStatusTag status={s} /> },
    { title: '受理时间', dataIndex: 'receivedAt', width: 100, render: (v: string) => formatDateTime(v) },
    { title: '办理时限', dataIndex: 'dueAt', width: 176, render: (_: string, r) => <DueBadge status={r.status} receivedAt={r.receivedAt} dueAt={r.dueAt} /> },
  ];

  return (
    <div ref={wrap}>
      <Table<RequestListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 1080 }}
        pagination={false}
        onRow={(r) => ({ onClick: () => navigate(requestPath(r.id)) })}
        rowClassName={(r) => `tb-desk-row${rowLevel(r) ? ` tb-desk-row-${rowLevel(r)}` : ''}`}
        locale={{ emptyText: <div style={{ color: '#262626', padding: 24 }}>{emptyText}</div> }}
      />
    </div>
  );
}
