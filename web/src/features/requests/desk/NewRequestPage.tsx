// 来电登记: the operator types the call while the classifier proposes type, category and department (one
// click picks another) and the knowledge base offers answers for a consultation. Saving lands on the new
// request, where it is dispatched at once or closed on the spot (直接办结).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Spin, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../components/index.ts';
import { departmentName, useDepartments, useRequestMeta, type IntakeResult } from '../shared/index.ts';
import { ClassificationView, type LabelChoice, type LabelField } from './ClassificationView.tsx';
import { KnowledgeMatches } from './KnowledgeMatches.tsx';
import { useCallAssist } from './useCallAssist.ts';
import type { RequestPageState } from './RequestPage.tsx';
import { requestPath } from './DeskQueueTable.tsx';

interface Values {
  text: string;
  contactName?: string;
  phone?: string;
  community?: string;
  address?: string;
  anonymous: boolean;
  confidential: boolean;
}

const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;
const cardTitle = (text: string) => <h2 className="tb-card-h2">{text}</h2>;

export function NewRequestPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { meta } = useRequestMeta();
  const { departments } = useDepartments();
  const text = Form.useWatch('text', form) ?? '';
  const anonymous = Form.useWatch('anonymous', form) ?? false;
  const community = Form.useWatch('community', form);
  const assist = useCallAssist(text);
  const [choice, setChoice] = useState<Partial<LabelChoice>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A new proposal resets the operator's picks to it.
  const c = assist.classification;
  useEffect(() => {
    if (c) setChoice({ type: c.type, category: c.category, departmentId: c.departmentId });
  }, [c]);

  const places = useMemo(() => meta?.places ?? [], [meta]);
  const street = places.find((p) => p.name === community)?.streetId;

  // A community named in the address picks it (and its street); one named in the text only while none is picked.
  const onValues = (changed: Partial<Values>) => {
    const address = changed.address ?? (form.getFieldValue('community') ? undefined : changed.text);
    const hit = address !== undefined && places.find((p) => address.includes(p.name));
    if (hit && hit.name !== form.getFieldValue('community')) form.setFieldsValue({ community: hit.name });
  };

  const submit = async (v: Values) => {
    setSending(true);
    setError(null);
    // The server finds the street from a community named in the address.
    const address = [v.community && !v.address?.includes(v.community) ? v.community : '', v.address?.trim() ?? ''].join('').trim() || undefined;
    try {
      const r = await api.post<IntakeResult>('/api/requests', {
        text: v.text.trim(),
        contactName: v.anonymous ? undefined : v.contactName?.trim() || undefined,
        phone: v.anonymous ? undefined : v.phone?.trim() || undefined,
        address,
        channel: 'phone',
        anonymous: v.anonymous,
        confidential: v.confidential,
      });
      void message.success(`已登记，工单号 ${r.ticketNo}${r.duplicates.length ? `；发现 ${r.duplicates.length} 件可能重复的诉求` : ''}`);
      const state: RequestPageState = { prefill: choice };
      navigate(requestPath(r.id), { state });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fields.length) {
        const known = new Set(['text', 'contactName', 'phone', 'address']);
        form.setFields(e.fields.filter((f) => known.has(f.field)).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
        setError(e.fields.some((f) => !known.has(f.field)) ? e.fields.map((f) => f.message).join('；') : null);
      } else setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  const pick = (field: LabelField, value: string) => setChoice((s) => ({ ...s, [field]: value }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/desk/requests">诉求工作台</Link> }, { title: '来电登记' }]} />
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4, fontSize: 26 }}>
          来电登记
        </Typography.Title>
        <Typography.Paragraph style={{ color: '#434343', marginBottom: 0 }}>
          边听边记：系统会自动建议诉求类型、分类和承办部门，并查找可以当场答复的办事指南。
        </Typography.Paragraph>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={cardTitle('来电内容')} size="small">
            <Form form={form} layout="vertical" onFinish={submit} onValuesChange={onValues} requiredMark initialValues={{ anonymous: false, confidential: false }}>
              <Form.Item name="text" label="诉求内容" rules={[{ required: true, whitespace: true, message: '请填写诉求内容' }, { min: 5, message: '请把诉求说清楚（至少 5 个字）' }]}>
                <Input.TextArea rows={6} maxLength={4000} showCount placeholder="记录来电人反映的问题：时间、地点、事情经过和诉求" />
              </Form.Item>
              <Space wrap size={[24, 0]}>
                <Form.Item name="anonymous" valuePropName="checked" extra="不记录来电人姓名和电话">
                  <Checkbox
                    onChange={(e) => {
                      if (e.target.checked) form.setFieldsValue({ contactName: undefined, phone: undefined });
                    }}
                  >
                    匿名反映
                  </Checkbox>
                </Form.Item>
                <Form.Item name="confidential" valuePropName="checked" extra="只有热线中心能看到来电人">
                  <Checkbox>保密件</Checkbox>
                </Form.Item>
              </Space>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="contactName"
                    label="来电人称呼"
                    rules={anonymous ? [] : [{ required: true, whitespace: true, message: '请填写来电人称呼（如：王先生），或选择匿名反映' }]}
                  >
                    <Input maxLength={50} disabled={anonymous} placeholder={anonymous ? '匿名反映' : '如：王先生'} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="phone" label="联系电话" rules={[{ pattern: PHONE, message: '请填写正确的手机号或固定电话' }]}>
                    <Input maxLength={20} inputMode="tel" disabled={anonymous} placeholder={anonymous ? '匿名反映' : '来电号码'} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={16}>
                <Col xs={24} sm={10}>
                  <Form.Item name="community" label="所属社区" extra={street ? `所属街道：${departmentName(departments, street)}` : '内容或地址提到社区名时会自动选择'}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder="选择社区"
                      options={places.map((p) => ({ value: p.name, label: `${p.name}（${departmentName(departments, p.streetId)}）` }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={14}>
                  <Form.Item name="address" label="详细地址">
                    <Input maxLength={180} placeholder="如：春晖社区 12 栋楼下" />
                  </Form.Item>
                </Col>
              </Row>
              {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
              <Space wrap>
                <Button type="primary" size="large" htmlType="submit" loading={sending}>
                  登记并生成工单
                </Button>
                <Link to="/desk/requests">返回工作台</Link>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            {c?.urgent && (
              <Alert
                type="error"
                showIcon
                icon={<AlertOutlined aria-hidden />}
                role="alert"
                title="紧急诉求"
                description={`内容涉及人身或公共安全，登记后请立即派单，并视情况转 110 / 119 / 120。紧急诉求须在 ${meta?.timeLimits.urgentHours ?? 2} 小时内处置。`}
              />
            )}
            <Card title={cardTitle('自动分类建议')} size="small" extra={assist.loading ? <Spin size="small" /> : null}>
              <p className="tb-sr-only" aria-live="polite">
                {c ? `建议：${choice.type ?? c.type}，${choice.category ?? c.category}，${departmentName(departments, choice.departmentId ?? c.departmentId)}${c.urgent ? '。紧急诉求' : ''}` : ''}
              </p>
              <div>
                {assist.error ? (
                  <Alert type="warning" showIcon title="自动分类暂不可用" description={errorMessage(assist.error)} />
                ) : c ? (
                  <>
                    <ClassificationView c={c} departments={departments} selected={choice as LabelChoice} onSelect={pick} />
                    <p className="tb-muted" style={{ margin: '12px 0 0' }}>点选的类型、分类和部门会带到派单表单中。</p>
                  </>
                ) : (
                  <p className="tb-muted" style={{ margin: 0 }}>输入至少 5 个字的诉求内容后，这里会显示建议。</p>
                )}
              </div>
            </Card>
            <Card title={cardTitle('可当场答复的办事指南')} size="small">
              <KnowledgeMatches search={assist.search} />
            </Card>
          </div>
        </Col>
      </Row>
    </Space>
  );
}
