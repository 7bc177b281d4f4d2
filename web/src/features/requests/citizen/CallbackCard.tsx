// 回访: the citizen rates the department's answer — 满意 / 基本满意 / 不满意 with an optional comment.
// 不满意 sends the request back to the same department to be redone (重办); the card says so before sending.
import { useState } from 'react';
import { Alert, Button, Input, Radio } from 'antd';
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { Satisfaction, SatisfactionLabel } from '../../../../../domain/requests.ts';
import { api, ApiError } from '../../../lib/api.ts';
import type { RequestDetail } from '../shared/index.ts';

const ICON = { satisfied: <SmileOutlined aria-hidden />, basically_satisfied: <MehOutlined aria-hidden />, unsatisfied: <FrownOutlined aria-hidden /> };

export function CallbackCard({ request, onDone }: { request: RequestDetail; onDone: (d: RequestDetail, s: Satisfaction) => void }) {
  const [choice, setChoice] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    if (!choice) return setProblem('请先选择您的评价：满意、基本满意或不满意');
    setBusy(true);
    setProblem(null);
    try {
      const d = await api.post<RequestDetail>(`/api/requests/${request.id}/actions`, { action: 'callback', satisfaction: choice, comment: comment.trim() || undefined });
      onDone(d, choice);
    } catch (e) {
      setProblem(e instanceof ApiError ? (e.status === 409 ? '这件诉求的状态已经变化，请刷新页面后再评价。' : e.message) : '提交失败，请稍后重试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="tb-card tb-req-callback" aria-labelledby="req-cb-title">
      <h2 id="req-cb-title" className="tb-section-title">
        您对这次办理满意吗？
      </h2>
      <p>请根据问题是否解决、答复是否清楚来评价。您的评价会计入承办单位的满意率。</p>
      <Radio.Group
        className="tb-req-rating"
        optionType="button"
        buttonStyle="solid"
        size="large"
        aria-label="评价"
        value={choice}
        onChange={(e) => {
          setChoice(e.target.value as Satisfaction);
          setProblem(null);
        }}
        options={Object.values(Satisfaction).map((s) => ({ value: s, label: <span className="tb-req-rating-option">{ICON[s]} {SatisfactionLabel[s]}</span> }))}
      />
      {choice === 'unsatisfied' ? (
        <Alert
          className="tb-req-reopen-note"
          type="info"
          showIcon
          title="选择“不满意”后，诉求会退回原承办单位重新办理（重办）"
          description="重办后会再次答复您并请您评价。同一件诉求重办两次仍不满意的，由热线中心督办。"
        />
      ) : null}
      <label htmlFor="req-cb-comment" className="tb-req-field-label">
        {choice === 'unsatisfied' ? '哪里不满意？（建议填写，便于重新办理）' : '想说的话（选填）'}
      </label>
      <Input.TextArea id="req-cb-comment" rows={3} maxLength={2000} showCount value={comment} onChange={(e) => setComment(e.target.value)} />
      {problem ? <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} /> : null}
      <div className="tb-actions-row" style={{ marginTop: 12 }}>
        <Button type="primary" size="large" onClick={send} loading={busy} disabled={busy}>
          提交评价
        </Button>
      </div>
    </section>
  );
}

/** What the citizen is told after rating. */
export function afterRatingMessage(d: RequestDetail, s: Satisfaction): string {
  if (s !== 'unsatisfied') return '感谢您的评价，这件诉求已办结。';
  if (d.supervised) return '已收到您的评价。诉求已退回重新办理，并由热线中心督办，办理后会再次答复您。';
  return `已收到您的评价。诉求已退回承办单位重新办理（第 ${d.reopenCount} 次重办），办理后会再次答复您。`;
}
