// The request's history as the citizen sees it: what happened when, and which department had it. Internal
// notes between the hotline and departments (退单理由, 督办要求, 改派说明) are left out; the department's
// answer shows only once the hotline has approved it and sent it.
import { Timeline } from 'antd';
import { EventEntry } from '../../../components/EventEntry.tsx';
import { RequestActionLabel, type RequestAction } from '../../../../../domain/requests.ts';
import type { RequestEvent } from '../shared/index.ts';

/** How each step reads to the citizen. */
const CITIZEN_ACTION: Partial<Record<RequestAction | 'receive', string>> = {
  receive: '12345 热线受理',
  dispatch: '派单到承办单位',
  sign: '承办单位签收，开始办理',
  return: '承办单位申请退回，热线重新派单',
  reassign: '改派承办单位',
  extend: '承办单位申请延期',
  approve_extension: '热线同意延期',
  reply: '承办单位答复，热线审核中',
  approve_reply: '答复已发送给您',
  callback: '回访评价',
  reopen: '重新办理',
  supervise: '热线督办',
  close: '办结',
};
/** Actions whose comment the citizen may read. */
const PUBLIC_COMMENT = new Set<string>(['extend', 'close', 'callback', 'reopen']);
const COLOR: Partial<Record<string, string>> = { close: 'green', approve_reply: 'green', supervise: 'red', reopen: 'orange', return: 'orange' };

export function RequestHistory({ events, departmentName }: { events: RequestEvent[]; departmentName: (id: string | null) => string }) {
  if (!events.length) return <p className="tb-muted">暂无办理记录</p>;
  return (
    <Timeline
      className="tb-case-timeline"
      items={events.map((e, i) => {
        const dept = e.action === 'receive' ? '' : departmentName(e.departmentId);
        const label =
          e.action === 'callback' && e.toStatus === 'processing'
            ? '回访不满意，退回重新办理'
            : e.action === 'callback' && e.toStatus === 'closed'
              ? '回访评价，办结'
              : (CITIZEN_ACTION[e.action as RequestAction] ?? RequestActionLabel[e.action as RequestAction] ?? e.action);
        return {
          key: `${e.at}-${i}`,
          color: COLOR[e.action] ?? 'blue',
          content: (
            <EventEntry title={label} at={e.at}>
              {dept && e.action !== 'callback' ? <div className="tb-event-actor">承办单位：{dept}</div> : null}
              {e.comment && PUBLIC_COMMENT.has(e.action) ? <div className="tb-event-comment">说明：{e.comment}</div> : null}
            </EventEntry>
          ),
        };
      })}
    />
  );
}
