// 扫码核验: the camera through the browser's BarcodeDetector where it exists; otherwise (and always as a second
// way) a photo of the QR code decoded in the page with jsQR. Calls onText with the decoded text.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Upload } from 'antd';
import { CameraOutlined, PictureOutlined, StopOutlined } from '@ant-design/icons';

interface Detector {
  detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]>;
}
type DetectorCtor = new (o: { formats: string[] }) => Detector;
const BarcodeDetectorCtor = (globalThis as unknown as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
const canUseCamera = !!BarcodeDetectorCtor && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/** Decodes the first QR code in an image file, or null. Large photos are scaled down first. */
export async function decodeQrImage(file: Blob): Promise<string | null> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(1, 1600 / Math.max(img.naturalWidth, img.naturalHeight));
    const w = Math.max(1, Math.round(img.naturalWidth * scale));
    const h = Math.max(1, Math.round(img.naturalHeight * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(img, 0, 0, w, h);
    const { default: jsQR } = await import('jsqr'); // loaded only when someone uploads a photo
    const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
    return found?.data || null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function Camera({ onText, onStop }: { onText: (t: string) => void; onStop: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [err, setErr] = useState<string | null>(null);
  const report = useRef(onText);
  report.current = onText;
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const detector = new BarcodeDetectorCtor!({ formats: ['qr_code'] });
    const tick = async () => {
      if (!live || !video.current) return;
      try {
        const codes = video.current.readyState >= 2 ? await detector.detect(video.current) : [];
        if (live && codes[0]?.rawValue) return report.current(codes[0].rawValue);
      } catch {
        /* a frame that could not be read: try the next one */
      }
      timer = setTimeout(tick, 300);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        if (!live) return s.getTracks().forEach((t) => t.stop());
        stream = s;
        video.current!.srcObject = s;
        await video.current!.play();
        void tick();
      })
      .catch(() => live && setErr('无法打开摄像头，请允许浏览器使用摄像头，或改用“上传二维码图片”。'));
    return () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, []);
  return (
    <div className="tb-camera">
      {err ? <Alert type="warning" showIcon title={err} role="alert" /> : <video ref={video} muted playsInline aria-label="摄像头画面，请将二维码对准取景框" />}
      <Button icon={<StopOutlined aria-hidden />} onClick={onStop}>
        关闭摄像头
      </Button>
    </div>
  );
}

export function QrScanner({ onText }: { onText: (t: string) => void }) {
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const found = (t: string) => {
    setCamera(false);
    onText(t);
  };
  return (
    <div className="tb-scan">
      {canUseCamera ? (
        camera ? (
          <Camera onText={found} onStop={() => setCamera(false)} />
        ) : (
          <Button type="primary" size="large" icon={<CameraOutlined aria-hidden />} onClick={() => setCamera(true)}>
            打开摄像头扫码
          </Button>
        )
      ) : (
        <p className="tb-muted">当前浏览器不支持直接扫码，请拍下二维码后上传图片。</p>
      )}
      <Upload
        accept="image/*"
        showUploadList={false}
        beforeUpload={async (file) => {
          setErr(null);
          setBusy(true);
          try {
            const text = await decodeQrImage(file);
            if (text) found(text);
            else setErr('图片中没有识别到二维码，请拍清楚一些再试，或改用“粘贴核验码”。');
          } catch {
            setErr('图片无法读取，请换一张图片再试。');
          } finally {
            setBusy(false);
          }
          return Upload.LIST_IGNORE;
        }}
      >
        <Button size="large" icon={<PictureOutlined aria-hidden />} loading={busy}>
          上传二维码图片
        </Button>
      </Upload>
      {err ? <Alert type="error" showIcon title={err} role="alert" /> : null}
    </div>
  );
}
