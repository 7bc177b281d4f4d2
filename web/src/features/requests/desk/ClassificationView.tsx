// The classifier's proposal: type, category and department, each with its confidence as a bar and the next
// alternatives. With `onSelect` every label is a one-click chip the operator can pick instead.
import { Button, Progress, Space } from 'antd';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { departmentName, type Alternative, type Classification } from '../shared/index.ts';

export type LabelField = 'type' | 'category' | 'departmentId';
export type LabelChoice = Record<LabelField, string>;

const FIELD_LABEL: Record<LabelField, string> = { type: '类型', category: '分类', departmentId: '承办部门' };

interface Props {
  c: Classification;
  departments: DepartmentInfo[] | undefined;
  selected?: LabelChoice;
  onSelect?: (field: LabelField, value: string) => void;
}

const pct = (x: number) => Math.round(x * 100);

function barColor(confidence: number): string {
  if (confidence >= 0.8) return '#237804';
  if (confidence >= 0.5) return '#ad6800';
  return '#a8071a';
}

export function ClassificationView({ c, departments, selected, onSelect }: Props) {
  const rows: { field: LabelField; value: string; confidence: number; alternatives: Alternative[] }[] = [
    { field: 'type', value: c.type, confidence: c.confidences?.type ?? c.confidence, alternatives: c.alternatives?.type ?? [] },
    { field: 'category', value: c.category, confidence: c.confidences?.category ?? c.confidence, alternatives: c.alternatives?.category ?? [] },
    { field: 'departmentId', value: c.departmentId, confidence: c.confidences?.departmentId ?? c.confidence, alternatives: c.alternatives?.departmentId ?? [] },
  ];
  const show = (field: LabelField, v: string) => (field === 'departmentId' ? departmentName(departments, v) : v);
  return (
    <div className="tb-classify">
      {rows.map((r) => {
        const options = [{ label: r.value, confidence: r.confidence }, ...r.alternatives];
        return (
          <div key={r.field} className="tb-classify-row">
            <div className="tb-classify-head">
              <span className="tb-classify-field">{FIELD_LABEL[r.field]}</span>
              <strong>{show(r.field, r.value)}</strong>
              <span className="tb-muted">置信度 {pct(r.confidence)}%</span>
            </div>
            <Progress
              percent={pct(r.confidence)}
              showInfo={false}
              strokeColor={barColor(r.confidence)}
              size="small"
              aria-label={`${FIELD_LABEL[r.field]}“${show(r.field, r.value)}”的置信度 ${pct(r.confidence)}%`}
            />
            {onSelect ? (
              <Space wrap size={[6, 6]} role="group" aria-label={`选择${FIELD_LABEL[r.field]}`}>
                {options.map((o) => {
                  const on = selected?.[r.field] === o.label;
                  return (
                    <Button key={o.label} size="small" type={on ? 'primary' : 'default'} aria-pressed={on} onClick={() => onSelect(r.field, o.label)}>
                      {show(r.field, o.label)} {pct(o.confidence)}%
                    </Button>
                  );
                })}
              </Space>
            ) : r.alternatives.length > 0 ? (
              <div className="tb-muted">其次：{r.alternatives.map((a) => `${show(r.field, a.label)} ${pct(a.confidence)}%`).join('、')}</div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
