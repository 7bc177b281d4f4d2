// The counters above the queue; each one is a button that filters the list.
import type { Summary } from './types.ts';

export type CounterKey = keyof Summary;

export const COUNTERS: { key: CounterKey; label: string; filter: { status?: string; deadlineLevel?: string }; tone?: 'warning' | 'overdue' }[] = [
  { key: 'submitted', label: '待受理', filter: { status: 'submitted' } },
  { key: 'correctionRequired', label: '待补正', filter: { status: 'correction_required' } },
  { key: 'accepted', label: '审查中', filter: { status: 'accepted' } },
  { key: 'suspended', label: '特别程序', filter: { status: 'suspended' } },
  { key: 'awaitingCompletion', label: '待办结', filter: { status: 'approved,denied' } },
  { key: 'warning', label: '预警', filter: { deadlineLevel: 'warning' }, tone: 'warning' },
  { key: 'overdue', label: '超期', filter: { deadlineLevel: 'overdue' }, tone: 'overdue' },
];

const TONE = { warning: '#873800', overdue: '#a8071a' } as const;

interface Props {
  summary: Summary | null;
  active: CounterKey | null;
  onPick: (key: CounterKey | null) => void;
}

export function SummaryCounters({ summary, active, onPick }: Props) {
  return (
    <div role="group" aria-label="办件统计（点击筛选）" className="tb-counters">
      {COUNTERS.map((c) => {
        const selected = active === c.key;
        const value = summary ? summary[c.key] : undefined;
        const tone = c.tone && value ? TONE[c.tone] : undefined;
        return (
          <button
            key={c.key}
            type="button"
            aria-pressed={selected}
            onClick={() => onPick(selected ? null : c.key)}
            className={`tb-counter${selected ? ' is-selected' : ''}`}
            style={tone ? { borderColor: tone } : undefined}
          >
            <span className="tb-counter-label">{c.label}</span>
            <span className="tb-counter-value" style={tone ? { color: tone } : undefined}>
              {value ?? '…'}
            </span>
          </button>
        );
      })}
      <style>{`
.tb-counters{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:12px}
@media (max-width:991px){.tb-counters{grid-template-columns:repeat(4,minmax(0,1fr))}}
@media (max-width:575px){.tb-counters{grid-template-columns:repeat(3,minmax(0,1fr));gap:8px}}
.tb-counter{display:flex;flex-direction:column;align-items:flex-start;gap:2px;padding:10px 14px;background:#fff;border:1px solid #d9d9d9;border-radius:8px;cursor:pointer;text-align:left;font:inherit;color:#1f1f1f;min-width:0}
.tb-counter:hover{border-color:#0052d9}
.tb-counter.is-selected{background:#e8f1ff;border:2px solid #0052d9;padding:9px 13px}
.tb-counter:focus-visible{outline:3px solid #0052d9;outline-offset:2px}
.tb-counter-label{font-size:14px;color:#262626}
.tb-counter-value{font-size:24px;font-weight:600;line-height:1.2;color:#1f1f1f}
`}</style>
    </div>
  );
}
