// Services that match what the caller asks, so a consultation can be answered on the spot (then 直接办结).
// Links open in a new tab: the call entry form stays as it is.
import { List, Space } from 'antd';
import { SoftTag } from '../../../components/SoftTag.tsx';
import { limitText } from '../../../lib/format.ts';
import type { SearchResponse } from '../../../lib/types.ts';
import { KIND_LABEL, resultLink } from '../../search/searchApi.ts';

export function KnowledgeMatches({ search }: { search: SearchResponse | null }) {
  if (!search) return <p className="tb-muted" style={{ margin: 0 }}>输入诉求内容后，这里会列出可以当场答复的办事指南。</p>;
  if (search.outOfScope) return <p style={{ margin: 0 }}>这不属于政务服务事项（{search.outOfScope}），请按诉求登记派单。</p>;
  if (search.noMatch || search.results.length === 0) return <p className="tb-muted" style={{ margin: 0 }}>知识库中没有相符的办事指南。</p>;
  return (
    <List
      size="small"
      dataSource={search.results.slice(0, 5)}
      renderItem={(r) => (
        <List.Item style={{ paddingLeft: 0, paddingRight: 0 }}>
          <Space orientation="vertical" size={2}>
            <a href={resultLink(r.kind, r.code)} target="_blank" rel="noopener noreferrer">
              {r.name}
              <span className="tb-sr-only">（在新标签页打开办事指南）</span>
            </a>
            <Space wrap size={[6, 2]}>
              <SoftTag tone={r.kind === 'bundle' ? 'purple' : 'blue'}>{KIND_LABEL[r.kind]}</SoftTag>
              <span className="tb-muted">{r.departmentName}</span>
              {r.promisedLimitDays !== null && <span className="tb-muted">承诺时限 {limitText(r.promisedLimitDays)}</span>}
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}
