// The editable list of materials of an item (name, required, form, copies, shared source).
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MaterialFormLabel, SharedSourceLabel } from '../../../../../domain/enums.ts';

const FORM_OPTIONS = Object.entries(MaterialFormLabel).map(([value, label]) => ({ value, label }));
const SHARED_OPTIONS = [{ value: '', label: '无（需申请人提交）' }, ...Object.entries(SharedSourceLabel).map(([value, label]) => ({ value, label }))];

export function MaterialsEditor() {
  return (
    <Form.List name="materials">
      {(fields, { add, remove, move }) => (
        <Space orientation="vertical" style={{ width: '100%' }} size={8}>
          {fields.length === 0 && <p style={{ color: '#262626', margin: 0 }}>该事项暂无申请材料。</p>}
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={`材料 ${i + 1}`}
              extra={
                <Space size={4}>
                  <Button size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={`上移材料 ${i + 1}`} disabled={i === 0} onClick={() => move(i, i - 1)} />
                  <Button size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label={`下移材料 ${i + 1}`} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(field.name)}>
                    删除<span className="tb-sr-only">材料 {i + 1}</span>
                  </Button>
                </Space>
              }
            >
              <Form.Item name={[field.name, 'name']} label="材料名称" rules={[{ required: true, whitespace: true, message: '材料名称不能为空' }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Space wrap size={[16, 0]} align="start">
                <Form.Item name={[field.name, 'form']} label="材料形式" rules={[{ required: true, message: '请选择材料形式' }]}>
                  <Select options={FORM_OPTIONS} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'copies']} label="份数" rules={[{ required: true, message: '请填写份数' }]}>
                  <InputNumber min={1} max={99} precision={0} style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'sharedSource']} label="共享数据来源（免提交）">
                  <Select options={SHARED_OPTIONS} style={{ width: 210 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'required']} valuePropName="checked" label="是否必需">
                  <Checkbox>必需材料</Checkbox>
                </Form.Item>
              </Space>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', required: true, form: 'electronic', copies: 1, sharedSource: '' })} block>
            添加材料
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
