// The citizen's view of where a 12345 request stands: a status tag, and the six-step progress bar
// 受理 → 派单 → 办理 → 答复 → 回访 → 办结.
import { Steps } from 'antd';
import { RequestStatusLabel, type RequestStatus } from '../../../../../domain/requests.ts';
import { RequestStatusTag } from '../shared/index.ts';

/** Citizens see 退单 as "重新派单中": the return is between the department and the hotline. */
const CITIZEN_LABEL: Partial<Record<RequestStatus, string>> = { returned: '重新派单中', replied: '答复审核中', answered: '已答复，请评价' };

export function requestStatusText(status: RequestStatus): string {
  return CITIZEN_LABEL[status] ?? RequestStatusLabel[status] ?? status;
}

/** Still waiting for the department's answer: the time limit runs (answered and closed ones are done). */
export function waitsForAnswer(status: RequestStatus): boolean {
  return status !== 'answered' && status !== 'closed';
}

export function CitizenStatusTag({ status }: { status: RequestStatus }) {
  return <RequestStatusTag status={status} label={requestStatusText(status)} />;
}

export const NEXT_STEPS = [
  { title: '受理', content: '12345 热线登记您的诉求，发送受理短信' },
  { title: '派单', content: '热线把诉求转给负责的部门或街道' },
  { title: '办理', content: '承办单位签收并调查处理' },
  { title: '答复', content: '承办单位答复，热线审核后告诉您' },
  { title: '回访', content: '请您评价是否满意；不满意的会重新办理' },
] as const;

/** Index of the step in progress for each status (办结 is the sixth step, index 5). */
const STEP_OF: Record<RequestStatus, number> = { received: 1, returned: 1, dispatched: 2, processing: 2, replied: 3, answered: 4, closed: 5 };

export function RequestSteps({ status }: { status: RequestStatus }) {
  const current = STEP_OF[status] ?? 0;
  const hint: Partial<Record<RequestStatus, string>> = {
    received: '等待派单',
    returned: '重新派单中',
    dispatched: '等待签收',
    processing: '正在办理',
    replied: '答复审核中',
    answered: '等待您评价',
  };
  const items = [...NEXT_STEPS.map((s) => ({ title: s.title })), { title: '办结' }].map((s, i) => ({
    title: s.title,
    content: i === current && status !== 'closed' ? hint[status] : undefined,
  }));
  return <Steps current={current} status={status === 'closed' ? 'finish' : 'process'} items={items} responsive size="small" aria-label="办理进度" />;
}
