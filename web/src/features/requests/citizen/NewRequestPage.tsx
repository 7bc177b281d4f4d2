// /requests/new — 我要反映 (12345): open to everyone; enterprise accounts file 企业诉求. The text can come
// from the assistant's hand-over (router state `text`) or a link (?text=).
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { Alert, Breadcrumb } from 'antd';
import { useAuth, hasRole } from '../../../app/auth.tsx';
import { PageState } from '../../../components/PageState.tsx';
import { useApi } from '../../../lib/useApi.ts';
import { IntakeReceipt } from './IntakeReceipt.tsx';
import { RequestForm, type Submitted } from './RequestForm.tsx';
import { TimeLimitNote } from './TimeLimitNote.tsx';
import { departmentName, useDepartments, type RequestMeta } from '../shared/index.ts';
import './citizen.css';

function handedOverText(state: unknown, params: URLSearchParams): string {
  const fromState = state && typeof state === 'object' && 'text' in state ? String((state as { text: unknown }).text ?? '') : '';
  return (fromState || params.get('text') || '').slice(0, 4000);
}

export default function NewRequestPage() {
  const { user, loading: authLoading } = useAuth();
  const location = useLocation();
  const [params] = useSearchParams();
  // A new hand-over (the assistant again, with another question) starts a fresh form.
  const initialText = useMemo(() => handedOverText(location.state, params), [location.key]);
  const meta = useApi<RequestMeta>('/api/requests/meta');
  const { departments } = useDepartments();
  // Kept with the navigation it belongs to: coming back to 我要反映 shows an empty form again.
  const [submitted, setSubmitted] = useState<{ key: string; s: Submitted } | null>(null);
  const enterprise = hasRole(user, 'enterprise');
  const title = enterprise ? '企业诉求' : '我要反映';

  if (submitted?.key === location.key) return <IntakeReceipt submitted={submitted.s} loggedIn={!!user} />;
  return (
    <div>
      <Breadcrumb className="tb-breadcrumb" items={[{ title: <Link to="/">首页</Link> }, { title: `12345 ${title}` }]} />
      <h1 className="tb-page-title">12345 {title}</h1>
      <p className="tb-req-lead">
        {enterprise
          ? '企业在生产经营中遇到的困难和问题，一口受理、专人跟进、闭环办理。'
          : '生活中遇到的问题、对政府工作的意见和建议，都可以在这里反映。热线受理后转给负责的部门办理，并按时答复您。'}
        {user ? null : (
          <>
            {' '}
            <Link to="/login?next=%2Frequests%2Fnew">登录</Link>后提交可以在网上查看进度、上传照片。
          </>
        )}
      </p>
      <Alert
        className="tb-req-emergency"
        type="warning"
        showIcon
        title="遇到火灾、燃气泄漏、有人受伤或人身危险，请立即拨打 119、110 或 120。"
      />
      <PageState loading={meta.loading || authLoading} error={meta.error} onRetry={meta.reload} skeletonRows={10}>
        {meta.data ? (
          <div className="tb-req-layout">
            <div className="tb-req-main">
              <RequestForm key={location.key} meta={meta.data} user={user} initialText={initialText} streetName={(id) => (departments ? departmentName(departments, id) : '')} onDone={(s) => {
                setSubmitted({ key: location.key, s });
                window.scrollTo(0, 0);
              }} />
            </div>
            <TimeLimitNote limits={meta.data.timeLimits} />
          </div>
        ) : null}
      </PageState>
    </div>
  );
}
