// The 长辈版 switch: a real toggle button (aria-pressed), used in the header and on the home page.
// The label stays the same; the pressed state is announced by screen readers and shown visually (开/关).
import { useElderly } from './elderly.tsx';

export function ElderlyToggle({ variant = 'header' }: { variant?: 'header' | 'hero' }) {
  const { elderly, setElderly } = useElderly();
  return (
    <button
      type="button"
      className={`tb-elderly-toggle tb-elderly-toggle-${variant}${elderly ? ' is-on' : ''}`}
      aria-pressed={elderly}
      onClick={() => setElderly(!elderly)}
    >
      {variant === 'hero' ? '长辈版（大字体、大按钮）' : '长辈版'}
      <span aria-hidden className="tb-elderly-state">
        {elderly ? '开' : '关'}
      </span>
    </button>
  );
}
