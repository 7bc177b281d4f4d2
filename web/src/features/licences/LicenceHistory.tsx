// A licence's status history (签发, 变更状态, 换发) as a timeline, for the holder's and the issuing department's pages.
import { Timeline } from 'antd';
import { EventEntry } from '../../components/EventEntry.tsx';
import { statusLabel, type LicenceEvent } from './types.ts';

/** The actions the licence library records (server/modules/licences: issueIn, changeStatus). */
const ACTION_LABEL: Record<string, string> = { issue: '签发', status: '变更状态', replace: '换发' };

export function LicenceHistory({ events }: { events: LicenceEvent[] }) {
  if (!events.length) return <p className="tb-muted">暂无记录</p>;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: e.toStatus === '01' ? 'green' : e.toStatus === '03' || e.toStatus === '07' ? 'red' : 'blue',
        content: (
          <EventEntry title={ACTION_LABEL[e.action] ?? e.action} at={e.at}>
            {e.actor ? <div className="tb-event-actor">办理人：{e.actor}</div> : null}
            {e.toStatus ? (
              <div className="tb-event-status">
                状态：{e.fromStatus && e.fromStatus !== e.toStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
                {statusLabel(e.toStatus)}
              </div>
            ) : null}
            {e.reason ? <div className="tb-event-comment">原因：{e.reason}</div> : null}
          </EventEntry>
        ),
      }))}
    />
  );
}
