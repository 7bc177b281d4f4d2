// 消息 (站内信): list, mark one / all as read, jump to the related case.
import { useState } from 'react';
import { Alert, Button, Radio } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useUnread } from '../../app/unread.tsx';
import { isStaff, useAuth } from '../../app/auth.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { api, ApiError, qs } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import type { Notification } from '../../lib/types.ts';
import '../applications/applications.css';
import { UrlPagination } from '../../components/UrlPagination.tsx';

const PAGE_SIZE = 10;

/** Notification links point at cases under /my/cases; staff open the same case in the workbench. */
function linkTarget(link: string | null, staff: boolean): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  if (staff && link.startsWith('/my/cases/')) return link.replace('/my/cases/', '/workbench/cases/');
  return link;
}

export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const onlyUnread = params.get('unread') === 'true';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const { data, loading, error, reload } = useApi<{ items: Notification[]; unread: number; total: number }>(
    `/api/notifications${qs({ page, pageSize: PAGE_SIZE, unread: onlyUnread ? 'true' : undefined })}`,
  );
  const { refreshUnread } = useUnread();
  const staff = isStaff(useAuth().user);
  const [err, setErr] = useState<string | null>(null);

  const act = async (url: string) => {
    setErr(null);
    try {
      await api.post(url);
      reload();
      refreshUnread();
    } catch (e) {
      setErr(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
    }
  };

  return (
    <div>
      <h1 className="tb-page-title">消息</h1>
      <div className="tb-actions-row" style={{ marginBottom: 12, justifyContent: 'space-between' }}>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="tb-sr-only">显示范围</legend>
          <Radio.Group
            optionType="button"
            value={onlyUnread ? 'unread' : 'all'}
            options={[
              { value: 'all', label: '全部消息' },
              { value: 'unread', label: `未读${data ? `（${data.unread}）` : ''}` },
            ]}
            onChange={(e) => setParams(e.target.value === 'unread' ? new URLSearchParams({ unread: 'true' }) : new URLSearchParams())}
          />
        </fieldset>
        <Button onClick={() => act('/api/notifications/read-all')} disabled={!data?.unread}>
          全部标为已读
        </Button>
      </div>
      {err ? <Alert type="error" showIcon title={err} role="alert" style={{ marginBottom: 12 }} /> : null}
      <PageState
        loading={loading && !data}
        error={error}
        onRetry={reload}
        empty={!data?.items.length}
        emptyText={onlyUnread ? '没有未读消息' : '暂无消息。办件有进展时，我们会在这里通知您。'}
        emptyAction={<LinkButton to="/my/cases">查看我的办件</LinkButton>}
      >
        <ul className="tb-notice-list">
          {data?.items.map((n) => {
            const target = linkTarget(n.link, staff);
            return (
              <li key={n.id} className={`tb-notice${n.readAt ? '' : ' is-unread'}`}>
                <div style={{ flex: 1, minWidth: 220 }}>
                  <h2>
                    {n.readAt ? null : <SoftTag tone="blue">未读</SoftTag>}
                    {n.title}
                  </h2>
                  <p>{n.body}</p>
                  <time className="tb-muted" dateTime={n.createdAt}>
                    {formatDateTime(n.createdAt)}
                  </time>
                </div>
                <div className="tb-notice-actions">
                  {target ? (
                    <LinkButton
                      type="primary"
                      to={target}
                      onClick={() => {
                        if (!n.readAt) void api.post(`/api/notifications/${n.id}/read`).then(refreshUnread).catch(() => {});
                      }}
                    >
                      {target.includes('/cases/') ? '查看办件' : '查看详情'}<span className="tb-sr-only">：{n.title}</span>
                    </LinkButton>
                  ) : null}
                  {n.readAt ? null : (
                    <Button onClick={() => act(`/api/notifications/${n.id}/read`)}>
                      标为已读<span className="tb-sr-only">：{n.title}</span>
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        {data ? <UrlPagination page={page} pageSize={PAGE_SIZE} total={data.total} /> : null}
      </PageState>
    </div>
  );
}
