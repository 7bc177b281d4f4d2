// Badges shown for an item in lists and on its guide: online depth, 跨省通办, promised limit, shared data.
import { OnlineDepthLabel, type OnlineDepth } from '../../../../domain/enums.ts';
import { SoftTag, type Tone } from '../../components/SoftTag.tsx';
import { limitText } from '../../lib/format.ts';

const DEPTH_TONE: Record<OnlineDepth, Tone> = { full_online: 'green', online_apply_onsite_verify: 'blue', onsite: 'grey' };

export function DepthTag({ depth }: { depth: OnlineDepth }) {
  return <SoftTag tone={DEPTH_TONE[depth] ?? 'grey'}>{OnlineDepthLabel[depth] ?? depth}</SoftTag>;
}

export function ItemBadges({ item }: { item: { onlineDepth: OnlineDepth; crossProvince: boolean; promisedLimitDays: number; sharedMaterialCount?: number } }) {
  return (
    <span className="tb-item-badges">
      <DepthTag depth={item.onlineDepth} />
      {item.crossProvince ? <SoftTag tone="purple">跨省通办</SoftTag> : null}
      <SoftTag tone={item.promisedLimitDays === 0 ? 'green' : 'grey'}>
        {item.promisedLimitDays === 0 ? '即办' : `承诺时限 ${limitText(item.promisedLimitDays)}`}
      </SoftTag>
      {item.sharedMaterialCount ? <SoftTag tone="cyan">可免提交 {item.sharedMaterialCount} 项</SoftTag> : null}
    </span>
  );
}
