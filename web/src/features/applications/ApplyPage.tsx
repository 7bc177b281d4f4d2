// 在线申请: applicant data from the account (read-only), a few form fields, the material checklist with uploads,
// 保存草稿 and 提交申请 (one Idempotency-Key per form, so a double click never makes two cases). A material with a
// sharedSource can instead be taken from data the government already holds (免提交), with a purpose and consent.
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Form, Input, Progress, Result } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { MaterialFormLabel, SharedSourceLabel } from '../../../../domain/enums.ts';
import { useAuth } from '../../app/auth.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate, limitText, uuid } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import type { ApplicationDetail, ChecklistEntry, Item, ItemMaterial } from '../../lib/types.ts';
import { MaterialUploader, type LocalFile } from './MaterialUploader.tsx';
import { SharedChosen, UseSharedButton } from '../sharing/SharedMaterialSlot.tsx';
import { toSharedPayload, type SharedChoice, type SharingOnCase } from '../sharing/types.ts';
import './applications.css';

interface CreateResult {
  id: string;
  caseNo: string;
  status: string;
  dueDate: string | null;
  dueDateProvisional: boolean;
  checklist: ChecklistEntry[];
}

function Receipt({ result, item }: { result: CreateResult; item: Item }) {
  return (
    <div className="tb-card tb-receipt">
      <Result
        status="success"
        title={<h1 className="tb-result-title">申请已提交</h1>}
        subTitle="您的申请已送达受理部门。受理部门将在受理后按承诺时限办理，办理进展会通过站内消息通知您。"
        extra={
          <div className="tb-actions-row tb-center">
            <LinkButton type="primary" size="large" to={`/my/cases/${result.id}`}>
              查看办件进度
            </LinkButton>
            <LinkButton size="large" to="/">
              返回首页
            </LinkButton>
          </div>
        }
      >
        <dl className="tb-dl">
          <dt>办件编号</dt>
          <dd>
            <strong data-testid="case-no">{result.caseNo}</strong>
          </dd>
          <dt>办理事项</dt>
          <dd>{item.name}</dd>
          <dt>承诺时限</dt>
          <dd>{limitText(item.promisedLimitDays)}（自受理之日起计算）</dd>
          <dt>预计办结日期</dt>
          <dd>
            {result.dueDate ? formatDate(result.dueDate) : '受理后确定'}
            {result.dueDateProvisional ? <SoftTag tone="orange" style={{ marginLeft: 8 }}>暂定</SoftTag> : null}
          </dd>
        </dl>
        {result.dueDateProvisional ? <p className="tb-muted">暂定：该日期超出了已发布的工作日历，发布新年度节假日安排后将重新计算。</p> : null}
      </Result>
    </div>
  );
}

interface MaterialRowProps {
  m: ItemMaterial;
  item: Item;
  files: LocalFile[];
  setFiles: (u: (p: LocalFile[]) => LocalFile[]) => void;
  showMissing: boolean;
  choice: SharedChoice | undefined;
  setChoice: (c: SharedChoice | null) => void;
}

