// 诉求详情 at the desk: the request, who filed it (as this user may see it), the classification (hotline),
// the time left, the history, and the actions allowed now.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Card, Space, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth.tsx';
import type { RequestAction } from '../../../../../domain/requests.ts';
import { PageState, errorMessage } from '../../../components/index.ts';
import { RequestStatusTag, RequestTimeline, requestsApi, SupervisedTag, TypeTag, UrgentTag, useDepartments, useRequestMeta, type RequestDetail } from '../shared/index.ts';
import { DeskActionPanel } from './DeskActionPanel.tsx';
import { AttachmentsCard, ClassificationCard, DueCard, RequestCard } from './RequestInfo.tsx';
import { actionLabel } from './actionLabels.ts';
import type { LabelChoice } from './ClassificationView.tsx';

/** What the call entry page hands over: the labels the operator picked. */
export interface RequestPageState {
  prefill?: Partial<LabelChoice>;
}

export function RequestPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const prefill = (location.state as RequestPageState | null)?.prefill;
  const { message } = App.useApp();
  const { user } = useAuth();
  const { departments } = useDepartments();
  const { meta } = useRequestMeta();
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [conflict, setConflict] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setDetail(await requestsApi.get(id));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  const onDone = (next: RequestDetail, action: RequestAction) => {
    setConflict(null);
    const label = detail ? actionLabel(action, detail.status) : '操作';
    setDetail(next);
    void message.success(`已${label}`);
  };

  const onConflict = (msg: string) => {
    setConflict(msg);
    void load();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/desk/requests">诉求工作台</Link> }, { title: detail?.ticketNo ?? '诉求详情' }]} />
      <PageState loading={loading && !detail} error={!detail ? error : null} onRetry={load}>
        {detail && (
          <div className="tb-desk-stack">
            <div>
              <Typography.Title level={1} style={{ marginBottom: 6, fontSize: 26 }}>
                工单 {detail.ticketNo}
              </Typography.Title>
              <Space wrap>
                <RequestStatusTag status={detail.status} />
                <TypeTag type={detail.type} />
                <span>{detail.category}</span>
                {detail.urgent && <UrgentTag />}
                {detail.supervised && <SupervisedTag />}
              </Space>
            </div>
            {conflict && (
              <Alert
                type="warning"
                showIcon
                role="alert"
                closable={{ onClose: () => setConflict(null) }}
                title={conflict}
                description="诉求的状态已经变化（可能已被他人处理），已重新加载最新信息，请核对后再操作。"
              />
            )}
            {error != null && <Alert type="error" showIcon title="刷新失败" description={errorMessage(error)} />}
            {user?.departmentId && detail.departmentId !== user.departmentId && detail.coDepartmentIds?.includes(user.departmentId) && (
              <Alert type="info" showIcon title="本部门是这件诉求的协办单位" description="由主办部门签收、答复；请配合主办部门办理。" />
            )}
            {/* Phones: the request, then the actions, then the rest; wide screens: actions beside. */}
            <div className="tb-desk-detail">
              <div className="tb-desk-detail-main">
                <RequestCard d={detail} departments={departments} />
              </div>
              <div className="tb-desk-detail-side">
                <DeskActionPanel detail={detail} departments={departments} meta={meta} prefill={prefill} onDone={onDone} onConflict={onConflict} />
                <DueCard d={detail} urgentHours={meta?.timeLimits.urgentHours} />
              </div>
              <div className="tb-desk-detail-more">
                <ClassificationCard d={detail} departments={departments} />
                <AttachmentsCard d={detail} />
                <Card title={<h2 className="tb-card-h2">办理记录</h2>} size="small">
                  <RequestTimeline events={detail.events} departments={departments} />
                </Card>
              </div>
            </div>
          </div>
        )}
      </PageState>
    </Space>
  );
}
