// 派单: the department (prefilled from the classification or the operator's pick at call entry), 协办
// departments, and the confirmed or corrected type and category, which train the next model. A returned
// request offers two ways: 改派 to another department, or 退单不成立 (back to the same one, with a reason).
import { Alert, Button, Form, Input, Radio, Select, Space } from 'antd';
import type { RequestType } from '../../../../../domain/requests.ts';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { departmentName, type RequestDetail, type RequestMeta } from '../shared/index.ts';
import { useActionSubmit, type ActionCallbacks } from './useActionSubmit.ts';
import { DepartmentSelect } from './DepartmentSelect.tsx';
import type { LabelChoice } from './ClassificationView.tsx';

interface Props extends ActionCallbacks {
  detail: RequestDetail;
  departments: DepartmentInfo[] | undefined;
  meta: RequestMeta | undefined;
  /** The labels the operator picked when entering the call. */
  prefill?: Partial<LabelChoice>;
  onCancel: () => void;
}

interface Values {
  mode: 'redispatch' | 'uphold';
  departmentId: string;
  coDepartmentIds: string[];
  type: RequestType;
  category: string;
  comment?: string;
}

export function DispatchForm({ detail, departments, meta, prefill, onCancel, ...callbacks }: Props) {
  const [form] = Form.useForm<Values>();
  const { send, sending, error } = useActionSubmit(detail, form, callbacks);
  const returned = detail.status === 'returned';
  const mode = Form.useWatch('mode', form) ?? (returned ? 'redispatch' : undefined);
  const category = Form.useWatch('category', form) ?? detail.category;
  const uphold = mode === 'uphold';
  // Redispatching a returned request goes to another department than the one that returned it.
  const exclude = returned ? [detail.departmentId] : [];
  const usual = (meta?.categories.find((c) => c.name === category)?.defaultDepartmentIds ?? []).filter((id) => !exclude.includes(id));

  const initial: Partial<Values> = {
    mode: returned ? 'redispatch' : undefined,
    departmentId: returned ? undefined : (prefill?.departmentId ?? detail.departmentId),
    coDepartmentIds: detail.coDepartmentIds ?? [],
    type: (prefill?.type as RequestType | undefined) ?? detail.type,
    category: prefill?.category ?? detail.category,
  };

  const submit = (v: Values) => {
    void send({
      action: 'dispatch',
      departmentId: v.mode === 'uphold' ? detail.departmentId : v.departmentId,
      coDepartmentIds: v.coDepartmentIds ?? [],
      type: v.type,
      category: v.category,
      comment: v.comment,
    });
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark aria-label="派单表单">
      {returned && (
        <Form.Item name="mode" label="处理退单">
          <Radio.Group
            options={[
              { value: 'redispatch', label: '改派其他部门' },
              { value: 'uphold', label: `退单不成立，派回${departmentName(departments, detail.departmentId)}` },
            ]}
          />
        </Form.Item>
      )}
      {!uphold && (
        <Form.Item
          name="departmentId"
          label={returned ? '改派给（主办部门）' : '主办部门'}
          rules={[
            { required: true, message: '请选择主办部门' },
            { validator: async (_, v) => { if (returned && v === detail.departmentId) throw new Error('改派请选择其他部门；派回原部门请选“退单不成立”'); } },
          ]}
          extra={
            usual.length ? (
              <Space wrap size={[6, 6]} style={{ marginTop: 6 }}>
                <span className="tb-muted">“{category}”常见承办：</span>
                {usual.map((id) => (
                  <Button key={id} size="small" onClick={() => form.setFieldsValue({ departmentId: id })}>
                    {departmentName(departments, id)}
                  </Button>
                ))}
              </Space>
            ) : null
          }
        >
          <DepartmentSelect departments={departments} exclude={exclude} />
        </Form.Item>
      )}
      <Form.Item name="coDepartmentIds" label="协办部门（选填，最多 5 个）" rules={[{ type: 'array', max: 5, message: '协办部门最多 5 个' }]}>
        <DepartmentSelect departments={departments} mode="multiple" placeholder="需要联合办理时选择" />
      </Form.Item>
      <Space wrap size={[16, 0]} align="start">
        <Form.Item name="type" label="诉求类型" rules={[{ required: true, message: '请选择诉求类型' }]}>
          <Select style={{ width: 140 }} options={(meta?.types ?? [detail.type]).map((t) => ({ value: t, label: t }))} />
        </Form.Item>
        <Form.Item name="category" label="诉求分类" rules={[{ required: true, message: '请选择诉求分类' }]} extra={<span style={{ display: 'block', maxWidth: 420 }}>{meta?.categories.find((c) => c.name === category)?.definition}</span>}>
          <Select style={{ width: 180 }} showSearch={{ optionFilterProp: 'value' }} options={(meta?.categories ?? []).map((c) => ({ value: c.name, label: c.name, title: c.definition }))} />
        </Form.Item>
      </Space>
      <p className="tb-muted" style={{ marginTop: -8 }}>请核对类型和分类：您确认或更正的结果会用于训练自动分类模型，让分类越来越准。</p>
      <Form.Item
        name="comment"
        label={uphold ? '退单不成立的理由' : '派单意见（选填）'}
        rules={uphold ? [{ required: true, whitespace: true, message: '请填写退单不成立的理由' }] : []}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={uphold ? '说明该诉求属于原部门职责的依据' : '给承办部门的办理要求'} />
      </Form.Item>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={sending}>
          {uphold ? '确认退单不成立并派回' : returned ? '确认改派' : '确认派单'}
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
