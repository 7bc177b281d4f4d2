// Sends one action on a request. 409 (the request moved on, or someone else acted first) goes to onConflict
// so the page reloads and says so; 400 field errors are put on the form's fields.
import { useState } from 'react';
import type { FormInstance } from 'antd';
import type { RequestAction, ReplyResult, RequestType, Satisfaction } from '../../../../../domain/requests.ts';
import { api, ApiError } from '../../../lib/api.ts';
import type { RequestDetail } from '../shared/index.ts';

export interface ActionBody {
  action: RequestAction;
  departmentId?: string;
  coDepartmentIds?: string[];
  comment?: string;
  result?: ReplyResult;
  satisfaction?: Satisfaction;
  days?: number;
  type?: RequestType;
  category?: string;
  /** For `merge`: the request this one repeats. */
  duplicateOf?: string;
}

export interface ActionCallbacks {
  onDone: (next: RequestDetail, action: RequestAction) => void;
  onConflict: (message: string) => void;
}

export function useActionSubmit(detail: RequestDetail, form: FormInstance, { onDone, onConflict }: ActionCallbacks) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (body: ActionBody) => {
    setSending(true);
    setError(null);
    try {
      const next = await api.post<RequestDetail>(`/api/requests/${encodeURIComponent(detail.id)}/actions`, { ...body, comment: body.comment?.trim() || undefined });
      onDone(next, body.action);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        onConflict(e.message);
      } else if (e instanceof ApiError && e.status === 400) {
        // The body's keys are the form's field names.
        const known = new Set(Object.keys(body).filter((k) => k !== 'action'));
        const onFields = e.fields.filter((f) => known.has(f.field.split('.')[0]!));
        form.setFields(onFields.map((f) => ({ name: f.field.split('.')[0]!, errors: [f.message] })));
        setError(onFields.length === e.fields.length && onFields.length ? null : e.fields.map((f) => f.message).join('；') || e.message);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSending(false);
    }
  };

  return { send, sending, error };
}
