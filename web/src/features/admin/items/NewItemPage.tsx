// A new item (事项): the same fields as the editor, saved with POST /api/items; the server gives it the
// next code of its department. `?name=` prefills the name (from the catalogue-gap report).
import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Form, Space } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../lib/api.ts';
import type { DepartmentInfo, Item } from '../../../lib/types.ts';
import { AdminTitle } from '../shared.tsx';
import { ItemContentCards } from './ItemFormFields.tsx';
import { parseItemForm, showServerFieldErrors, type FormValues } from './itemForm.ts';

const BLANK: Partial<FormValues> = {
  type: '公共服务',
  applicantTypes: ['person'],
  legalLimitDays: 20,
  promisedLimitDays: 10,
  onlineDepth: 'online_apply_onsite_verify',
  maxVisits: 1,
  crossProvince: false,
  fee: '不收费',
  materials: [],
  tags: [],
};

export function NewItemPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [departments, setDepartments] = useState<DepartmentInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ ...BLANK, name: params.get('name') ?? '' } as FormValues);
    api.get<{ departments: DepartmentInfo[] }>('/api/departments').then((r) => setDepartments(r.departments), () => setDepartments([]));
  }, [form, params]);

  const save = async (values: FormValues) => {
    setError(null);
    const content = parseItemForm(form, values);
    if (!content) {
      setError('请先修正表单中标红的内容');
      return;
    }
    setSaving(true);
    try {
      const item = await api.post<Item>('/api/items', content);
      void message.success(`已新建事项 ${item.code}`);
      navigate(`/admin/items/${encodeURIComponent(item.code)}`);
    } catch (e) {
      showServerFieldErrors(form, e);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/admin/items">事项管理</Link> }, { title: '新建事项' }]} />
      <AdminTitle>新建事项</AdminTitle>
      <p style={{ color: '#262626', marginTop: 0 }}>保存后系统按实施部门自动编号，事项立即出现在办事指南和搜索中。</p>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save} scrollToFirstError style={{ maxWidth: 960 }}>
        <ItemContentCards departments={departments} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>保存新事项</Button>
          <Link to="/admin/items">取消</Link>
        </Space>
      </Form>
    </>
  );
}
