// The 我要反映 form: what happened, where, attachments (logged-in users), contact, 匿名 and 保密, then
// POST /api/requests. Client checks mirror the server's; the server's 400 field errors land on the fields.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { hasRole } from '../../../app/auth.tsx';
import { api, ApiError } from '../../../lib/api.ts';
import type { User } from '../../../lib/types.ts';
import { MaterialUploader, type LocalFile } from '../../applications/MaterialUploader.tsx';
import { LocationButton, PlaceFields, type GeoPoint } from './PlaceFields.tsx';
import type { IntakeResult, RequestMeta } from '../shared/index.ts';

interface FormValues {
  text: string;
  community: string;
  address: string;
  contactName: string;
  phone: string;
  anonymous: boolean;
  confidential: boolean;
}

const FIELDS = new Set(['text', 'address', 'contactName', 'phone']);
const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

export interface Submitted {
  result: IntakeResult;
  phone: string | null;
  anonymous: boolean;
}

/** The address sent to the server names the community, so the request is placed on the right street. */
function fullAddress(community: string, address: string): string | undefined {
  const a = address.trim();
  if (!community || a.includes(community)) return a || undefined;
  return a ? `${community} ${a}` : community;
}

export function RequestForm({ meta, user, initialText, streetName, onDone }: {
  meta: RequestMeta;
  user: User | null;
  initialText: string;
  streetName: (id: string) => string;
  onDone: (s: Submitted) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  const [files, setFiles] = useState<LocalFile[]>([]);
  const [point, setPoint] = useState<GeoPoint | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const enterprise = hasRole(user, 'enterprise');

  const submit = async (v: FormValues) => {
    setProblem(null);
    if (files.some((f) => f.status === 'uploading')) return setProblem('还有附件正在上传，请稍候再提交。');
    setBusy(true);
    try {
      const phone = v.anonymous ? undefined : v.phone?.trim() || undefined;
      const result = await api.post<IntakeResult>('/api/requests', {
        text: v.text.trim(),
        address: fullAddress(v.community ?? '', v.address ?? ''),
        contactName: v.anonymous ? undefined : v.contactName?.trim() || undefined,
        phone,
        anonymous: !!v.anonymous,
        confidential: !v.anonymous && !!v.confidential,
        channel: enterprise ? 'enterprise' : 'web',
        ...(point ?? {}),
        attachmentIds: files.filter((f) => f.status === 'done' && f.fileId).map((f) => f.fileId!),
      });
      onDone({ result, phone: phone ?? null, anonymous: !!v.anonymous });
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        const onForm = e.fields.filter((f) => FIELDS.has(f.field));
        form.setFields(onForm.map((f) => ({ name: f.field as keyof FormValues, errors: [f.message] })));
        const rest = e.fields.filter((f) => !FIELDS.has(f.field));
        setProblem(rest.length ? rest.map((f) => f.message).join('；') : '有内容需要修改，请查看标红的地方。');
      } else setProblem(e instanceof ApiError ? e.message : '提交失败，请稍后重试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      onFinishFailed={() => setProblem('有内容需要修改，请查看标红的地方。')}
      scrollToFirstError={{ block: 'center', focus: true }}
      initialValues={{
        text: initialText,
        community: '',
        address: '',
        contactName: user?.realName ?? '',
        phone: user?.phone ?? '',
        anonymous: false,
        confidential: false,
      }}
    >
      <section className="tb-card" aria-labelledby="req-what">
        <h2 id="req-what" className="tb-section-title">
          发生了什么
        </h2>
        <p id="req-text-hint" className="tb-req-hint">
          请写清楚：<strong>什么时间</strong>、<strong>在什么地方</strong>、<strong>发生了什么</strong>、<strong>希望怎样解决</strong>。
        </p>
        <Form.Item
          label="诉求内容"
          name="text"
          rules={[
            { required: true, whitespace: true, message: '请写下您要反映的事情' },
            { min: 5, message: '请把诉求说清楚（至少 5 个字）' },
            { max: 4000, message: '诉求内容不能超过 4000 字' },
          ]}
        >
          <Input.TextArea
            rows={6}
            maxLength={4000}
            showCount
            aria-describedby="req-text-hint"
            placeholder={
              enterprise
                ? '例如：我公司在工业园区 3 号路，上月起园区道路施工封路，货车无法进出，影响发货，希望协调开放临时通道。'
                : '例如：这周每天晚上 10 点以后，和平路 12 号楼下的烧烤店油烟和噪声很大，影响休息，希望有关部门管一管。'
            }
          />
        </Form.Item>
      </section>

      <section className="tb-card" aria-labelledby="req-where">
        <h2 id="req-where" className="tb-section-title">
          在哪里
        </h2>
        <PlaceFields places={meta.places} streetName={streetName} />
        <LocationButton point={point} onChange={setPoint} />
      </section>

      <section className="tb-card" aria-labelledby="req-files">
        <h2 id="req-files" className="tb-section-title">
          照片或材料（选填）
        </h2>
        {user ? (
          <>
            <p className="tb-muted">现场照片、票据、合同等能帮助承办单位更快弄清情况。</p>
            <MaterialUploader materialName="诉求附件" files={files} onChange={(u) => setFiles(u)} />
          </>
        ) : (
          <p>
            <Link to="/login?next=%2Frequests%2Fnew">登录</Link>后可以上传照片或 PDF。不登录也可以直接提交文字诉求。
          </p>
        )}
      </section>

      <section className="tb-card" aria-labelledby="req-who">
        <h2 id="req-who" className="tb-section-title">
          {enterprise ? '企业和联系人' : '怎么联系您'}
        </h2>
        {enterprise ? (
          <p className="tb-req-company">
            以企业名义反映：<strong>{user?.companyName || user?.realName}</strong>
          </p>
        ) : null}
        <Form.Item name="anonymous" valuePropName="checked" className="tb-req-option-item">
          <Checkbox className="tb-req-option" aria-describedby="req-anon-help">
            <strong>匿名反映</strong>
            <span id="req-anon-help" className="tb-req-option-help">
              不留姓名和电话。我们无法给您回电或发短信，办理结果请凭工单号拨打 12345 查询。
            </span>
          </Checkbox>
        </Form.Item>
        {anonymous ? null : (
          <>
            <div className="tb-req-contact">
              <Form.Item
                label="联系人"
                name="contactName"
                rules={[
                  { required: true, whitespace: true, message: '请填写联系人，可以只写姓，如“张先生”' },
                  { max: 50, message: '联系人不能超过 50 字' },
                ]}
              >
                <Input autoComplete="name" maxLength={50} placeholder="如：张先生" />
              </Form.Item>
              <Form.Item
                label="联系电话"
                name="phone"
                extra={user ? '留下电话，承办单位可以直接联系您' : '用于接收受理短信和答复'}
                rules={[
                  { required: !user, whitespace: true, message: '请留下联系电话，或选择匿名反映' },
                  { pattern: PHONE, message: '请填写正确的手机号或固定电话' },
                ]}
              >
                <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={13} placeholder="手机号或固定电话" />
              </Form.Item>
            </div>
            <Form.Item name="confidential" valuePropName="checked" className="tb-req-option-item">
              <Checkbox className="tb-req-option" aria-describedby="req-conf-help">
                <strong>保密</strong>
                <span id="req-conf-help" className="tb-req-option-help">
                  只有 12345 热线中心能看到您的姓名和电话，承办部门看不到您是谁。适合举报、投诉身边的人和事。
                </span>
              </Checkbox>
            </Form.Item>
          </>
        )}
      </section>

      {problem ? <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 12 }} /> : null}
      <div className="tb-req-submit">
        <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={busy} disabled={busy}>
          {enterprise ? '提交企业诉求' : '提交诉求'}
        </Button>
        <span className="tb-muted">提交后立即生成工单号{anonymous ? '' : '，并发送受理短信'}。</span>
      </div>
    </Form>
  );
}
