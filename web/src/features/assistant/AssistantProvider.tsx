// 智能客服: the floating button on portal pages and the context other pages use to open it
// (the no-match search page asks the assistant with the query). The chat panel itself is lazy-loaded
// the first time it opens and then kept mounted, so a conversation survives closing and reopening.
import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { CustomerServiceOutlined } from '@ant-design/icons';
import './assistant.css';

const ChatPanel = lazy(() => import('./ChatPanel.tsx'));

interface AssistantContextValue {
  /** The widget is shown on this page (portal pages only). */
  available: boolean;
  /** Opens the chat; with a question, asks it right away. */
  openAssistant: (question?: string) => void;
}

const AssistantContext = createContext<AssistantContextValue>({ available: false, openAssistant: () => {} });

export function useAssistant(): AssistantContextValue {
  return useContext(AssistantContext);
}

/** A question handed to the panel; `n` makes asking the same question twice a new request. */
export interface PendingQuestion {
  text: string;
  n: number;
}

export function AssistantProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [pending, setPending] = useState<PendingQuestion | null>(null);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(0);

  const openAssistant = useCallback((question?: string) => {
    setLoaded(true);
    setOpen(true);
    const text = question?.trim();
    if (text) setPending({ text, n: ++asked.current });
  }, []);

  const close = useCallback(() => {
    setOpen(false);
    // Back to where the user came from, as a dialog should.
    requestAnimationFrame(() => launcherRef.current?.focus());
  }, []);

  const value = useMemo(() => ({ available: enabled, openAssistant }), [enabled, openAssistant]);
  const shown = enabled && open;

  return (
    <AssistantContext.Provider value={value}>
      {children}
      {enabled ? (
        <div className="tb-assistant">
          {shown ? null : (
            <button
              ref={launcherRef}
              type="button"
              className="tb-assistant-launcher"
              aria-haspopup="dialog"
              onClick={() => openAssistant()}
            >
              <CustomerServiceOutlined aria-hidden className="tb-assistant-launcher-icon" />
              <span>智能客服</span>
            </button>
          )}
          {loaded ? (
            <Suspense fallback={shown ? <div className="tb-assistant-panel tb-assistant-loading" role="status">智能客服加载中…</div> : null}>
              <ChatPanel open={shown} onClose={close} pending={pending} onPendingTaken={() => setPending(null)} />
            </Suspense>
          ) : null}
        </div>
      ) : null}
    </AssistantContext.Provider>
  );
}
