// 变更证照状态 (issuing department's reviewer): 撤销 / 吊销 / 暂扣 / 注销, or 恢复有效 after 暂扣, always with a reason.
// Inline, in two steps (open → confirm), so it also works in 长辈版 where pop-ups are avoided.
import { useId, useState } from 'react';
import { Alert, Button, Input, Radio } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { LicenceStatus } from '../../../../domain/licence-types.ts';
import { api, ApiError } from '../../lib/api.ts';
import type { LicenceDetail } from '../licences/types.ts';
import { RESTORE_CHOICE, STATUS_CHOICES } from './types.ts';

export function StatusChangeForm({ licence, onDone }: { licence: LicenceDetail; onDone: (d: LicenceDetail) => void }) {
  const uid = useId();
  const choices = licence.status === LicenceStatus.suspended ? [RESTORE_CHOICE, ...STATUS_CHOICES.filter((c) => c.status !== LicenceStatus.suspended)] : STATUS_CHOICES;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState(choices[0]!.status);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const label = choices.find((c) => c.status === status)?.label ?? '变更';

  if (!open) {
    return (
      <Button danger onClick={() => setOpen(true)}>
        变更证照状态
      </Button>
    );
  }
  const reasonError = tried && !reason.trim() ? '请写明理由' : null;
  const submit = async () => {
    setTried(true);
    setErr(null);
    if (!reason.trim()) return;
    setBusy(true);
    try {
      onDone(await api.post<LicenceDetail>(`/api/licences/${encodeURIComponent(licence.id)}/revoke`, { status, reason: reason.trim() }));
      setOpen(false);
      setReason('');
      setTried(false);
    } catch (e) {
      setErr(e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message).join('；') : e instanceof ApiError ? e.message : '操作失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="tb-lic-confirm" role="group" aria-labelledby={`${uid}-t`}>
      <p id={`${uid}-t`} style={{ margin: '0 0 8px', fontWeight: 700 }}>
        <ExclamationCircleOutlined aria-hidden /> 变更“{licence.typeName}”（{licence.number}）的状态
      </p>
      <p style={{ margin: '0 0 8px' }}>变更立即生效：核验这张证照（扫码、上传 PDF、亮证）时会显示新状态和理由，持证人会在卡包中看到。</p>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
        <legend style={{ fontWeight: 600, fontSize: 'inherit', marginBottom: 4 }}>变更为</legend>
        <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as typeof status)} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
          {choices.map((c) => (
            <Radio key={c.status} value={c.status}>
              <strong>{c.label}</strong> <span className="tb-muted">— {c.hint}</span>
            </Radio>
          ))}
        </Radio.Group>
      </fieldset>
      <label htmlFor={`${uid}-r`} style={{ fontWeight: 600 }}>
        <span aria-hidden style={{ color: '#a8071a' }}>* </span>理由（必填）
      </label>
      <Input.TextArea
        id={`${uid}-r`}
        rows={3}
        maxLength={500}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-required="true"
        aria-invalid={reasonError ? 'true' : undefined}
        aria-describedby={reasonError ? `${uid}-re` : undefined}
        status={reasonError ? 'error' : undefined}
        style={{ margin: '4px 0 4px' }}
      />
      {reasonError ? (
        <p id={`${uid}-re`} className="tb-lic-error" style={{ margin: '0 0 8px' }}>
          {reasonError}
        </p>
      ) : null}
      {err ? <Alert type="error" showIcon title={err} role="alert" style={{ margin: '8px 0' }} /> : null}
      <div className="tb-actions-row" style={{ marginTop: 8 }}>
        <Button danger={status !== LicenceStatus.valid} type="primary" loading={busy} onClick={submit}>
          确认{label}
        </Button>
        <Button onClick={() => setOpen(false)} disabled={busy}>
          取消
        </Button>
      </div>
    </div>
  );
}
