// 部门排名: the departments side by side, sortable by any figure; overdue requests stand out.
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SoftTag } from '../../../components/index.ts';
import { KeyboardScroll, emptyText } from '../../admin/shared.tsx';
import { pct, type DepartmentRow } from './types.ts';

/** Sorts nulls (no denominator) last whichever way the column is sorted. */
const byRate = (k: 'onTimeRate' | 'resolutionRate' | 'satisfactionRate') => (a: DepartmentRow, b: DepartmentRow) => (a[k] ?? -1) - (b[k] ?? -1);

const columns: ColumnsType<DepartmentRow> = [
  { title: '承办部门', dataIndex: 'departmentName', fixed: 'left', width: 150, render: (v: string, r) => (r.departmentId ? v : <span className="tb-muted">{v}</span>) },
  { title: '受理', dataIndex: 'received', width: 80, sorter: (a, b) => a.received - b.received, defaultSortOrder: 'descend' },
  { title: '办结', dataIndex: 'closed', width: 80, sorter: (a, b) => a.closed - b.closed },
  { title: '按时办结率', dataIndex: 'onTimeRate', width: 110, sorter: byRate('onTimeRate'), render: pct },
  { title: '解决率', dataIndex: 'resolutionRate', width: 90, sorter: byRate('resolutionRate'), render: pct },
  { title: '满意率', dataIndex: 'satisfactionRate', width: 90, sorter: byRate('satisfactionRate'), render: pct },
  { title: '退单', dataIndex: 'returns', width: 80, sorter: (a, b) => a.returns - b.returns },
  {
    title: '超期',
    dataIndex: 'overdue',
    width: 90,
    sorter: (a, b) => a.overdue - b.overdue,
    render: (v: number) => (v > 0 ? <SoftTag tone="red">{v} 件超期</SoftTag> : 0),
  },
];

export function DepartmentLeague({ rows }: { rows: DepartmentRow[] }) {
  return (
    <KeyboardScroll label="部门排名表">
      <Table<DepartmentRow>
        rowKey={(r) => r.departmentId ?? 'none'}
        size="middle"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 780 }}
        pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
        locale={{ emptyText: emptyText('所选期间没有派往部门的诉求') }}
      />
    </KeyboardScroll>
  );
}
