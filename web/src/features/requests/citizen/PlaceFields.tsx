// 地点: the address, the community (社区/村) from the demo places grouped by street, and an optional map point
// from the browser ("使用我的位置"); without geolocation, or when it is refused, the address is enough.
import { useState } from 'react';
import { Button, Form, Input, Radio } from 'antd';
import { AimOutlined, CloseOutlined } from '@ant-design/icons';

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

function locate(): Promise<GeoPoint> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('您的浏览器不支持定位，请填写地址。'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: Number(p.coords.latitude.toFixed(6)), longitude: Number(p.coords.longitude.toFixed(6)) }),
      (e) => reject(new Error(e.code === e.PERMISSION_DENIED ? '您没有允许获取位置。不要紧，填写地址就可以。' : '暂时无法获取您的位置，请填写地址。')),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

export function LocationButton({ point, onChange }: { point: GeoPoint | null; onChange: (p: GeoPoint | null) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="tb-req-location">
      <span className="tb-req-field-label" id="req-point-label">
        地图位置（选填）
      </span>
      {point ? (
        <div className="tb-actions-row" aria-live="polite">
          <span>
            已获取位置：北纬 {point.latitude}，东经 {point.longitude}
          </span>
          <Button icon={<CloseOutlined aria-hidden />} onClick={() => onChange(null)}>
            清除位置
          </Button>
        </div>
      ) : (
        <div className="tb-actions-row">
          <Button
            icon={<AimOutlined aria-hidden />}
            loading={busy}
            aria-describedby="req-point-label"
            onClick={async () => {
              setBusy(true);
              setProblem(null);
              try {
                onChange(await locate());
              } catch (e) {
                setProblem((e as Error).message);
              } finally {
                setBusy(false);
              }
            }}
          >
            使用我的位置
          </Button>
          <span className="tb-muted">人在现场时可以用，帮助承办单位找到地点</span>
        </div>
      )}
      {problem ? (
        <p className="tb-req-warn" role="status">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export function PlaceFields({ places, streetName }: { places: { name: string; streetId: string }[]; streetName: (id: string) => string }) {
  const streets = [...new Set(places.map((p) => p.streetId))];
  return (
    <>
      <Form.Item label="所在社区（村）" name="community" extra="选一个最接近的；不清楚可以不选">
        <Radio.Group className="tb-req-places" aria-label="所在社区（村）">
          {streets.map((s) => (
            <div key={s} className="tb-req-street" role="group" aria-label={streetName(s) || s}>
              <span className="tb-req-street-name" aria-hidden>
                {streetName(s) || s}
              </span>
              <div className="tb-req-street-options">
                {places
                  .filter((p) => p.streetId === s)
                  .map((p) => (
                    <Radio.Button key={p.name} value={p.name}>
                      {p.name}
                    </Radio.Button>
                  ))}
              </div>
            </div>
          ))}
          <div className="tb-req-street">
            <Radio.Button value="">不清楚 / 不在列表中</Radio.Button>
          </div>
        </Radio.Group>
      </Form.Item>
      <Form.Item label="具体地址" name="address" rules={[{ max: 200, message: '地址不能超过 200 字' }]} extra="路名、门牌号、小区楼栋或附近的标志性建筑">
        <Input autoComplete="street-address" maxLength={200} placeholder="例如：和平路 12 号 3 栋楼下" />
      </Form.Item>
    </>
  );
}
