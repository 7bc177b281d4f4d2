// The inline form of one action (elderly mode shows no pop-ups, so nothing here is a modal). Each form asks
// for what the action needs; destructive actions ask once more before they are sent.
import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Radio, Space } from 'antd';
import { ReplyResultLabel, SatisfactionLabel, type RequestAction } from '../../../../../domain/requests.ts';
import type { DepartmentInfo } from '../../../lib/types.ts';
import type { RequestDetail } from '../shared/index.ts';
import { useActionSubmit, type ActionBody, type ActionCallbacks } from './useActionSubmit.ts';
import { DepartmentSelect } from './DepartmentSelect.tsx';
import { actionLabel } from './actionLabels.ts';

/** Actions that undo work or end the request: the user confirms them once more. */
const DESTRUCTIVE = new Set<RequestAction>(['return', 'close', 'reopen', 'merge']);

const HINT: Partial<Record<RequestAction, string>> = {
  sign: '签收后开始办理，请在办理时限内答复。',
  return: '不属于本部门职责的诉求可以退单，请写明理由和建议的承办部门；退单由热线中心审核。',
  extend: '申请延期需热线中心批准，批准后办理时限按工作日顺延。',
  approve_extension: '批准后办理时限按工作日顺延，可以少于申请的天数。',
  reply: '答复内容会在热线中心审核后通过短信发给群众。',
  approve_reply: '审核通过后答复会通过短信（和站内消息）发给群众，并进入待回访。',
  reopen: '退回承办部门重新办理，请写明需要补充或纠正的内容。',
  callback: '记录群众对办理结果的评价：满意或基本满意即办结；不满意将退回原部门重办，重办两次仍不满意转督办。',
  supervise: '督办有单独的办结期限，承办部门会在工单上看到督办要求。',
  reassign: '改派后由新部门重新签收办理。',
  merge: '与已有工单反映同一件事时合并：本工单随即办结，群众会收到短信，主工单答复时一并告知。',
};

interface Props extends ActionCallbacks {
  action: RequestAction;
  detail: RequestDetail;
  departments: DepartmentInfo[] | undefined;
  onCancel: () => void;
}

interface Values {
  comment?: string;
  days?: number;
  result?: ActionBody['result'];
  satisfaction?: ActionBody['satisfaction'];
  departmentId?: string;
  duplicateOf?: string;
}

