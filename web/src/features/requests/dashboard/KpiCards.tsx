// The six headline figures of the period. Rates say what they are out of, so a 100 % of one request
// is not mistaken for a good month.
import { Card, Col, Row, Statistic } from 'antd';
import { useElderly } from '../../../app/elderly.tsx';
import { pct, type Totals } from './types.ts';

interface Kpi {
  title: string;
  value: string | number;
  note: string;
  alert?: boolean;
}

function kpis(t: Totals): Kpi[] {
  return [
    { title: '受理量', value: t.received, note: `紧急 ${t.urgent} 件 · 已办结 ${t.closed} 件` },
    { title: '按时办结率', value: pct(t.onTimeRate), note: t.closed ? `已办结 ${t.closed} 件中按时办结` : '尚无办结的诉求', alert: t.onTimeRate !== null && t.onTimeRate < 0.9 },
    { title: '解决率', value: pct(t.resolutionRate), note: '已答复的诉求中“已解决”的比例' },
    { title: '满意率', value: pct(t.satisfactionRate), note: '回访中满意与基本满意的比例', alert: t.satisfactionRate !== null && t.satisfactionRate < 0.85 },
    { title: '退单', value: t.returns, note: `重办 ${t.reopened} 件 · 督办 ${t.supervised} 件` },
    { title: '超期', value: t.overdue, note: '目前未办结且已过办理时限', alert: t.overdue > 0 },
  ];
}

export function KpiCards({ totals }: { totals: Totals }) {
  const { elderly } = useElderly();
  return (
    <Row gutter={[16, 16]} className="tb-dash-kpi" role="list" aria-label="主要指标">
      {kpis(totals).map((k) => (
        <Col key={k.title} xs={elderly ? 24 : 12} sm={12} md={8} xl={elderly ? 8 : 4} role="listitem">
          <Card size="small" className={k.alert ? 'is-alert' : undefined}>
            <Statistic title={k.title} value={k.value} groupSeparator="," styles={{ content: { color: k.alert ? '#a8071a' : undefined } }} />
            <div className="tb-dash-kpi-note">{k.note}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
