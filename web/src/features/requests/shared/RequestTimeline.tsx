// The append-only history of a 12345 request: what was done, by whom, when, to which department, and why.
import { Timeline } from 'antd';
import { EventEntry } from '../../../components/EventEntry.tsx';
import { RequestActionLabel, RequestStatusLabel, type RequestAction, type RequestStatus } from '../../../../../domain/requests.ts';
import { RoleLabel, type Role } from '../../../../../domain/enums.ts';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { departmentName, type RequestEvent } from './api.ts';

const ACTION_COLOR: Partial<Record<RequestAction | 'receive', string>> = {
  receive: 'gray',
  return: 'orange',
  reopen: 'orange',
  supervise: 'red',
  reply: 'green',
  approve_reply: 'green',
  close: 'green',
};

/** What the comment of each action is, so the reader knows what they are reading. */
const COMMENT_LABEL: Partial<Record<RequestAction, string>> = {
  return: '退单理由',
  reassign: '改派理由',
  extend: '延期理由',
  reply: '答复内容',
  reopen: '重办意见',
  supervise: '督办要求',
  close: '办结说明',
  callback: '回访记录',
};

export function eventLabel(action: string): string {
  if (action === 'receive') return '受理';
  return RequestActionLabel[action as RequestAction] ?? action;
}

function actorText(e: RequestEvent): string {
  const role = e.actorRole ? (e.actorRole === 'citizen' ? '群众' : (RoleLabel[e.actorRole as Role] ?? e.actorRole)) : '';
  if (e.actorName && role && e.actorName !== role) return `${e.actorName}（${role}）`;
  return e.actorName || role || '系统';
}

export interface RequestTimelineProps {
  events: RequestEvent[];
  /** For department names on dispatch and reassign events. */
  departments?: DepartmentInfo[];
  newestFirst?: boolean;
}

export function RequestTimeline({ events, departments, newestFirst = false }: RequestTimelineProps) {
  if (!events || events.length === 0) return <p className="tb-muted">暂无办理记录</p>;
  const list = newestFirst ? [...events].reverse() : events;
  return (
    <Timeline
      className="tb-case-timeline"
      items={list.map((e, i) => {
        const action = e.action as RequestAction;
        const toDept = (action === 'dispatch' || action === 'reassign') && e.departmentId;
        return {
          key: `${e.at}-${i}`,
          color: ACTION_COLOR[action] ?? 'blue',
          content: (
            <EventEntry title={eventLabel(e.action)} at={e.at}>
              <div className="tb-event-actor">办理人：{actorText(e)}</div>
              {toDept ? <div className="tb-event-status">承办部门：{departmentName(departments, e.departmentId)}</div> : null}
              {e.toStatus && e.fromStatus !== e.toStatus ? (
                <div className="tb-event-status">状态：{RequestStatusLabel[e.toStatus as RequestStatus] ?? e.toStatus}</div>
              ) : null}
              {e.comment ? (
                <div className="tb-event-comment">
                  {COMMENT_LABEL[action] ?? '说明'}：{e.comment}
                </div>
              ) : null}
            </EventEntry>
          ),
        };
      })}
    />
  );
}
