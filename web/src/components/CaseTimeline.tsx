// The append-only event history of a 办件 as a timeline: who did what, when, and why.
import { Timeline } from 'antd';
import { EventEntry } from './EventEntry.tsx';
import { ApplicationActionLabel, ApplicationStatusLabel, type ApplicationAction, type ApplicationStatus } from '../../../domain/workflow.ts';
import { RoleLabel, type Role } from '../../../domain/enums.ts';
import type { CaseEvent } from '../lib/types.ts';

const ACTION_COLOR: Partial<Record<ApplicationAction, string>> = {
  reject: 'red',
  deny: 'red',
  withdraw: 'gray',
  request_correction: 'orange',
  suspend: 'purple',
  approve: 'green',
  complete: 'green',
};

function actorText(e: CaseEvent): string {
  const role = e.actorRole === 'applicant' ? '申请人' : e.actorRole ? (RoleLabel[e.actorRole as Role] ?? e.actorRole) : '';
  if (e.actor && role) return `${e.actor}（${role}）`;
  return e.actor || role || '系统';
}

export interface CaseTimelineProps {
  events: CaseEvent[];
  /** Newest first (default false: oldest first, like a story). */
  newestFirst?: boolean;
}

export function CaseTimeline({ events, newestFirst = false }: CaseTimelineProps) {
  if (!events || events.length === 0) return <p className="tb-muted">暂无办理记录</p>;
  const list = newestFirst ? [...events].reverse() : events;
  return (
    <Timeline
      className="tb-case-timeline"
      items={list.map((e, i) => {
        const action = e.action as ApplicationAction;
        const label = ApplicationActionLabel[action] ?? e.action;
        return {
          key: `${e.at}-${i}`,
          color: ACTION_COLOR[action] ?? 'blue',
          content: (
            <EventEntry title={label} at={e.at}>
              <div className="tb-event-actor">办理人：{actorText(e)}</div>
              {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? (
                <div className="tb-event-status">
                  状态：{ApplicationStatusLabel[e.fromStatus as ApplicationStatus] ?? e.fromStatus} → {ApplicationStatusLabel[e.toStatus as ApplicationStatus] ?? e.toStatus}
                </div>
              ) : e.toStatus ? (
                <div className="tb-event-status">状态：{ApplicationStatusLabel[e.toStatus as ApplicationStatus] ?? e.toStatus}</div>
              ) : null}
              {e.comment ? <div className="tb-event-comment">意见：{e.comment}</div> : null}
              {e.missingMaterials && e.missingMaterials.length > 0 ? (
                <div className="tb-event-missing">
                  需补正材料：
                  <ul>
                    {e.missingMaterials.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </EventEntry>
          ),
        };
      })}
    />
  );
}
