// Filter bar of the desk queue: ticket or text search, type, category, department (hotline only), urgent only.
import { useEffect, useState } from 'react';
import { Button, Checkbox, Input, Select, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { useElderly } from '../../../app/elderly.tsx';
import type { RequestMeta } from '../shared/index.ts';
import type { DeskFilter } from './queue.ts';

export type DeskQueueFilterValue = DeskFilter;

interface Props {
  value: DeskQueueFilterValue;
  onChange: (patch: Partial<DeskQueueFilterValue>) => void;
  meta: RequestMeta | undefined;
  /** Given for the hotline, who sees every department's requests. */
  departments: DepartmentInfo[] | null;
  onReload: () => void;
  loading: boolean;
}


export function DeskQueueFilters({ value, onChange, meta, departments, onReload, loading }: Props) {
  // Large print needs wider fields, or the placeholders and choices are cut off.
  const { elderly } = useElderly();
  const w = (px: number) => ({ width: elderly ? Math.round(px * 1.45) : px });
  // The search text is typed here and follows the URL (back button, links), without remounting the bar:
  // a remount would throw the keyboard focus away after every change.
  const [q, setQ] = useState(value.q);
  useEffect(() => setQ(value.q), [value.q]);
  return (
    <Space wrap align="end" size={[12, 12]} style={{ width: '100%' }}>
      <div>
        <label htmlFor="desk-q" className="tb-desk-filter-label">工单号 / 诉求内容</label>
        <Input.Search
          id="desk-q"
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="输入工单号或关键词"
          onSearch={(text) => onChange({ q: text.trim() })}
          style={w(260)}
          enterButton="查询"
        />
      </div>
      <div>
        <label htmlFor="desk-type" className="tb-desk-filter-label">类型</label>
        <Select
          id="desk-type"
          value={value.type}
          onChange={(type) => onChange({ type })}
          style={w(120)}
          options={[{ value: '', label: '全部类型' }, ...(meta?.types ?? []).map((t) => ({ value: t, label: t }))]}
        />
      </div>
      <div>
        <label htmlFor="desk-category" className="tb-desk-filter-label">分类</label>
        <Select
          id="desk-category"
          value={value.category}
          onChange={(category) => onChange({ category })}
          style={w(160)}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: '全部分类' }, ...(meta?.categories ?? []).map((c) => ({ value: c.name, label: c.name }))]}
        />
      </div>
      {departments && (
        <div>
          <label htmlFor="desk-dept" className="tb-desk-filter-label">承办部门</label>
          <Select
            id="desk-dept"
            value={value.departmentId}
            onChange={(departmentId) => onChange({ departmentId })}
            style={w(190)}
            showSearch={{ optionFilterProp: 'label' }}
            options={[{ value: '', label: '全部部门' }, ...departments.map((d) => ({ value: d.id, label: d.shortName || d.name }))]}
          />
        </div>
      )}
      <Checkbox checked={value.urgent} onChange={(e) => onChange({ urgent: e.target.checked })} style={{ paddingBottom: 6 }}>
        只看紧急
      </Checkbox>
      <Button icon={<ReloadOutlined aria-hidden />} onClick={onReload} loading={loading}>
        刷新
      </Button>
    </Space>
  );
}
