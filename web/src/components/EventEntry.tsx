// One entry of a history timeline (办件, 12345 诉求, 证照): what happened and when, then the details.
import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/format.ts';

export function EventEntry({ title, at, children }: { title: ReactNode; at: string; children?: ReactNode }) {
  return (
    <div className="tb-event">
      <div className="tb-event-head">
        <strong>{title}</strong>
        <time dateTime={at} className="tb-event-time">
          {formatDateTime(at)}
        </time>
      </div>
      {children}
    </div>
  );
}
