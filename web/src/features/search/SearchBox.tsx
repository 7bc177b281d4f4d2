// The search box with typeahead (antd AutoComplete over GET /api/search/suggest, 150 ms debounce).
// Typing and Enter searches what was typed; ↓/↑ then Enter opens a suggestion: an item or a bundle goes
// straight to its page, a query suggestion runs that search. Used on the home page and the results page.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { AutoComplete, Button, Input } from 'antd';
import { AppstoreOutlined, FileTextOutlined, SearchOutlined } from '@ant-design/icons';
import { api, qs } from '../../lib/api.ts';
import type { SearchSuggestion } from '../../lib/types.ts';
import { KIND_LABEL, resultLink, searchLink } from './searchApi.ts';
import './search.css';

const DEBOUNCE_MS = 150;

interface Option {
  value: string;
  label: ReactNode;
  suggestion: SearchSuggestion;
}

function KindIcon({ kind }: { kind: SearchSuggestion['kind'] }) {
  if (kind === 'bundle') return <AppstoreOutlined aria-hidden className="tb-suggest-icon" />;
  if (kind === 'item') return <FileTextOutlined aria-hidden className="tb-suggest-icon" />;
  return <SearchOutlined aria-hidden className="tb-suggest-icon" />;
}

/** The suggestions for `text`, fetched `DEBOUNCE_MS` after the last keystroke; stale answers are dropped. */
function useSuggestions(text: string): SearchSuggestion[] {
  const [list, setList] = useState<SearchSuggestion[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setList([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<{ suggestions: SearchSuggestion[] }>(`/api/search/suggest${qs({ q })}`)
        .then((r) => live && setList(r.suggestions ?? []))
        .catch(() => live && setList([]));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return list;
}

export interface SearchBoxProps {
  id: string;
  /** The label screen readers announce (visually hidden). */
  label?: string;
  /** Text the box starts with (the current query on the results page). */
  initial?: string;
  placeholder?: string;
  /** Bigger input (长辈版 on the home page). */
  big?: boolean;
  /** Where an empty search goes; by default nowhere. */
  emptyTarget?: string;
  className?: string;
}

export function SearchBox({ id, label = '搜索办事事项', initial = '', placeholder = '输入您要办的事，如：身份证、生育登记、营业执照', big, emptyTarget, className }: SearchBoxProps) {
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const [open, setOpen] = useState(false);
  const selecting = useRef(false);
  useEffect(() => setQ(initial), [initial]);

  const suggestions = useSuggestions(open ? q : '');
  const options: Option[] = suggestions.map((s, i) => ({
    value: `__s${i}`,
    suggestion: s,
    label: (
      <span className="tb-suggest-option">
        <KindIcon kind={s.kind} />
        <span className="tb-suggest-text">
          {s.text}
          {s.name && s.name !== s.text ? <span className="tb-suggest-name"> → {s.name}</span> : null}
        </span>
        <span className="tb-suggest-kind">（{KIND_LABEL[s.kind]}）</span>
      </span>
    ),
  }));

  const runSearch = (text: string) => {
    const v = text.trim();
    setOpen(false);
    if (v) navigate(searchLink(v));
    else if (emptyTarget) navigate(emptyTarget);
  };

  const choose = (s: SearchSuggestion) => {
    setOpen(false);
    setQ(s.text);
    if ((s.kind === 'item' || s.kind === 'bundle') && s.code) navigate(resultLink(s.kind, s.code));
    else runSearch(s.text);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    runSearch(q);
  };

  // In an open list antd swallows Enter (no form submit) even when no suggestion is highlighted;
  // then Enter must still search what was typed. An Enter that finishes an IME composition is not a submit.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (selecting.current) {
      selecting.current = false;
      return;
    }
    e.preventDefault();
    runSearch(q);
  };

  return (
    <form role="search" className={`tb-hero-search tb-search-form${className ? ` ${className}` : ''}`} onSubmit={submit}>
      <label htmlFor={id} className="tb-sr-only">
        {label}
      </label>
      <AutoComplete<string, Option>
        className="tb-search-ac"
        classNames={{ popup: { root: 'tb-suggest-popup' } }}
        value={q}
        options={options}
        open={open && options.length > 0}
        onOpenChange={(o) => {
          if (!o) setOpen(false);
        }}
        onSearch={(v) => {
          setQ(v);
          setOpen(true);
        }}
        onChange={(v) => {
          // Picking an option reports its key; the text is set in onSelect.
          if (!v.startsWith('__s')) setQ(v);
        }}
        onSelect={(_v, option) => {
          selecting.current = true;
          // A mouse pick has no Enter keydown to reset the flag.
          setTimeout(() => (selecting.current = false), 0);
          choose(option.suggestion);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        popupMatchSelectWidth
      >
        <Input
          id={id}
          size="large"
          placeholder={placeholder}
          prefix={<SearchOutlined aria-hidden />}
          allowClear
          className={big ? 'tb-hero-input-big' : undefined}
          autoComplete="off"
        />
      </AutoComplete>
      <Button type="primary" htmlType="submit" size="large" className="tb-hero-search-btn">
        搜索
      </Button>
    </form>
  );
}
