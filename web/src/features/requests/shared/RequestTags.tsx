// Small tags of a request: its type (咨询, 投诉…), urgent (紧急) and supervised (督办).
import { AlertOutlined, FlagOutlined } from '@ant-design/icons';
import type { RequestType } from '../../../../../domain/requests.ts';
import { SoftTag, type Tone } from '../../../components/SoftTag.tsx';

const TYPE_TONE: Record<RequestType, Tone> = { 咨询: 'blue', 求助: 'cyan', 投诉: 'orange', 举报: 'red', 建议: 'purple', 表扬: 'green' };

export function TypeTag({ type }: { type: RequestType | string }) {
  return <SoftTag tone={TYPE_TONE[type as RequestType] ?? 'grey'}>{type}</SoftTag>;
}

export function UrgentTag() {
  return (
    <SoftTag tone="red" icon={<AlertOutlined aria-hidden />}>
      紧急
    </SoftTag>
  );
}

export function SupervisedTag() {
  return (
    <SoftTag tone="purple" icon={<FlagOutlined aria-hidden />}>
      督办
    </SoftTag>
  );
}