export function ActionForm({ action, detail, departments, onCancel, ...callbacks }: Props) {
  const [form] = Form.useForm<Values>();
  const { send, sending, error } = useActionSubmit(detail, form, callbacks);
  const [confirming, setConfirming] = useState(false);
  const label = actionLabel(action, detail.status);
  const destructive = DESTRUCTIVE.has(action);

  const submit = (v: Values) => {
    if (destructive && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    void send({ action, ...v });
  };

  const commentField = (name: string, required: boolean, placeholder?: string) => (
    <Form.Item name="comment" label={name} rules={required ? [{ required: true, whitespace: true, message: `请填写${name}` }] : []}>
      <Input.TextArea rows={3} maxLength={2000} showCount placeholder={placeholder} />
    </Form.Item>
  );

  const hint = action === 'close' && detail.status !== 'answered' ? '直接办结用于热线当场答复的咨询：答复内容会记录为办理结果。' : HINT[action];

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark onValuesChange={() => setConfirming(false)} aria-label={`${label}表单`}>
      {hint && <p style={{ color: '#262626', marginTop: 0 }}>{hint}</p>}
      {action === 'sign' && commentField('签收意见（选填）', false)}
      {action === 'return' && commentField('退单理由', true, '如：该路段属于东城街道管辖，建议改派东城街道')}
      {action === 'extend' && (
        <>
          <Form.Item name="days" label="延期工作日天数" initialValue={3} rules={[{ required: true, message: '请填写延期的工作日天数' }]}>
            <InputNumber min={1} max={30} precision={0} suffix="个工作日" style={{ width: 200 }} />
          </Form.Item>
          {commentField('延期理由', true)}
        </>
      )}
      {action === 'approve_extension' && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`承办部门申请延期 ${detail.extensionRequested ?? '—'} 个工作日`} description={lastComment(detail, 'extend')} />
          <Form.Item name="days" label="批准延期天数" initialValue={detail.extensionRequested ?? undefined} rules={[{ required: true, message: '请填写批准的工作日天数' }]}>
            <InputNumber min={1} max={30} precision={0} suffix="个工作日" style={{ width: 200 }} />
          </Form.Item>
          {commentField('审批意见（选填）', false)}
        </>
      )}
      {action === 'reply' && (
        <>
          <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
            <Radio.Group options={Object.entries(ReplyResultLabel).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
          {commentField('答复内容', true, '写明核实情况、处理措施和结果；无法解决的说明原因和依据')}
        </>
      )}
      {action === 'approve_reply' && (
        <>
          <ReplyBox detail={detail} />
          {commentField('审核意见（选填）', false)}
        </>
      )}
      {action === 'reopen' && (
        <>
          {detail.status === 'replied' && <ReplyBox detail={detail} />}
          {commentField('重办意见', true, '说明答复存在的问题和需要补充办理的内容')}
        </>
      )}
      {action === 'callback' && (
        <>
          <ReplyBox detail={detail} />
          <Form.Item name="satisfaction" label="回访结果" rules={[{ required: true, message: '请选择回访结果' }]}>
            <Radio.Group options={Object.entries(SatisfactionLabel).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
          {commentField('回访记录（选填）', false, '群众的评价和意见')}
        </>
      )}
      {action === 'supervise' && (
        <>
          <Form.Item name="days" label="督办期限" initialValue={2} rules={[{ required: true, message: '请填写督办期限' }]}>
            <InputNumber min={1} max={30} precision={0} suffix="个工作日内" style={{ width: 240 }} />
          </Form.Item>
          {commentField('督办要求', true)}
        </>
      )}
      {action === 'close' && commentField(detail.status === 'answered' ? '办结说明' : '答复内容', true, detail.status === 'answered' ? '如：多次回访未接通，按规定办结' : '在电话中答复群众的内容')}
      {action === 'merge' && (
        <>
          <Form.Item name="duplicateOf" label="合并到工单" rules={[{ required: true, message: '请选择要合并到的工单' }]}>
            <Radio.Group options={(detail.classification?.duplicates ?? []).map((d) => ({ value: d.id, label: `工单 ${d.ticketNo}` }))} />
          </Form.Item>
          {commentField('合并说明（选填）', false)}
        </>
      )}
      {action === 'reassign' && (
        <>
          <Form.Item name="departmentId" label="改派给" rules={[{ required: true, message: '请选择改派的部门' }]}>
            <DepartmentSelect departments={departments} exclude={[detail.departmentId]} />
          </Form.Item>
          {commentField('改派理由', true)}
        </>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      {confirming && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={`确定要${label}吗？`}
          description={action === 'close' ? '办结后诉求不再计时。' : action === 'return' ? '退单后诉求回到热线中心，由热线中心改派或裁定退单不成立。' : '诉求将退回承办部门重新办理。'}
        />
      )}
      <Space wrap>
        <Button type="primary" danger={destructive} htmlType="submit" loading={sending}>
          {confirming ? `确认${label}` : destructive ? label : `提交${label}`}
        </Button>
        <Button onClick={confirming ? () => setConfirming(false) : onCancel}>{confirming ? '再想想' : '取消'}</Button>
      </Space>
    </Form>
  );
}

/** The comment of the newest event of an action (the reason of the last return, the last extension request…). */
export function lastComment(detail: RequestDetail, action: RequestAction): string | undefined {
  return [...detail.events].reverse().find((e) => e.action === action)?.comment ?? undefined;
}

function ReplyBox({ detail }: { detail: RequestDetail }) {
  if (!detail.replyText && !detail.replyResult) return null;
  return (
    <div className="tb-desk-reply" style={{ marginBottom: 12 }}>
      <div>
        <strong>承办部门答复</strong>（{detail.replyResult ? ReplyResultLabel[detail.replyResult] : '—'}）
      </div>
      <div style={{ whiteSpace: 'pre-wrap' }}>{detail.replyText}</div>
    </div>
  );
}
