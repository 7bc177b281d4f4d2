// Beside a material's upload in the apply form: "使用政府已有数据（免提交）", and once chosen,
// "已使用政府数据：<title>" with 撤销 (back to uploading).
import { useState } from 'react';
import { Button } from 'antd';
import { CheckCircleFilled, CloudDownloadOutlined, UndoOutlined } from '@ant-design/icons';
import { SharedDataPicker, type PickerTarget } from './SharedDataPicker.tsx';
import type { SharedChoice } from './types.ts';
import './sharing.css';

export function UseSharedButton({ target, onPick }: { target: PickerTarget; onPick: (c: SharedChoice) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<CloudDownloadOutlined aria-hidden />} onClick={() => setOpen(true)} aria-expanded={open} className="tb-shared-use">
        使用政府已有数据（免提交）<span className="tb-sr-only">：{target.materialName}</span>
      </Button>
      {open ? (
        <SharedDataPicker
          {...target}
          onCancel={() => setOpen(false)}
          onPick={(c) => {
            setOpen(false);
            onPick(c);
          }}
        />
      ) : null}
    </>
  );
}

export function SharedChosen({ choice, onUndo }: { choice: SharedChoice; onUndo: () => void }) {
  return (
    <div className="tb-shared-chosen" role="status">
      <CheckCircleFilled aria-hidden className="tb-shared-ok" />
      <div className="tb-shared-chosen-text">
        <strong>已使用政府数据：{choice.title}</strong>
        <span className="tb-muted">
          提供单位：{choice.provider} · 用证事由：{choice.purpose}
        </span>
      </div>
      <Button icon={<UndoOutlined aria-hidden />} onClick={onUndo}>
        撤销<span className="tb-sr-only">使用政府数据，改为上传：{choice.name}</span>
      </Button>
    </div>
  );
}
