// 使用政府已有数据（免提交）: the applicant states the purpose (用证事由), looks up what the government already
// holds for this material (every look-up is logged for the holder to see), picks one record and consents.
// A modal normally; in 长辈版 the same content is shown inline (no pop-ups there).
import { useId, useState } from 'react';
import { Alert, Button, Checkbox, Input, Modal, Radio } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { SharedSourceLabel, type SharedSource } from '../../../../domain/enums.ts';
import { useElderly } from '../../app/elderly.tsx';
import { api, ApiError, qs } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import type { SharedChoice, SharedDataAnswer, SharedRecord } from './types.ts';
import { SharedFieldsTable } from './SharedFieldsTable.tsx';
import './sharing.css';

export interface PickerTarget {
  itemCode: string;
  itemName: string;
  materialName: string;
  source: SharedSource;
}

interface Props extends PickerTarget {
  onPick: (choice: SharedChoice) => void;
  onCancel: () => void;
}

export const defaultPurpose = (itemName: string) => `申请办理“${itemName}”`;

function RecordOption({ r }: { r: SharedRecord }) {
  return (
    <div className="tb-shared-record">
      <div className="tb-shared-record-title">{r.title}</div>
      <div className="tb-shared-record-meta">
        提供单位：{r.provider}
        {r.issuedAt ? ` · 签发日期：${formatDate(r.issuedAt)}` : ''}
      </div>
      <SharedFieldsTable fields={r.fields} caption={`${r.title}的信息项`} />
    </div>
  );
}

function PickerBody({ itemCode, itemName, materialName, source, onPick, onCancel }: Props) {
  const uid = useId();
  const [purpose, setPurpose] = useState(defaultPurpose(itemName));
  const [answer, setAnswer] = useState<SharedDataAnswer | null>(null);
  const [asked, setAsked] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [ref, setRef] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [tried, setTried] = useState(false);
  const sourceLabel = answer?.sourceLabel ?? SharedSourceLabel[source] ?? '共享数据';
  const purposeError = tried && !purpose.trim() ? '请填写用证事由' : null;

  const lookUp = async () => {
    setTried(true);
    if (!purpose.trim()) return;
    setLoading(true);
    setError(null);
    setRef(null);
    setConsent(false);
    try {
      const a = await api.get<SharedDataAnswer>(`/api/shared-data/${encodeURIComponent(source)}${qs({ purpose: purpose.trim(), itemCode })}`);
      setAnswer(a);
      setAsked(purpose.trim());
      if (a.records.length === 1) setRef(a.records[0]!.ref);
    } catch (e) {
      setAnswer(null);
      setError(e instanceof ApiError && e.fields.length ? e.fields.map((f) => f.message).join('；') : e instanceof ApiError ? e.message : '查询失败，请稍后重试');
    } finally {
      setLoading(false);
    }
  };

  const chosen = answer?.records.find((r) => r.ref === ref) ?? null;
  const [confirmTried, setConfirmTried] = useState(false);
  const confirm = () => {
    setConfirmTried(true);
    if (!chosen || !consent) return;
    onPick({ name: materialName, source, kind: chosen.kind, ref: chosen.ref, purpose: asked, title: chosen.title, provider: chosen.provider });
  };

  return (
    <div className="tb-shared-picker">
      <p style={{ marginTop: 0 }}>
        材料“<strong>{materialName}</strong>”可从<strong>{sourceLabel}</strong>中获取。请先填写用证事由并查询，确认信息无误并同意后使用，无需上传。
      </p>
      <label htmlFor={`${uid}-purpose`} className="tb-field-label">
        <span aria-hidden className="tb-required-mark">* </span>用证事由
      </label>
      <div className="tb-shared-lookup">
        <Input
          id={`${uid}-purpose`}
          value={purpose}
          maxLength={200}
          onChange={(e) => setPurpose(e.target.value)}
          onPressEnter={(e) => {
            // In 长辈版 the picker sits inside the apply form: Enter must look up, not submit the application.
            e.preventDefault();
            void lookUp();
          }}
          aria-required="true"
          aria-invalid={purposeError ? 'true' : undefined}
          aria-describedby={`${uid}-purpose-help`}
          status={purposeError ? 'error' : undefined}
        />
        <Button type="primary" icon={<CloudDownloadOutlined aria-hidden />} onClick={lookUp} loading={loading}>
          {answer ? '重新查询' : '查询我的数据'}
        </Button>
      </div>
      <p id={`${uid}-purpose-help`} className={purposeError ? 'tb-shared-error' : 'tb-muted'} style={{ margin: '4px 0 12px' }}>
        {purposeError ?? '每次查询都会记录用证事由，您可在“我的数据使用记录”中查看。'}
      </p>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <div aria-live="polite">
        {answer && !answer.records.length ? (
          <Alert type="warning" showIcon title={`未查询到您的${sourceLabel}`} description="您可以返回，上传该材料的电子文件。" />
        ) : null}
        {answer && answer.records.length ? (
          <>
            <h3 className="tb-shared-subtitle" id={`${uid}-recs`}>
              查询到 {answer.records.length} 条{sourceLabel}，请选择要使用的一条
            </h3>
            <Radio.Group value={ref} onChange={(e) => setRef(e.target.value as string)} aria-labelledby={`${uid}-recs`} className="tb-shared-records">
              {answer.records.map((r) => (
                <Radio key={r.ref} value={r.ref} className="tb-shared-radio">
                  <RecordOption r={r} />
                </Radio>
              ))}
            </Radio.Group>
            <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} className="tb-shared-consent">
              本人同意受理部门从{sourceLabel}调取上述信息用于本次办理（用证事由：{asked}）
            </Checkbox>
            {confirmTried && (!chosen || !consent) ? (
              <p className="tb-shared-error" role="alert" style={{ margin: '6px 0 0' }}>
                {!chosen ? '请选择要使用的一条信息' : '请勾选同意后再使用'}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
      <div className="tb-actions-row" style={{ marginTop: 16 }}>
        {answer?.records.length ? (
          <Button type="primary" onClick={confirm}>
            使用此数据
          </Button>
        ) : null}
        <Button onClick={onCancel}>{answer && !answer.records.length ? '返回上传' : '取消'}</Button>
      </div>
    </div>
  );
}

/** The picker for one material; render it only while open. */
export function SharedDataPicker(props: Props) {
  const { elderly } = useElderly();
  const title = `使用政府已有数据：${props.materialName}`;
  if (elderly) {
    return (
      <section className="tb-shared-inline" aria-label={title}>
        <h3 className="tb-shared-subtitle">{title}</h3>
        <PickerBody {...props} />
      </section>
    );
  }
  return (
    <Modal open title={title} onCancel={props.onCancel} footer={null} width={720} destroyOnHidden>
      <PickerBody {...props} />
    </Modal>
  );
}
