// 办理操作: one button per action the server allows this user now; the chosen action's form opens inline.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Space } from 'antd';
import type { RequestAction } from '../../../../../domain/requests.ts';
import type { DepartmentInfo } from '../../../lib/types.ts';
import type { RequestDetail, RequestMeta } from '../shared/index.ts';
import { ActionForm, lastComment } from './ActionForm.tsx';
import { DispatchForm } from './DispatchForm.tsx';
import { ACTION_ORDER, actionLabel, PRIMARY_ACTIONS } from './actionLabels.ts';
import type { ActionCallbacks } from './useActionSubmit.ts';
import type { LabelChoice } from './ClassificationView.tsx';

interface Props extends ActionCallbacks {
  detail: RequestDetail;
  departments: DepartmentInfo[] | undefined;
  meta: RequestMeta | undefined;
  prefill?: Partial<LabelChoice>;
}

/** The actions offered as buttons: approving an extension only when one was asked for, asking again only after the answer; a returned request is redispatched from the dispatch form. */
function offered(detail: RequestDetail): RequestAction[] {
  return ACTION_ORDER.filter(
    (a) =>
      detail.allowedActions.includes(a) &&
      !(a === 'approve_extension' && !detail.extensionRequested) &&
      !(a === 'extend' && detail.extensionRequested) &&
      !(a === 'reassign' && detail.status === 'returned') &&
      !(a === 'merge' && !detail.classification?.duplicates?.length),
  );
}

export function DeskActionPanel({ detail, departments, meta, prefill, onDone, onConflict }: Props) {
  const [open, setOpen] = useState<RequestAction | null>(null);
  const actions = offered(detail);
  // A new state of the request closes the form that was open for the old one.
  useEffect(() => setOpen(null), [detail.version]);
  const callbacks = {
    onDone: (next: RequestDetail, a: RequestAction) => {
      setOpen(null);
      onDone(next, a);
    },
    onConflict: (m: string) => {
      setOpen(null);
      onConflict(m);
    },
  };
  const returnReason = detail.status === 'returned' ? lastComment(detail, 'return') : undefined;

  return (
    <Card title={<h2 className="tb-card-h2">办理操作</h2>} size="small">
      {detail.status === 'returned' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="承办部门已退单" description={`退单理由：${returnReason ?? '（未填写）'}`} />
      )}
      {detail.extensionRequested && detail.allowedActions.includes('approve_extension') && open !== 'approve_extension' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`承办部门申请延期 ${detail.extensionRequested} 个工作日，待批准`} />
      )}
      {detail.extensionRequested && detail.allowedActions.includes('extend') && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已申请延期 ${detail.extensionRequested} 个工作日，等待热线中心批准`} />
      )}
      {actions.length === 0 ? (
        <p style={{ margin: 0, color: '#262626' }}>{detail.status === 'closed' ? '诉求已办结。' : '当前状态下您没有可执行的操作。'}</p>
      ) : (
        <Space wrap role="group" aria-label="可执行的操作">
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY_ACTIONS.has(a) && open !== a ? 'primary' : 'default'}
              aria-expanded={open === a}
              aria-controls={open === a ? 'desk-action-form' : undefined}
              onClick={() => setOpen(open === a ? null : a)}
            >
              {actionLabel(a, detail.status)}
            </Button>
          ))}
        </Space>
      )}
      {open && (
        <section id="desk-action-form" className="tb-desk-action-form" aria-label={actionLabel(open, detail.status)}>
          <h3>{actionLabel(open, detail.status)}</h3>
          {open === 'dispatch' ? (
            <DispatchForm detail={detail} departments={departments} meta={meta} prefill={prefill} onCancel={() => setOpen(null)} {...callbacks} />
          ) : (
            <ActionForm key={open} action={open} detail={detail} departments={departments} onCancel={() => setOpen(null)} {...callbacks} />
          )}
        </section>
      )}
    </Card>
  );
}
