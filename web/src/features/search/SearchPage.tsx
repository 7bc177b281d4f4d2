// 搜索结果 (/search?q=): items and 一件事 ranked by GET /api/search, "您是不是要找", and a no-match page
// that says plainly nothing in the catalogue fits and offers the 12345 hotline, the assistant and the
// full catalogue. The query lives in the URL; opening a result records the click for search analytics.
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button } from 'antd';
import { AppstoreOutlined, CustomerServiceOutlined, PhoneOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageState } from '../../components/PageState.tsx';
import { SoftTag } from '../../components/SoftTag.tsx';
import { qs } from '../../lib/api.ts';
import { limitText } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import type { SearchResponse, SearchResult } from '../../lib/types.ts';
import { useAssistant } from '../assistant/AssistantProvider.tsx';
import { DepthTag } from '../portal/ItemBadges.tsx';
import { HotWords } from './HotWords.tsx';
import { SearchBox } from './SearchBox.tsx';
import { recordClick, resultLink, searchLink } from './searchApi.ts';
import '../portal/portal.css';
import './search.css';

/** Fetched at once (one search-log entry per search); the first SHOWN are listed, the rest on request. */
const LIMIT = 30;
const SHOWN = 10;
const MAX_MATCHED = 6;

function ResultRow({ r, rank, logId, linkRef }: { r: SearchResult; rank: number; logId: string | null; linkRef?: (el: HTMLAnchorElement | null) => void }) {
  const bundle = r.kind === 'bundle';
  const to = resultLink(r.kind, r.code);
  const matched = [...new Set((r.matched ?? []).map((m) => m.trim()).filter(Boolean))].slice(0, MAX_MATCHED);
  return (
    <li className={`tb-result-row${bundle ? ' is-bundle' : ''}`}>
      <h3>
        {bundle ? <AppstoreOutlined aria-hidden className="tb-result-kind-icon" /> : null}
        <Link to={to} ref={linkRef} onClick={() => recordClick(logId, r.code, rank)}>
          {r.name}
        </Link>
        {bundle ? <SoftTag tone="purple">一件事 · {r.itemCount ?? 0}个事项</SoftTag> : null}
      </h3>
      <div className="tb-result-meta">
        {r.departmentName ? <span>{bundle ? '牵头部门' : '实施部门'}：{r.departmentName}</span> : null}
        {bundle ? <span>一次告知、一表申请、并联办理</span> : <span>事项编码：{r.code}</span>}
      </div>
      {bundle ? null : (
        <span className="tb-item-badges">
          {r.onlineDepth ? <DepthTag depth={r.onlineDepth} /> : null}
          {r.promisedLimitDays !== null && r.promisedLimitDays !== undefined ? (
            <SoftTag tone={r.promisedLimitDays === 0 ? 'green' : 'grey'}>{r.promisedLimitDays === 0 ? '即办' : `承诺时限 ${limitText(r.promisedLimitDays)}`}</SoftTag>
          ) : null}
        </span>
      )}
      {matched.length ? (
        <p className="tb-result-matched">
          匹配：
          {matched.map((m, i) => (
            <span key={m}>
              {i ? '、' : ''}
              <mark>{m}</mark>
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

function DidYouMean({ q, suggestion, searched }: { q: string; suggestion: string | null; searched?: boolean }) {
  if (!suggestion || suggestion.trim() === q) return null;
  return (
    <p className="tb-did-you-mean">
      您是不是要找：<Link to={searchLink(suggestion)}>{suggestion}</Link>
      {searched ? <span className="tb-did-you-mean-note">（下面的结果已按“{suggestion}”查找）</span> : null}
    </p>
  );
}

function NoMatch({ q, data }: { q: string; data: SearchResponse }) {
  const { available, openAssistant } = useAssistant();
  const hotline = data.hotline || '12345';
  return (
    <section className="tb-card tb-nomatch" aria-labelledby="nomatch-title">
      <h2 id="nomatch-title" className="tb-section-title">
        没有找到与“{q}”相关的办事事项
      </h2>
      <p className="tb-nomatch-lead">本平台的办事目录中暂时没有与您的描述相符的事项。您可以换个说法再搜，或者通过下面的方式获得帮助。</p>
      {data.outOfScope ? (
        <Alert
          className="tb-nomatch-scope"
          type="info"
          showIcon
          title={`您问的是“${data.outOfScope}”方面的业务`}
          description="该事项不属于政务服务，请咨询相关机构。如果不确定该找哪里，可以拨打 12345 咨询。"
        />
      ) : null}
      <DidYouMean q={q} suggestion={data.suggestion} />
      <ul className="tb-nomatch-ways">
        <li className="tb-nomatch-way">
          <h3>
            <PhoneOutlined aria-hidden /> 拨打政务服务便民热线
          </h3>
          <a href={`tel:${hotline}`} className="tb-nomatch-hotline">
            {hotline}
          </a>
          <p>7×24 小时人工服务，可咨询、求助、投诉和建议。</p>
        </li>
        {available ? (
          <li className="tb-nomatch-way">
            <h3>
              <CustomerServiceOutlined aria-hidden /> 问问智能客服
            </h3>
            <p>用一句话说说您要办的事，智能客服帮您找对应的事项。</p>
            <Button type="primary" size="large" onClick={() => openAssistant(q)}>
              问智能客服“{q.length > 12 ? `${q.slice(0, 12)}…` : q}”
            </Button>
          </li>
        ) : null}
        <li className="tb-nomatch-way">
          <h3>
            <UnorderedListOutlined aria-hidden /> 按部门、主题浏览
          </h3>
          <p>在全部办事事项中按部门、主题或服务对象查找。</p>
          <LinkButton size="large" to="/items">
            浏览全部事项
          </LinkButton>
        </li>
      </ul>
      <HotWords tone="dark" label="大家都在搜：" />
    </section>
  );
}

function Results({ q, data }: { q: string; data: SearchResponse }) {
  const [all, setAll] = useState(false);
  const firstMore = useRef<HTMLAnchorElement | null>(null);
  const wantFocus = useRef(false);
  useEffect(() => setAll(false), [data]);
  useEffect(() => {
    // After 显示更多, continue where the list grew.
    if (all && wantFocus.current) {
      wantFocus.current = false;
      firstMore.current?.focus();
    }
  }, [all]);
  const results = data.results;
  const shown = all ? results : results.slice(0, SHOWN);
  return (
    <section aria-labelledby="results-title">
      <div className="tb-search-summary">
        <h2 id="results-title" className="tb-section-title">
          与“{q}”相关的服务
        </h2>
        <span aria-live="polite">找到 {results.length} 个，最相关的在前</span>
      </div>
      <DidYouMean q={q} suggestion={data.suggestion} searched />
      <ol className="tb-result-list">
        {shown.map((r, i) => (
          <ResultRow key={`${r.kind}-${r.code}`} r={r} rank={i + 1} logId={data.logId} linkRef={i === SHOWN ? (el) => (firstMore.current = el) : undefined} />
        ))}
      </ol>
      <div className="tb-search-foot">
        {!all && results.length > SHOWN ? (
          <Button
            size="large"
            onClick={() => {
              wantFocus.current = true;
              setAll(true);
            }}
          >
            显示更多结果（还有 {results.length - SHOWN} 个）
          </Button>
        ) : null}
        <span className="tb-muted">
          没有找到想办的事？<Link to="/items">浏览全部事项</Link>，或拨打 12345 政务服务便民热线咨询。
        </span>
      </div>
    </section>
  );
}

export default function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const { data, loading, error, reload } = useApi<SearchResponse>(q ? `/api/search${qs({ q, limit: LIMIT })}` : null);
  const noMatch = !!data && (data.noMatch || data.results.length === 0);

  return (
    <div>
      <section className="tb-card tb-search-head" aria-labelledby="search-title">
        <h1 id="search-title" className="tb-page-title">
          {q ? '搜索结果' : '搜索办事服务'}
        </h1>
        <SearchBox id="search-q" initial={q} />
        {q ? null : <HotWords tone="dark" />}
      </section>

      {q ? (
        <PageState loading={loading} error={error} onRetry={reload}>
          {data ? noMatch ? <NoMatch q={q} data={data} /> : <Results q={q} data={data} /> : null}
        </PageState>
      ) : (
        <section className="tb-card" aria-labelledby="search-empty">
          <h2 id="search-empty" className="tb-section-title">
            请输入您要办的事
          </h2>
          <p>可以用自己的话描述，比如“身份证丢了”“孩子上学”“开个小饭馆”，也可以直接输入事项名称。</p>
          <p>
            或者 <Link to="/items">浏览全部事项</Link>、<Link to="/bundles">看看“一件事”</Link>。
          </p>
        </section>
      )}
    </div>
  );
}