function MaterialRow({ m, item, files, setFiles, showMissing, choice, setChoice }: MaterialRowProps) {
  const provided = !!choice || files.some((f) => f.status === 'done');
  const missing = showMissing && m.required && !m.sharedSource && !provided;
  return (
    <li className={`tb-material${missing ? ' is-missing' : ''}`}>
      <div className="tb-material-head">
        <span className="tb-material-name">{m.name}</span>
        {choice ? (
          <SoftTag tone="green">已使用政府数据（免提交）</SoftTag>
        ) : m.sharedSource ? (
          <SoftTag tone="cyan">可使用政府已有数据（免提交）</SoftTag>
        ) : (
          <SoftTag tone={m.required ? 'red' : 'grey'}>{m.required ? '必要' : '按情形提供'}</SoftTag>
        )}
        <span className="tb-muted">
          {MaterialFormLabel[m.form] ?? m.form} · {m.copies} 份
        </span>
      </div>
      {m.sharedSource && !choice ? (
        <p className="tb-shared-note" style={{ margin: '0 0 8px' }}>
          可点击“使用政府已有数据”，经您同意后从{SharedSourceLabel[m.sharedSource] ?? '共享数据'}中调取此材料，无需上传；也可自行上传。
        </p>
      ) : null}
      {choice ? (
        <SharedChosen choice={choice} onUndo={() => setChoice(null)} />
      ) : (
        <MaterialUploader
          materialName={m.name}
          files={files}
          onChange={setFiles}
          extra={m.sharedSource ? <UseSharedButton target={{ itemCode: item.code, itemName: item.name, materialName: m.name, source: m.sharedSource }} onPick={setChoice} /> : null}
        />
      )}
      {missing ? (
        <p className="tb-file-error" style={{ margin: '6px 0 0' }}>
          请上传此必要材料
        </p>
      ) : null}
    </li>
  );
}

