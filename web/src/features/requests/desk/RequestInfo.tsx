// The cards of the request page: the request itself, the classifier's proposal (hotline only), the
// attachments, and the time limit.
import { Alert, Card, Descriptions, List, Space } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ReplyResultLabel, RequestChannelLabel, SatisfactionLabel } from '../../../../../domain/requests.ts';
import type { DepartmentInfo } from '../../../lib/types.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { departmentName, DueBadge, type RequestDetail } from '../shared/index.ts';
import { ClassificationView } from './ClassificationView.tsx';
import { requestPath } from './DeskQueueTable.tsx';

const cardTitle = (text: string) => <h2 className="tb-card-h2">{text}</h2>;

function contactText(d: RequestDetail): string {
  if (d.anonymous) return d.contactName ? `${d.contactName}（匿名反映）` : '匿名反映';
  if (!d.contactName && !d.phone) return d.confidential ? '保密件，不向承办部门显示' : '—';
  return d.contactName ?? '—';
}

export function RequestCard({ d, departments }: { d: RequestDetail; departments: DepartmentInfo[] | undefined }) {
  const place = [d.community, d.streetId ? departmentName(departments, d.streetId) : null].filter(Boolean).join(' · ');
  const items = [
    { key: 'contact', label: '联系人', children: contactText(d) },
    { key: 'phone', label: '联系电话', children: d.phone ?? (d.anonymous || d.confidential ? '不显示' : '—') },
    { key: 'address', label: '地址', children: d.address || '—' },
    { key: 'place', label: '社区 / 街道', children: place || '—' },
    { key: 'channel', label: '渠道', children: RequestChannelLabel[d.channel] ?? d.channel },
    { key: 'received', label: '受理时间', children: formatDateTime(d.receivedAt) },
    { key: 'type', label: '类型 / 分类', children: `${d.type} / ${d.category}` },
    { key: 'dept', label: d.status === 'received' ? '建议承办部门' : '主办部门', children: departmentName(departments, d.departmentId) },
    { key: 'co', label: '协办部门', children: d.coDepartmentIds?.length ? d.coDepartmentIds.map((id) => departmentName(departments, id)).join('、') : '—' },
  ];
  if (d.confidential) items.push({ key: 'conf', label: '保密', children: '是（只有热线中心能看到来电人）' });
  return (
    <Card title={cardTitle('诉求内容')} size="small">
      <p className="tb-desk-text">{d.text}</p>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={items} />
      {(d.replyText || d.satisfaction) && (
        <div className="tb-desk-reply" style={{ marginTop: 12 }}>
          {d.replyText && (
            <>
              <div>
                <strong>答复</strong>（{d.replyResult ? ReplyResultLabel[d.replyResult] : '—'}）
              </div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{d.replyText}</div>
            </>
          )}
          {d.satisfaction && <div style={{ marginTop: 4 }}>回访评价：{SatisfactionLabel[d.satisfaction]}</div>}
        </div>
      )}
    </Card>
  );
}

export function ClassificationCard({ d, departments }: { d: RequestDetail; departments: DepartmentInfo[] | undefined }) {
  const c = d.classification;
  if (!c) return null;
  return (
    <Card title={cardTitle('受理时的自动分类建议')} size="small">
      <ClassificationView c={c} departments={departments} />
      {c.duplicates && c.duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title="可能重复的诉求（7 日内同一电话或地点、内容相近）"
          description={
            <Space wrap>
              {c.duplicates.map((x) => (
                <Link key={x.id} to={requestPath(x.id)}>
                  {x.ticketNo}
                </Link>
              ))}
            </Space>
          }
        />
      )}
    </Card>
  );
}

export function AttachmentsCard({ d }: { d: RequestDetail }) {
  if (!d.attachments?.length) return null;
  return (
    <Card title={cardTitle('附件')} size="small">
      <List
        size="small"
        dataSource={d.attachments}
        renderItem={(a) => (
          <List.Item>
            <a href={`/api/files/${encodeURIComponent(a.fileId)}`} target="_blank" rel="noopener noreferrer">
              <FileOutlined aria-hidden /> {a.name}
              <span className="tb-sr-only">（在新标签页打开）</span>
            </a>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function DueCard({ d, urgentHours }: { d: RequestDetail; urgentHours?: number }) {
  const items = [
    { key: 'due', label: '办理时限', children: formatDateTime(d.dueAt) },
    { key: 'left', label: '剩余', children: <DueBadge status={d.status} receivedAt={d.receivedAt} dueAt={d.dueAt} /> },
  ];
  if (d.supervised) items.push({ key: 'sup', label: '督办期限', children: d.superviseDueAt ? formatDateTime(d.superviseDueAt) : '已列入督办' });
  if (d.extensionRequested) items.push({ key: 'ext', label: '申请延期', children: `${d.extensionRequested} 个工作日（待批准）` });
  if (d.returnsCount) items.push({ key: 'ret', label: '退单次数', children: `${d.returnsCount} 次` });
  if (d.reopenCount) items.push({ key: 'reo', label: '重办次数', children: `${d.reopenCount} 次` });
  return (
    <Card title={cardTitle('办理时限')} size="small">
      <Descriptions column={1} size="small" items={items} />
      {d.urgent && <p style={{ margin: '8px 0 0', color: '#a8071a' }}>紧急诉求：须在受理后 {urgentHours ?? 2} 小时内处置。</p>}
    </Card>
  );
}
