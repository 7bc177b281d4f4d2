// The status of a 办件 as a coloured tag, with the label from domain/workflow.ts.
import { ApplicationStatusLabel, type ApplicationStatus } from '../../../domain/workflow.ts';
import { SoftTag, type Tone } from './SoftTag.tsx';

const STATUS_TONE: Record<ApplicationStatus, Tone> = {
  draft: 'grey',
  submitted: 'blue',
  correction_required: 'orange',
  accepted: 'cyan',
  suspended: 'purple',
  approved: 'green',
  denied: 'red',
  completed: 'green',
  rejected: 'red',
  withdrawn: 'grey',
};

export function StatusTag({ status }: { status: ApplicationStatus | string }) {
  const s = status as ApplicationStatus;
  return <SoftTag tone={STATUS_TONE[s] ?? 'grey'}>{ApplicationStatusLabel[s] ?? status}</SoftTag>;
}
