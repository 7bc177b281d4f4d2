// Editor for one item: every ItemContent field, saved with optimistic locking (version), plus its version history.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Col, Form, Row, Space } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ItemContent } from '../../../../../domain/catalog.ts';
import { parseItemForm, pickContent, showServerFieldErrors, toForm, type FormValues } from './itemForm.ts';
import { api, ApiError } from '../../../lib/api.ts';
import type { DepartmentInfo, Item } from '../../../lib/types.ts';
import { PageState } from '../../../components/index.ts';
import { AdminTitle, fmtTime } from '../shared.tsx';
import { ItemContentCards } from './ItemFormFields.tsx';
import { VersionHistory, type ItemVersion } from './VersionHistory.tsx';

export function ItemEditorPage() {
  const { code = '' } = useParams();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [item, setItem] = useState<Item | null>(null);
  const [departments, setDepartments] = useState<DepartmentInfo[]>([]);
  const [versions, setVersions] = useState<ItemVersion[] | null>(null);
  const [versionsError, setVersionsError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  // The save button is at the bottom of a long form: bring the error into view and to the screen reader.
  useEffect(() => {
    if (saveError) {
      alertRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      alertRef.current?.focus({ preventScroll: true });
    }
  }, [saveError]);

  const loadVersions = useCallback(() => {
    setVersionsError(null);
    api
      .get<{ versions: ItemVersion[] }>(`/api/items/${encodeURIComponent(code)}/versions`)
      .then((r) => setVersions(r.versions))
      .catch((e: Error) => setVersionsError(e.message));
  }, [code]);

  const load = useCallback(async () => {
    setLoadError(null);
    setItem(null);
    try {
      const it = await api.get<Item>(`/api/items/${encodeURIComponent(code)}`);
      setItem(it);
      form.setFieldsValue(toForm(pickContent(it)));
    } catch (e) {
      setLoadError(e);
    }
  }, [code, form]);

  useEffect(() => {
    void load();
    loadVersions();
    api.get<{ departments: DepartmentInfo[] }>('/api/departments').then((r) => setDepartments(r.departments), () => setDepartments([]));
  }, [load, loadVersions]);

  const save = async (values: FormValues) => {
    if (!item) return;
    setSaveError(null);
    const content = parseItemForm(form, values);
    if (!content) {
      setSaveError({ message: '请先修正表单中标红的内容', conflict: false });
      return;
    }
    setSaving(true);
    try {
      const next = await api.put<Item>(`/api/items/${encodeURIComponent(code)}`, { ...content, version: item.version });
      setItem(next);
      form.setFieldsValue(toForm(pickContent(next)));
      loadVersions();
      void message.success(`已保存为第 ${next.version} 版`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setSaveError({ message: e.message, conflict: true });
        loadVersions();
      }
      else if (showServerFieldErrors(form, e)) setSaveError({ message: (e as Error).message, conflict: false });
      else setSaveError({ message: e instanceof Error ? e.message : String(e), conflict: false });
    } finally {
      setSaving(false);
    }
  };

  const restore = (content: ItemContent, version: number) => {
    form.setFieldsValue(toForm(content));
    void message.info(`已载入第 ${version} 版内容，保存后将生成新版本`);
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/admin/items">事项管理</Link> }, { title: item?.name ?? code }]} />
      <AdminTitle>{item ? `编辑事项：${item.name}` : '编辑事项'}</AdminTitle>
      <PageState loading={!item && !loadError} error={loadError} onRetry={load}>
        {item && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <p style={{ color: '#262626', marginTop: 0 }}>
                事项编码 {item.code} · 当前第 {item.version} 版 · 最后更新 {fmtTime(item.updatedAt)}
              </p>
              <div ref={alertRef} tabIndex={-1} style={{ outline: 'none' }}>
              {saveError && (
                <Alert
                  role="alert"
                  style={{ marginBottom: 16 }}
                  type={saveError.conflict ? 'warning' : 'error'}
                  showIcon
                  title={saveError.message}
                  description={saveError.conflict ? '有人在您之后保存了该事项。您的修改仍保留在表单中；可以查看版本历史后重新加载最新版本再修改。' : undefined}
                  action={
                    saveError.conflict ? (
                      <Button onClick={() => { setSaveError(null); void load(); loadVersions(); }}>加载最新版本</Button>
                    ) : undefined
                  }
                />
              )}
              </div>
              <Form form={form} layout="vertical" onFinish={save} scrollToFirstError>
                <ItemContentCards departments={departments} />
                <Space>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    保存（生成第 {item.version + 1} 版）
                  </Button>
                  <Button onClick={() => form.setFieldsValue(toForm(pickContent(item)))}>撤销修改</Button>
                </Space>
              </Form>
            </Col>
            <Col xs={24} xl={8}>
              <VersionHistory versions={versions} current={item.version} error={versionsError} onRestore={restore} departments={departments} />
            </Col>
          </Row>
        )}
      </PageState>
    </>
  );
}
