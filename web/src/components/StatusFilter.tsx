// A row of status buttons that filters a list through the URL (?status=…); choosing one starts again at page 1.
import { Radio } from 'antd';
import type { CSSProperties } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface StatusFilterProps {
  options: { value: string; label: string }[];
  className?: string;
  style?: CSSProperties;
}

export function StatusFilter({ options, className, style }: StatusFilterProps) {
  const [params, setParams] = useSearchParams();
  return (
    <fieldset className={['tb-status-filter', className].filter(Boolean).join(' ')} style={style}>
      <legend className="tb-sr-only">按状态筛选</legend>
      <Radio.Group
        optionType="button"
        value={params.get('status') ?? ''}
        options={options}
        onChange={(e) => {
          const next = new URLSearchParams();
          if (e.target.value) next.set('status', e.target.value);
          setParams(next);
        }}
      />
    </fieldset>
  );
}
