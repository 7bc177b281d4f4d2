// A searchable select of the departments and streets a request can be sent to (not the hotline itself).
import { Select, type SelectProps } from 'antd';
import type { DepartmentInfo } from '../../../lib/types.ts';

export function departmentOptions(departments: DepartmentInfo[] | undefined, exclude: string[] = []) {
  return (departments ?? [])
    .filter((d) => d.id !== 'hotline' && !exclude.includes(d.id))
    .map((d) => ({ value: d.id, label: d.shortName || d.name }));
}

export function DepartmentSelect({ departments, exclude, ...rest }: SelectProps & { departments: DepartmentInfo[] | undefined; exclude?: string[] }) {
  return (
    <Select
      {...rest}
      loading={!departments}
      showSearch={{ optionFilterProp: 'label' }}
      options={departmentOptions(departments, exclude)}
      placeholder={rest.placeholder ?? '选择部门或街道'}
    />
  );
}
