// 办件详情 for the applicant: progress, time left, correction notice with resubmit, withdraw, materials (uploaded or
// taken from shared data, 免提交), the e-licence the case issued, timeline.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Input, Steps } from 'antd';
import { ApplicationStatusLabel, type ApplicationStatus } from '../../../../domain/workflow.ts';
import { CaseTimeline } from '../../components/CaseTimeline.tsx';
import { DeadlineBadge } from '../../components/DeadlineBadge.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatSize, formFieldLabel, limitText } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import type { ApplicationDetail } from '../../lib/types.ts';
import { MaterialUploader, type LocalFile } from './MaterialUploader.tsx';
import { CaseLicence } from '../sharing/CaseLicence.tsx';
import { SharedMaterialView } from '../sharing/SharedMaterialView.tsx';
import type { SharingOnCase } from '../sharing/types.ts';
import './applications.css';


function progressStep(status: ApplicationStatus): { current: number; error: boolean } {
  switch (status) {
    case 'draft':
      return { current: 0, error: false };
    case 'submitted':
    case 'correction_required':
      return { current: 1, error: false };
    case 'rejected':
      return { current: 1, error: true };
    case 'accepted':
    case 'suspended':
      return { current: 2, error: false };
    case 'approved':
      return { current: 3, error: false };
    case 'denied':
      return { current: 3, error: true };
    case 'completed':
      return { current: 4, error: false };
    case 'withdrawn':
      return { current: 1, error: true };
    default:
      return { current: 0, error: false };
  }
}

function CaseProgress({ c }: { c: ApplicationDetail }) {
  const { current, error } = progressStep(c.status);
  const items = [
    { title: '提交申请', content: c.submittedAt ? formatDate(c.submittedAt) : '未提交' },
    { title: c.status === 'rejected' ? '不予受理' : c.status === 'correction_required' ? '待补正' : c.status === 'withdrawn' ? '已撤回' : '受理', content: c.acceptedAt ? formatDate(c.acceptedAt) : '' },
    { title: c.status === 'suspended' ? '特别程序中' : '审查', content: '' },
    { title: c.status === 'denied' ? '不予许可' : '作出决定', content: '' },
    { title: '办结', content: '' },
  ];
  return <Steps current={current} status={error ? 'error' : c.status === 'completed' ? 'finish' : 'process'} items={items} responsive size="small" aria-label="办理进度" />;
}

