// 个人中心: own profile (unmasked, it is the user's own data) and password change.
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { RoleLabel, type Role } from '../../../../domain/enums.ts';
import { useAuth } from '../../app/auth.tsx';
import { api, ApiError } from '../../lib/api.ts';
import './account.css';

function PasswordForm() {
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string; confirm: string }>();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 420 }}
      onFinish={async (v) => {
        setBusy(true);
        setResult(null);
        try {
          await api.post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
          form.resetFields();
          setResult({ ok: true, text: '密码已修改，下次登录请使用新密码。' });
        } catch (e) {
          if (e instanceof ApiError && e.fields.length) {
            form.setFields(e.fields.filter((f) => f.field === 'oldPassword' || f.field === 'newPassword').map((f) => ({ name: f.field as 'oldPassword', errors: [f.message] })));
          }
          setResult({ ok: false, text: e instanceof ApiError ? e.message : '修改失败，请稍后重试' });
        } finally {
          setBusy(false);
        }
      }}
    >
      {result ? <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.text} role={result.ok ? 'status' : 'alert'} style={{ marginBottom: 16 }} /> : null}
      <Form.Item label="当前密码" name="oldPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }, { min: 8, message: '密码至少 8 位' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_r, v) => (!v || getFieldValue('newPassword') === v ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        修改密码
      </Button>
    </Form>
  );
}

export default function AccountPage() {
  const { user } = useAuth();
  if (!user) return null;
  const rows: [string, string | null | undefined][] = [
    ['用户名', user.username],
    ['姓名', user.realName],
    ['账号类型', user.roles.map((r) => RoleLabel[r as Role] ?? r).join('、')],
    ['身份证号', user.idNumber],
    ['手机号码', user.phone],
    ['电子邮箱', user.email],
  ];
  if (user.companyName || user.uscc) rows.push(['企业名称', user.companyName], ['统一社会信用代码', user.uscc]);
  return (
    <div className="tb-profile">
      <h1 className="tb-page-title">个人中心</h1>
      <section className="tb-card" aria-labelledby="acc-info">
        <h2 id="acc-info" className="tb-section-title">
          账号信息
        </h2>
        <p className="tb-muted">以下为您本人的信息，仅您本人可见。如需修改实名信息，请携带身份证件到政务服务中心办理。</p>
        <dl className="tb-dl">
          {rows.map(([k, v]) => (
            <div key={k} style={{ display: 'contents' }}>
              <dt>{k}</dt>
              <dd>{v || '—'}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="tb-card" aria-labelledby="acc-pw">
        <h2 id="acc-pw" className="tb-section-title">
          修改密码
        </h2>
        <PasswordForm />
      </section>
    </div>
  );
}
