// The 智能客服 chat panel: message log (user right, assistant left), result cards, action buttons,
// follow-up chips, input with Enter to send, 正在输入… while waiting, an error with 重试, 清空对话.
// A floating non-modal dialog on wide screens; a full-screen modal page at phone width and in 长辈版
// (no small pop-ups there), with focus kept inside.
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Input } from 'antd';
import { AppstoreOutlined, CloseOutlined, DeleteOutlined, FileTextOutlined, PhoneOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useElderly } from '../../app/elderly.tsx';
import type { AssistantAction, AssistantCard } from '../../lib/types.ts';
import type { PendingQuestion } from './AssistantProvider.tsx';
import { useConversation, type ChatMessage } from './useConversation.ts';

const GREETING = '您好！我是安澜市示范区一网通办智能客服。请用一句话说说您要办什么事，我帮您找到对应的事项、材料和办理方式。';
const STARTERS = ['身份证丢了怎么补办？', '怎么提取住房公积金？', '孩子出生要办哪些事？', '怎么办营业执照？'];

const LIST_LINE = /^\s*(?:[-•·*]|\d+[.、)）]|[（(]\d+[)）])\s*/;
const NUMBERED = /^\s*(?:\d+[.、)）]|[（(]\d+[)）])/;

/** Reply text as paragraphs and lists: lines starting with "-", "•" or "1." become list items. */
export function ReplyText({ text }: { text: string }) {
  const blocks: { list: 'ul' | 'ol' | null; lines: string[] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const isList = LIST_LINE.test(line);
    const kind = isList ? (NUMBERED.test(line) ? 'ol' : 'ul') : null;
    const last = blocks[blocks.length - 1];
    const content = isList ? line.replace(LIST_LINE, '') : line;
    if (kind && last && last.list === kind) last.lines.push(content);
    else blocks.push({ list: kind, lines: [content] });
  }
  return (
    <>
      {blocks.map((b, i) =>
        b.list === 'ol' ? (
          <ol key={i}>
            {b.lines.map((l, j) => (
              <li key={j}>{l}</li>
            ))}
          </ol>
        ) : b.list === 'ul' ? (
          <ul key={i}>
            {b.lines.map((l, j) => (
              <li key={j}>{l}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{b.lines[0]}</p>
        ),
      )}
    </>
  );
}

const isInternal = (href: string) => href.startsWith('/') && !href.startsWith('//');

function ActionLink({ action, onNavigate }: { action: AssistantAction; onNavigate: () => void }) {
  const primary = /申请|办理/.test(action.label);
  const cls = `tb-assistant-action${primary ? ' is-primary' : ''}`;
  if (isInternal(action.href)) {
    return (
      <Link to={action.href} className={cls} onClick={onNavigate}>
        {action.label}
      </Link>
    );
  }
  const external = /^https?:/i.test(action.href);
  return (
    <a href={action.href} className={cls} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {action.label}
      {external ? <span className="tb-sr-only">（在新窗口打开）</span> : null}
    </a>
  );
}

function CardLink({ card, onNavigate }: { card: AssistantCard; onNavigate: () => void }) {
  const bundle = card.kind === 'bundle';
  return (
    <Link to={card.link} className="tb-assistant-card" onClick={onNavigate}>
      {bundle ? <AppstoreOutlined aria-hidden className="tb-assistant-card-icon" /> : <FileTextOutlined aria-hidden className="tb-assistant-card-icon" />}
      <span className="tb-assistant-card-body">
        <span className="tb-assistant-card-name">{card.name}</span>
        <span className="tb-assistant-card-meta">
          {bundle ? '一件事' : '办事指南'}
          {card.departmentName ? ` · ${card.departmentName}` : ''}
        </span>
      </span>
    </Link>
  );
}

/** Hand-over to people: the 12345 hotline by phone, or the question filed online as a 12345 request (诉求). */
function Hotline({ question, onNavigate }: { question?: string; onNavigate: () => void }) {
  return (
    <div className="tb-assistant-handoff" role="note">
      <PhoneOutlined aria-hidden className="tb-assistant-handoff-icon" />
      <div>
        <p>这个问题我暂时答不好，建议您咨询人工服务：</p>
        <div className="tb-assistant-handoff-links">
          <a href="tel:12345" className="tb-assistant-hotline">
            拨打 12345 政务服务便民热线
          </a>
          <Link to="/requests/new" state={question ? { text: question } : undefined} className="tb-assistant-hotline" onClick={onNavigate}>
            在线提交诉求
          </Link>
        </div>
        <p className="tb-assistant-handoff-note">7×24 小时人工服务，也可以到政务服务中心窗口咨询。在线提交的诉求由 12345 热线受理并按时答复。</p>
      </div>
    </div>
  );
}

function MessageView({ m, question, onNavigate }: { m: ChatMessage; question?: string; onNavigate: () => void }) {
  if (m.role === 'user') {
    return (
      <li className="tb-assistant-msg is-user">
        <span className="tb-sr-only">我说：</span>
        <div className="tb-assistant-bubble">{m.text}</div>
      </li>
    );
  }
  return (
    <li className="tb-assistant-msg is-bot">
      <span className="tb-assistant-avatar" aria-hidden>
        通
      </span>
      <div className="tb-assistant-bubble">
        <span className="tb-sr-only">智能客服说：</span>
        <ReplyText text={m.text} />
        {m.cards?.length ? (
          <ul className="tb-assistant-cards" aria-label="相关事项">
            {m.cards.map((c) => (
              <li key={`${c.kind}-${c.code}`}>
                <CardLink card={c} onNavigate={onNavigate} />
              </li>
            ))}
          </ul>
        ) : null}
        {m.actions?.length ? (
          <div className="tb-assistant-actions">
            {m.actions.map((a) => (
              <ActionLink key={`${a.label}-${a.href}`} action={a} onNavigate={onNavigate} />
            ))}
          </div>
        ) : null}
        {m.handoff ? <Hotline question={question} onNavigate={onNavigate} /> : null}
      </div>
    </li>
  );
}

function useFullScreen(): boolean {
  const { elderly } = useElderly();
  const query = '(max-width: 600px)';
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setNarrow(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return elderly || narrow;
}

export interface ChatPanelProps {
  open: boolean;
  onClose: () => void;
  pending: PendingQuestion | null;
  onPendingTaken: () => void;
}

export default function ChatPanel({ open, onClose, pending, onPendingTaken }: ChatPanelProps) {
  const { messages, busy, error, send, retry, clear } = useConversation();
  const fullScreen = useFullScreen();
  const [draft, setDraft] = useState('');
  const panelRef = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const logRef = useRef<HTMLDivElement>(null);

  // A question handed over by another page (the no-match search page) is sent once.
  const taken = useRef(0);
  useEffect(() => {
    if (pending && open && pending.n !== taken.current) {
      taken.current = pending.n;
      send(pending.text);
      onPendingTaken();
    }
  }, [pending, open, send, onPendingTaken]);

  // Focus the input when the panel opens.
  useEffect(() => {
    if (open) requestAnimationFrame(() => inputRef.current?.focus());
  }, [open]);

  // Keep the conversation moving into view: a new answer from its first line (answers can be long),
  // anything else (the question, 正在输入…, an error) at the bottom.
  useEffect(() => {
    const log = logRef.current;
    if (!open || !log) return;
    const last = messages[messages.length - 1];
    const lastEl = log.querySelector<HTMLElement>('.tb-assistant-list > li:last-child');
    if (last?.role === 'assistant' && !busy && !error && lastEl) log.scrollTop = Math.max(0, lastEl.offsetTop - log.offsetTop - 12);
    else log.scrollTop = log.scrollHeight;
  }, [open, messages, busy, error]);

  // Full screen: the page behind does not scroll.
  useEffect(() => {
    if (!open || !fullScreen) return;
    const prev = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = prev;
    };
  }, [open, fullScreen]);

  const close = onClose;
  /** Following a link: a full-screen panel gets out of the way so the page is visible. */
  const onNavigate = useCallback(() => {
    if (fullScreen) close();
  }, [fullScreen, close]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!draft.trim() || busy) return;
    send(draft);
    setDraft('');
  };

  const onInputKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter is a new line; an Enter that finishes an IME composition does neither.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submit();
    }
  };

  const onPanelKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== 'Tab' || !fullScreen || !panelRef.current) return;
    // Modal (full screen): Tab cycles inside the panel.
    const focusable = [...panelRef.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), [tabindex="0"]')].filter(
      (el) => el.offsetParent !== null,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const lastBot = [...messages].reverse().find((m) => m.role === 'assistant');
  const chips = messages.length === 0 ? STARTERS : messages[messages.length - 1]?.role === 'assistant' ? (lastBot?.suggestions ?? []) : [];

  return (
    <section
      id="tb-assistant-panel"
      ref={panelRef}
      className={`tb-assistant-panel${fullScreen ? ' is-full' : ''}`}
      role="dialog"
      aria-modal={fullScreen ? true : undefined}
      aria-labelledby="tb-assistant-title"
      hidden={!open}
      onKeyDown={onPanelKey}
    >
      <header className="tb-assistant-head">
        <span className="tb-assistant-avatar is-head" aria-hidden>
          通
        </span>
        <div className="tb-assistant-titles">
          <h2 id="tb-assistant-title" className="tb-assistant-title">
            智能客服
          </h2>
          <span className="tb-assistant-sub">在线解答办事问题</span>
        </div>
        <button
          type="button"
          className="tb-assistant-icon-btn"
          onClick={() => {
            clear();
            setDraft('');
            inputRef.current?.focus();
          }}
          disabled={!messages.length && !error}
          aria-label="清空对话"
        >
          <DeleteOutlined aria-hidden />
          <span>清空对话</span>
        </button>
        <button type="button" className="tb-assistant-icon-btn" onClick={close} aria-label="关闭智能客服">
          <CloseOutlined aria-hidden />
          <span aria-hidden>关闭</span>
        </button>
      </header>

      <div ref={logRef} className="tb-assistant-log" tabIndex={0} role="log" aria-label="对话记录" aria-live="polite" aria-relevant="additions text">
        <ol className="tb-assistant-list">
          <li className="tb-assistant-msg is-bot">
            <span className="tb-assistant-avatar" aria-hidden>
              通
            </span>
            <div className="tb-assistant-bubble">
              <p>{GREETING}</p>
            </div>
          </li>
          {messages.map((m, i) => (
            <MessageView key={m.id} m={m} question={m.handoff ? messages.slice(0, i).reverse().find((q) => q.role === 'user')?.text : undefined} onNavigate={onNavigate} />
          ))}
          {busy ? (
            <li className="tb-assistant-msg is-bot">
              <span className="tb-assistant-avatar" aria-hidden>
                通
              </span>
              <div className="tb-assistant-bubble tb-assistant-typing">
                <span className="tb-assistant-dots" aria-hidden>
                  <i />
                  <i />
                  <i />
                </span>
                正在输入…
              </div>
            </li>
          ) : null}
        </ol>
        {error ? (
          <Alert
            className="tb-assistant-error"
            role="alert"
            type="error"
            showIcon
            title="消息没有发送成功"
            description={error.message}
            action={
              <Button icon={<ReloadOutlined aria-hidden />} onClick={retry} disabled={busy}>
                重试
              </Button>
            }
          />
        ) : null}
      </div>

      {chips.length && !busy ? (
        <div className="tb-assistant-chips" role="group" aria-label={messages.length ? '您可以接着问' : '您可以这样问'}>
          {chips.map((c) => (
            <button
              key={c}
              type="button"
              className="tb-assistant-chip"
              onClick={() => {
                send(c);
                // The chips go away while the answer loads: keep focus in the conversation.
                inputRef.current?.focus();
              }}
            >
              {c}
            </button>
          ))}
        </div>
      ) : null}

      <form className="tb-assistant-form" onSubmit={submit}>
        <label htmlFor="tb-assistant-input" className="tb-sr-only">
          输入您的问题（按回车发送，Shift+回车换行）
        </label>
        <Input.TextArea
          id="tb-assistant-input"
          ref={(r) => {
            inputRef.current = r?.resizableTextArea?.textArea ?? null;
          }}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onInputKey}
          placeholder="请输入您的问题"
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={200}
        />
        <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} disabled={!draft.trim() || busy} className="tb-assistant-send">
          发送
        </Button>
      </form>
    </section>
  );
}
