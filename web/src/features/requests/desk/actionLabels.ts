// The button text of an action where the desk says it more precisely than the plain action label.
import { RequestActionLabel, type RequestAction, type RequestStatus } from '../../../../../domain/requests.ts';

export function actionLabel(action: RequestAction, status: RequestStatus): string {
  if (action === 'close' && (status === 'received' || status === 'returned')) return '直接办结';
  if (action === 'reopen' && status === 'replied') return '退回重办';
  if (action === 'approve_reply') return '审核通过';
  return RequestActionLabel[action];
}

/** The order of the buttons: the usual next step first. */
export const ACTION_ORDER: RequestAction[] = [
  'dispatch', 'sign', 'reply', 'approve_reply', 'callback', 'approve_extension', 'extend',
  'reassign', 'reopen', 'return', 'supervise', 'close', 'merge',
];
export const PRIMARY_ACTIONS = new Set<RequestAction>(['dispatch', 'sign', 'reply', 'approve_reply', 'callback', 'approve_extension']);
