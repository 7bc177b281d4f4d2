// Twelve month grids for one year. Holidays are red, adjusted working days (调休上班) are marked 班.
// One date is in the tab order at a time; arrow keys move between dates (roving tabindex).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CalendarDayRow } from './types.ts';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
const DAY_MS = 86_400_000;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const shift = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const dow = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0

interface Props {
  year: number;
  days: CalendarDayRow[];
  today: string;
  onPick: (date: string) => void;
}

export function YearGrid({ year, days, today, onPick }: Props) {
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const [focus, setFocus] = useState(() => (today.startsWith(String(year)) ? today : iso(year, 1, 1)));
  const moved = useRef(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setFocus(today.startsWith(String(year)) ? today : iso(year, 1, 1));
  }, [year, today]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    root.current?.querySelector<HTMLButtonElement>(`[data-date="${focus}"]`)?.focus();
  }, [focus]);

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, date: string) => {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    const n = step[e.key];
    if (n === undefined) return;
    e.preventDefault();
    const next = shift(date, n);
    if (!next.startsWith(String(year))) return;
    moved.current = true;
    setFocus(next);
  };

  return (
    <div ref={root} className="tb-year-grid">
      <style>{CSS}</style>
      {Array.from({ length: 12 }, (_, i) => {
        const m = i + 1;
        const first = iso(year, m, 1);
        const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
        const cells: (string | null)[] = [...Array<null>(dow(first)).fill(null), ...Array.from({ length: count }, (_, d) => iso(year, m, d + 1))];
        while (cells.length % 7) cells.push(null);
        const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
        return (
          <table key={m} className="tb-month">
            <caption>{m} 月</caption>
            <thead>
              <tr>
                {WEEK.map((w) => (
                  <th key={w} scope="col" abbr={`星期${w}`}>
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, wi) => (
                <tr key={wi}>
                  {week.map((date, di) => {
                    if (!date) return <td key={di} />;
                    const o = byDate.get(date);
                    const weekend = dow(date) >= 5;
                    const kind = o ? (o.isOffDay ? 'off' : 'work') : weekend ? 'weekend' : 'day';
                    const state = o ? (o.isOffDay ? `节假日${o.name ? `（${o.name}）` : ''}` : `调休上班${o.name ? `（${o.name}）` : ''}`) : weekend ? '周末休息' : '工作日';
                    return (
                      <td key={di}>
                        <button
                          type="button"
                          data-date={date}
                          tabIndex={date === focus ? 0 : -1}
                          className={`tb-day tb-day-${kind}${date === today ? ' tb-day-today' : ''}`}
                          title={o?.name ?? undefined}
                          onClick={() => {
                            setFocus(date);
                            onPick(date);
                          }}
                          onKeyDown={(e) => onKey(e, date)}
                        >
                          <span className="tb-sr-only">{m}月</span>
                          {Number(date.slice(8))}
                          <span className="tb-sr-only">日</span>
                          {kind === 'work' && <span className="tb-ban">班</span>}
                          <span className="tb-sr-only">，{state}{date === today ? '，今天' : ''}</span>
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

const CSS = `
.tb-year-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:16px}
.tb-month{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff;border:1px solid #d9d9d9;border-radius:6px}
.tb-month caption{font-weight:600;text-align:left;padding:4px 0;color:#1f1f1f}
.tb-month th{font-weight:400;color:#434343;font-size:13px;padding:2px 0}
.tb-month td{padding:1px;text-align:center}
.tb-day{position:relative;width:100%;min-width:30px;height:32px;border:1px solid transparent;border-radius:4px;background:transparent;color:#1f1f1f;cursor:pointer;font-size:14px;padding:0}
.tb-day:hover{border-color:#0052d9}
.tb-day:focus-visible{outline:3px solid #0052d9;outline-offset:1px}
.tb-day-weekend{color:#8c1d18;background:#fafafa}
.tb-day-off{background:#c41d1d;color:#fff;font-weight:600}
.tb-day-work{background:#e8f1ff;color:#003a8c;font-weight:600;border-color:#91caff}
.tb-day-today{box-shadow:inset 0 0 0 2px #0052d9}
.tb-ban{position:absolute;top:-2px;right:0;font-size:10px;line-height:1;color:#003a8c}
`;
