// Filter bar of the staff queue: search, status, item code, department (clerks only), sort.
import { Button, Input, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ApplicationStatusLabel } from '../../../../domain/workflow.ts';
import type { Department } from './types.ts';

export interface QueueFilter {
  q: string;
  status: string;
  itemCode: string;
  departmentId: string;
  deadlineLevel: string;
  sort: 'timeLeft' | 'newest';
}

interface Props {
  value: QueueFilter;
  onChange: (patch: Partial<QueueFilter>) => void;
  departments: Department[] | null;
  onReload: () => void;
  loading: boolean;
}

const STATUS_OPTIONS = [
  { value: '', label: '全部状态' },
  ...Object.entries(ApplicationStatusLabel)
    .filter(([k]) => k !== 'draft')
    .map(([value, label]) => ({ value, label })),
];

const labelStyle = { display: 'block', fontSize: 14, color: '#262626', marginBottom: 4 } as const;

export function QueueFilters({ value, onChange, departments, onReload, loading }: Props) {
  const statusOptions = value.status.includes(',')
    ? [...STATUS_OPTIONS, { value: value.status, label: '待办结（准予/不予许可）' }]
    : STATUS_OPTIONS;
  return (
    <Space wrap align="end" size={[12, 12]} style={{ width: '100%' }}>
      <div>
        <label htmlFor="wb-q" style={labelStyle}>办件编号 / 申请人</label>
        <Input.Search
          id="wb-q"
          allowClear
          defaultValue={value.q}
          placeholder="输入办件编号或申请人"
          onSearch={(q) => onChange({ q: q.trim() })}
          style={{ width: 240 }}
          enterButton="查询"
        />
      </div>
      <div>
        <label htmlFor="wb-status" style={labelStyle}>状态</label>
        <Select id="wb-status" value={value.status} options={statusOptions} onChange={(status) => onChange({ status })} style={{ width: 180 }} />
      </div>
      <div>
        <label htmlFor="wb-item" style={labelStyle}>事项编码</label>
        <Input.Search
          id="wb-item"
          allowClear
          defaultValue={value.itemCode}
          placeholder="如 AL-GA-001"
          onSearch={(itemCode) => onChange({ itemCode: itemCode.trim() })}
          style={{ width: 200 }}
        />
      </div>
      {departments && (
        <div>
          <label htmlFor="wb-dept" style={labelStyle}>部门</label>
          <Select
            id="wb-dept"
            value={value.departmentId}
            onChange={(departmentId) => onChange({ departmentId })}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            options={[{ value: '', label: '全部部门' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
          />
        </div>
      )}
      <div>
        <label htmlFor="wb-sort" style={labelStyle}>排序</label>
        <Select
          id="wb-sort"
          value={value.sort}
          onChange={(sort) => onChange({ sort })}
          style={{ width: 160 }}
          options={[
            { value: 'timeLeft', label: '剩余时间最少优先' },
            { value: 'newest', label: '最新提交优先' },
          ]}
        />
      </div>
      <Button icon={<ReloadOutlined />} onClick={onReload} loading={loading}>
        刷新
      </Button>
    </Space>
  );
}
