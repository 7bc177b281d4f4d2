// 诉求派单与时限: the hotline's direct-dispatch rules (category + street → department) and the time limits by type.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { RequestType } from '../../../../../domain/requests.ts';
import { api } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import { PageState } from '../../../components/index.ts';
import { AdminTitle, KeyboardScroll, emptyText, fmtTime, showServerFieldErrors } from '../shared.tsx';

interface Rule { id: number; category: string; streetId: string | null; departmentId: string; note: string | null; updatedBy: string | null; updatedAt: string }
interface TimeLimits { urgentHours: number; days: Record<string, number> }
interface Meta { categories: { name: string; definition: string; defaultDepartmentIds: string[] }[]; timeLimits: TimeLimits }
interface Department { id: string; name: string; shortName: string; kind: string }
interface RuleForm { category: string; streetId: string; departmentId: string; note?: string }

const ALL_STREETS = '';

function RuleModal({ rule, meta, departments, onClose }: { rule: Rule | null; meta: Meta; departments: Department[]; onClose: (saved: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleForm>();
  const [saving, setSaving] = useState(false);
  const streets = departments.filter((d) => d.kind === 'street');
  const category = Form.useWatch('category', form);
  const suggested = meta.categories.find((c) => c.name === category)?.defaultDepartmentIds ?? [];

  const save = async (v: RuleForm) => {
    setSaving(true);
    const body = { category: v.category, streetId: v.streetId || null, departmentId: v.departmentId, note: v.note?.trim() || null };
    try {
      if (rule) await api.put(`/api/admin/requests/dispatch-rules/${rule.id}`, body);
      else await api.post('/api/admin/requests/dispatch-rules', body);
      void message.success('派单规则已保存，新受理的诉求立即按此派单');
      onClose(true);
    } catch (e) {
      if (!showServerFieldErrors(form, e)) void message.error(e instanceof Error ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={rule ? '修改直派规则' : '新建直派规则'} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={save} initialValues={rule ? { ...rule, streetId: rule.streetId ?? ALL_STREETS, note: rule.note ?? '' } : { streetId: ALL_STREETS }}>
        <Form.Item name="category" label="诉求分类" rules={[{ required: true, message: '请选择分类' }]}>
          <Select showSearch placeholder="选择分类" options={meta.categories.map((c) => ({ value: c.name, label: c.name, title: c.definition }))} />
        </Form.Item>
        <Form.Item name="streetId" label="发生地（街道、乡镇）" extra="选“全区”时对所有地点生效；某街道的规则优先于全区规则。">
          <Select options={[{ value: ALL_STREETS, label: '全区' }, ...streets.map((s) => ({ value: s.id, label: s.shortName }))]} />
        </Form.Item>
        <Form.Item name="departmentId" label="直接派给" rules={[{ required: true, message: '请选择承办部门' }]}
          extra={suggested.length ? `该分类通常由 ${suggested.map((id) => departments.find((d) => d.id === id)?.shortName ?? id).join('、')} 承办` : undefined}>
          <Select showSearch optionFilterProp="label" placeholder="选择部门或街道" options={departments.map((d) => ({ value: d.id, label: d.shortName }))} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TimeLimitsCard({ limits, onSaved }: { limits: TimeLimits; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TimeLimits>();
  const [saving, setSaving] = useState(false);
  const save = async (v: TimeLimits) => {
    setSaving(true);
    try {
      await api.put('/api/admin/requests/time-limits', v);
      void message.success('办理时限已保存，对此后受理的诉求生效');
      onSaved();
    } catch (e) {
      if (!showServerFieldErrors(form, e)) void message.error(e instanceof Error ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="办理时限" extra={<Typography.Text type="secondary">按工作日计算（节假日顺延），紧急诉求按小时</Typography.Text>}>
      <Form form={form} layout="inline" initialValues={limits} onFinish={save} style={{ rowGap: 12 }}>
        <Form.Item name="urgentHours" label="紧急" rules={[{ required: true, message: '请填写' }]}>
          <InputNumber min={1} max={72} precision={0} addonAfter="小时" style={{ width: 140 }} />
        </Form.Item>
        {RequestType.map((t) => (
          <Form.Item key={t} name={['days', t]} label={t} rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={60} precision={0} addonAfter="工作日" style={{ width: 150 }} />
          </Form.Item>
        ))}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>保存时限</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

export function RequestSettingsPage() {
  const { message } = App.useApp();
  const rules = useApi<{ rules: Rule[] }>('/api/admin/requests/dispatch-rules');
  const meta = useApi<Meta>('/api/requests/meta');
  const depts = useApi<{ departments: Department[] }>('/api/departments');
  const [editing, setEditing] = useState<{ rule: Rule | null } | null>(null);
  const name = useMemo(() => new Map((depts.data?.departments ?? []).map((d) => [d.id, d.shortName])), [depts.data]);

  const remove = async (r: Rule) => {
    try {
      await api.del(`/api/admin/requests/dispatch-rules/${r.id}`);
      void message.success('已删除派单规则');
      rules.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '删除失败');
    }
  };

  const columns: ColumnsType<Rule> = [
    { title: '诉求分类', dataIndex: 'category', width: 120 },
    { title: '发生地', dataIndex: 'streetId', width: 110, render: (s: string | null) => (s ? name.get(s) ?? s : '全区') },
    { title: '直接派给', dataIndex: 'departmentId', width: 170, render: (d: string) => name.get(d) ?? d },
    { title: '备注', dataIndex: 'note', render: (n: string | null) => n || '—' },
    { title: '修改', key: 'by', width: 170, render: (_, r) => <span>{r.updatedBy ?? '—'}<br /><span className="tb-muted">{fmtTime(r.updatedAt)}</span></span> },
    {
      title: '操作', key: 'ops', width: 170,
      render: (_, r) => (
        <Space>
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing({ rule: r })}>修改</Button>
          <Popconfirm title="删除这条派单规则？" description="此后该类诉求按自动分类派单。" okText="删除" cancelText="取消" onConfirm={() => remove(r)}>
            <Button size="small" danger icon={<DeleteOutlined aria-hidden />}>删除</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const error = rules.error ?? meta.error ?? depts.error;
  return (
    <div>
      <AdminTitle extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!meta.data || !depts.data} onClick={() => setEditing({ rule: null })}>新建直派规则</Button>}>
        诉求派单与时限
      </AdminTitle>
      <Alert type="info" showIcon style={{ marginBottom: 16 }}
        message="直派规则：某类诉求发生在某街道（或全区）时，受理后直接建议派给指定部门，优先于自动分类。话务员派单时仍可改派。" />
      {error ? (
        <PageState error={error} onRetry={() => { rules.reload(); meta.reload(); depts.reload(); }} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title="直派规则">
            <KeyboardScroll label="直派规则列表">
              <Table rowKey="id" size="middle" loading={rules.loading || depts.loading} columns={columns} dataSource={rules.data?.rules ?? []}
                pagination={false} scroll={{ x: 760 }} locale={{ emptyText: emptyText('还没有直派规则：诉求按自动分类建议的部门派单。') }} />
            </KeyboardScroll>
          </Card>
          {meta.data ? <TimeLimitsCard key={JSON.stringify(meta.data.timeLimits)} limits={meta.data.timeLimits} onSaved={meta.reload} /> : null}
        </Space>
      )}
      {editing && meta.data && depts.data ? (
        <RuleModal rule={editing.rule} meta={meta.data} departments={depts.data.departments} onClose={(saved) => { setEditing(null); if (saved) rules.reload(); }} />
      ) : null}
    </div>
  );
}
