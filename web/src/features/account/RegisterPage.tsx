// 注册: 个人 or 法人 account. Server field errors appear next to their fields.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input, Tabs } from 'antd';
import { useAuth } from '../../app/auth.tsx';
import { api, ApiError } from '../../lib/api.ts';
import './account.css';

type Kind = 'person' | 'enterprise';
interface RegisterForm {
  username: string;
  password: string;
  confirm: string;
  realName: string;
  idNumber: string;
  phone: string;
  email?: string;
  companyName?: string;
  uscc?: string;
}

function RegisterFormPanel({ kind }: { kind: Kind }) {
  const [form] = Form.useForm<RegisterForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { refresh } = useAuth();
  const navigate = useNavigate();

  const onFinish = async (v: RegisterForm) => {
    setBusy(true);
    setError(null);
    const { confirm: _c, ...rest } = v;
    const body: Record<string, unknown> = { ...rest, kind };
    if (!body.email) delete body.email;
    if (kind === 'person') {
      delete body.companyName;
      delete body.uscc;
    }
    try {
      await api.post('/api/auth/register', body);
      await refresh();
      navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        const known = new Set(Object.keys(form.getFieldsValue(true)).concat(['username', 'password', 'realName', 'idNumber', 'phone', 'email', 'companyName', 'uscc']));
        form.setFields(e.fields.filter((f) => known.has(f.field)).map((f) => ({ name: f.field as keyof RegisterForm, errors: [f.message] })));
        const other = e.fields.filter((f) => !known.has(f.field));
        setError(other.length ? other.map((f) => f.message).join('；') : '请按提示修改标红的项目');
      } else {
        setError(e instanceof ApiError ? e.message : '注册失败，请稍后重试');
      }
    } finally {
      setBusy(false);
    }
  };

  const p = kind; // unique ids per tab
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} name={`register-${p}`} scrollToFirstError>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      {kind === 'enterprise' ? (
        <>
          <Form.Item label="企业名称" name="companyName" rules={[{ required: true, message: '请输入企业名称' }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item
            label="统一社会信用代码"
            name="uscc"
            rules={[
              { required: true, message: '请输入统一社会信用代码' },
              { pattern: /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/, message: '统一社会信用代码应为 18 位' },
            ]}
          >
            <Input maxLength={18} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item label={kind === 'enterprise' ? '经办人姓名' : '真实姓名'} name="realName" rules={[{ required: true, message: '请输入姓名' }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        label="身份证号"
        name="idNumber"
        rules={[
          { required: true, message: '请输入身份证号' },
          { pattern: /^\d{17}[\dXx]$/, message: '身份证号应为 18 位' },
        ]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item
        label="手机号码"
        name="phone"
        rules={[
          { required: true, message: '请输入手机号码' },
          { pattern: /^1\d{10}$/, message: '请输入 11 位手机号码' },
        ]}
      >
        <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item label="电子邮箱（选填）" name="email" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
        <Input autoComplete="email" />
      </Form.Item>
      <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]} extra="用于登录，建议使用字母和数字">
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }, { min: 8, message: '密码至少 8 位' }]} extra="至少 8 位，建议包含字母、数字和符号">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name="confirm"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: (_r, v) => (!v || getFieldValue('password') === v ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        注册{kind === 'enterprise' ? '法人账号' : '个人账号'}
      </Button>
    </Form>
  );
}

export default function RegisterPage() {
  return (
    <div className="tb-auth-wrap">
      <section className="tb-card">
        <h1 className="tb-page-title">注册账号</h1>
        <Tabs
          items={[
            { key: 'person', label: '个人注册', children: <RegisterFormPanel kind="person" /> },
            { key: 'enterprise', label: '法人注册', children: <RegisterFormPanel kind="enterprise" /> },
          ]}
        />
        <div className="tb-auth-links">
          <span>
            已有账号？<Link to="/login">去登录</Link>
          </span>
        </div>
      </section>
    </div>
  );
}