export default function ApplyPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const resumeDraftId = params.get('draft');
  const { user } = useAuth();
  const itemState = useApi<Item>(`/api/items/${encodeURIComponent(code)}`);
  const draftState = useApi<ApplicationDetail & SharingOnCase>(resumeDraftId ? `/api/applications/${encodeURIComponent(resumeDraftId)}` : null);
  const item = itemState.data;

  const [form] = Form.useForm<{ remark?: string; address?: string }>();
  const [files, setFiles] = useState<Record<string, LocalFile[]>>({});
  const [shared, setShared] = useState<Record<string, SharedChoice>>({});
  const [idempotencyKey] = useState(uuid);
  const [draftId, setDraftId] = useState<string | null>(resumeDraftId);
  const [draftVersion, setDraftVersion] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [feedback, setFeedback] = useState<{ type: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const [result, setResult] = useState<CreateResult | null>(null);
  const [triedSubmit, setTriedSubmit] = useState(false);

  // Resuming a draft: fill in what was saved.
  useEffect(() => {
    const d = draftState.data;
    if (!d) return;
    form.setFieldsValue({ remark: String(d.formData.remark ?? ''), address: String(d.formData.address ?? '') });
    const byName: Record<string, LocalFile[]> = {};
    for (const m of d.materials) {
      (byName[m.name] ??= []).push({ uid: m.fileId, name: m.fileName ?? m.name, size: m.size ?? 0, status: 'done', percent: 100, fileId: m.fileId });
    }
    setFiles(byName);
    const chosen: Record<string, SharedChoice> = {};
    for (const s of d.sharedMaterials ?? []) chosen[s.name] = { name: s.name, source: s.source, kind: s.kind, ref: s.ref, purpose: s.purpose, title: s.title, provider: s.provider };
    setShared(chosen);
    setDraftVersion(d.version);
  }, [draftState.data, form]);

  const materials = item?.materials ?? [];
  const mustUpload = materials.filter((m) => m.required && !m.sharedSource);
  const providedCount = mustUpload.filter((m) => (files[m.name] ?? []).some((f) => f.status === 'done')).length;
  const uploading = Object.values(files).some((l) => l.some((f) => f.status === 'uploading'));
  const percent = mustUpload.length ? Math.round((providedCount / mustUpload.length) * 100) : 100;

  // A material taken from shared data sends no uploads (they come back if the applicant undoes the choice).
  const materialRefs = useMemo(
    () => Object.entries(files).filter(([name]) => !shared[name]).flatMap(([name, list]) => list.filter((f) => f.status === 'done' && f.fileId).map((f) => ({ name, fileId: f.fileId! }))),
    [files, shared],
  );
  const sharedMaterials = useMemo(() => toSharedPayload(Object.values(shared)), [shared]);

  if (itemState.loading || draftState.loading) return <PageState loading skeletonRows={10} />;
  if (itemState.error || !item) {
    return <PageState error={itemState.error ?? '事项不存在'} onRetry={itemState.reload} />;
  }
  if (draftState.error) return <PageState error={draftState.error} onRetry={draftState.reload} />;
  if (result) return <Receipt result={result} item={item} />;

  const header = (
    <>
      <Breadcrumb
        className="tb-breadcrumb"
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/items">办事指南</Link> },
          { title: <Link to={`/items/${encodeURIComponent(item.code)}`}>{item.name}</Link> },
          { title: '在线申请' },
        ]}
      />
      <h1 className="tb-page-title">在线申请：{item.name}</h1>
    </>
  );

  if (!item.canApplyOnline) {
    return (
      <div>
        {header}
        <Alert type="info" showIcon title="需到窗口办理" description="本事项暂不支持网上申请，请携带材料到政务服务中心窗口办理。" />
      </div>
    );
  }
  const kind = user?.roles.includes('enterprise') ? 'enterprise' : 'person';
  if (!item.applicantTypes.includes(kind)) {
    return (
      <div>
        {header}
        <Alert type="warning" showIcon title="当前账号不能申请本事项" description={kind === 'person' ? '该事项只面向法人办理，请使用法人账号申请。' : '该事项只面向个人办理，请使用个人账号申请。'} />
      </div>
    );
  }

  const formData = () => {
    const v = form.getFieldsValue();
    const out: Record<string, string> = {};
    if (v.remark?.trim()) out.remark = v.remark.trim();
    if (v.address?.trim()) out.address = v.address.trim();
    return out;
  };

  const showError = (e: unknown) => {
    if (e instanceof ApiError && e.fields.length) {
      setFeedback({ type: 'error', text: e.fields.map((f) => f.message).join('；') });
    } else setFeedback({ type: 'error', text: e instanceof ApiError ? e.message : '操作失败，请稍后重试' });
  };

  const saveDraft = async () => {
    setBusy('draft');
    setFeedback(null);
    try {
      if (draftId) {
        const d = await api.put<ApplicationDetail>(`/api/applications/${draftId}`, { formData: formData(), materials: materialRefs, sharedMaterials });
        setDraftVersion(d.version);
      } else {
        const r = await api.post<CreateResult>('/api/applications', { itemCode: item.code, formData: formData(), materials: materialRefs, sharedMaterials, draft: true }, { 'Idempotency-Key': idempotencyKey });
        setDraftId(r.id);
      }
      setFeedback({ type: 'success', text: '草稿已保存。您可以稍后在“我的办件”中继续填写。' });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    setTriedSubmit(true);
    setFeedback(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    if (uploading) {
      setFeedback({ type: 'warning', text: '还有文件正在上传，请等待上传完成后再提交。' });
      return;
    }
    const missing = mustUpload.filter((m) => !(files[m.name] ?? []).some((f) => f.status === 'done'));
    if (missing.length) {
      setFeedback({ type: 'error', text: `还缺少 ${missing.length} 项必要材料：${missing.map((m) => m.name).join('、')}` });
      return;
    }
    setBusy('submit');
    try {
      if (draftId) {
        await api.put<ApplicationDetail>(`/api/applications/${draftId}`, { formData: formData(), materials: materialRefs, sharedMaterials });
        const d = await api.post<ApplicationDetail>(`/api/applications/${draftId}/actions`, { action: 'submit' });
        setResult({ id: d.id, caseNo: d.caseNo, status: d.status, dueDate: d.dueDate, dueDateProvisional: d.dueDateProvisional, checklist: d.checklist });
      } else {
        const r = await api.post<CreateResult>('/api/applications', { itemCode: item.code, formData: formData(), materials: materialRefs, sharedMaterials }, { 'Idempotency-Key': idempotencyKey });
        setResult(r);
      }
      window.scrollTo(0, 0);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };
  void draftVersion;

  const applicantRows: [string, string, string | null | undefined][] = [
    ['applicantName', kind === 'enterprise' ? '经办人姓名' : '申请人姓名', user?.realName],
    ['applicantId', '身份证号', user?.idNumber],
    ['applicantPhone', '联系电话', user?.phone],
  ];
  if (kind === 'enterprise') applicantRows.unshift(['companyName', '企业名称', user?.companyName], ['uscc', '统一社会信用代码', user?.uscc]);

  return (
    <div>
      {header}
      <p className="tb-muted">
        承诺时限 {limitText(item.promisedLimitDays)}，自受理之日起计算。带 * 的为必填项。{draftId ? '（正在编辑草稿）' : ''}
      </p>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <section className="tb-card" aria-labelledby="ap-who">
          <h2 id="ap-who" className="tb-section-title">
            申请人信息
          </h2>
          <p className="tb-muted">以下信息来自您的实名账号，不可修改。如有变化，请到个人中心或窗口更新。</p>
          <div className="tb-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }}>
            {applicantRows.map(([id, label, v]) => (
              <Form.Item key={id} label={label} htmlFor={`ap-${id}`} style={{ marginBottom: 8 }}>
                <Input id={`ap-${id}`} value={v ?? ''} readOnly aria-readonly="true" variant="filled" />
              </Form.Item>
            ))}
          </div>
        </section>

        <section className="tb-card" aria-labelledby="ap-form">
          <h2 id="ap-form" className="tb-section-title">
            申请信息
          </h2>
          <Form.Item label="联系地址" name="address" rules={[{ max: 200, message: '联系地址不能超过 200 字' }]} extra="用于邮寄办理结果，可不填">
            <Input autoComplete="street-address" maxLength={200} />
          </Form.Item>
          <Form.Item label="申请说明" name="remark" rules={[{ max: 2000, message: '申请说明不能超过 2000 字' }]} extra="选填：需要向受理部门说明的情况">
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </section>

        <section className="tb-card" aria-labelledby="ap-mat">
          <h2 id="ap-mat" className="tb-section-title">
            申请材料
          </h2>
          <div className="tb-apply-progress" aria-live="polite">
            <Progress percent={percent} status={percent === 100 ? 'success' : 'active'} aria-label="必要材料提供进度" />
            <p style={{ margin: '0 0 12px' }}>
              {mustUpload.length ? `必要材料已提供 ${providedCount} / ${mustUpload.length} 项` : '本事项没有需要上传的必要材料'}
              {materials.some((m) => m.sharedSource) ? `；另有 ${materials.filter((m) => m.sharedSource).length} 项可使用政府已有数据，免提交` : ''}
              {sharedMaterials.length ? `（已使用 ${sharedMaterials.length} 项）` : ''}
            </p>
          </div>
          {materials.length ? (
            <ul className="tb-material-list">
              {materials.map((m) => (
                <MaterialRow
                  key={m.name}
                  m={m}
                  item={item}
                  files={files[m.name] ?? []}
                  choice={shared[m.name]}
                  setChoice={(c) =>
                    setShared((prev) => {
                      const next = { ...prev };
                      if (c) next[m.name] = c;
                      else delete next[m.name];
                      return next;
                    })
                  }
                  showMissing={triedSubmit}
                  setFiles={(u) => setFiles((prev) => ({ ...prev, [m.name]: u(prev[m.name] ?? []) }))}
                />
              ))}
            </ul>
          ) : (
            <p>本事项无需提交材料。</p>
          )}
        </section>

        {feedback ? (
          <Alert type={feedback.type} showIcon title={feedback.text} role={feedback.type === 'success' ? 'status' : 'alert'} style={{ marginBottom: 12 }} />
        ) : null}
        <div className="tb-apply-actions">
          <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={busy === 'submit'} disabled={busy !== null}>
            提交申请
          </Button>
          <Button size="large" icon={<SaveOutlined aria-hidden />} onClick={saveDraft} loading={busy === 'draft'} disabled={busy !== null}>
            保存草稿
          </Button>
          <LinkButton size="large" type="link" to={`/items/${encodeURIComponent(item.code)}`}>
            返回办事指南
          </LinkButton>
        </div>
      </Form>
    </div>
  );
}
