// The conversation with POST /api/assistant: messages, the session id (kept in sessionStorage with the
// messages, so a reload or a trip through the admin pages keeps the conversation), sending, retry, clear.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api.ts';
import { uuid } from '../../lib/format.ts';
import type { AssistantAction, AssistantCard, AssistantReply } from '../../lib/types.ts';

const STORAGE_KEY = 'tongban.assistant';
const MAX_KEPT = 60;

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  cards?: AssistantCard[];
  actions?: AssistantAction[];
  suggestions?: string[];
  handoff?: boolean;
}

interface Stored {
  sessionId: string | null;
  messages: ChatMessage[];
}

function readStored(): Stored {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw) {
      const s = JSON.parse(raw) as Partial<Stored>;
      if (Array.isArray(s.messages)) return { sessionId: typeof s.sessionId === 'string' ? s.sessionId : null, messages: s.messages };
    }
  } catch {
    /* private mode or a broken value: start afresh */
  }
  return { sessionId: null, messages: [] };
}

function writeStored(s: Stored): void {
  try {
    if (!s.sessionId && !s.messages.length) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ sessionId: s.sessionId, messages: s.messages.slice(-MAX_KEPT) }));
  } catch {
    /* the conversation still works for this page */
  }
}

export interface Conversation {
  messages: ChatMessage[];
  busy: boolean;
  /** The last send failed: what failed and the message to send again. */
  error: { message: string; text: string } | null;
  send: (text: string) => void;
  retry: () => void;
  clear: () => void;
}

export function useConversation(): Conversation {
  const [stored, setStored] = useState<Stored>(readStored);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; text: string } | null>(null);
  const sessionRef = useRef<string | null>(stored.sessionId);
  const busyRef = useRef(false);
  const generation = useRef(0);

  useEffect(() => writeStored(stored), [stored]);

  const ask = useCallback(async (text: string) => {
    busyRef.current = true;
    setBusy(true);
    setError(null);
    const mine = generation.current;
    try {
      const r = await api.post<AssistantReply>('/api/assistant', { message: text, ...(sessionRef.current ? { sessionId: sessionRef.current } : {}) });
      if (mine !== generation.current) return; // cleared meanwhile
      sessionRef.current = r.sessionId ?? sessionRef.current;
      const reply: ChatMessage = {
        id: uuid(),
        role: 'assistant',
        text: r.reply ?? '',
        cards: r.cards ?? [],
        actions: r.actions ?? [],
        suggestions: r.suggestions ?? [],
        handoff: !!r.handoff,
      };
      setStored((s) => ({ sessionId: sessionRef.current, messages: [...s.messages, reply] }));
    } catch (e) {
      if (mine !== generation.current) return;
      setError({ message: e instanceof Error ? e.message : '发送失败，请稍后重试', text });
    } finally {
      if (mine === generation.current) {
        busyRef.current = false;
        setBusy(false);
      }
    }
  }, []);

  const send = useCallback(
    (raw: string) => {
      const text = raw.trim();
      if (!text || busyRef.current) return;
      setStored((s) => ({ ...s, messages: [...s.messages, { id: uuid(), role: 'user', text }] }));
      void ask(text);
    },
    [ask],
  );

  const retry = useCallback(() => {
    if (error && !busyRef.current) void ask(error.text);
  }, [ask, error]);

  const clear = useCallback(() => {
    generation.current++;
    sessionRef.current = null;
    busyRef.current = false;
    setBusy(false);
    setError(null);
    setStored({ sessionId: null, messages: [] });
  }, []);

  return { messages: stored.messages, busy, error, send, retry, clear };
}
