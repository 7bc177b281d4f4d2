// The dialog that collects what one action needs (reason, materials to correct) and sends it.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select, Spin } from 'antd';
import { ApplicationActionLabel, type ApplicationAction } from '../../../../domain/workflow.ts';
import { api, ApiError } from '../../lib/api.ts';
import type { CaseDetail } from './types.ts';
import { LicenceDraftFields, useLicenceDraft } from './LicenceDraftFields.tsx';

const SUSPEND_REASONS = ['听证', '检验检测', '专家评审', '公示'];
const NEEDS_COMMENT: ApplicationAction[] = ['reject', 'deny', 'suspend'];

const HINT: Partial<Record<ApplicationAction, string>> = {
  accept: '受理后开始计算承诺时限。',
  reject: '不予受理将结束本办件，请写明理由，申请人会收到通知。',
  request_correction: '一次性告知：请把所有需要补正的材料一次列全，申请人补正期间不计时。',
  suspend: '特别程序期间不计入办理时限。',
  resume: '特别程序结束后恢复计时。',
  approve: '准予许可后进入待办结。',
  deny: '不予许可须写明理由和依据。',
  complete: '办结后申请人可查看结果。',
};

interface Props {
  action: ApplicationAction | null;
  detail: CaseDetail;
  onClose: () => void;
  onDone: (next: CaseDetail) => void;
  onConflict: (message: string) => void;
}

interface Values {
  materials?: string[];
  extra?: string[];
  reason?: string;
  comment?: string;
  licenceFields?: Record<string, string>;
}

export function ActionDialog({ action, detail, onClose, onDone, onConflict }: Props) {
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [itemMaterials, setItemMaterials] = useState<string[] | null>(null);
  const issuing = action === 'complete' && detail.status === 'approved';
  const licenceDraft = useLicenceDraft(detail.id, issuing);

  useEffect(() => {
    form.resetFields();
    setError(null);
    if (action !== 'request_correction') return;
    setItemMaterials(null);
    api
      .get<{ materials: { name: string }[] }>(`/api/items/${encodeURIComponent(detail.itemCode)}`)
      .then((it) => setItemMaterials(it.materials.map((m) => m.name)))
      .catch(() => setItemMaterials(detail.checklist.map((m) => m.name)));
  }, [action, detail.itemCode, detail.checklist, form]);

  if (!action) return null;
  const label = ApplicationActionLabel[action];
  const needsComment = NEEDS_COMMENT.includes(action);
  const notProvided = new Set(detail.checklist.filter((m) => !m.provided).map((m) => m.name));

  const submit = async (v: Values) => {
    setSending(true);
    setError(null);
    const missingMaterials = action === 'request_correction' ? [...(v.materials ?? []), ...(v.extra ?? []).map((s) => s.trim()).filter(Boolean)] : undefined;
    if (missingMaterials && missingMaterials.length === 0) {
      form.setFields([{ name: 'materials', errors: ['请至少选择或填写一项需补正的材料'] }]);
      setSending(false);
      return;
    }
    const comment = action === 'suspend' ? `${v.reason}${v.comment ? `：${v.comment}` : ''}` : v.comment?.trim() || undefined;
    try {
      const next = await api.post<CaseDetail>(`/api/applications/${encodeURIComponent(detail.id)}/actions`, {
        action,
        comment,
        missingMaterials,
        licenceFields: issuing && v.licenceFields ? Object.fromEntries(Object.entries(v.licenceFields).map(([k, x]) => [k, (x ?? '').trim()])) : undefined,
        version: detail.version,
      });
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        onConflict(e.message);
      } else if (e instanceof ApiError && e.status === 400 && e.fields.length) {
        const known = new Set(['comment', 'missingMaterials']);
        form.setFields([
          ...e.fields.filter((f) => known.has(f.field.split('.')[0]!)).map((f) => ({ name: f.field.startsWith('missingMaterials') ? ('materials' as const) : ('comment' as const), errors: [f.message] })),
          ...e.fields.filter((f) => f.field.startsWith('licenceFields.')).map((f) => ({ name: ['licenceFields', f.field.slice('licenceFields.'.length)] as ['licenceFields', string], errors: [f.message] })),
        ]);
        setError(e.message);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={`${label}：${detail.caseNo}`}
      okText={`确认${label}`}
      cancelText="取消"
      okButtonProps={{ danger: action === 'reject' || action === 'deny', loading: sending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <p style={{ color: '#262626' }}>{HINT[action]}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        {action === 'request_correction' && (
          <>
            <Form.Item name="materials" label="需补正的事项材料（可多选）" initialValue={[...notProvided].filter((n) => detail.checklist.find((m) => m.name === n)?.required)}>
              {itemMaterials === null ? (
                <Spin size="small" description="正在加载事项材料…" />
              ) : (
                <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                  {itemMaterials.map((n) => (
                    <Checkbox key={n} value={n}>
                      {n}
                      {notProvided.has(n) && <span style={{ color: '#a8071a' }}>（未提供）</span>}
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              )}
            </Form.Item>
            <Form.Item name="extra" label="其他需补正内容（输入后按回车添加）">
              <Select mode="tags" open={false} suffixIcon={null} placeholder="如：身份证复印件不清晰，请重新上传" tokenSeparators={['；', ';']} />
            </Form.Item>
          </>
        )}
        {issuing && <LicenceDraftFields draft={licenceDraft.draft} error={licenceDraft.error} />}
        {action === 'suspend' && (
          <Form.Item name="reason" label="特别程序类型" rules={[{ required: true, message: '请选择特别程序类型' }]}>
            <Select options={SUSPEND_REASONS.map((r) => ({ value: r, label: r }))} placeholder="请选择" />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={needsComment ? (action === 'suspend' ? '说明' : '理由') : '意见（选填）'}
          rules={needsComment && action !== 'suspend' ? [{ required: true, whitespace: true, message: `请填写${label}的理由` }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
