// At 办结 of a case whose item issues an e-licence: the licence to be signed, with the values the officer
// can still set (holder fields come from the applicant and are shown read-only).
import { useEffect, useState } from 'react';
import { Alert, Descriptions, Form, Input, Spin } from 'antd';
import { api } from '../../lib/api.ts';

export interface LicenceDraft {
  typeName: string;
  holderName: string;
  fields: { key: string; label: string; value: string; sensitive: boolean; fromHolder: boolean }[];
}

/** Loads the draft; `undefined` while loading, `null` when the item issues no licence. */
export function useLicenceDraft(caseId: string, enabled: boolean) {
  const [draft, setDraft] = useState<LicenceDraft | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    setDraft(undefined);
    api.get<{ licence: LicenceDraft | null }>(`/api/applications/${encodeURIComponent(caseId)}/licence-draft`)
      .then((r) => setDraft(r.licence))
      .catch((e) => { setError(e instanceof Error ? e.message : String(e)); setDraft(null); });
  }, [caseId, enabled]);
  return { draft, error };
}

export function LicenceDraftFields({ draft, error }: { draft: LicenceDraft | null | undefined; error: string | null }) {
  if (error) return <Alert type="warning" showIcon title={`无法加载将签发的证照：${error}`} style={{ marginBottom: 12 }} />;
  if (draft === undefined) return <Spin size="small" description="正在加载将签发的电子证照…" />;
  if (!draft) return null;
  const holder = draft.fields.filter((f) => f.fromHolder);
  return (
    <section aria-label="将签发的电子证照" style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '12px 16px', marginBottom: 16 }}>
      <h3 style={{ fontSize: 16, margin: '0 0 8px' }}>办结后将自动签发电子证照：{draft.typeName}</h3>
      <p style={{ color: '#595959', margin: '0 0 8px' }}>证照由本部门电子印章签名，签发后申请人可在“我的卡包”中查看、亮证。请核对并填写证照内容。</p>
      <Descriptions size="small" column={1} items={holder.map((f) => ({ key: f.key, label: f.label, children: f.sensitive ? '（取自申请人实名信息）' : f.value }))} style={{ marginBottom: 8 }} />
      {draft.fields.filter((f) => !f.fromHolder).map((f) => (
        <Form.Item key={f.key} name={['licenceFields', f.key]} label={f.label} initialValue={f.value} rules={[{ max: 500, message: `${f.label}不能超过 500 字` }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      ))}
    </section>
  );
}
