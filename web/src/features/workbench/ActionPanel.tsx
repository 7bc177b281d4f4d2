// Shows only the actions the server says this user may take now.
import { Button, Card, Space } from 'antd';
import { ApplicationActionLabel, type ApplicationAction } from '../../../../domain/workflow.ts';

const ORDER: ApplicationAction[] = ['accept', 'request_correction', 'reject', 'suspend', 'resume', 'approve', 'deny', 'complete'];
const DANGER = new Set<ApplicationAction>(['reject', 'deny']);
const PRIMARY = new Set<ApplicationAction>(['accept', 'approve', 'complete', 'resume']);

interface Props {
  allowed: ApplicationAction[];
  onPick: (a: ApplicationAction) => void;
  disabled?: boolean;
}

export function ActionPanel({ allowed, onPick, disabled }: Props) {
  const actions = ORDER.filter((a) => allowed.includes(a));
  return (
    <Card title="办理操作" size="small">
      {actions.length === 0 ? (
        <p style={{ margin: 0, color: '#262626' }}>当前状态下您没有可执行的操作。</p>
      ) : (
        <Space wrap>
          {actions.map((a) => (
            <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => onPick(a)} disabled={disabled}>
              {ApplicationActionLabel[a]}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}
