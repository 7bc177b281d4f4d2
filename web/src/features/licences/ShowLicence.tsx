// 亮证: the holder chooses which fields to show, for how long and whether once only; the server makes a short
// code; the page shows its QR, the code in large letters and a live countdown, and offers 重新生成 once it expires.
import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Radio, Switch } from 'antd';
import { QrcodeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useElderly } from '../../app/elderly.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { QrImage } from './QrImage.tsx';
import { formatCountdown, useCountdown } from './useCountdown.ts';
import { groupCode, type LicenceDetail, type PresentationCreated } from './types.ts';

const TTLS = [
  { value: 60, label: '1 分钟' },
  { value: 300, label: '5 分钟' },
  { value: 1800, label: '30 分钟' },
  { value: 3600, label: '1 小时' },
  { value: 86400, label: '1 天' },
];

interface Options {
  fields: string[];
  ttlSeconds: number;
  singleUse: boolean;
}

const SINGLE_USE = '一次有效（对方查看一次后即失效）';

/** 长辈版 uses a big checkbox for 一次有效: antd's switch has no large size. */
function OptionsForm({ l, value, onChange, elderly }: { l: LicenceDetail; value: Options; onChange: (o: Options) => void; elderly: boolean }) {
  return (
    <div className="tb-show-options">
      <fieldset>
        <legend>出示哪些内容</legend>
        <Checkbox.Group
          className="tb-show-fields"
          value={value.fields}
          onChange={(v) => onChange({ ...value, fields: v as string[] })}
          options={l.fields.map((f) => ({ value: f.key, label: f.sensitive ? `${f.label}（敏感信息）` : f.label }))}
        />
        <p className="tb-muted tb-hint">身份证号等敏感信息默认不出示，确有需要时再勾选。</p>
      </fieldset>
      <fieldset>
        <legend>有效时间</legend>
        <Radio.Group optionType="button" value={value.ttlSeconds} options={TTLS} onChange={(e) => onChange({ ...value, ttlSeconds: e.target.value as number })} />
      </fieldset>
      {elderly ? (
        <Checkbox checked={value.singleUse} onChange={(e) => onChange({ ...value, singleUse: e.target.checked })}>
          {SINGLE_USE}
        </Checkbox>
      ) : (
        <div className="tb-show-switch">
          <Switch id="show-single-use" checked={value.singleUse} onChange={(v) => onChange({ ...value, singleUse: v })} />
          <label htmlFor="show-single-use">{SINGLE_USE}</label>
        </div>
      )}
    </div>
  );
}

function ShownCode({ p, onRegenerate, busy }: { p: PresentationCreated; onRegenerate: () => void; busy: boolean }) {
  const secs = useCountdown(p.expiresAt);
  const expired = secs <= 0;
  return (
    <div className={`tb-shown${expired ? ' is-expired' : ''}`}>
      <div className="tb-shown-qr" aria-hidden={expired}>
        <QrImage text={p.qr} size={240} alt="亮证二维码，请对方用手机扫码查看" />
      </div>
      <p className="tb-shown-label">亮证码</p>
      <p className="tb-shown-code" data-testid="presentation-code" aria-label={`亮证码 ${p.code.split('').join(' ')}`}>
        {groupCode(p.code)}
      </p>
      {expired ? (
        <Alert type="warning" showIcon title="亮证码已过期" description="请重新生成后再出示。" role="alert" />
      ) : (
        <p className="tb-shown-countdown">
          剩余有效时间 <strong className="tb-mono">{formatCountdown(secs)}</strong>
          <span className="tb-sr-only">（有效至 {formatDateTime(p.expiresAt)}）</span>
        </p>
      )}
      {expired ? null : (
        <p className="tb-muted tb-hint">
          请对方扫码，或在“证照核验”页输入亮证码。{p.singleUse ? '此码只能查看一次。' : ''}
        </p>
      )}
      {expired ? (
        <Button type="primary" size="large" icon={<ReloadOutlined aria-hidden />} onClick={onRegenerate} loading={busy}>
          重新生成
        </Button>
      ) : null}
    </div>
  );
}

/** The 亮证 dialog (inline in 长辈版, which avoids pop-ups). `onCreated` lets the page refresh its 亮证记录. */
export function ShowLicence({ l, onCreated }: { l: LicenceDetail; onCreated: () => void }) {
  const { elderly } = useElderly();
  const [open, setOpen] = useState(false);
  const [opts, setOpts] = useState<Options>(() => ({ fields: l.fields.filter((f) => !f.sensitive).map((f) => f.key), ttlSeconds: 300, singleUse: false }));
  const [shown, setShown] = useState<PresentationCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const usable = l.status === '01' && !l.expired;

  const create = async () => {
    setErr(null);
    if (!opts.fields.length) return setErr('请至少选择一项要出示的内容');
    setBusy(true);
    try {
      setShown(await api.post<PresentationCreated>(`/api/licences/${l.id}/presentations`, opts));
      onCreated();
    } catch (e) {
      setErr(e instanceof ApiError ? e.message : '生成失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setShown(null);
    setErr(null);
  };

  const body = shown ? (
    <ShownCode p={shown} onRegenerate={create} busy={busy} />
  ) : (
    <>
      <OptionsForm l={l} value={opts} onChange={setOpts} elderly={elderly} />
      {err ? <Alert type="error" showIcon title={err} role="alert" style={{ marginTop: 12 }} /> : null}
    </>
  );
  const footer = shown ? (
    <div className="tb-actions-row tb-show-footer">
      <Button onClick={() => setShown(null)}>更改出示内容</Button>
      <Button type="primary" onClick={close}>
        完成
      </Button>
    </div>
  ) : (
    <div className="tb-actions-row tb-show-footer">
      <Button onClick={close}>取消</Button>
      <Button type="primary" onClick={create} loading={busy}>
        生成亮证码
      </Button>
    </div>
  );

  const trigger = (
    <Button type="primary" size="large" icon={<QrcodeOutlined aria-hidden />} onClick={() => setOpen(true)} disabled={!usable || (elderly && open)}>
      亮证
    </Button>
  );
  if (!usable) {
    return (
      <div className="tb-actions-row">
        {trigger}
        <span className="tb-muted">证照不在有效状态，不能亮证</span>
      </div>
    );
  }
  if (elderly) {
    return (
      <>
        {trigger}
        {open ? (
          <section className="tb-card tb-show-inline" aria-labelledby="show-title">
            <h2 id="show-title" className="tb-section-title">
              亮证：{l.typeName}
            </h2>
            {body}
            {footer}
          </section>
        ) : null}
      </>
    );
  }
  return (
    <>
      {trigger}
      <Modal open={open} title={`亮证：${l.typeName}`} onCancel={close} footer={footer} destroyOnHidden width={560}>
        {body}
      </Modal>
    </>
  );
}
