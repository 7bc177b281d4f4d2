// 知识库: the words that teach smart search how people talk (俗称、同义词、情景、英文词、停用词、非政务话题、热词).
// Filter by kind and text (kept in the URL), page through, create and edit in a modal, delete with a confirm.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Table } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router-dom';
import { SoftTag } from '../../../components/index.ts';
import { api, qs } from '../../../lib/api.ts';
import { useApi } from '../../../lib/useApi.ts';
import type { KnowledgeEntry, KnowledgeKind } from '../../../lib/types.ts';
import { AdminTitle, KeyboardScroll, emptyText, fieldLabel, fmtTime } from '../shared.tsx';
import { KIND_LABEL, KIND_TONE, KNOWLEDGE_KINDS } from './knowledge.ts';
import { KnowledgeFormModal } from './KnowledgeFormModal.tsx';
import { useCatalogue, type CatalogueEntry } from './useCatalogue.ts';
import './admin-search.css';

interface KnowledgeList {
  items: KnowledgeEntry[];
  total: number;
  page: number;
  pageSize: number;
}

function Targets({ codes, byCode }: { codes: string[]; byCode: Map<string, CatalogueEntry> }) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {codes.map((c) => {
        const e = byCode.get(c);
        const to = e?.kind === 'bundle' ? `/bundles/${encodeURIComponent(c)}` : `/items/${encodeURIComponent(c)}`;
        return (
          <li key={c}>
            {e ? <Link to={to}>{e.name}</Link> : c}
            {e?.kind === 'bundle' ? <span className="tb-muted">（一件事）</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function KnowledgePage() {
  const { message } = App.useApp();
  const [sp, setSp] = useSearchParams();
  const kind = (sp.get('kind') ?? '') as KnowledgeKind | '';
  const q = sp.get('q') ?? '';
  const page = Number(sp.get('page')) || 1;
  const pageSize = Number(sp.get('pageSize')) || 20;
  const { data, loading, error, reload } = useApi<KnowledgeList>(`/api/admin/knowledge${qs({ kind, q, page, pageSize })}`);
  const catalogue = useCatalogue();
  const [editing, setEditing] = useState<{ entry: KnowledgeEntry | null } | null>(null);
  const [deleting, setDeleting] = useState<KnowledgeEntry['id'] | null>(null);

  const set = (patch: Record<string, string | number>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries<string | number>({ page: 1, ...patch })) {
      if (v === '' || (k === 'page' && String(v) === '1')) next.delete(k);
      else next.set(k, String(v));
    }
    setSp(next);
  };

  const remove = async (entry: KnowledgeEntry) => {
    setDeleting(entry.id);
    try {
      await api.del(`/api/admin/knowledge/${encodeURIComponent(entry.id)}`);
      void message.success(`已删除词条“${entry.term}”`);
      if (data && data.items.length === 1 && page > 1) set({ page: page - 1 });
      else reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '删除失败');
    } finally {
      setDeleting(null);
    }
  };

  const columns: ColumnsType<KnowledgeEntry> = [
    { title: '类型', dataIndex: 'kind', width: 110, render: (k: KnowledgeKind) => <SoftTag tone={KIND_TONE[k] ?? 'grey'}>{KIND_LABEL[k] ?? k}</SoftTag> },
    {
      title: '词条',
      dataIndex: 'term',
      width: 180,
      render: (v: string, r) => (
        <>
          <strong>{v}</strong>
          {r.note ? <div className="tb-muted">{r.note}</div> : null}
        </>
      ),
    },
    {
      title: '指向 / 扩展',
      key: 'target',
      width: 240,
      render: (_, r) =>
        r.targets?.length ? (
          <Targets codes={r.targets} byCode={catalogue.byCode} />
        ) : r.expansion?.length ? (
          <Space size={[4, 4]} wrap>
            {r.expansion.map((x) => (
              <SoftTag key={x} tone="grey">
                {x}
              </SoftTag>
            ))}
          </Space>
        ) : (
          <span className="tb-muted">—</span>
        ),
    },
    {
      title: '状态 / 权重',
      key: 'state',
      width: 100,
      render: (_, r) => (
        <>
          {r.enabled ? <SoftTag tone="green">启用</SoftTag> : <SoftTag tone="grey">停用</SoftTag>}
          <div>权重 {r.weight}</div>
        </>
      ),
    },
    {
      title: '最后修改',
      key: 'updated',
      width: 140,
      render: (_, r) => (
        <>
          {fmtTime(r.updatedAt)}
          {r.updatedBy ? <div className="tb-muted">{r.updatedBy}</div> : null}
        </>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 170,
      render: (_, r) => (
        <Space size={4} wrap>
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing({ entry: r })}>
            编辑<span className="tb-sr-only">{r.term}</span>
          </Button>
          <Popconfirm title={`删除词条“${r.term}”？`} description="删除后立即影响搜索结果。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(r)}>
            <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={deleting === r.id}>
              删除<span className="tb-sr-only">{r.term}</span>
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <AdminTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ entry: null })}>
            新增词条
          </Button>
        }
      >
        知识库
      </AdminTitle>
      <p style={{ color: '#262626' }}>告诉智能搜索群众平时怎么说：俗称、同义词、生活情景都能对应到规范的事项名称。修改保存后立即生效。</p>
      <Card size="small" style={{ marginBottom: 16 }} className="tb-admin-filter">
        <Space wrap align="end">
          <div>
            <label htmlFor="adm-kb-kind" style={fieldLabel}>
              类型
            </label>
            <Select
              id="adm-kb-kind"
              value={kind}
              onChange={(v) => set({ kind: v })}
              style={{ width: 180 }}
              options={[{ value: '', label: '全部类型' }, ...KNOWLEDGE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))]}
            />
          </div>
          <div>
            <label htmlFor="adm-kb-q" style={fieldLabel}>
              词条或扩展词
            </label>
            <Input.Search id="adm-kb-q" key={q} defaultValue={q} allowClear enterButton="搜索" placeholder="如：身份证、公积金" onSearch={(v) => set({ q: v.trim() })} />
          </div>
        </Space>
      </Card>
      {error ? (
        <Alert type="error" showIcon title="知识库加载失败" description={error instanceof Error ? error.message : String(error)} action={<Button onClick={reload}>重试</Button>} />
      ) : (
        <KeyboardScroll label="知识库词条列表">
          <Table<KnowledgeEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            scroll={{ x: 940 }}
            locale={{ emptyText: emptyText(kind || q ? '没有符合条件的词条' : '知识库还是空的，点击“新增词条”添加') }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p, s) => set({ page: p, pageSize: s }),
            }}
          />
        </KeyboardScroll>
      )}
      <KnowledgeFormModal
        open={!!editing}
        entry={editing?.entry ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
    </>
  );
}
