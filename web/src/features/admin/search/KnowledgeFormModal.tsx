// Create or edit one knowledge-base entry in a modal form. Targets (alias, scenario) are picked from the
// catalogue; expansions (synonym, english, out_of_scope) are typed as tags. Field errors of a 400 land on
// their fields; other errors show above the form.
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { api } from '../../../lib/api.ts';
import type { KnowledgeEntry, KnowledgeKind } from '../../../lib/types.ts';
import { toFormPath } from '../shared.tsx';
import { EXPANSION_LABEL, fieldErrors, KIND_HELP, KIND_LABEL, KNOWLEDGE_KINDS, usesExpansion, usesTargets } from './knowledge.ts';
import { useCatalogue } from './useCatalogue.ts';

export interface KnowledgeDraft {
  kind: KnowledgeKind;
  term: string;
  targets: string[];
  expansion: string[];
  weight: number;
  enabled: boolean;
  note: string;
  /** 'gap' when the entry comes from a catalogue gap (目录缺口). */
  source?: 'admin' | 'gap';
}

const EMPTY: KnowledgeDraft = { kind: 'alias', term: '', targets: [], expansion: [], weight: 1, enabled: true, note: '' };

function toDraft(e: KnowledgeEntry): KnowledgeDraft {
  return { kind: e.kind, term: e.term, targets: e.targets ?? [], expansion: e.expansion ?? [], weight: e.weight ?? 1, enabled: e.enabled, note: e.note ?? '' };
}

export interface KnowledgeFormModalProps {
  open: boolean;
  /** The entry being edited; null or undefined creates a new one. */
  entry?: KnowledgeEntry | null;
  /** Starting values for a new entry (e.g. term and kind from a catalogue gap). */
  initial?: Partial<KnowledgeDraft>;
  onClose: () => void;
  onSaved: (entry: KnowledgeEntry) => void;
}

function TargetSelect({ value, onChange, id }: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const catalogue = useCatalogue();
  const label = (name: string, code: string) => `${name}（${code}）`;
  const options = [
    {
      label: '一件事',
      title: '一件事',
      options: catalogue.entries.filter((e) => e.kind === 'bundle').map((e) => ({ value: e.code, label: label(e.name, e.code) })),
    },
    {
      label: '事项',
      title: '事项',
      options: catalogue.entries.filter((e) => e.kind === 'item').map((e) => ({ value: e.code, label: label(e.name, e.code), title: e.departmentName })),
    },
  ];
  // Codes not (or no longer) in the catalogue still show, so they can be removed.
  const known = new Set(catalogue.entries.map((e) => e.code));
  const unknown = (value ?? []).filter((c) => !known.has(c));
  if (unknown.length && !catalogue.loading) options.push({ label: '目录中没有的编码', title: '目录中没有的编码', options: unknown.map((c) => ({ value: c, label: c, title: '' })) });
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={catalogue.loading}
      placeholder={catalogue.error ? '目录加载失败，请关闭后重试' : '输入事项或一件事的名称、编码查找'}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      maxTagTextLength={18}
      notFoundContent={catalogue.loading ? '正在加载目录…' : '没有匹配的事项'}
      style={{ width: '100%' }}
    />
  );
}

export function KnowledgeFormModal({ open, entry, initial, onClose, onSaved }: KnowledgeFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<KnowledgeDraft>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) as KnowledgeKind | undefined;
  const editing = !!entry;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(entry ? toDraft(entry) : { ...EMPTY, ...initial });
  }, [open, entry, initial, form]);

  const save = async () => {
    let values: KnowledgeDraft;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true) as KnowledgeDraft;
    } catch {
      return; // antd shows the field errors
    }
    const body = {
      kind: values.kind,
      term: (values.term ?? '').trim(),
      targets: usesTargets(values.kind) ? (values.targets ?? []) : [],
      expansion: usesExpansion(values.kind) ? (values.expansion ?? []).map((s) => s.trim()).filter(Boolean) : [],
      weight: values.weight ?? 1,
      enabled: values.enabled ?? true,
      note: (values.note ?? '').trim() || null,
      ...(entry ? {} : { source: values.source ?? 'admin' }),
    };
    setSaving(true);
    setError(null);
    try {
      const saved = entry ? await api.put<KnowledgeEntry>(`/api/admin/knowledge/${encodeURIComponent(entry.id)}`, body) : await api.post<KnowledgeEntry>('/api/admin/knowledge', body);
      void message.success(editing ? '词条已保存' : '已加入知识库');
      onSaved(saved);
    } catch (e) {
      const fields = fieldErrors(e);
      const formFields = new Set(['kind', 'term', 'targets', 'expansion', 'weight', 'enabled', 'note']);
      const onForm = fields.filter((f) => formFields.has(String(toFormPath(f.field)[0])));
      if (onForm.length) {
        // 'targets.0' belongs to the targets field as a whole.
        form.setFields(onForm.map((f) => ({ name: toFormPath(f.field)[0] as keyof KnowledgeDraft, errors: [f.message] })));
      }
      const rest = fields.filter((f) => !onForm.includes(f));
      setError(onForm.length && !rest.length ? '请修正表单中标红的内容' : [e instanceof Error ? e.message : '保存失败', ...rest.map((f) => f.message)].join('；'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `编辑词条：${entry?.term}` : '新增知识库词条'}
      okText={editing ? '保存' : '加入知识库'}
      cancelText="取消"
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      forceRender
    >
      {error ? <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={EMPTY} onFinish={save} requiredMark>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]} extra={kind ? KIND_HELP[kind] : undefined}>
          <Select options={KNOWLEDGE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))} />
        </Form.Item>
        <Form.Item
          name="term"
          label={kind === 'hotword' ? '热词' : kind === 'stopword' ? '停用词' : '词条（群众的说法）'}
          rules={[
            { required: true, whitespace: true, message: '请填写词条' },
            { max: 100, message: '词条不能超过 100 字' },
          ]}
        >
          <Input maxLength={100} showCount placeholder="如：身份证丢了" />
        </Form.Item>
        {usesTargets(kind) ? (
          <Form.Item
            name="targets"
            label={kind === 'scenario' ? '指向的一件事或事项' : '指向的事项或一件事'}
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个事项或一件事' }]}
          >
            <TargetSelect />
          </Form.Item>
        ) : null}
        {usesExpansion(kind) ? (
          <Form.Item
            name="expansion"
            label={EXPANSION_LABEL[kind!] ?? '扩展词'}
            extra="输入后按回车添加，可添加多个"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少填写一个词' }]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', '、', ';', '；']} open={false} suffixIcon={null} placeholder="输入后按回车" style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 24px' }}>
          <Form.Item name="weight" label="权重" extra="0.1–5，越大越优先，默认 1" rules={[{ type: 'number', min: 0.1, max: 5, message: '权重应在 0.1 到 5 之间' }]}>
            <InputNumber min={0.1} max={5} step={0.1} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="enabled" label="启用" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        </div>
        <Form.Item name="note" label="备注" rules={[{ max: 500, message: '备注不能超过 500 字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder="来源、理由等，便于其他管理员理解" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