function ResubmitForm({ c, onDone }: { c: ApplicationDetail; onDone: (d: ApplicationDetail) => void }) {
  const missing = c.correction?.missingMaterials ?? [];
  const [files, setFiles] = useState<Record<string, LocalFile[]>>({});
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const done = (n: string) => (files[n] ?? []).some((f) => f.status === 'done');
  const uploading = Object.values(files).some((l) => l.some((f) => f.status === 'uploading'));
  const allDone = missing.every(done);
  const submit = async () => {
    setErr(null);
    if (uploading) return setErr('还有文件正在上传，请稍候');
    setBusy(true);
    try {
      const materials = Object.entries(files).flatMap(([name, l]) => l.filter((f) => f.status === 'done' && f.fileId).map((f) => ({ name, fileId: f.fileId! })));
      const d = await api.post<ApplicationDetail>(`/api/applications/${c.id}/actions`, { action: 'resubmit', materials, version: c.version });
      onDone(d);
    } catch (e) {
      setErr(e instanceof ApiError ? e.message : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <h3 className="tb-section-title" style={{ fontSize: 17 }}>
        上传补正材料
      </h3>
      <ul className="tb-material-list">
        {missing.map((n) => (
          <li key={n} className="tb-material">
            <div className="tb-material-head">
              <span className="tb-material-name">{n}</span>
              {done(n) ? <SoftTag tone="green">已上传</SoftTag> : <SoftTag tone="orange">待上传</SoftTag>}
            </div>
            <MaterialUploader materialName={n} files={files[n] ?? []} onChange={(u) => setFiles((p) => ({ ...p, [n]: u(p[n] ?? []) }))} />
          </li>
        ))}
      </ul>
      {err ? <Alert type="error" showIcon title={err} role="alert" style={{ marginTop: 12 }} /> : null}
      <div className="tb-actions-row" style={{ marginTop: 12 }}>
        <Button type="primary" size="large" onClick={submit} loading={busy} disabled={busy}>
          提交补正材料
        </Button>
        {!allDone ? <span className="tb-muted">请上传全部需补正的材料后提交</span> : null}
      </div>
    </div>
  );
}

function WithdrawBox({ c, onDone }: { c: ApplicationDetail; onDone: (d: ApplicationDetail) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  if (!confirming) {
    return (
      <Button danger onClick={() => setConfirming(true)}>
        撤回申请
      </Button>
    );
  }
  return (
    <div className="tb-inline-confirm" role="group" aria-labelledby="wd-title">
      <p id="wd-title" style={{ margin: '0 0 8px', fontWeight: 700 }}>
        确定要撤回这件申请吗？撤回后办理终止，如需办理要重新申请。
      </p>
      <label htmlFor="wd-reason">撤回原因（选填）</label>
      <Input.TextArea id="wd-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} style={{ margin: '4px 0 8px' }} />
      {err ? <Alert type="error" showIcon title={err} role="alert" style={{ marginBottom: 8 }} /> : null}
      <div className="tb-actions-row">
        <Button
          danger
          type="primary"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setErr(null);
            try {
              const d = await api.post<ApplicationDetail>(`/api/applications/${c.id}/actions`, { action: 'withdraw', comment: reason.trim() || undefined, version: c.version });
              onDone(d);
            } catch (e) {
              setErr(e instanceof ApiError ? e.message : '撤回失败，请稍后重试');
            } finally {
              setBusy(false);
            }
          }}
        >
          确认撤回
        </Button>
        <Button onClick={() => setConfirming(false)} disabled={busy}>
          取消
        </Button>
      </div>
    </div>
  );
}

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { data: c, loading, error, reload, setData } = useApi<ApplicationDetail & SharingOnCase>(`/api/applications/${encodeURIComponent(id)}`);
  const [flash, setFlash] = useState<string | null>(null);
  const notFound = error instanceof ApiError && error.status === 404;
  const updated = (msg: string) => (d: ApplicationDetail) => {
    setData(d);
    setFlash(msg);
    window.scrollTo(0, 0);
  };

  return (
    <div>
      <Breadcrumb className="tb-breadcrumb" items={[{ title: <Link to="/">首页</Link> }, { title: <Link to="/my/cases">我的办件</Link> }, { title: c?.caseNo ?? '办件详情' }]} />
      {notFound ? (
        <PageState empty emptyText="办件不存在，或您无权查看" emptyAction={<LinkButton type="primary" to="/my/cases">返回我的办件</LinkButton>} />
      ) : (
        <PageState loading={loading && !c} error={error} onRetry={reload} skeletonRows={10}>
          {c ? (
            <>
              {flash ? <Alert type="success" showIcon title={flash} role="status" closable={{ onClose: () => setFlash(null) }} style={{ marginBottom: 12 }} /> : null}
              <section className="tb-card">
                <div className="tb-case-head">
                  <div>
                    <h1 className="tb-page-title" style={{ marginBottom: 6 }}>
                      {c.itemName}
                    </h1>
                    <div className="tb-case-meta">
                      <span>办件编号：{c.caseNo}</span>
                      <span>受理部门：{c.departmentName}</span>
                    </div>
                  </div>
                  <div className="tb-actions-row">
                    <StatusTag status={c.status} />
                  </div>
                </div>
                <div style={{ marginTop: 16 }}>
                  <CaseProgress c={c} />
                </div>
                <dl className="tb-dl" style={{ marginTop: 16 }}>
                  <dt>当前状态</dt>
                  <dd>{ApplicationStatusLabel[c.status] ?? c.status}</dd>
                  <dt>剩余时间</dt>
                  <dd>
                    <DeadlineBadge status={c.status} daysLeft={c.daysLeft} deadlineLevel={c.deadlineLevel} dueDate={c.dueDate} dueDateProvisional={c.dueDateProvisional} />
                  </dd>
                  <dt>承诺时限</dt>
                  <dd>{limitText(c.limitDays)}</dd>
                  <dt>预计办结日期</dt>
                  <dd>
                    {c.dueDate ? formatDate(c.dueDate) : '受理后确定'}
                    {c.dueDateProvisional ? <SoftTag tone="orange" style={{ marginLeft: 8 }}>暂定</SoftTag> : null}
                  </dd>
                  <dt>提交时间</dt>
                  <dd>{formatDateTime(c.submittedAt)}</dd>
                  <dt>受理时间</dt>
                  <dd>{formatDateTime(c.acceptedAt)}</dd>
                </dl>
                {c.status === 'draft' ? (
                  <div className="tb-actions-row" style={{ marginTop: 16 }}>
                    <LinkButton type="primary" to={`/apply/${encodeURIComponent(c.itemCode)}?draft=${c.id}`}>
                      继续填写并提交
                    </LinkButton>
                  </div>
                ) : null}
                {c.allowedActions.includes('withdraw') ? (
                  <div style={{ marginTop: 16 }}>
                    <WithdrawBox c={c} onDone={updated('申请已撤回')} />
                  </div>
                ) : null}
              </section>

              {c.licence ? (
                <section className="tb-card" aria-labelledby="cd-licence">
                  <h2 id="cd-licence" className="tb-section-title">
                    办理结果：电子证照
                  </h2>
                  <CaseLicence licence={c.licence} audience="holder" />
                </section>
              ) : null}

              {c.status === 'correction_required' && c.correction ? (
                <section className="tb-card tb-correction" aria-labelledby="cd-corr">
                  <h2 id="cd-corr" className="tb-section-title">
                    补正告知（一次性告知）
                  </h2>
                  <p>受理部门于 {formatDateTime(c.correction.requestedAt)} 一次性告知，需要您补正以下材料。补正期间暂停计时，提交后继续办理。</p>
                  <ol>
                    {c.correction.missingMaterials.map((m) => (
                      <li key={m}>
                        <strong>{m}</strong>
                      </li>
                    ))}
                  </ol>
                  {c.correction.comment ? <p>说明：{c.correction.comment}</p> : null}
                  {c.allowedActions.includes('resubmit') ? <ResubmitForm c={c} onDone={updated('补正材料已提交，等待受理部门审查')} /> : null}
                </section>
              ) : null}

              <section className="tb-card" aria-labelledby="cd-mat">
                <h2 id="cd-mat" className="tb-section-title">
                  申请材料
                </h2>
                {c.checklist.length ? (
                  <ul className="tb-material-list">
                    {c.checklist.map((m) => {
                      const mine = c.materials.filter((x) => x.name === m.name);
                      const shared = c.sharedMaterials?.find((x) => x.name === m.name);
                      return (
                        <li key={m.name} className="tb-material">
                          <div className="tb-material-head">
                            <span className="tb-material-name">{m.name}</span>
                            {shared ? (
                              <SoftTag tone="green">已使用政府数据</SoftTag>
                            ) : m.provided || mine.length ? (
                              <SoftTag tone="green">已提交</SoftTag>
                            ) : m.required ? (
                              <SoftTag tone="orange">未提交</SoftTag>
                            ) : (
                              <SoftTag tone="grey">按情形，未提交</SoftTag>
                            )}
                          </div>
                          {mine.length ? (
                            <ul className="tb-file-list">
                              {mine.map((f) => (
                                <li key={f.fileId} className="tb-file">
                                  <a href={`/api/files/${f.fileId}`} target="_blank" rel="noreferrer">
                                    {f.fileName ?? f.name}
                                    <span className="tb-sr-only">（在新窗口打开）</span>
                                  </a>
                                  <span className="tb-file-size">{formatSize(f.size)}</span>
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {shared ? <SharedMaterialView m={shared} /> : null}
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p>无</p>
                )}
                {c.sharedMaterials?.length ? (
                  <p className="tb-muted" style={{ margin: '12px 0 0' }}>
                    标“免提交”的材料是经您同意从政府已有数据中调取的副本。谁在什么时候查看了它们，见<Link to="/my/data-use">我的数据使用记录</Link>。
                  </p>
                ) : null}
                {Object.keys(c.formData ?? {}).length ? (
                  <>
                    <h3 className="tb-section-title" style={{ fontSize: 17, marginTop: 16 }}>
                      填报信息
                    </h3>
                    <dl className="tb-dl">
                      {Object.entries(c.formData).map(([k, v]) => (
                        <div key={k} style={{ display: 'contents' }}>
                          <dt>{formFieldLabel(k)}</dt>
                          <dd>{String(v ?? '')}</dd>
                        </div>
                      ))}
                    </dl>
                  </>
                ) : null}
              </section>

              <section className="tb-card" aria-labelledby="cd-tl">
                <h2 id="cd-tl" className="tb-section-title">
                  办理记录
                </h2>
                <CaseTimeline events={c.events} />
              </section>
            </>
          ) : null}
        </PageState>
      )}
    </div>
  );
}
