// Dialog to set one date as holiday, adjusted working day, or back to the default weekend rule.
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { api } from '../../../lib/api.ts';
import type { CalendarDayRow, CalendarYear } from './types.ts';

type Kind = 'off' | 'work' | 'default';
const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

interface Props {
  date: string | null;
  current: CalendarDayRow | undefined;
  onClose: () => void;
  onSaved: (y: CalendarYear) => void;
}

export function DayEditor({ date, current, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ kind: Kind; name: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!date) return;
    setError(null);
    form.setFieldsValue({ kind: current ? (current.isOffDay ? 'off' : 'work') : 'default', name: current?.name ?? '' });
  }, [date, current, form]);

  if (!date) return null;
  const dayNo = new Date(`${date}T00:00:00Z`).getUTCDay();
  const wd = WEEKDAY[dayNo];
  const weekend = dayNo === 0 || dayNo === 6;
  const currentKind: Kind = current ? (current.isOffDay ? 'off' : 'work') : 'default';

  const save = async (v: { kind: Kind; name: string }) => {
    setSaving(true);
    setError(null);
    try {
      const y =
        v.kind === 'default'
          ? await api.del<CalendarYear>(`/api/calendar/days/${date}`)
          : await api.put<CalendarYear>(`/api/calendar/days/${date}`, { isOffDay: v.kind === 'off', name: v.name?.trim() || null });
      onSaved(y);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`设置 ${date}（星期${wd}）`} okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ loading: saving }} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {current?.updatedBy && <p style={{ color: '#262626' }}>最近由 {current.updatedBy} 设置。</p>}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="kind" label="这一天是">
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={[
              { value: 'off', label: weekend ? '法定节假日（休息）—— 周末本就休息，无需设置' : '法定节假日（休息）', disabled: weekend && currentKind !== 'off' },
              { value: 'work', label: weekend ? '调休上班日（班）' : '调休上班日（班）—— 工作日本就上班，无需设置', disabled: !weekend && currentKind !== 'work' },
              { value: 'default', label: '恢复默认（周一至周五上班，周末休息）' },
            ]}
          />
        </Form.Item>
        {kind !== 'default' && (
          <Form.Item name="name" label="名称（如 春节、国庆节）" rules={[{ max: 40, message: '名称不能超过 40 字' }]}>
            <Input maxLength={40} />
          </Form.Item>
        )}
      </Form>
      <p style={{ color: '#262626', marginBottom: 0 }}>保存后，受影响办件的到期日会按新日历重新计算。</p>
    </Modal>
  );
}
