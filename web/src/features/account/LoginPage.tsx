// 登录: username + password; after login go back to where the user came from (?next=).
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Collapse, Form, Input } from 'antd';
import { useAuth } from '../../app/auth.tsx';
import { api, ApiError } from '../../lib/api.ts';
import type { User } from '../../lib/types.ts';
import './account.css';

const DEMO_ACCOUNTS: [string, string][] = [
  ['citizen', '个人用户（市民）'],
  ['citizen2', '个人用户（另一位市民）'],
  ['enterprise', '法人用户（企业）'],
  ['clerk', '综合窗口人员'],
  ['reviewer-ga', '审批人员（公安分局）'],
  ['admin', '系统管理员'],
];

/** Only allow same-site paths as a redirect target. */
export function safeNext(next: string | null, fallback: string): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  return fallback;
}

export function homeFor(user: User): string {
  if (user.roles.includes('admin')) return '/admin';
  if (user.roles.includes('clerk') || user.roles.includes('reviewer')) return '/workbench';
  if ((user.roles as string[]).includes('verifier')) return '/verify';
  return '/';
}

export default function LoginPage() {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/login', { username: v.username.trim(), password: v.password });
      const user = await refresh();
      navigate(safeNext(params.get('next'), user ? homeFor(user) : '/'), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tb-auth-wrap">
      <section className="tb-card">
        <h1 className="tb-page-title">登录</h1>
        {params.get('next') ? <p className="tb-muted">请先登录，登录后将自动返回刚才的页面。</p> : null}
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark="optional" autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            登录
          </Button>
        </Form>
        <div className="tb-auth-links">
          <span>
            还没有账号？<Link to="/register">立即注册</Link>
          </span>
        </div>
      </section>
      <Collapse
        items={[
          {
            key: 'demo',
            label: '演示账号（点击展开）',
            children: (
              <div>
                <p style={{ marginTop: 0 }}>
                  以下账号的密码均为 <code>Demo@2026</code>，仅用于体验：
                </p>
                <table className="tb-demo-table">
                  <thead>
                    <tr>
                      <th scope="col">用户名</th>
                      <th scope="col">身份</th>
                    </tr>
                  </thead>
                  <tbody>
                    {DEMO_ACCOUNTS.map(([u, label]) => (
                      <tr key={u}>
                        <td>
                          <Button
                            type="link"
                            style={{ padding: 0 }}
                            onClick={() => form.setFieldsValue({ username: u, password: 'Demo@2026' })}
                            aria-label={`填入演示账号 ${u}`}
                          >
                            {u}
                          </Button>
                        </td>
                        <td>{label}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
