// All the fields of ItemContent except materials.
import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { ApplicantTypeLabel, ItemType, OnlineDepthLabel } from '../../../../../domain/enums.ts';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { MaterialsEditor } from './MaterialsEditor.tsx';

const TYPE_OPTIONS = ItemType.map((t) => ({ value: t, label: t }));
const DEPTH_OPTIONS = Object.entries(OnlineDepthLabel).map(([value, label]) => ({ value, label }));
const APPLICANT_OPTIONS = Object.entries(ApplicantTypeLabel).map(([value, label]) => ({ value, label }));

/** The whole item form body: basic information and materials, as the editor and the new-item page show it. */
export function ItemContentCards({ departments }: { departments: DepartmentInfo[] }) {
  return (
    <>
      <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
        <ItemFormFields departments={departments} />
      </Card>
      <Card title="申请材料" size="small" style={{ marginBottom: 16 }}>
        <MaterialsEditor />
      </Card>
    </>
  );
}

export function ItemFormFields({ departments }: { departments: DepartmentInfo[] }) {
  return (
    <>
      <Form.Item name="name" label="事项名称" rules={[{ required: true, whitespace: true, message: '请填写事项名称' }, { min: 2, message: '事项名称至少 2 个字' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="departmentId" label="实施部门" rules={[{ required: true, message: '请选择部门' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="type" label="事项类型" rules={[{ required: true, message: '请选择事项类型' }]}>
            <Select options={TYPE_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="applicantTypes"
            label="服务对象（至少一项）"
            rules={[{ validator: (_, v?: string[]) => (v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少选择一种服务对象'))) }]}
          >
            <Checkbox.Group options={APPLICANT_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="onlineDepth" label="网办深度" rules={[{ required: true, message: '请选择网办深度' }]}>
            <Select options={DEPTH_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name="legalLimitDays" label="法定时限（工作日）" rules={[{ required: true, message: '请填写法定时限' }]}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="promisedLimitDays"
            label="承诺时限（工作日）"
            extra={<span style={{ color: '#434343' }}>0 表示即办</span>}
            dependencies={['legalLimitDays']}
            rules={[
              { required: true, message: '请填写承诺时限' },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === null || v === undefined || getFieldValue('legalLimitDays') === null || v <= getFieldValue('legalLimitDays')
                    ? Promise.resolve()
                    : Promise.reject(new Error('承诺时限不应超过法定时限')),
              }),
            ]}
          >
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="maxVisits" label="最多跑动次数" rules={[{ required: true, message: '请填写跑动次数' }]}>
            <InputNumber min={0} max={5} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="crossProvince" label="跨省通办" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="fee" label="收费说明">
        <Input maxLength={500} placeholder="如：不收费" />
      </Form.Item>
      <Form.Item name="acceptConditions" label="受理条件">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="description" label="事项说明">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="legalBasis" label="设定依据">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="tags" label="主题标签（输入后按回车添加，最多 20 个）">
        <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={20} open={false} suffixIcon={null} />
      </Form.Item>
    </>
  );
}
