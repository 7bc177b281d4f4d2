// 导出日报: pick a day and download the Excel daily report (the department in view, or the whole centre).
import { useState } from 'react';
import { App, Button, DatePicker, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { qs } from '../../../lib/api.ts';

/** The file name from Content-Disposition (filename* first), or a fallback. */
function fileName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/.exec(header ?? '')?.[1] ?? fallback;
}

export function ExportDaily({ departmentId }: { departmentId?: string }) {
  const { message } = App.useApp();
  const [day, setDay] = useState<Dayjs>(dayjs());
  const [busy, setBusy] = useState(false);

  async function download() {
    const date = day.format('YYYY-MM-DD');
    setBusy(true);
    try {
      const res = await fetch(`/api/requests/stats/daily.xlsx${qs({ date, departmentId })}`, { credentials: 'same-origin' });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        throw new Error(body.message ?? `导出失败（${res.status}）`);
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName(res.headers.get('content-disposition'), `12345诉求日报-${date}.xlsx`);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      message.success(`已导出 ${date} 的日报`);
    } catch (e) {
      message.error(e instanceof Error && e.message !== 'Failed to fetch' ? e.message : '网络连接失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space wrap align="end" className="tb-dash-export">
      <div>
        <label htmlFor="dash-daily-date" className="tb-dash-label">
          日报日期
        </label>
        <DatePicker
          id="dash-daily-date"
          value={day}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(d) => d && setDay(d)}
        />
      </div>
      <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={download}>
        导出日报
      </Button>
    </Space>
  );
}
