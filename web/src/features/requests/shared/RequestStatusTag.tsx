// The status of a 12345 request as a coloured tag, with the label from domain/requests.ts.
import { RequestStatusLabel, type RequestStatus } from '../../../../../domain/requests.ts';
import { SoftTag, type Tone } from '../../../components/SoftTag.tsx';

const STATUS_TONE: Record<RequestStatus, Tone> = {
  received: 'blue',
  dispatched: 'cyan',
  returned: 'orange',
  processing: 'purple',
  replied: 'blue',
  answered: 'cyan',
  closed: 'green',
};

/** `label` overrides the wording (the citizen pages say 重新派单中 rather than 已退单待处理). */
export function RequestStatusTag({ status, label }: { status: RequestStatus | string; label?: string }) {
  const s = status as RequestStatus;
  return <SoftTag tone={STATUS_TONE[s] ?? 'grey'}>{label ?? RequestStatusLabel[s] ?? status}</SoftTag>;
}
