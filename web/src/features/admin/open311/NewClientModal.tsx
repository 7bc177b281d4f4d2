// 新建接入客户端: name the client application, then show its api_key once, with a copy button.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { api } from '../../../lib/api.ts';
import { errorMessage } from '../../../components/PageState.tsx';
import { showServerFieldErrors } from '../shared.tsx';

export interface CreatedClient {
  id: number;
  name: string;
  createdAt: string;
  apiKey: string;
}

export function NewClientModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: CreatedClient) => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedClient | null>(null);

  const close = () => {
    form.resetFields();
    setCreated(null);
    setError(null);
    onClose();
  };

  const submit = async ({ name }: { name: string }) => {
    setSaving(true);
    setError(null);
    try {
      const c = await api.post<CreatedClient>('/api/admin/open311-clients', { name });
      setCreated(c);
      onCreated(c);
    } catch (e) {
      if (!showServerFieldErrors(form, e)) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={created ? '接入密钥已生成' : '新建 Open311 接入客户端'}
      onCancel={close}
      destroyOnHidden
      footer={created
        ? <Button type="primary" onClick={close}>我已妥善保存，关闭</Button>
        : [<Button key="cancel" onClick={close}>取消</Button>, <Button key="ok" type="primary" loading={saving} onClick={() => form.submit()}>生成密钥</Button>]}
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title="密钥只显示这一次" description="系统只保存密钥的摘要，关闭后无法再次查看。请立即复制并交给对方的技术人员；遗失后只能吊销并重新生成。" style={{ marginBottom: 16 }} />
          <p style={{ marginBottom: 4 }}>客户端：{created.name}</p>
          <Typography.Paragraph copyable={{ text: created.apiKey, tooltips: ['复制密钥', '已复制'] }} code style={{ fontSize: 16, wordBreak: 'break-all' }} aria-label="接入密钥">
            {created.apiKey}
          </Typography.Paragraph>
          <p style={{ color: '#262626', marginBottom: 0 }}>提交诉求时以 <code>api_key</code> 参数携带：<code>POST /open311/v2/requests.json</code></p>
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form.Item name="name" label="客户端名称" extra="例如：随手拍 App、网格化管理平台。便于日后识别和吊销。" rules={[{ required: true, whitespace: true, message: '请填写客户端名称' }, { min: 2, message: '名称至少 2 个字' }, { max: 60, message: '名称不能超过 60 字' }]}>
            <Input autoFocus maxLength={60} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
