// The saved versions of an item; any one can be viewed and loaded back into the editor.
import { useState } from 'react';
import { Button, Card, Descriptions, List, Modal, Space } from 'antd';
import type { ItemContent } from '../../../../../domain/catalog.ts';
import { OnlineDepthLabel, MaterialFormLabel, SharedSourceLabel } from '../../../../../domain/enums.ts';
import { fmtTime } from '../shared.tsx';

export interface ItemVersion {
  version: number;
  createdAt: string;
  createdBy: string | null;
  content: ItemContent;
}

interface Props {
  versions: ItemVersion[] | null;
  current: number | undefined;
  error: string | null;
  onRestore: (content: ItemContent, version: number) => void;
  departments: { id: string; name: string }[];
}

export function VersionHistory({ versions, current, error, onRestore, departments }: Props) {
  const [viewing, setViewing] = useState<ItemVersion | null>(null);
  const list = versions ? [...versions].sort((a, b) => b.version - a.version) : [];
  return (
    <Card title="版本历史" size="small">
      {error && <p style={{ color: '#a8071a' }}>{error}</p>}
      <List
        size="small"
        loading={versions === null && !error}
        dataSource={list}
        locale={{ emptyText: <span style={{ color: '#262626' }}>暂无历史版本</span> }}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Button key="view" size="small" onClick={() => setViewing(v)}>
                查看<span className="tb-sr-only">第 {v.version} 版</span>
              </Button>,
            ]}
          >
            <div>
              <div style={{ fontWeight: 600 }}>
                第 {v.version} 版{v.version === current ? '（当前）' : ''}
              </div>
              <div style={{ color: '#434343', fontSize: 13 }}>
                {fmtTime(v.createdAt)} · {v.createdBy ?? '系统导入'}
              </div>
            </div>
          </List.Item>
        )}
      />
      <Modal
        open={!!viewing}
        title={viewing ? `第 ${viewing.version} 版内容` : ''}
        onCancel={() => setViewing(null)}
        width={720}
        footer={
          <Space>
            <Button onClick={() => setViewing(null)}>关闭</Button>
            {viewing && viewing.version !== current && (
              <Button
                type="primary"
                onClick={() => {
                  onRestore(viewing.content, viewing.version);
                  setViewing(null);
                }}
              >
                载入到编辑器
              </Button>
            )}
          </Space>
        }
      >
        {viewing && <VersionContent c={viewing.content} department={departments.find((d) => d.id === viewing.content.departmentId)?.name} />}
      </Modal>
    </Card>
  );
}

function VersionContent({ c, department }: { c: ItemContent; department?: string }) {
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'name', label: '名称', children: c.name },
        { key: 'dept', label: '部门', children: department ?? c.departmentId },
        { key: 'type', label: '类型', children: c.type },
        { key: 'limit', label: '法定 / 承诺时限', children: `${c.legalLimitDays} / ${c.promisedLimitDays} 个工作日` },
        { key: 'depth', label: '网办深度', children: OnlineDepthLabel[c.onlineDepth] },
        { key: 'visits', label: '最多跑动', children: `${c.maxVisits} 次` },
        { key: 'cross', label: '跨省通办', children: c.crossProvince ? '是' : '否' },
        { key: 'fee', label: '收费', children: c.fee || '—' },
        {
          key: 'mat',
          label: '材料',
          children: (
            <ol style={{ margin: 0, paddingLeft: 18 }}>
              {c.materials.map((m, i) => (
                <li key={i}>
                  {m.name}（{m.required ? '必需' : '非必需'}，{MaterialFormLabel[m.form]} {m.copies} 份
                  {m.sharedSource ? `，可免提交：${SharedSourceLabel[m.sharedSource]}` : ''}）
                </li>
              ))}
            </ol>
          ),
        },
        { key: 'tags', label: '标签', children: c.tags.join('、') || '—' },
        { key: 'cond', label: '受理条件', children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.acceptConditions || '—'}</div> },
        { key: 'basis', label: '设定依据', children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.legalBasis || '—'}</div> },
      ]}
    />
  );
}
