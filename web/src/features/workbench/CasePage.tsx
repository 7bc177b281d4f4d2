// 办件详情 for staff: everything needed to decide, the time left, and only the allowed actions.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApplicationActionLabel, type ApplicationAction } from '../../../../domain/workflow.ts';
import { api } from '../../lib/api.ts';
import { CaseTimeline, PageState, StatusTag } from '../../components/index.ts';
import type { CaseDetail } from './types.ts';
import { fmtDateTime } from './format.ts';
import { DeadlinePanel } from './DeadlinePanel.tsx';
import { ActionPanel } from './ActionPanel.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import { ApplicantCard, ChecklistCard, FormDataCard, LicenceCard, MaterialsCard } from './CaseInfo.tsx';

export function CasePage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [action, setAction] = useState<ApplicationAction | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setDetail(await api.get<CaseDetail>(`/api/applications/${encodeURIComponent(id)}`));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const done = (next: CaseDetail) => {
    const label = action ? ApplicationActionLabel[action] : '操作';
    setAction(null);
    setConflict(null);
    setDetail(next);
    void message.success(`已${label}`);
  };

  const onConflict = (msg: string) => {
    setAction(null);
    setConflict(msg);
    void load();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/workbench">办件工作台</Link> }, { title: detail?.caseNo ?? '办件详情' }]} />
      <PageState loading={loading && !detail} error={!detail ? error : null} onRetry={load}>
        {detail && (
          <>
            <div>
              <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 26 }}>
                {detail.itemName}
              </Typography.Title>
              <Space wrap>
                <span>办件编号：{detail.caseNo}</span>
                <StatusTag status={detail.status} />
              </Space>
            </div>
            {conflict && (
              <Alert type="warning" showIcon closable={{ onClose: () => setConflict(null) }} title={conflict} description="已重新加载最新办件信息，请核对后再操作。" role="alert" />
            )}
            {error != null && <Alert type="error" showIcon title="刷新失败" description={String((error as Error).message ?? error)} />}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={16}>
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <Card title="事项信息" size="small">
                    <Descriptions
                      column={{ xs: 1, sm: 2 }}
                      size="small"
                      items={[
                        { key: 'item', label: '事项', children: `${detail.itemName}（${detail.itemCode}）` },
                        { key: 'ver', label: '适用事项版本', children: `第 ${detail.itemVersion} 版` },
                        { key: 'dept', label: '承办部门', children: detail.departmentName },
                        { key: 'sub', label: '提交时间', children: fmtDateTime(detail.submittedAt) },
                      ]}
                    />
                  </Card>
                  <ApplicantCard c={detail} />
                  <FormDataCard c={detail} />
                  <MaterialsCard c={detail} />
                  <ChecklistCard c={detail} />
                </Space>
              </Col>
              <Col xs={24} lg={8}>
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <ActionPanel allowed={detail.allowedActions} onPick={setAction} disabled={loading} />
                  <LicenceCard c={detail} />
                  <DeadlinePanel c={detail} />
                  <Card title="办理记录" size="small">
                    <CaseTimeline events={detail.events} />
                  </Card>
                </Space>
              </Col>
            </Row>
            <ActionDialog action={action} detail={detail} onClose={() => setAction(null)} onDone={done} onConflict={onConflict} />
          </>
        )}
      </PageState>
    </Space>
  );
}
