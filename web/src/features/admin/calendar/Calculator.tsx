// 工作日计算器: from a date, N working days later (the start day does not count).
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, qs } from '../../../lib/api.ts';

export function Calculator() {
  const [result, setResult] = useState<{ from: string; days: number; date: string; provisional: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const run = async (v: { from: Dayjs; days: number }) => {
    setLoading(true);
    setError(null);
    const from = v.from.format('YYYY-MM-DD');
    try {
      const r = await api.get<{ date: string; provisional: boolean }>(`/api/calendar/add-working-days${qs({ from, days: v.days })}`);
      setResult({ from, days: v.days, ...r });
    } catch (e) {
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card title="工作日计算器" size="small">
      <Form layout="inline" onFinish={run} initialValues={{ from: dayjs(), days: 20 }} style={{ rowGap: 8 }}>
        <Form.Item name="from" label="起始日期" rules={[{ required: true, message: '请选择起始日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="days" label="工作日数" rules={[{ required: true, message: '请填写天数' }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" type="primary" loading={loading}>
            计算
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {error && <Alert type="error" showIcon title={error} />}
        {result && (
          <Space orientation="vertical" size={4}>
            <div style={{ fontSize: 16 }}>
              {result.from} 起 {result.days} 个工作日后：<strong>{result.date}</strong>
              {result.days === 0 ? '（即办，当日办结）' : ''}
            </div>
            {result.provisional && <Alert type="warning" showIcon title="暂定：该日期所在年份的节假日安排尚未发布，仅按周末计算。" />}
          </Space>
        )}
      </div>
    </Card>
  );
}
