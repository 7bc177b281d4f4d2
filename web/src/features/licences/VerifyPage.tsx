// 证照核验 (public, no login): scan, paste or upload a licence → a clear verdict. A 亮证 code (?p=… or typed in)
// shows the fields the holder disclosed, to a logged-in verifier. A link with #TBL1… is verified at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Input, Radio, Spin, Upload } from 'antd';
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../lib/api.ts';
import { PresentedLicence } from './PresentedLicence.tsx';
import { QrScanner } from './QrScanner.tsx';
import { VerifyVerdict } from './VerifyVerdict.tsx';
import { classifyScan, PRESENTATION_CODE, type VerifyResult } from './types.ts';
import './licences.css';

type Outcome = { state: 'idle' } | { state: 'busy' } | { state: 'done'; result: VerifyResult } | { state: 'error'; message: string };

function CodeForm({ onCode }: { onCode: (code: string) => void }) {
  const [value, setValue] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const submit = () => {
    const code = value.replace(/[\s-]/g, '').toUpperCase();
    if (!PRESENTATION_CODE.test(code)) return setErr('亮证码为 12 位字母和数字，请核对后重新输入');
    setErr(null);
    onCode(code);
  };
  return (
    <section className="tb-card" aria-labelledby="code-title">
      <h2 id="code-title" className="tb-section-title">
        输入亮证码
      </h2>
      <p className="tb-muted">持证人亮证时会显示 12 位亮证码，核验单位可在此输入查看其出示的内容（需登录核验账号）。</p>
      <div className="tb-code-form">
        <label htmlFor="pres-code" className="tb-sr-only">
          亮证码
        </label>
        <Input
          id="pres-code"
          size="large"
          className="tb-code-input"
          placeholder="例如 ABCD EFGH JK23"
          value={value}
          maxLength={20}
          autoComplete="off"
          status={err ? 'error' : undefined}
          aria-invalid={!!err}
          aria-describedby={err ? 'pres-code-err' : undefined}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={submit}
        />
        <Button type="primary" size="large" onClick={submit}>
          查看亮证内容
        </Button>
      </div>
      {err ? (
        <p id="pres-code-err" className="tb-field-error" role="alert">
          {err}
        </p>
      ) : null}
    </section>
  );
}

export default function VerifyPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const code = (params.get('p') ?? '').toUpperCase();
  const [tab, setTab] = useState('scan');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

  const run = useCallback(async (call: () => Promise<VerifyResult>) => {
    setOutcome({ state: 'busy' });
    try {
      setOutcome({ state: 'done', result: await call() });
    } catch (e) {
      setOutcome({ state: 'error', message: e instanceof ApiError ? e.message : '核验失败，请稍后重试' });
    }
    setTimeout(() => resultRef.current?.focus(), 0);
  }, []);

  const showCode = useCallback((c: string) => setParams({ p: c }), [setParams]);
  const handleText = useCallback(
    (t: string) => {
      const k = classifyScan(t);
      if (k.kind === 'presentation') return showCode(k.code);
      if (params.get('p')) setParams({}, { replace: true });
      if (k.kind === 'licence') return void run(() => api.post<VerifyResult>('/api/licences/verify', { qr: k.qr }));
      setOutcome({ state: 'error', message: '无法识别：这不是通办电子证照的二维码或亮证码，请核对后重试。' });
    },
    [params, run, setParams, showCode],
  );

  // A link from a licence's QR code: /verify#TBL1.… is verified as soon as the page opens.
  useEffect(() => {
    const hash = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (hash.startsWith('TBL1.')) {
      setTab('paste');
      setText(hash);
      void run(() => api.post<VerifyResult>('/api/licences/verify', { qr: hash }));
      navigate({ pathname: location.pathname, search: location.search }, { replace: true });
    }
  }, [location.hash, location.pathname, location.search, navigate, run]);

  const tabs = [
    { key: 'scan', label: '扫码核验', children: <QrScanner onText={handleText} /> },
    {
      key: 'paste',
      label: '粘贴核验码',
      children: (
        <div className="tb-paste">
          <label htmlFor="verify-text">二维码内容或亮证链接</label>
          <Input.TextArea id="verify-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder="粘贴以 TBL1. 开头的证照核验码，或包含 /verify 的链接" />
          <Button type="primary" size="large" onClick={() => handleText(text)} disabled={!text.trim()}>
            开始核验
          </Button>
        </div>
      ),
    },
    {
      key: 'pdf',
      label: '上传 PDF',
      children: (
        <div className="tb-paste">
          <p className="tb-muted" style={{ margin: 0 }}>
            上传通办签发的电子证照 PDF 文件，核验其电子签名和文件是否被改动。
          </p>
          <Upload
            accept=".pdf,application/pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              if (params.get('p')) setParams({}, { replace: true });
              void run(() => api.upload<VerifyResult>('/api/licences/verify', file));
              return Upload.LIST_IGNORE;
            }}
          >
            <Button size="large" icon={<FilePdfOutlined aria-hidden />}>
              选择 PDF 文件
            </Button>
          </Upload>
        </div>
      ),
    },
  ];

  return (
    <div className="tb-verify">
      <h1 className="tb-page-title">
        <SafetyCertificateOutlined aria-hidden /> 证照核验
      </h1>
      <p className="tb-muted">核验通办签发的电子证照是否真实有效：扫描或粘贴证照二维码，或上传证照 PDF。无需登录。</p>
      {code ? <PresentedLicence code={code} /> : null}
      <section className="tb-card" aria-labelledby="verify-ways">
        <fieldset className="tb-verify-ways">
          <legend id="verify-ways" className="tb-section-title">
            核验方式
          </legend>
          <Radio.Group optionType="button" buttonStyle="solid" size="large" value={tab} onChange={(e) => setTab(e.target.value as string)} options={tabs.map((t) => ({ value: t.key, label: t.label }))} />
        </fieldset>
        <div className="tb-verify-panel">{tabs.find((t) => t.key === tab)?.children}</div>
      </section>
      <div ref={resultRef} tabIndex={-1} className="tb-verify-result" aria-live="polite">
        {outcome.state === 'busy' ? (
          <div className="tb-route-loading" role="status">
            <Spin size="large" />
            <span className="tb-sr-only">正在核验…</span>
          </div>
        ) : outcome.state === 'done' ? (
          <VerifyVerdict r={outcome.result} />
        ) : outcome.state === 'error' ? (
          <Alert className="tb-page-state" type="error" showIcon role="alert" title="核验未完成" description={outcome.message} />
        ) : null}
      </div>
      <CodeForm onCode={showCode} />
    </div>
  );
}
