// 热门搜索: the hot words from GET /api/search/hot as links that run the search. Shows nothing while
// loading or when the server has none: the search box works without them.
import { Link } from 'react-router-dom';
import { useElderly } from '../../app/elderly.tsx';
import { useApi } from '../../lib/useApi.ts';
import { searchLink } from './searchApi.ts';
import './search.css';

export function HotWords({ tone = 'light', max, label = '热门搜索：' }: { tone?: 'light' | 'dark'; max?: number; label?: string }) {
  const { elderly } = useElderly();
  const { data } = useApi<{ hotwords: string[] }>('/api/search/hot');
  const words = (data?.hotwords ?? []).slice(0, max ?? (elderly ? 4 : 8));
  if (!words.length) return null;
  return (
    <div className={`tb-hotwords tb-hotwords-${tone}`}>
      <span className="tb-hotwords-label" id={`hotwords-${tone}`}>
        {label}
      </span>
      <ul aria-labelledby={`hotwords-${tone}`}>
        {words.map((w) => (
          <li key={w}>
            <Link to={searchLink(w)} className="tb-hotword">
              {w}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
