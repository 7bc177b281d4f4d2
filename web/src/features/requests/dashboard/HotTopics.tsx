// 热点话题: the categories and words that came up more this week than the week before.
import { Col, Empty, Row } from 'antd';
import { ArrowUpOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { RequestStats, Rising } from './types.ts';

const span = (w: { from: string; to: string }) => `${dayjs(w.from).format('M月D日')}–${dayjs(w.to).format('M月D日')}`;

function Growth({ r }: { r: Rising }) {
  const text = r.growth === null ? '新出现' : `增长 ${Math.round(r.growth * 100)}%`;
  return (
    <span className="tb-dash-growth">
      <ArrowUpOutlined aria-hidden /> {text}
    </span>
  );
}

function RisingList({ title, rows, empty }: { title: string; rows: (Rising & { name: string })[]; empty: string }) {
  return (
    <section aria-label={title}>
      <h3 className="tb-dash-subtitle">{title}</h3>
      {rows.length ? (
        <ol className="tb-dash-rising">
          {rows.map((r) => (
            <li key={r.name}>
              <strong>{r.name}</strong>
              <span className="tb-dash-counts">
                本周 {r.thisWeek} 件 · 上周 {r.lastWeek} 件
              </span>
              <Growth r={r} />
            </li>
          ))}
        </ol>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      )}
    </section>
  );
}

export function HotTopics({ topics }: { topics: RequestStats['hotTopics'] }) {
  return (
    <>
      <p className="tb-dash-hint">
        本周（{span(topics.thisWeek)}）与上周（{span(topics.lastWeek)}）相比上升的分类和关键词，按增加的件数排序；关键词已去掉地名和常用词。
      </p>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={10}>
          <RisingList title="上升的分类" rows={topics.categories.map((c) => ({ ...c, name: c.category }))} empty="本周没有上升的分类" />
        </Col>
        <Col xs={24} md={14}>
          <RisingList title="上升的关键词" rows={topics.keywords.slice(0, 12).map((k) => ({ ...k, name: k.keyword }))} empty="本周没有明显上升的关键词" />
        </Col>
      </Row>
    </>
  );
}
